@testable import Compendium
import Foundation
import Synchronization
import Testing

// Unit tests of what lets a build hold little: bodies rendered ahead and
// kept outside memory, texts read again from their files, the print page and
// search index streamed out, and fingerprints.

@Suite struct FingerprintUnitTests {
    @Test func equalBytesGiveEqualFingerprintsAndAnyChangeAnother() {
        let text = Array("The quick brown fox jumps over the lazy dog, twice over.".utf8)
        #expect(Fingerprint(text) == Fingerprint(text))
        #expect(Fingerprint(text) == Fingerprint(text: String(decoding: text, as: UTF8.self)))
        for index in text.indices {
            var changed = text
            changed[index] ^= 0x01
            #expect(Fingerprint(changed) != Fingerprint(text), "byte \(index)")
        }
        #expect(Fingerprint(text + [0]) != Fingerprint(text))
        #expect(Fingerprint([]) != Fingerprint([0]))
    }

    /// Past thirty-two bytes, words are read in lanes: a change anywhere, or
    /// two bytes swapped between lanes or between blocks, still gives another fingerprint.
    @Test func longTextsChangeWhereverTheyChange() {
        let text = Array(String(repeating: "Peer support, shared practice. ", count: 5).utf8.prefix(131))
        for index in text.indices {
            var changed = text
            changed[index] ^= 0x80
            #expect(Fingerprint(changed) != Fingerprint(text), "byte \(index)")
        }
        var words = Array("aaaaaaaabbbbbbbbccccccccddddddddeeeeeeeeffffffffgggggggghhhhhhhh".utf8)
        let original = Fingerprint(words)
        words.swapAt(0, 8)
        #expect(Fingerprint(words) != original, "a byte moved between two lanes")
        words.swapAt(0, 8)
        words.swapAt(1, 33)
        #expect(Fingerprint(words) != original, "a byte moved between two blocks")
    }
}

@Suite struct BodyTextUnitTests {
    @Test func aBudgetGivesOutNoMoreThanItHas() {
        let budget = TextBudget(bytes: 100)
        #expect(budget.take(60))
        #expect(!budget.take(50))
        #expect(budget.take(40))
        #expect(!budget.take(1))
        #expect(budget.take(0))
    }

    @Test func aBodyIsKeptWhileTheBudgetHasRoomAndReadAgainOnceItHasNot() throws {
        try ScratchFolder.with { folder in
            let body = "## Notes\n\nSee [the guide](guide.md) and [[about]].\n"
            try folder.write("content/pages/team.md", "\u{FEFF}---\r\ntitle: Team\r\n---\r\n" + body.replacingOccurrences(of: "\n", with: "\r\n"))
            let source = SourceFile(relativePath: "pages/team.md", displayPath: "content/pages/team.md",
                                    path: folder.at("content/pages/team.md"))
            let check = FileCheck(limits: .standard, pillars: [], lint: nil)
            let budget = TextBudget(bytes: body.utf8.count + 10)
            let kept = check.check(source, times: StageTimes(), keepingWithin: budget)
            let notKept = check.check(source, times: StageTimes(), keepingWithin: budget)
            #expect(kept.body == body)
            #expect(notKept.body == nil)
            #expect(check.check(source, times: StageTimes()).body == nil)

            // The survey is the same whether the body was kept or is read again.
            let surveyor = BodySurveyor(watch: nil, times: StageTimes())
            let document = try #require(kept.document), text = try #require(kept.text)
            let fromKept = surveyor.survey(CheckedDocument(document: document, text: text, survey: nil, body: kept.body))
            let readAgain = surveyor.survey(CheckedDocument(document: document, text: text, survey: nil))
            #expect(try fromKept.get() == readAgain.get())
            #expect(try fromKept.get().links.count == 2)
        }
    }

    @Test func theTextIsReadAgainFromItsFile() throws {
        try ScratchFolder.with { folder in
            try folder.write("content/pages/about.md", "\u{FEFF}---\r\ntitle: About\r\n---\r\nText of the page.\r\n")
            let source = SourceFile(relativePath: "pages/about.md", displayPath: "content/pages/about.md",
                                    path: folder.at("content/pages/about.md"))
            let checked = FileCheck(limits: .standard, pillars: [], lint: nil).check(source, times: StageTimes())
            let text = try #require(checked.text)
            #expect(text.read() == .success("Text of the page.\n"))

            try folder.write("content/pages/about.md", "---\ntitle: About\n---\nEdited meanwhile.\n")
            #expect(text.read() == .failure(.changed))
            #expect(text.diagnostic(for: .changed) == Unit.diagnostic(.changedWhileBuilding, "content/pages/about.md"))

            try FileManager.default.removeItem(atPath: folder.at("content/pages/about.md"))
            guard case .failure(.unreadable) = text.read() else {
                Issue.record("a removed file must be unreadable")
                return
            }
        }
    }

