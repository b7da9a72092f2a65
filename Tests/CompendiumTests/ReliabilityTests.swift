import Compendium
import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing

/// Hostile and broken input never crashes, hangs, escapes the output folder
/// or publishes active markup; output is the same wherever it is built.
@Suite struct ReliabilityTests {
    private static func copy(fixture: String) throws -> String {
        let folder = try CommandLineTests.temporaryFolder() + "/project"
        try FileManager.default.copyItem(atPath: Repository.fixtures + "/" + fixture, toPath: folder)
        try? FileManager.default.removeItem(atPath: folder + "/expected-site")
        return folder
    }

    private static func build(_ folder: String) throws -> [String: [UInt8]] {
        let paths = ProjectPaths(content: "content", templates: [Repository.defaultTemplates], configuration: "compendium.yml")
        let project = try #require(Project.load(paths, in: folder).0)
        let result = SiteBuilder.build(content: project.content, configuration: project.configuration, templates: project.templates)
        return Dictionary(uniqueKeysWithValues: try #require(result.files).map { ($0.path, $0.bytes) })
    }

    @Test func markupInFrontMatterAndTextIsInertEverywhere() throws {
        let files = try #require(Fixture(name: "hostile-strings").build().files)
        for (path, bytes) in files {
            let text = String(decoding: bytes, as: UTF8.self)
            if path.hasSuffix(".html") {
                let tags = HTMLTags.parse(text)
                let scripts = tags.filter { $0.name == "script" }
                #expect(scripts.count == (path == "search/index.html" ? 2 : 0), "\(path) has a script element")
                #expect(scripts.allSatisfy { $0.attributes["src"]?.hasSuffix(".js") == true })
                for tag in tags {
                    for (name, value) in tag.attributes {
                        #expect(!name.hasPrefix("on"), "\(path): <\(tag.name) \(name)=…>")
                        let lower = value.lowercased()
                        if name == "href" || name == "src" {
                            #expect(!lower.hasPrefix("javascript:") && !lower.hasPrefix("vbscript:") && !lower.hasPrefix("data:"),
                                    "\(path) links to \(value)")
                        }
                    }
                }
                #expect(!tags.contains { $0.name == "img" && $0.attributes["src"] == "x" }, "\(path) has raw HTML")
            } else {
                #expect(!text.contains("</script"), "\(path) could close a script element")
            }
            if path.hasSuffix(".xml") {
                #expect(XMLParser(data: Data(bytes)).parse(), "\(path) is not well-formed")
            }
        }
        // Mustache in content is shown, never evaluated.
        let meeting = String(decoding: files["meetings/2025-02-02/index.html"]!, as: UTF8.self)
        #expect(meeting.contains("{{site.description}}"))
        #expect(meeting.contains("&lt;b&gt;bold action&lt;/b&gt;"))
        // Nothing outside the content folder is copied.
        #expect(!files.keys.contains { $0.contains("passwd") || $0.contains("shadow") })
    }

    @Test func windowsLineEndingsAndAByteOrderMarkGiveTheSameSite() throws {
        let folder = try Self.copy(fixture: "basic")
        let unix = try Self.build(folder)
        let enumerator = FileManager.default.enumerator(atPath: folder + "/content")
        while let path = enumerator?.nextObject() as? String {
            guard path.hasSuffix(".md") else { continue }
            let file = folder + "/content/" + path
            let text = try String(contentsOfFile: file, encoding: .utf8)
            try Data(("\u{FEFF}" + text.replacing("\n", with: "\r\n")).utf8).write(to: URL(fileURLWithPath: file))
        }
        #expect(try Self.build(folder) == unix)
    }

    /// libcmark's own pathological test cases, each at a size the file limit allows.
    static let pathological: [String: String] = [
        "nested strong emphasis": String(repeating: "*a **a ", count: 30_000) + "b" + String(repeating: " a** a*", count: 30_000),
        "emphasis closers": String(repeating: "a_ ", count: 100_000),
        "link openers": String(repeating: "[a", count: 100_000),
        "link closers": String(repeating: "a]", count: 100_000),
        "mismatched openers and closers": String(repeating: "*a_ ", count: 100_000),
        "pattern [ (](": String(repeating: "[ (](", count: 100_000),
        "nested brackets": String(repeating: "[", count: 50_000) + "a" + String(repeating: "]", count: 50_000),
        "nested block quotes": String(repeating: "> ", count: 50_000) + "a",
        "deeply nested lists": (0..<300).map { String(repeating: "  ", count: $0) + "* a\n" }.joined(),
        "unclosed links": String(repeating: "[a](<b", count: 60_000),
        "unclosed comments": "</" + String(repeating: "<!--", count: 200_000),
        "image openers": String(repeating: "![[]()", count: 60_000),
        "backticks": (1..<1_000).map { "e" + String(repeating: "`", count: $0) }.joined(),
    ]

