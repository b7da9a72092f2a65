@testable import Compendium
import Testing

/// What `compendium new` writes must pass the checks as it stands.
@Suite struct DocumentTemplateTests {
    @Test(arguments: Kind.allCases)
    func everyKindsTemplateReadsWithoutProblems(_ kind: Kind) throws {
        let day = Day(iso: "2026-02-19")
        let title = "Peer support: \"what works\""
        let text = DocumentTemplate.text(kind: kind, title: title, date: day, resourceKind: .guide,
                                         themes: ["supervision", "banding"])
        let name = DocumentTemplate.fileName(kind: kind, title: title, date: day)
        let source = SourceFile(relativePath: "\(kind.folder)/\(name)", displayPath: "content/\(kind.folder)/\(name)",
                                bytes: Array(text.utf8))
        let (parsed, parseProblems) = DocumentParser.parse(source)
        #expect(parseProblems == [])
        let (document, problems) = DocumentModeller.model(try #require(parsed), pillars: [])
        #expect(problems == [])
        #expect(document?.title == title)
        if kind == .meeting || kind == .slides {
            #expect(name == "2026-02-19.md")
            #expect(document?.date == day)
        } else {
            #expect(name == "peer-support-what-works.md")
        }
        #expect(text.contains("This comment is not published"))
    }

    @Test func aResourceWithoutItsKindIsReportedByTheCheck() throws {
        let text = DocumentTemplate.text(kind: .resource, title: "A guide", date: nil)
        let source = SourceFile(relativePath: "resources/a-guide.md", displayPath: "content/resources/a-guide.md",
                                bytes: Array(text.utf8))
        let (_, problems) = DocumentModeller.model(try #require(DocumentParser.parse(source).0), pillars: [])
        #expect(problems.map(\.reason) == [.missingField(field: "kind", kind: "resource")])
    }

    @Test func theThemesCommentListsTheThemes() {
        let text = DocumentTemplate.text(kind: .meeting, title: "T", date: nil, themes: ["supervision", "banding"])
        #expect(text.contains("# Themes it discusses, as slugs: banding, supervision.\nthemes: []\n"))
    }
}