    /// Builds a project of two pages, `team` with `teamBody`, into an output
    /// whose first file written (the home page, before any body is shown) edits `team`.
    private func buildEditingTeam(_ teamBody: String) throws -> (BuildResult, EditingOutput) {
        try ScratchFolder.with { folder in
            try folder.write("content/pages/about.md", "---\ntitle: About\n---\nText.\n")
            try folder.write("content/pages/team.md", "---\ntitle: Team\n---\n" + teamBody)
            let paths = ProjectPaths(content: "content", templates: [Repository.defaultTemplates], configuration: "site.yml")
            try folder.write("site.yml", "title: Test\ndescription: For tests.\n")
            let project = try #require(Project.load(paths, in: folder.path).0)
            let output = EditingOutput { try? folder.write("content/pages/team.md", "---\ntitle: Team\n---\nEdited.\n") }
            let result = SiteBuilder.build(content: project.content, configuration: project.configuration,
                                           templates: project.templates, into: output)
            return (result, output)
        }
    }

    @Test func aFileEditedWhileTheSiteIsRenderedLeavesTheSiteAsChecked() throws {
        // The body was rendered ahead from the text the check read, so the edit reaches no page.
        let (result, output) = try buildEditingTeam("See [[about]].\n")
        #expect(result.diagnostics == [])
        let page = try #require(output.collected.files.first { $0.path == "team/index.html" })
        let html = String(decoding: page.bytes, as: UTF8.self)
        #expect(html.contains("<p>See <a href=\"../about/\">About</a>.</p>"))
        #expect(!html.contains("Edited."))
    }

    @Test func aFileEditedWhileTheSiteIsRenderedStopsTheBuildWhenItsTextIsReadAgain() throws {
        // A body with an image is not rendered ahead: its text is read again, and the edit is seen.
        let (result, _) = try buildEditingTeam("See [[about]] ![A logo](https://example.org/logo.png).\n")
        #expect(result.diagnostics.contains(Unit.diagnostic(.changedWhileBuilding, "content/pages/team.md")))
        #expect(result.diagnostics.hasErrors)
    }
}

private final class EditingOutput: SiteOutput {
    private let edit: @Sendable () -> Void
    private let edited = Mutex(false)
    /// Every file added.
    let collected = CollectedSite()

    init(edit: @escaping @Sendable () -> Void) {
        self.edit = edit
    }

    func add(_ file: OutputFile) {
        if edited.withLock({ done in defer { done = true }; return !done }) { edit() }
        collected.add(file)
    }

    func addInPieces(_ path: String) -> any FilePieces { collected.addInPieces(path) }
}

@Suite struct StreamedPagesUnitTests {
    private static func project(_ fixture: String) throws -> Project {
        let paths = ProjectPaths(content: "content", templates: [Repository.defaultTemplates], configuration: "compendium.yml")
        return try #require(Project.load(paths, in: Repository.fixtures + "/" + fixture).0)
    }

