@testable import Compendium
import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

// The incremental builder behind `serve`: after every edit, the output folder
// holds exactly what a full build of the same files produces, and only the
// files whose bytes changed are written again.

@Suite struct IncrementalBuilderTests {
    /// A copy of the `basic` fixture project in a scratch folder.
    private func project(in folder: ScratchFolder) throws {
        let fixture = Repository.fixtures + "/basic"
        for file in ["compendium.yml"] + folderFiles(fixture + "/content").map({ "content/" + $0 }) {
            try folder.write(file, bytes: Array(FileManager.default.contents(atPath: fixture + "/" + file)!))
        }
    }

    private func folderFiles(_ root: String) -> [String] {
        ((try? FileManager.default.subpathsOfDirectory(atPath: root)) ?? []).filter {
            var isDirectory: ObjCBool = false
            return FileManager.default.fileExists(atPath: root + "/" + $0, isDirectory: &isDirectory) && !isDirectory.boolValue
        }.sorted()
    }

    /// The default template set, overridden by the project's own `skin/` folder.
    private var paths: ProjectPaths {
        ProjectPaths(content: "content", templates: [Repository.defaultTemplates, "skin"], configuration: "compendium.yml")
    }

    /// What a full build of the project in `folder` writes, by path.
    private func fullBuild(_ folder: ScratchFolder) -> [String: [UInt8]]? {
        let (project, problems) = Project.load(paths, in: folder.path)
        guard let project, !problems.hasErrors else { return nil }
        let result = SiteBuilder.build(content: project.content, configuration: project.configuration,
                                       templates: project.templates, consent: project.consent)
        guard let files = result.files else { return nil }
        return Dictionary(files.map { ($0.path, $0.bytes) }, uniquingKeysWith: { $1 })
    }

    /// The files in the output folder, by path, without the marker.
    private func written(_ folder: ScratchFolder) -> [String: [UInt8]] {
        var files: [String: [UInt8]] = [:]
        for path in folderFiles(folder.at("site")) where path != SiteWriter.markerName {
            files[path] = Array(FileManager.default.contents(atPath: folder.at("site/" + path))!)
        }
        return files
    }

    /// The paths whose bytes differ between two sites, or that only one has.
    private func differences(_ site: [String: [UInt8]], _ expected: [String: [UInt8]]) -> [String] {
        Set(site.keys).union(expected.keys).filter { site[$0] != expected[$0] }.sorted()
    }

    private func inode(_ path: String) -> UInt64 {
        var status = stat()
        return lstat(path, &status) == 0 ? UInt64(status.st_ino) : 0
    }

    /// Replaces `old` with `new` in the file at `relative`.
    private func edit(_ folder: ScratchFolder, _ relative: String, _ old: String, _ new: String) throws {
        let text = try #require(folder.read(relative))
        #expect(text.contains(old), "\(relative) does not contain \(old)")
        try folder.write(relative, text.replacingOccurrences(of: old, with: new))
    }

    @Test func everyRebuildWritesWhatAFullBuildWrites() throws {
        try ScratchFolder.with { folder in
            try project(in: folder)
            let builder = IncrementalBuilder(paths: paths, in: folder.path, output: folder.at("site"))
            let first = builder.rebuild()
            #expect(first.published)
            #expect(differences(written(folder), try #require(fullBuild(folder))) == [])

            let edits: [(String, () throws -> Void)] = [
                ("a meeting's title", { try edit(folder, "content/meetings/2025-04-05.md", "Supervision in practice", "Supervision, in practice") }),
                ("a new meeting", {
                    try folder.write("content/meetings/2025-05-10.md", """
                        ---
                        title: Bands and banding
                        date: 2025-05-10
                        series: spring-series
                        themes: [banding]
                        topics: [band 4, Job evaluation]
                        ---
                        We looked again at [[meetings/2025-04-05|supervision]].
                        """)
                }),
                ("a theme's summary", { try appendLine(folder, "content/themes/training.md", "\nMore about training.") }),
                ("a date that reorders meetings", { try edit(folder, "content/meetings/2025-05-10.md", "date: 2025-05-10", "date: 2025-01-10") }),
                ("the site's title", { try edit(folder, "compendium.yml", "Example Compendium", "Example compendium of learning") }),
                ("a removed document", { try FileManager.default.removeItem(atPath: folder.at("content/meetings/2025-05-10.md")) }),
                ("a template overridden", {
                    let original = try #require(FileManager.default.contents(atPath: Repository.defaultTemplates + "/templates/topic.mustache"))
                    try folder.write("skin/templates/topic.mustache", String(decoding: original, as: UTF8.self) + "<!-- skin -->\n")
                }),
                ("a custom style sheet", { try folder.write("skin/assets/custom.css", "main { max-width: 40rem; }\n") }),
                ("a title that other pages show", { try edit(folder, "content/themes/supervision.md", "title: Supervision", "title: Supervision and reflection") }),
            ]
            for (label, change) in edits {
                try change()
                let outcome = builder.rebuild()
                #expect(outcome.published, "after \(label): \(outcome.diagnostics)")
                let expected = try #require(fullBuild(folder), "after \(label)")
                #expect(differences(written(folder), expected) == [], "after \(label)")
                #expect(!outcome.changed.isEmpty, "after \(label)")
            }
        }
    }

    private func appendLine(_ folder: ScratchFolder, _ relative: String, _ line: String) throws {
        try folder.write(relative, (folder.read(relative) ?? "") + line + "\n")
    }

