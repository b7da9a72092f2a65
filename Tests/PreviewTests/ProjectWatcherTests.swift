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
}
