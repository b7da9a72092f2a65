import Compendium
import Foundation
@testable import Preview
import Testing

/// The kernel's notices wake the preview for the project's files and for no others.
@Suite struct ProjectWatcherTests {
    private func folder() throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("compendium-watch-\(UUID().uuidString)").path
        for sub in ["content/meetings", "theme/templates"] {
            try FileManager.default.createDirectory(atPath: path + "/" + sub, withIntermediateDirectories: true)
        }
        try Data("title: T\n".utf8).write(to: URL(fileURLWithPath: path + "/compendium.yml"))
        return path
    }

    private func write(_ text: String, to path: String) throws {
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
    }

    @Test func editsToTheProjectWakeItAndOtherFilesDoNot() async throws {
        let root = try folder()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let paths = ProjectPaths(content: "content", templates: ["theme"], configuration: "compendium.yml")
        guard let watcher = ProjectWatcher.make(paths: paths, directory: root) else { return }
        #expect(await watcher.wait(milliseconds: 50) == false, "nothing happened yet")

        try write("---\ntitle: A\n---\n", to: root + "/content/meetings/2025-01-01.md")
        #expect(await watcher.wait(milliseconds: 2_000))
        try write("{{title}}", to: root + "/theme/templates/page.mustache")
        #expect(await watcher.wait(milliseconds: 2_000))
        try write("title: U\n", to: root + "/compendium.yml")
        #expect(await watcher.wait(milliseconds: 2_000))

        try write("not part of the project", to: root + "/notes.txt")
        try FileManager.default.createDirectory(atPath: root + "/site", withIntermediateDirectories: true)
        #expect(await watcher.wait(milliseconds: 200) == false, "files beside the configuration are not the project's")

        try FileManager.default.createDirectory(atPath: root + "/content/slides", withIntermediateDirectories: true)
        #expect(await watcher.wait(milliseconds: 2_000), "a new folder in the content")
        watcher.refresh()
        try write("---\ntitle: S\n---\n", to: root + "/content/slides/2025-01-01.md")
        #expect(await watcher.wait(milliseconds: 2_000), "a file in a folder made since the watch began")
    }

    /// A folder that arrives with folders inside it, made at once or moved in, has all of them watched after a refresh.
    @Test func foldersMadeOrMovedInWithFoldersInsideAreWatchedAfterARefresh() async throws {
        let root = try folder()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let paths = ProjectPaths(content: "content", templates: ["theme"], configuration: "compendium.yml")
        guard let watcher = ProjectWatcher.make(paths: paths, directory: root) else { return }

        try FileManager.default.createDirectory(atPath: root + "/content/files/a/b", withIntermediateDirectories: true)
        #expect(await watcher.wait(milliseconds: 2_000), "a new folder in the content")
        watcher.refresh()
        try write("%PDF", to: root + "/content/files/a/b/leaflet.pdf")
        #expect(await watcher.wait(milliseconds: 2_000), "a file two folders inside a new folder")

        let outside = root + "/outside"
        try FileManager.default.createDirectory(atPath: outside + "/inner", withIntermediateDirectories: true)
        #expect(await watcher.wait(milliseconds: 200) == false, "a folder outside the project")
        try FileManager.default.moveItem(atPath: outside, toPath: root + "/content/resources")
        #expect(await watcher.wait(milliseconds: 2_000), "a folder moved into the content")
        watcher.refresh()
        try write("---\ntitle: R\n---\n", to: root + "/content/resources/inner/guide.md")
        #expect(await watcher.wait(milliseconds: 2_000), "a file inside a folder moved in")

        // Edits to files leave the folders as they are, so a refresh after them has nothing to look for, and all still wake.
        try write("---\ntitle: B\n---\n", to: root + "/content/meetings/2025-01-02.md")
        #expect(await watcher.wait(milliseconds: 2_000))
        watcher.refresh()
        try write("---\ntitle: C\n---\n", to: root + "/content/resources/inner/guide.md")
        #expect(await watcher.wait(milliseconds: 2_000))
    }
}
