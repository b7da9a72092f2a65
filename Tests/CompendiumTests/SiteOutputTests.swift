import Compendium
import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing

/// The files for other programs and the choices that change links.
@Suite struct SiteOutputTests {
    private func text(_ files: [String: [UInt8]], _ path: String) throws -> String {
        String(decoding: try #require(files[path], "no \(path)"), as: UTF8.self)
    }

    private func isWellFormedXML(_ text: String) -> Bool {
        XMLParser(data: Data(text.utf8)).parse()
    }

    @Test func withABaseURLTheSitemapFeedAndPagesUseAbsoluteAddresses() throws {
        let build = Fixture(name: "basic").build(options: BuildOptions(baseURL: "https://peer.example.net/compendium"))
        let files = try #require(build.files)
        let sitemap = try text(files, "sitemap.xml")
        #expect(isWellFormedXML(sitemap))
        let pages = files.keys.filter { $0.hasSuffix("index.html") }
        #expect(sitemap.components(separatedBy: "<loc>").count - 1 == pages.count)
        #expect(sitemap.contains("<loc>https://peer.example.net/compendium/meetings/2025-03-01/</loc>"))
        #expect(try text(files, "robots.txt") == "User-agent: *\nAllow: /\nSitemap: https://peer.example.net/compendium/sitemap.xml\n")
        let feed = try text(files, "feed.xml")
        #expect(isWellFormedXML(feed))
        #expect(feed.contains("<id>https://peer.example.net/compendium/meetings/2025-04-05/</id>"))
        let notFound = try text(files, "404.html")
        #expect(notFound.contains("href=\"/compendium/meetings/\""))
        #expect(notFound.contains("href=\"/compendium/assets/style.css\""))
        let meeting = try text(files, "meetings/2025-03-01/index.html")
        #expect(meeting.contains("<meta property=\"og:url\" content=\"https://peer.example.net/compendium/meetings/2025-03-01/\">"))
    }

    @Test func theFeedHoldsMeetingsAndResourcesNewestFirst() throws {
        let files = try #require(Fixture(name: "basic").build().files)
        let feed = try text(files, "feed.xml")
        #expect(isWellFormedXML(feed))
        // The resource has no date of its own, so it takes that of the session it was shared in.
        let titles = feed.components(separatedBy: "<entry>\n<title>").dropFirst().map { $0.prefix { $0 != "<" } }
        #expect(titles == ["Supervision in practice", "Supervision guide", "Opening: supervision &amp; banding"])
    }

    @Test func withoutABaseURLThereIsNoSitemapAndTheFeedIsRelative() throws {
        let files = try #require(Fixture(name: "reader-care").build().files)
        #expect(files["sitemap.xml"] == nil)
        #expect(try text(files, "robots.txt") == "User-agent: *\nAllow: /\n")
        let feed = try text(files, "feed.xml")
        #expect(isWellFormedXML(feed))
        #expect(!feed.contains("https://"))
        #expect(feed.contains("<link rel=\"alternate\" type=\"text/html\" href=\"meetings/2025-06-06/\"/>"))
        #expect(try text(files, "404.html").contains("href=\"/meetings/\""))
    }

    @Test func theSearchIndexIsAScriptHoldingEveryDocument() throws {
        let files = try #require(Fixture(name: "basic").build().files)
        var script = try text(files, "search-index.js")
        #expect(script.hasPrefix("window.COMPENDIUM_SEARCH = {"))
        script.removeFirst("window.COMPENDIUM_SEARCH = ".count)
        script.removeLast(";\n".count)
        let index = try #require(try JSONSerialization.jsonObject(with: Data(script.utf8)) as? [String: Any])
        let documents = try #require(index["documents"] as? [[String: Any]])
        #expect(documents.count == 14)
        let meeting = try #require(documents.first { $0["url"] as? String == "meetings/2025-03-01/" })
        #expect(meeting["kind"] as? String == "meeting")
        #expect(meeting["themes"] as? [String] == ["banding", "supervision"])
        #expect((meeting["text"] as? String)?.contains("The group read Supervision guide and discussed supervision.") == true)
    }

    @Test func pagesWithContentNotesKeepTheirTextToThemselves() throws {
        let files = try #require(Fixture(name: "reader-care").build().files)
        let secret = "must not leak"
        for (path, bytes) in files where path != "meetings/2025-06-06/index.html" && path != "print/index.html" {
            #expect(!String(decoding: bytes, as: UTF8.self).contains(secret), "\(path) shows the summary")
        }
        #expect(!(try text(files, "search-index.js")).contains("how restraint affects"))
        let page = try text(files, "meetings/2025-06-06/index.html")
        let note = try #require(page.range(of: "<aside class=\"content-note\""))
        let summary = try #require(page.range(of: secret))
        #expect(note.lowerBound < summary.lowerBound)
        #expect(page.contains("<meta name=\"description\" content=\"Content note: restraint, self-harm.\">"))
        #expect(page.contains("Support is available: Samaritans on 116 123, or NHS 111."))
    }

    /// Opened from a folder, a browser does not turn `meetings/` into `meetings/index.html`.
    @Test func fileLinksNameEveryFile() throws {
        var options = BuildOptions()
        options.linkStyle = .files
        let files = try #require(Fixture(name: "basic").build(options: options).files)
        for (path, bytes) in files where path.hasSuffix(".html") && path != "404.html" {
            let html = String(decoding: bytes, as: UTF8.self)
            for href in LinkChecker.attributeValues("href", in: html) + LinkChecker.attributeValues("src", in: html)
            where !href.contains(":") && !href.hasPrefix("#") {
                let target = href.split(separator: "#", omittingEmptySubsequences: false)[0]
                #expect(!target.hasSuffix("/"), "\(path) links to a folder: \(href)")
                #expect(resolve(String(target), from: path).map { files[$0] != nil || $0.hasPrefix("assets/") } == true,
                        "\(path): \(href)")
            }
        }
        #expect(try text(files, "search-index.js").contains("\"url\": \"meetings/2025-03-01/index.html\""))
    }

    private func resolve(_ href: String, from page: String) -> String? {
        var parts = page.split(separator: "/").dropLast().map(String.init)
        for part in href.split(separator: "/") {
            if part == ".." { guard !parts.isEmpty else { return nil }; parts.removeLast() } else if part != "." { parts.append(String(part)) }
        }
        return parts.joined(separator: "/")
    }
}