    @Test(arguments: pathological.keys.sorted())
    func pathologicalMarkdownFinishesQuickly(_ name: String) throws {
        let text = "---\ntitle: \(name)\ndate: 2025-01-01\n---\n" + Self.pathological[name]!
        let source = SourceFile(relativePath: "meetings/2025-01-01.md", displayPath: "content/meetings/2025-01-01.md",
                                bytes: Array(text.utf8))
        let started = Date()
        let result = SiteBuilder.check(content: ContentFiles(documents: [source]),
                                       configuration: SiteConfiguration(title: "T", description: "D"),
                                       options: BuildOptions(privacyLint: false))
        let seconds = Date().timeIntervalSince(started)
        #expect(seconds < 5, "\(name) took \(seconds) s")
        let rules = Set(result.diagnostics.filter { $0.severity == .error }.map(\.reason.ruleID))
        #expect(rules.isSubset(of: ["limit.open-brackets", "limit.markdown-nesting", "limit.file-size"]), "\(rules)")
    }

    @Test func symbolicLinksAreRefusedAndNeverRead() throws {
        let folder = try CommandLineTests.temporaryFolder()
        let content = folder + "/content"
        try FileManager.default.createDirectory(atPath: content + "/meetings", withIntermediateDirectories: true)
        let outside = folder + "/secret.md"
        try Data("---\ntitle: Secret\ndate: 2025-01-01\n---\nsecret\n".utf8).write(to: URL(fileURLWithPath: outside))
        try FileManager.default.createSymbolicLink(atPath: content + "/meetings/2025-01-01.md", withDestinationPath: outside)
        try FileManager.default.createSymbolicLink(atPath: content + "/pages", withDestinationPath: "/etc")
        let (files, diagnostics) = ContentLoader.load(directory: content, displayPrefix: "content")
        #expect(files.documents.isEmpty)
        #expect(diagnostics.map { "\($0.location.file) \($0.reason.ruleID)" }.sorted()
            == ["content/meetings/2025-01-01.md load.symbolic-link", "content/pages load.symbolic-link"])
    }

    @Test func oddFileNamesAreSanitisedOrRefused() throws {
        let folder = try Self.copy(fixture: "basic")
        let pages = folder + "/content/pages/"
        let page = Data("---\ntitle: Odd\n---\n".utf8)
        for name in ["back\\slash.md", "tab\there.md", "a%2Fb.md", "NUL.md", "Caf\u{E9}.md", "Cafe\u{301}.md"] {
            try page.write(to: URL(fileURLWithPath: pages + name))
        }
        let paths = ProjectPaths(content: "content", templates: [Repository.defaultTemplates], configuration: "compendium.yml")
        let project = try #require(Project.load(paths, in: folder).0)
        let result = SiteBuilder.check(content: project.content, configuration: project.configuration)
        let found = result.diagnostics.map { "\($0.location.file.replacing("content/pages/", with: "")) \($0.reason.ruleID)" }
        #expect(found.contains("back\\slash.md slug.file-name"))
        #expect(found.contains("tab\there.md slug.file-name"))
        #expect(found.contains("a%2Fb.md slug.file-name"))
        #expect(found.contains("NUL.md name.reserved"))
        // The two spellings of Café give one address: one is refused, naming the other.
        let duplicate = try #require(result.diagnostics.first { $0.reason.ruleID == "address.duplicate" })
        #expect(duplicate.reason.message.contains("/cafe/"))
        #expect(result.site.documents.filter { $0.kind == .page }.map(\.slug).sorted() == ["a-2fb", "about", "back-slash", "cafe", "tab-here"])
    }

    @Test func tooManyDocumentsIsAnError() throws {
        let folder = try Self.copy(fixture: "basic")
        try Data("title: T\ndescription: D\nlimits:\n  documents: 3\n".utf8)
            .write(to: URL(fileURLWithPath: folder + "/compendium.yml"))
        let run = try CommandLineTests.run(["check", "--theme", Repository.defaultTemplates], in: folder)
        #expect(run.status == 1)
        #expect(run.output.contains("error: there are 15 documents, more than the limit of 3 [limit.documents]"))
    }

    @Test func theSameContentGivesTheSameBytesInAnyTimeZoneLocaleOrFileOrder() throws {
        let folder = try Self.copy(fixture: "basic")
        let first = folder + "/../first"
        _ = try CommandLineTests.run(["build", "--theme", Repository.defaultTemplates, "--output", first], in: folder)
        // The same files created in the opposite order, then built elsewhere in the world.
        let reordered = folder + "/../reordered"
        try FileManager.default.createDirectory(atPath: reordered, withIntermediateDirectories: true)
        let paths = (FileManager.default.enumerator(atPath: folder)?.allObjects as? [String] ?? []).sorted().reversed()
        for path in paths {
            var isDirectory: ObjCBool = false
            _ = FileManager.default.fileExists(atPath: folder + "/" + path, isDirectory: &isDirectory)
            if isDirectory.boolValue { continue }
            try FileManager.default.createDirectory(atPath: (reordered + "/" + path as NSString).deletingLastPathComponent,
                                                    withIntermediateDirectories: true)
            try FileManager.default.copyItem(atPath: folder + "/" + path, toPath: reordered + "/" + path)
        }
        let second = folder + "/../second"
        let run = try CommandLineTests.run(["build", "--theme", Repository.defaultTemplates, "--output", second], in: reordered,
                                           environment: ["TZ": "Pacific/Kiritimati", "LC_ALL": "tr_TR.UTF-8", "LANG": "ja_JP.UTF-8"])
        #expect(run.status == 0)
        #expect(try Self.tree(first) == Self.tree(second))
    }

    @Test func aDeletedDocumentsPageDisappears() throws {
        let folder = try Self.copy(fixture: "basic")
        let output = folder + "/../site"
        _ = try CommandLineTests.run(["build", "--theme", Repository.defaultTemplates, "--output", output], in: folder)
        #expect(FileManager.default.fileExists(atPath: output + "/jobs/peer-trainer/index.html"))
        try FileManager.default.removeItem(atPath: folder + "/content/jobs/peer-trainer.md")
        try Data("---\ntitle: Training\n---\n".utf8).write(to: URL(fileURLWithPath: folder + "/content/themes/training.md"))
        _ = try CommandLineTests.run(["build", "--theme", Repository.defaultTemplates, "--output", output], in: folder)
        #expect(!FileManager.default.fileExists(atPath: output + "/jobs/peer-trainer/index.html"))
        #expect(FileManager.default.fileExists(atPath: output + "/jobs/peer-support-worker/index.html"))
    }

    /// Every file below `folder`, by path.
    static func tree(_ folder: String) throws -> [String: Data] {
        var files: [String: Data] = [:]
        for case let path as String in FileManager.default.enumerator(atPath: folder)?.allObjects ?? [] {
            var isDirectory: ObjCBool = false
            _ = FileManager.default.fileExists(atPath: folder + "/" + path, isDirectory: &isDirectory)
            if !isDirectory.boolValue { files[path] = FileManager.default.contents(atPath: folder + "/" + path) }
        }
        return files
    }
}

