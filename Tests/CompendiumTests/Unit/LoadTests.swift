@testable import Compendium
import Foundation
import Testing

// Unit tests of the load stage: a content folder on disk to source files.

@Suite struct ContentLoaderUnitTests {
    private let knownFolders = ["meetings", "slides", "jobs", "resources", "themes", "organisations", "series", "pages"]

    @Test func documentsAndAttachments() throws {
        try ScratchFolder.with { folder in
            try folder.write("content/meetings/2025-11-21.md", "---\ntitle: M\n---\n")
            try folder.write("content/themes/supervision.md", "---\ntitle: Supervision\n---\n")
            try folder.write("content/files/jobs/psw.pdf", bytes: [0x25, 0x50, 0x44, 0x46, 0xFF])
            try folder.write("content/files/notes.md", "not a document")
            let (files, diagnostics) = ContentLoader.load(directory: folder.at("content"), displayPrefix: "content")
            #expect(diagnostics == [])
            #expect(files.documents.map(\.relativePath) == ["meetings/2025-11-21.md", "themes/supervision.md"])
            #expect(files.documents.map(\.displayPath) == ["content/meetings/2025-11-21.md", "content/themes/supervision.md"])
            #expect(files.documents.map(\.kind) == [.meeting, .theme])
            #expect(try files.documents.first?.read() == Array("---\ntitle: M\n---\n".utf8))
            #expect(files.attachments.map(\.relativePath) == ["files/jobs/psw.pdf", "files/notes.md"])
            #expect(try files.attachments.first?.read() == [0x25, 0x50, 0x44, 0x46, 0xFF])
        }
    }

    @Test func hiddenFilesAndFoldersAreSkipped() throws {
        try ScratchFolder.with { folder in
            try folder.write("content/pages/about.md", "---\ntitle: About\n---\n")
            try folder.write("content/pages/.about.md.swp", "swap")
            try folder.write("content/.DS_Store", "x")
            try folder.write("content/.git/config", "x")
            try folder.write("content/.drafts/pages/secret.md", "---\ntitle: Secret\n---\n")
            try folder.write("content/files/.hidden.pdf", "x")
            let (files, diagnostics) = ContentLoader.load(directory: folder.at("content"), displayPrefix: "content")
            #expect(diagnostics == [])
            #expect(files.documents.map(\.relativePath) == ["pages/about.md"])
            #expect(files.attachments.map(\.relativePath) == [])
        }
    }

