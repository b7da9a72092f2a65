@testable import Preview
import Testing

// Resolving request paths inside the site folder: files, folders and their
// index pages, and every way of trying to leave the folder.

@Suite struct SiteLocationTests {
    /// A site folder with a page, a stylesheet, a hidden file and links out, beside a secret.
    private func withSite(_ body: (String) throws -> Void) throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        try scratch.write("secret.txt", "not for the web")
        try scratch.write("site/index.html", "<p>home</p>")
        try scratch.write("site/meetings/2025-11-21/index.html", "<p>meeting</p>")
        try scratch.write("site/assets/style.css", "body {}")
        try scratch.write("site/files/a b.txt", "spaces")
        try scratch.write("site/files/café.txt", "accents")
        try scratch.write("site/.compendium-site", "marker")
        try scratch.write("site/empty/readme.txt", "no index here")
        try scratch.link("site/secret-link.txt", to: "../secret.txt")
        try scratch.link("site/outside", to: "..")
        try body(scratch.at("site"))
    }

    @Test func findsFilesAndIndexPages() throws {
        try withSite { root in
            #expect(SiteLocation.resolve("/", in: root) == .file("index.html"))
            #expect(SiteLocation.resolve("/index.html", in: root) == .file("index.html"))
            #expect(SiteLocation.resolve("/meetings/2025-11-21/", in: root) == .file("meetings/2025-11-21/index.html"))
            #expect(SiteLocation.resolve("/meetings/2025-11-21/?from=home#top", in: root) == .file("meetings/2025-11-21/index.html"))
            #expect(SiteLocation.resolve("/assets/style.css", in: root) == .file("assets/style.css"))
            #expect(SiteLocation.resolve("/files/a%20b.txt", in: root) == .file("files/a b.txt"))
            #expect(SiteLocation.resolve("/files/caf%C3%A9.txt", in: root) == .file("files/café.txt"))
        }
    }

    @Test func sendsFoldersWithoutASlashToTheirSlash() throws {
        try withSite { root in
            #expect(SiteLocation.resolve("/meetings/2025-11-21", in: root) == .redirect("/meetings/2025-11-21/"))
            #expect(SiteLocation.resolve("/meetings/2025-11-21?q=1", in: root) == .redirect("/meetings/2025-11-21/?q=1"))
        }
    }

    @Test(arguments: [
        "/../secret.txt", "/%2e%2e/secret.txt", "/%2E%2E/secret.txt", "/meetings/../../secret.txt",
        "/meetings/%2e%2e/%2e%2e/secret.txt", "/meetings%2f..%2f..%2fsecret.txt", "/..%2fsecret.txt",
        "/..%5csecret.txt", "/%5c..%5csecret.txt", "/./index.html", "/meetings/./2025-11-21/",
        "/secret-link.txt", "/outside/secret.txt", "/outside/", "//secret.txt", "/meetings//2025-11-21/",
        "/.compendium-site", "/%2ecompendium-site", "/index.html%00", "/%zz", "/%c3", "/%ff%fe",
        "/index.html/", "/empty/", "/no-such-page/", "relative/index.html", "",
    ])
    func refusesWhatIsNotAFileOfTheSite(_ target: String) throws {
        try withSite { root in
            #expect(SiteLocation.resolve(target, in: root) == .missing)
        }
    }

    @Test func decodesOnlyPlainNames() {
        #expect(SiteLocation.decode("a%20b") == "a b")
        #expect(SiteLocation.decode("%2F") == nil)
        #expect(SiteLocation.decode("%5C") == nil)
        #expect(SiteLocation.decode("%0a") == nil)
        #expect(SiteLocation.decode("%7f") == nil)
        #expect(SiteLocation.decode("%2") == nil)
        #expect(SiteLocation.decode("%C3%28") == nil, "invalid UTF-8")
    }

    @Test func namesMediaTypesByExtension() {
        #expect(MediaType.of("index.html") == "text/html; charset=utf-8")
        #expect(MediaType.of("assets/style.CSS") == "text/css; charset=utf-8")
        #expect(MediaType.of("search-index.js") == "text/javascript; charset=utf-8")
        #expect(MediaType.of("feed.xml") == "application/xml")
        #expect(MediaType.of("files/guide.pdf") == "application/pdf")
        #expect(MediaType.of("files/.hidden") == MediaType.fallback)
        #expect(MediaType.of("files/no-extension") == MediaType.fallback)
    }
}