/// The start tags of generated HTML, with their attributes (always quoted).
enum HTMLTags {
    struct Tag {
        let name: String
        let attributes: [String: String]
    }

    static func parse(_ html: String) -> [Tag] {
        var tags: [Tag] = []
        var characters = Substring(html)
        while let open = characters.firstIndex(of: "<") {
            characters = characters[characters.index(after: open)...]
            guard let first = characters.first, first.isLetter else { continue }
            let name = String(characters.prefix { $0.isLetter || $0.isNumber }).lowercased()
            characters = characters.dropFirst(name.count)
            var attributes: [String: String] = [:]
            while true {
                characters = characters.drop { $0.isWhitespace }
                guard let next = characters.first, next != ">", next != "/" else { break }
                let attribute = String(characters.prefix { !$0.isWhitespace && $0 != "=" && $0 != ">" }).lowercased()
                characters = characters.dropFirst(attribute.count)
                var value = ""
                if characters.first == "=" {
                    characters = characters.dropFirst()
                    if let quote = characters.first, quote == "\"" || quote == "'" {
                        characters = characters.dropFirst()
                        value = String(characters.prefix { $0 != quote })
                        characters = characters.dropFirst(value.count + 1)
                    } else {
                        value = String(characters.prefix { !$0.isWhitespace && $0 != ">" })
                        characters = characters.dropFirst(value.count)
                    }
                }
                attributes[attribute] = value
            }
            tags.append(Tag(name: name, attributes: attributes))
        }
        return tags
    }
}