    /// Batches of one document, whose ends fall everywhere, give the same site as one batch.
    @Test(arguments: ["basic", "reader-care", "warnings"])
    func theSizeOfABatchChangesNothing(_ fixture: String) throws {
        let project = try Self.project(fixture)
        let checked = SiteBuilder.check(content: project.content, configuration: project.configuration)
        let (whole, _) = SiteRenderer(site: checked.site, templates: project.templates, batchSize: 10_000).render()
        let (small, _) = SiteRenderer(site: checked.site, templates: project.templates, batchSize: 1).render()
        #expect(whole.map(\.path) == small.map(\.path))
        for (one, other) in zip(whole, small) { #expect(one == other, "\(one.path)") }
    }

    /// Pages written batch by batch into folders made while the batch before
    /// renders are the pages rendered in memory, byte for byte.
    @Test(arguments: ["basic", "warnings"])
    func pagesWrittenIntoFoldersMadeAheadAreThoseRenderedInMemory(_ fixture: String) throws {
        let project = try Self.project(fixture)
        let checked = SiteBuilder.check(content: project.content, configuration: project.configuration)
        let (expected, _) = SiteRenderer(site: checked.site, templates: project.templates).render()
        try ScratchFolder.with { folder in
            let staging = try SiteWriter.Staging(replacing: folder.at("site"))
            let problems = SiteRenderer(site: checked.site, templates: project.templates, batchSize: 2).render(into: staging)
            try staging.commit()
            #expect(problems == [])
            #expect(folder.files(under: "site").filter { $0 != SiteWriter.markerName } == expected.map(\.path).sorted())
            for file in expected {
                #expect(FileManager.default.contents(atPath: folder.at("site/" + file.path)) == Data(file.bytes), "\(file.path)")
            }
        }
    }

    /// The print page of the `basic` fixture, built with the default template
    /// set and `overrides` (template path under `templates/`, text) on top.
    private static func printPage(overriding overrides: [String: String]) throws -> String {
        let project = try Self.project("basic")
        return try ScratchFolder.with { folder in
            for (path, text) in overrides { try folder.write("theme/templates/" + path, text) }
            let (templates, problems) = TemplateSet.load(from: [Repository.defaultTemplates, folder.at("theme")],
                                                         displayPaths: ["default", "theme"], required: [])
            #expect(problems.filter { $0.severity == .error } == [])
            let set = try #require(templates)
            let checked = SiteBuilder.check(content: project.content, configuration: project.configuration)
            let (files, _) = SiteRenderer(site: checked.site, templates: set).render()
            return String(decoding: try #require(files.first { $0.path == "print/index.html" }).bytes, as: UTF8.self)
        }
    }

    /// A template set that shows the print page's bodies inside an indented
    /// partial indents their lines; the page is then rendered whole, alike.
    @Test func bodiesInsideAnIndentedPartialAreIndentedLikeTheRest() throws {
        let page = try Self.printPage(overriding: [
            "print.mustache": "{{#print}}{{#sections}}{{#documents}}\n  {{>partials/body}}\n{{/documents}}{{/sections}}{{/print}}",
            "partials/body.mustache": "<div>\n{{{body}}}\n</div>\n",
        ])
        #expect(page.hasPrefix("\n  <div>\n  <"))
        #expect(!page.contains("\n<p>"), "every line of every body is indented")
    }

    /// A template set that shows the print page's bodies with an escaping tag
    /// gets them escaped, as the page rendered whole would show them, not as
    /// the HTML the streamed page writes between its parts.
    @Test func bodiesShownWithAnEscapingTagAreEscaped() throws {
        let page = try Self.printPage(overriding: [
            "print.mustache": "{{#print}}{{#sections}}{{#documents}}\n[{{body}}]\n{{/documents}}{{/sections}}{{/print}}",
        ])
        #expect(page.hasPrefix("\n[&lt;"))
        #expect(!page.contains("<p>"), "no body is written as HTML")
    }
}

@Suite struct StagingPiecesUnitTests {
    @Test func aFileWrittenInPiecesHoldsThemInOrder() throws {
        try ScratchFolder.with { folder in
            let staging = try SiteWriter.Staging(replacing: folder.at("site"))
            let pieces = staging.addInPieces("print/index.html")
            for piece in ["<html>", "one", "two", "</html>\n"] { pieces.append(Array(piece.utf8)) }
            pieces.close()
            try staging.commit()
            #expect(staging.counts == (files: 2, pages: 1))
            let written = try String(contentsOfFile: folder.at("site/print/index.html"), encoding: .utf8)
            #expect(written == "<html>onetwo</html>\n")
        }
    }

    @Test func foldersMadeAheadHoldTheFilesAddedLater() throws {
        try ScratchFolder.with { folder in
            let staging = try SiteWriter.Staging(replacing: folder.at("site"))
            staging.prepare(["meetings/a/index.html", "meetings/b/index.html", "index.html"])
            let building = try #require(try FileSystem.names(in: folder.path).first { $0.hasPrefix(".site.building-") })
            #expect(FileSystem.entryType(folder.at(building + "/meetings/a")) == .directory)
            #expect(FileSystem.entryType(folder.at(building + "/meetings/b")) == .directory)
            for path in ["meetings/a/index.html", "meetings/b/index.html", "index.html"] {
                staging.add(OutputFile(path: path, text: path))
            }
            try staging.commit()
            #expect(folder.files(under: "site") == [SiteWriter.markerName, "index.html", "meetings/a/index.html",
                                                     "meetings/b/index.html"])
            #expect(folder.read("site/meetings/b/index.html") == "meetings/b/index.html")
        }
    }

    @Test func aFolderThatCannotBeMadeAheadFailsTheCommit() throws {
        try ScratchFolder.with { folder in
            let staging = try SiteWriter.Staging(replacing: folder.at("site"))
            staging.add(OutputFile(path: "meetings", text: "a file where a folder must go"))
            staging.prepare(["meetings/a/index.html"])
            #expect(throws: SiteWriter.Failure.self) { try staging.commit() }
            #expect(FileSystem.entryType(folder.at("site")) == nil)
        }
    }

    @Test func aFileThatCannotBeStartedFailsTheCommit() throws {
        try ScratchFolder.with { folder in
            let staging = try SiteWriter.Staging(replacing: folder.at("site"))
            staging.add(OutputFile(path: "print", text: "a file where a folder must go"))
            let pieces = staging.addInPieces("print/index.html")
            pieces.append(Array("lost".utf8))
            pieces.close()
            #expect(throws: SiteWriter.Failure.self) { try staging.commit() }
            #expect(FileSystem.entryType(folder.at("site")) == nil)
        }
    }
}

@Suite struct FileReadingUnitTests {
    @Test func filesOfEverySizeAreReadWhole() throws {
        try ScratchFolder.with { folder in
            for size in [0, 1, 4095, 4096, 4097, 200_000] {
                let bytes = (0..<size).map { UInt8(truncatingIfNeeded: $0 &* 31) }
                try Data(bytes).write(to: URL(fileURLWithPath: folder.at("f\(size)")))
                #expect(try FileSystem.read(folder.at("f\(size)")) == bytes, "\(size) bytes")
            }
            #expect(throws: FileSystem.Failure.self) { try FileSystem.read(folder.at("missing")) }
        }
    }
}
