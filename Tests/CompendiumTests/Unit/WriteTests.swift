@testable import Compendium
import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

// Unit tests of the write stage: the site is written beside the output
// folder and swapped in whole, and only a folder Compendium made is replaced.

@Suite struct SiteWriterUnitTests {
    private let marker = SiteWriter.markerName

    /// Runs `write` and returns the failure it throws, or `nil`.
    private func failure(_ files: [OutputFile], to output: String) -> SiteWriter.Failure? {
        do {
            try SiteWriter.write(files, to: output)
            return nil
        } catch {
            return error
        }
    }

    private let firstSite = [
        OutputFile(path: "index.html", text: "<h1>Home</h1>"),
        OutputFile(path: "meetings/2025-11-21/index.html", text: "meeting"),
        OutputFile(path: "assets/style.css", text: "body {}"),
        OutputFile(path: "files/jobs/psw.pdf", bytes: [0x25, 0x50, 0xFF]),
    ]

    @Test func writesEveryFileAndTheMarker() throws {
        try ScratchFolder.with { folder in
            try SiteWriter.write(firstSite, to: folder.at("site"))
            #expect(folder.files(under: "site") == [
                marker, "assets/style.css", "files/jobs/psw.pdf", "index.html", "meetings/2025-11-21/index.html",
            ])
            #expect(folder.read("site/index.html") == "<h1>Home</h1>")
            #expect(folder.read("site/meetings/2025-11-21/index.html") == "meeting")
            #expect(FileManager.default.contents(atPath: folder.at("site/files/jobs/psw.pdf")) == Data([0x25, 0x50, 0xFF]))
            #expect(folder.read("site/" + marker)
                == "This folder is made by `compendium build` and replaced whole on every build.\n")
            #expect(folder.names() == ["site"])
        }
    }

    @Test func aSecondWriteReplacesTheWholeSite() throws {
        try ScratchFolder.with { folder in
            try SiteWriter.write(firstSite, to: folder.at("site"))
            try SiteWriter.write([OutputFile(path: "index.html", text: "new home"), OutputFile(path: "about/index.html", text: "about")],
                                 to: folder.at("site"))
            #expect(folder.files(under: "site") == [marker, "about/index.html", "index.html"])
            #expect(folder.read("site/index.html") == "new home")
            #expect(folder.names() == [".site.standby", "site"], "the replaced site is kept for the next build")
            #expect(folder.read(".site.standby/index.html") == "<h1>Home</h1>")
        }
    }

    /// The next build writes into the site the last one replaced: it writes
    /// only the files whose bytes differ, removes the ones it does not make,
    /// and the output then holds exactly the new site.
    @Test func aRebuildWritesOnlyWhatChanged() throws {
        try ScratchFolder.with { folder in
            let third = [
                OutputFile(path: "index.html", text: "<h1>Home</h1>"),
                OutputFile(path: "meetings/2025-11-21/index.html", text: "meeting, edited"),
                OutputFile(path: "assets/style.css/index.html", text: "a folder where a file was"),
                OutputFile(path: "files", text: "a file where a folder was"),
                OutputFile(path: "about/index.html", text: "about"),
            ]
            try SiteWriter.write(firstSite, to: folder.at("site"))
            try SiteWriter.write([OutputFile(path: "index.html", text: "second")], to: folder.at("site"))
            let kept = inode(folder.at(".site.standby/index.html"))
            let staging = try SiteWriter.Staging(replacing: folder.at("site"))
            for file in third { staging.add(file) }
            try staging.commit()
            #expect(staging.unchangedCount == 2, "the home page and the marker were there already")
            #expect(inode(folder.at("site/index.html")) == kept)
            #expect(folder.files(under: "site") == [marker, "about/index.html", "assets/style.css/index.html", "files",
                                                     "index.html", "meetings/2025-11-21/index.html"])
            for file in third { #expect(folder.read("site/" + file.path) == String(decoding: file.bytes, as: UTF8.self)) }
            #expect(folder.read(".site.standby/index.html") == "second")
        }
    }

    private func inode(_ path: String) -> UInt64 {
        var status = stat()
        return lstat(path, &status) == 0 ? UInt64(status.st_ino) : 0
    }

    @Test func anEmptySiteIsJustTheMarker() throws {
        try ScratchFolder.with { folder in
            try SiteWriter.write([], to: folder.at("site"))
            #expect(folder.files(under: "site") == [marker])
        }
    }

    @Test func anEmptyExistingFolderIsUsed() throws {
        try ScratchFolder.with { folder in
            try folder.makeFolder("site")
            try SiteWriter.write([OutputFile(path: "index.html", text: "home")], to: folder.at("site"))
            #expect(folder.files(under: "site") == [marker, "index.html"])
        }
    }

    @Test func aTrailingSlashOnTheOutputIsAccepted() throws {
        try ScratchFolder.with { folder in
            try SiteWriter.write([OutputFile(path: "index.html", text: "home")], to: folder.at("site") + "/")
            try SiteWriter.write([OutputFile(path: "index.html", text: "again")], to: folder.at("site") + "/")
            #expect(folder.read("site/index.html") == "again")
            #expect(folder.names() == [".site.standby", "site"])
        }
    }

    @Test func refusesAFolderItDidNotMake() throws {
        try ScratchFolder.with { folder in
            try folder.write("site/thesis.docx", "years of work")
            let output = folder.at("site")
            let failure = failure(firstSite, to: output)
            guard case .notOurs(let path)? = failure else {
                Issue.record("expected notOurs, got \(String(describing: failure))")
                return
            }
            #expect(path == output)
            #expect(failure?.description == "\(output) exists and was not made by Compendium; move it away or choose another --output")
            #expect(folder.files(under: "site") == ["thesis.docx"])
            #expect(folder.read("site/thesis.docx") == "years of work")
            #expect(folder.names() == ["site"])
        }
    }

    @Test func refusesAFileInThePlaceOfTheFolder() throws {
        try ScratchFolder.with { folder in
            try folder.write("site", "a file")
            guard case .notOurs? = failure(firstSite, to: folder.at("site")) else {
                Issue.record("expected notOurs")
                return
            }
            #expect(folder.read("site") == "a file")
            #expect(folder.names() == ["site"])
        }
    }

    @Test func refusesASymbolicLink() throws {
        try ScratchFolder.with { folder in
            try SiteWriter.write(firstSite, to: folder.at("real"))
            try folder.link("site", to: folder.at("real"))
            let failure = failure([OutputFile(path: "index.html", text: "through the link")], to: folder.at("site"))
            guard case .symbolicLink(let path)? = failure else {
                Issue.record("expected symbolicLink, got \(String(describing: failure))")
                return
            }
            #expect(path == folder.at("site"))
            #expect(folder.read("real/index.html") == "<h1>Home</h1>")
            #expect(folder.names() == ["real", "site"])
            let destination = try FileManager.default.destinationOfSymbolicLink(atPath: folder.at("site"))
            #expect(destination == folder.at("real"))
        }
    }

    @Test func removesLeftoversOfBuildsThatDied() throws {
        try ScratchFolder.with { folder in
            // No process can have this id: it is above any kernel's limit.
            try folder.write(".site.building-2147483646/index.html", "half written")
            try folder.write(".site.building-2147483646.old/index.html", "old")
            try folder.write(".site.building-/x", "no id")
            // A build that is still running (our parent process) is left alone.
            let running = ".site.building-\(getppid())"
            try folder.write(running + "/index.html", "in progress")
            // Folders for other outputs are not touched.
            try folder.write(".other.building-2147483646/index.html", "someone else's")
            try SiteWriter.write([OutputFile(path: "index.html", text: "home")], to: folder.at("site"))
            #expect(folder.names() == [".other.building-2147483646", running, "site"])
            #expect(folder.read(running + "/index.html") == "in progress")
        }
    }

    @Test func aFailedWriteLeavesThePreviousSiteAndNoStagingFolder() throws {
        try ScratchFolder.with { folder in
            try SiteWriter.write(firstSite, to: folder.at("site"))
            let before = folder.files(under: "site")
            let duplicate = [OutputFile(path: "index.html", text: "one"), OutputFile(path: "index.html", text: "two")]
            guard case .system? = failure(duplicate, to: folder.at("site")) else {
                Issue.record("expected a system failure for two files with one path")
                return
            }
            #expect(folder.files(under: "site") == before)
            #expect(folder.read("site/index.html") == "<h1>Home</h1>")
            #expect(folder.names() == ["site"])
        }
    }

    @Test func aPathUnderAFileFailsWithoutHarm() throws {
        try ScratchFolder.with { folder in
            try SiteWriter.write(firstSite, to: folder.at("site"))
            let clash = [OutputFile(path: "about", text: "a file"), OutputFile(path: "about/index.html", text: "a page")]
            guard case .system? = failure(clash, to: folder.at("site")) else {
                Issue.record("expected a system failure for a path under a file")
                return
            }
            #expect(folder.read("site/meetings/2025-11-21/index.html") == "meeting")
            #expect(folder.files(under: "site").count == firstSite.count + 1)
            #expect(folder.names() == ["site"])
        }
    }

    @Test func aFailedFirstWriteLeavesNothing() throws {
        try ScratchFolder.with { folder in
            let duplicate = [OutputFile(path: "a.html", text: "one"), OutputFile(path: "a.html", text: "two")]
            guard case .system? = failure(duplicate, to: folder.at("site")) else {
                Issue.record("expected a system failure")
                return
            }
            #expect(folder.names() == [])
        }
    }

    @Test func failureDescriptions() {
        #expect(SiteWriter.Failure.symbolicLink("out").description
            == "out is a symbolic link; Compendium does not write through links")
        #expect(SiteWriter.Failure.system("disk full").description == "disk full")
    }
}
