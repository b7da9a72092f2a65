import Foundation
import Testing

/// What happens when a build is killed, or one document stalls it.
@Suite(.serialized) struct ProcessSafetyTests {
    /// A project with `count` meetings, large enough that writing takes a while.
    private static func bigProject(count: Int) throws -> String {
        let folder = try CommandLineTests.temporaryFolder()
        try FileManager.default.createDirectory(atPath: folder + "/content/meetings", withIntermediateDirectories: true)
        try FileManager.default.createDirectory(atPath: folder + "/content/themes", withIntermediateDirectories: true)
        try Data("title: Big\ndescription: Many meetings.\n".utf8).write(to: URL(fileURLWithPath: folder + "/compendium.yml"))
        try Data("---\ntitle: Topic\n---\n".utf8).write(to: URL(fileURLWithPath: folder + "/content/themes/topic.md"))
        let body = String(repeating: "Notes about peer support and supervision. ", count: 60)
        for day in 0..<count {
            let slug = String(format: "m%05d", day)
            let text = "---\ntitle: Meeting \(day)\ndate: 2025-01-01\nthemes: [topic]\n---\n\(body)\n"
            try Data(text.utf8).write(to: URL(fileURLWithPath: folder + "/content/meetings/\(slug).md"))
        }
        return folder
    }

    @Test func killedWhileWritingThePreviousSiteSurvivesAndTheNextBuildCleansUp() throws {
        let folder = try Self.bigProject(count: 2_000)
        let arguments = ["build", "--theme", Repository.defaultTemplates, "--output", "site"]
        #expect(try CommandLineTests.run(arguments, in: folder).status == 0)
        let before = try Data(contentsOf: URL(fileURLWithPath: folder + "/site/index.html"))

        let process = Process()
        process.executableURL = CommandLineTests.executable
        process.arguments = arguments
        process.currentDirectoryURL = URL(fileURLWithPath: folder)
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        let staging = ".site.building-\(process.processIdentifier)"
        // Wait for the write stage: the staging folder appears beside site/.
        var sawStaging = false
        let deadline = Date().addingTimeInterval(120)
        while !sawStaging && process.isRunning && Date() < deadline {
            sawStaging = FileManager.default.fileExists(atPath: folder + "/" + staging)
            if !sawStaging { usleep(200) }
        }
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        #expect(sawStaging, "the build finished before it could be killed")
        #expect(process.terminationReason == .uncaughtSignal)
        #expect(try Data(contentsOf: URL(fileURLWithPath: folder + "/site/index.html")) == before)
        #expect(FileManager.default.fileExists(atPath: folder + "/site/meetings/m01999/index.html"))

        #expect(try CommandLineTests.run(arguments, in: folder).status == 0)
        // The killed build's folder is gone; the site the last build replaced is kept for the next.
        let left = try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.hasPrefix(".site.") }
        #expect(left == [".site.standby"])
    }

    @Test func aDocumentThatStallsRenderingStopsTheBuildWithItsName() throws {
        let folder = try Self.bigProject(count: 1)
        try Data("title: Big\ndescription: D\nlimits:\n  open_brackets: 1000000\n  file_size: 2000000\n  render_seconds: 1\n".utf8)
            .write(to: URL(fileURLWithPath: folder + "/compendium.yml"))
        let slow = "---\ntitle: Slow\ndate: 2025-01-02\nthemes: [topic]\n---\n" + String(repeating: "![[]()", count: 70_000)
        try Data(slow.utf8).write(to: URL(fileURLWithPath: folder + "/content/meetings/slow.md"))
        let started = Date()
        let run = try CommandLineTests.run(["build", "--theme", Repository.defaultTemplates, "--output", "site"], in: folder)
        let seconds = Date().timeIntervalSince(started)
        #expect(run.status == 1)
        #expect(run.errors.contains("content/meetings/slow.md:1:1: error: the text took more than 1 seconds to render"))
        #expect(seconds < 10, "the watchdog took \(seconds) s")
        #expect(!FileManager.default.fileExists(atPath: folder + "/site"))
    }
}