    @Test func nonMarkdownFilesOutsideFilesAreIgnoredWithAWarning() throws {
        try ScratchFolder.with { folder in
            try folder.write("content/meetings/photo.jpg", "x")
            try folder.write("content/notes.txt", "x")
            try folder.write("content/meetings/2025-11-21.markdown", "x")
            let (files, diagnostics) = ContentLoader.load(directory: folder.at("content"), displayPrefix: "content")
            #expect(files.documents.isEmpty)
            #expect(files.attachments.isEmpty)
            #expect(diagnostics == [
                Unit.diagnostic(.ignoredFile, "content/meetings/2025-11-21.markdown"),
                Unit.diagnostic(.ignoredFile, "content/meetings/photo.jpg"),
                Unit.diagnostic(.ignoredFile, "content/notes.txt"),
            ])
            #expect(diagnostics.allSatisfy { $0.severity == .warning })
        }
    }

    @Test func markdownOutsideTheKnownFoldersIsAnError() throws {
        try ScratchFolder.with { folder in
            try folder.write("content/drafts/idea.md", "---\ntitle: Idea\n---\n")
            try folder.write("content/readme.md", "# Read me\n")
            try folder.write("content/Meetings/2025-11-21.md", "---\ntitle: M\n---\n")
            let (files, diagnostics) = ContentLoader.load(directory: folder.at("content"), displayPrefix: "content")
            #expect(files.documents.isEmpty)
            #expect(diagnostics == [
                Unit.diagnostic(.outsideKnownFolders(folders: knownFolders), "content/Meetings/2025-11-21.md"),
                Unit.diagnostic(.outsideKnownFolders(folders: knownFolders), "content/drafts/idea.md"),
                Unit.diagnostic(.outsideKnownFolders(folders: knownFolders), "content/readme.md"),
            ])
            #expect(diagnostics.allSatisfy { $0.severity == .error })
            #expect(diagnostics.first?.reason.hint
                == "move it into one of: content/meetings/, content/slides/, content/jobs/, content/resources/, "
                + "content/themes/, content/organisations/, content/series/, content/pages/")
        }
    }

    @Test func symbolicLinksAreReportedAndNeverRead() throws {
        try ScratchFolder.with { folder in
            try folder.write("outside/secret.md", "---\ntitle: Secret\n---\nDo not publish.\n")
            try folder.write("outside/folder/other.md", "---\ntitle: Other\n---\n")
            try folder.write("content/pages/about.md", "---\ntitle: About\n---\n")
            try folder.link("content/pages/secret.md", to: folder.at("outside/secret.md"))
            try folder.link("content/files/secret.pdf", to: folder.at("outside/secret.md"))
            try folder.link("content/themes", to: folder.at("outside/folder"))
            try folder.link("content/pages/dangling.md", to: folder.at("nowhere.md"))
            let (files, diagnostics) = ContentLoader.load(directory: folder.at("content"), displayPrefix: "content")
            #expect(files.documents.map(\.relativePath) == ["pages/about.md"])
            #expect(files.attachments.isEmpty)
            #expect(try !(files.documents + files.attachments).contains { String(decoding: try $0.read(), as: UTF8.self).contains("Secret") })
            #expect(diagnostics.sorted() == [
                Unit.diagnostic(.symbolicLink, "content/files/secret.pdf"),
                Unit.diagnostic(.symbolicLink, "content/pages/dangling.md"),
                Unit.diagnostic(.symbolicLink, "content/pages/secret.md"),
                Unit.diagnostic(.symbolicLink, "content/themes"),
            ])
            #expect(diagnostics.allSatisfy { $0.severity == .error })
        }
    }

    /// A listing that takes each entry's type from the folder listing finds what one that asks about every file finds.
    @Test func listingWithoutStampsFindsWhatListingWithThemFinds() throws {
        try ScratchFolder.with { folder in
            try folder.write("outside/secret.md", "---\ntitle: Secret\n---\n")
            try folder.write("content/pages/about.md", "---\ntitle: About\n---\n")
            try folder.write("content/files/a/b.pdf", "%PDF")
            try folder.write("content/notes.txt", "x")
            try folder.link("content/pages/secret.md", to: folder.at("outside/secret.md"))
            try folder.link("content/themes", to: folder.at("outside"))
            let stamped = ContentLoader.scan(directory: folder.at("content"), displayPrefix: "content")
            let listed = ContentLoader.scan(directory: folder.at("content"), displayPrefix: "content", stamped: false)
            #expect(listed.0.map(\.path) == ["files/a/b.pdf", "notes.txt", "pages/about.md"])
            #expect(listed.0.map(\.path) == stamped.0.map(\.path))
            #expect(listed.0.allSatisfy { $0.stamp == .notRead })
            #expect(stamped.0.allSatisfy { $0.stamp != .notRead })
            #expect(listed.1 == stamped.1)
            #expect(listed.1.count == 2)
        }
    }

    @Test func filesComeSortedByPath() throws {
        try ScratchFolder.with { folder in
            for path in ["pages/zebra.md", "meetings/2025-12-05.md", "pages/about.md", "meetings/2025-01-10.md",
                         "jobs/psw.md", "files/b.pdf", "files/a/z.pdf", "files/A.pdf"] {
                try folder.write("content/" + path, "---\ntitle: X\n---\n")
            }
            let (files, diagnostics) = ContentLoader.load(directory: folder.at("content"), displayPrefix: "content")
            #expect(diagnostics == [])
            #expect(files.documents.map(\.relativePath)
                == ["jobs/psw.md", "meetings/2025-01-10.md", "meetings/2025-12-05.md", "pages/about.md", "pages/zebra.md"])
            #expect(files.attachments.map(\.relativePath) == ["files/A.pdf", "files/a/z.pdf", "files/b.pdf"])
        }
    }

    @Test func anEmptyDisplayPrefixShowsPathsInsideTheFolder() throws {
        try ScratchFolder.with { folder in
            try folder.write("site/pages/about.md", "---\ntitle: About\n---\n")
            try folder.write("site/pages/logo.png", "x")
            let (files, diagnostics) = ContentLoader.load(directory: folder.at("site"), displayPrefix: "")
            #expect(files.documents.map(\.displayPath) == ["pages/about.md"])
            #expect(diagnostics == [Unit.diagnostic(.ignoredFile, "pages/logo.png")])
        }
    }

    @Test func aMissingFolderIsUnreadable() throws {
        try ScratchFolder.with { folder in
            let (files, diagnostics) = ContentLoader.load(directory: folder.at("nowhere"), displayPrefix: "content")
            #expect(files.documents.isEmpty)
            #expect(files.attachments.isEmpty)
            #expect(diagnostics.count == 1)
            #expect(diagnostics.first?.location.description == "content:1:1")
            guard case .unreadable(let detail)? = diagnostics.first?.reason else {
                Issue.record("expected an unreadable diagnostic, got \(diagnostics)")
                return
            }
            #expect(detail == folder.at("nowhere") + ": No such file or directory")
        }
    }

    @Test func anEmptyFolderHasNothing() throws {
        try ScratchFolder.with { folder in
            try folder.makeFolder("content/meetings")
            let (files, diagnostics) = ContentLoader.load(directory: folder.at("content"), displayPrefix: "content")
            #expect(files.documents.isEmpty)
            #expect(files.attachments.isEmpty)
            #expect(diagnostics == [])
        }
    }

    @Test func sourceFileKindAndBaseName() {
        let file = SourceFile(relativePath: "jobs/archive/senior-psw.md", displayPath: "x", bytes: [])
        #expect(file.kind == .job)
        #expect(file.baseName == "senior-psw")
        #expect(SourceFile(relativePath: "readme.md", displayPath: "x", bytes: []).kind == nil)
        #expect(SourceFile(relativePath: "files/a.pdf", displayPath: "x", bytes: []).baseName == "a.pdf")
    }

    /// The folders a preview watches: the content's and the template sets', hidden ones and links left out.
    @Test func projectFoldersAreTheContentsAndTheTemplateSetsWithoutHiddenFoldersOrLinks() throws {
        try ScratchFolder.with { folder in
            try folder.write("outside/deep/x.md", "x")
            try folder.write("content/pages/about.md", "x")
            try folder.write("content/files/a/b/c.pdf", "x")
            try folder.makeFolder("content/meetings")
            try folder.write("content/.git/objects/o", "x")
            try folder.link("content/themes", to: folder.at("outside"))
            try folder.write("skin/templates/page.mustache", "x")
            let paths = ProjectPaths(content: "content", templates: ["skin", "missing"])
            let found = paths.folders(in: folder.path)
            #expect(found == ["content", "content/files", "content/files/a", "content/files/a/b", "content/meetings",
                              "content/pages", "skin", "skin/templates"].map(folder.at))
            let absolute = ProjectPaths(content: folder.at("content"), templates: [])
            #expect(absolute.folders(in: "/elsewhere") == Array(found.prefix(6)))
        }
    }
}