    @Test func onlyChangedFilesAreWrittenAgain() throws {
        try ScratchFolder.with { folder in
            try project(in: folder)
            let builder = IncrementalBuilder(paths: paths, in: folder.path, output: folder.at("site"))
            #expect(builder.rebuild().published)
            let untouched = folder.at("site/jobs/peer-trainer/index.html")
            let edited = folder.at("site/meetings/2025-04-05/index.html")
            let (untouchedBefore, editedBefore) = (inode(untouched), inode(edited))

            #expect(builder.rebuild().changed == [], "nothing changed, nothing is written")
            try appendLine(folder, "content/meetings/2025-04-05.md", "One more sentence about supervision.")
            let outcome = builder.rebuild()
            #expect(outcome.changed.contains("meetings/2025-04-05/index.html"))
            #expect(outcome.changed.contains("search-index.js"))
            #expect(!outcome.changed.contains("jobs/peer-trainer/index.html"))
            #expect(inode(untouched) == untouchedBefore)
            #expect(inode(edited) != editedBefore)
            #expect(folder.read("site/meetings/2025-04-05/index.html")?.contains("One more sentence about supervision.") == true)
        }
    }

    /// Edits to texts alone write the edited pages, told about first, then
    /// the pages made from every text; edits that change what a text links
    /// to or its headings rebuild the whole site. Each ends as a full build.
    @Test func editsToTextsWriteTheirPagesFirst() throws {
        try ScratchFolder.with { folder in
            try project(in: folder)
            let builder = IncrementalBuilder(paths: paths, in: folder.path, output: folder.at("site"))
            #expect(builder.rebuild().published)
            let page = "meetings/2025-04-05/index.html"
            let edits: [(label: String, edit: () throws -> Void, firstTold: [String]?)] = [
                ("a sentence", { try appendLine(folder, "content/meetings/2025-04-05.md", "A new sentence.") }, [page]),
                ("a link to the same document again",
                 { try appendLine(folder, "content/meetings/2025-04-05.md", "Again: [[slides/2025-03-01|the slides]].") }, [page]),
                ("a link to another document",
                 { try appendLine(folder, "content/meetings/2025-04-05.md", "See [[banding]].") }, nil),
                ("a new heading", { try appendLine(folder, "content/meetings/2025-04-05.md", "\n## Next steps\n") }, nil),
                ("a sentence in two documents", {
                    try appendLine(folder, "content/meetings/2025-04-05.md", "One more.")
                    try appendLine(folder, "content/meetings/2025-03-01.md", "And one more.")
                }, ["meetings/2025-03-01/index.html", page]),
            ]
            for (label, edit, firstTold) in edits {
                try edit()
                var told: [String]?
                let outcome = builder.rebuild { told = $0 }
                #expect(outcome.published, "after \(label)")
                #expect(told?.sorted() == firstTold, "after \(label)")
                #expect(Set(told ?? []).isSubset(of: outcome.changed), "after \(label)")
                if firstTold != nil { #expect(outcome.changed.contains("print/index.html"), "after \(label)") }
                let expected = try #require(fullBuild(folder), "after \(label)")
                #expect(differences(written(folder), expected) == [], "after \(label)")
            }
        }
    }

    @Test func aRebuildWithErrorsKeepsTheLastGoodSiteAndReportsThem() throws {
        try ScratchFolder.with { folder in
            try project(in: folder)
            let builder = IncrementalBuilder(paths: paths, in: folder.path, output: folder.at("site"))
            #expect(builder.rebuild().published)
            let before = written(folder)

            try edit(folder, "content/meetings/2025-04-05.md", "themes: [peer supervision]", "themes: [peer supervison]")
            let broken = builder.rebuild()
            #expect(!broken.published)
            #expect(broken.changed == [])
            let error = try #require(broken.diagnostics.first { $0.severity == .error })
            #expect(error.location.file == "content/meetings/2025-04-05.md")
            #expect(error.location.line == 6)
            #expect(differences(written(folder), before) == [])

            try edit(folder, "content/meetings/2025-04-05.md", "themes: [peer supervison]", "themes: [peer supervision]")
            let fixed = builder.rebuild()
            #expect(fixed.published)
            #expect(!fixed.diagnostics.hasErrors)
            #expect(differences(written(folder), before) == [])
        }
    }

    @Test func aCheckWithAMemoFindsWhatAFreshCheckFinds() throws {
        try ScratchFolder.with { folder in
            try project(in: folder)
            var snapshot = ContentSnapshot()
            let (loaded, _) = Project.load(paths, in: folder.path, snapshot: &snapshot)
            let project = try #require(loaded)
            let first = SiteBuilder.check(content: project.content, configuration: project.configuration)
            var edited = project.content
            let index = try #require(edited.documents.firstIndex { $0.relativePath == "meetings/2025-04-05.md" })
            let source = edited.documents[index]
            edited.documents[index] = SourceFile(relativePath: source.relativePath, displayPath: source.displayPath,
                                                  bytes: try source.read() + Array("\nAdded.\n".utf8))
            let again = SiteBuilder.check(content: edited, configuration: project.configuration, memo: first.memo)
            let fresh = SiteBuilder.check(content: edited, configuration: project.configuration)
            #expect(again.diagnostics == fresh.diagnostics)
            #expect(again.site.documents == fresh.site.documents)
            for position in fresh.site.documents.indices {
                #expect(again.site.links[position] == fresh.site.links[position])
                #expect(again.site.contents[position] == fresh.site.contents[position])
            }
            // The memo kept the unchanged files' work and replaced the edited one's.
            let kept = again.memo.documents[PathKey("meetings/2025-04-05.md")]
            #expect(try kept?.bytes == edited.documents[index].read())
            #expect(again.memo.documents.count == project.content.documents.count)
        }
    }
}
