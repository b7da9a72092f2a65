import Compendium
import Testing

/// The compendium's own content, in `content/`, built as `make` builds it.
@Suite struct RealContentTests {
    static let build: (files: [String: [UInt8]]?, diagnostics: [Diagnostic], project: Project?) = {
        let paths = ProjectPaths(content: "content", templates: ["themes/default"], configuration: "compendium.yml")
        let (project, loadProblems) = Project.load(paths, in: Repository.root)
        guard let project else { return (nil, loadProblems, nil) }
        let result = SiteBuilder.build(content: project.content, configuration: project.configuration,
                                       templates: project.templates, consent: project.consent)
        let files = result.files.map { Dictionary(uniqueKeysWithValues: $0.map { ($0.path, $0.bytes) }) }
        return (files, loadProblems + result.diagnostics, project)
    }()

    @Test func buildsWithoutErrorsOrWarnings() {
        #expect(RealContentTests.build.diagnostics.isEmpty, "\(HumanFormat().render(DiagnosticReport(diagnostics: RealContentTests.build.diagnostics)))")
        #expect(RealContentTests.build.files != nil)
    }

    @Test func everyInternalLinkResolves() throws {
        let files = try #require(RealContentTests.build.files)
        #expect(LinkChecker.brokenLinks(in: files) == [])
    }

    @Test func everyDocumentThemeTopicAndListingHasAPage() throws {
        let files = try #require(RealContentTests.build.files)
        let project = try #require(RealContentTests.build.project)
        #expect(files["index.html"] != nil)
        for document in project.content.documents {
            let kind = try #require(document.kind)
            let address = SitePath.document(kind: kind, slug: document.baseName)
            #expect(files[SitePath.file(for: address)] != nil, "no page for \(document.displayPath)")
        }
        for kind in Kind.allCases where kind != .page {
            #expect(files[SitePath.file(for: SitePath.listing(kind))] != nil, "no listing for \(kind)")
        }
        let topicPages = files.keys.filter { $0.hasPrefix("topics/") && $0 != "topics/index.html" }
        #expect(topicPages.count >= 20)
        #expect(files["topics/index.html"] != nil)
    }

    @Test func theContentHasWhatTheSeedsDescribe() throws {
        let project = try #require(RealContentTests.build.project)
        let byKind = Dictionary(grouping: project.content.documents) { $0.kind! }.mapValues { $0.map(\.baseName) }
        #expect(Set(byKind[.meeting] ?? []) == ["2025-11-21", "2025-12-12", "2026-01-08"])
        #expect(byKind[.slides] == ["2026-01-08"])
        #expect((byKind[.theme] ?? []).count >= 12)
        #expect((byKind[.series] ?? []).count == 1)
        for resource in ["nhs-job-evaluation-handbook", "embedding-a-peer-workforce", "resilience-based-supervision-training"] {
            #expect(byKind[.resource]?.contains(resource) == true, "missing resource \(resource)")
        }
    }

    /// Only the programme's role address, and people who agreed to it, may appear as e-mail addresses.
    @Test func noPersonalEmailAddressIsPublished() throws {
        let files = try #require(RealContentTests.build.files)
        let project = try #require(RealContentTests.build.project)
        let allowed = Set([project.configuration.contact].compactMap { $0 })
        for (path, bytes) in files where path.hasSuffix(".html") {
            let html = String(decoding: bytes, as: UTF8.self)
            for address in EmailScanner.addresses(in: html) {
                #expect(allowed.contains(address), "\(path) publishes \(address)")
            }
        }
    }

    @Test func buildingTwiceGivesTheSameBytes() throws {
        let project = try #require(RealContentTests.build.project)
        let again = SiteBuilder.build(content: project.content, configuration: project.configuration,
                                      templates: project.templates, consent: project.consent)
        let files = try #require(again.files)
        #expect(Dictionary(uniqueKeysWithValues: files.map { ($0.path, $0.bytes) }) == RealContentTests.build.files)
    }
}

/// Finds things that look like e-mail addresses in text.
enum EmailScanner {
    static func addresses(in text: String) -> [String] {
        let allowed: (Character) -> Bool = { $0.isASCII && ($0.isLetter || $0.isNumber || "._%+-".contains($0)) }
        var found: [String] = []
        let characters = Array(text)
        for (index, character) in characters.enumerated() where character == "@" {
            var start = index
            while start > 0, allowed(characters[start - 1]) { start -= 1 }
            var end = index + 1
            while end < characters.count, allowed(characters[end]) { end += 1 }
            let local = String(characters[start..<index])
            let domain = String(characters[(index + 1)..<end]).trimmingTrailingDots
            if !local.isEmpty, domain.contains(".") { found.append(local + "@" + domain) }
        }
        return found
    }
}

private extension String {
    var trimmingTrailingDots: String {
        var text = self
        while text.hasSuffix(".") { text.removeLast() }
        return text
    }
}
