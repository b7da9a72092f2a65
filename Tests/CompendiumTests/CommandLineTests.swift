import Foundation
import Testing

/// Runs the `compendium` executable the way a user does.
@Suite struct CommandLineTests {
    /// The executable, built beside the test bundle.
    static let executable: URL = URL(fileURLWithPath: CommandLine.arguments[0])
        .deletingLastPathComponent().appendingPathComponent("compendium")

    struct Run {
        let status: Int32
        let output: String
        let errors: String
    }

    static func run(_ arguments: [String], in directory: String, environment: [String: String] = [:]) throws -> Run {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.currentDirectoryURL = URL(fileURLWithPath: directory)
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        let output = Pipe()
        let errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        let outputData = output.fileHandleForReading.readDataToEndOfFile()
        let errorData = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Run(status: process.terminationStatus,
                   output: String(decoding: outputData, as: UTF8.self),
                   errors: String(decoding: errorData, as: UTF8.self))
    }

    static func temporaryFolder() throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("compendium-cli-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    private func buildArguments(output: String) -> [String] {
        ["build", "--content", "content", "--config", "compendium.yml",
         "--theme", Repository.defaultTemplates, "--output", output]
    }

    @Test func aCleanBuildWritesTheSiteAndExitsZero() throws {
        let output = try Self.temporaryFolder() + "/site"
        let run = try Self.run(buildArguments(output: output), in: Repository.fixtures + "/basic")
        #expect(run.status == 0)
        #expect(run.output.contains("Built 30 pages"))
        #expect(run.errors.isEmpty)
        #expect(FileManager.default.fileExists(atPath: output + "/index.html"))
        #expect(FileManager.default.fileExists(atPath: output + "/assets/style.css"))
    }

    @Test func timingsListEveryStageThenTheWallTime() throws {
        let output = try Self.temporaryFolder() + "/site"
        let run = try Self.run(buildArguments(output: output) + ["--timings"], in: Repository.fixtures + "/basic")
        #expect(run.status == 0)
        let lines = run.output.split(separator: "\n").drop { !$0.contains("stage times are summed") }.dropFirst()
        let stages = lines.map { $0.split(separator: " ").first.map(String.init) ?? "" }
        #expect(stages == ["load", "parse", "model", "privacy", "markdown", "index", "render", "write", "swap", "wall"])
        let milliseconds = lines.compactMap { $0.split(separator: " ").dropFirst().first.flatMap { Int($0) } }
        #expect(milliseconds.count == stages.count)
    }

    /// A build into a folder that holds earlier builds writes only what
    /// changed, and the folder then holds what a first build writes.
    @Test func buildingAgainGivesWhatAFirstBuildGives() throws {
        let scratch = try Self.temporaryFolder()
        let fixture = Repository.fixtures + "/basic"
        for _ in 0..<3 { #expect(try Self.run(buildArguments(output: scratch + "/site"), in: fixture).status == 0) }
        #expect(try Self.run(buildArguments(output: scratch + "/fresh"), in: fixture).status == 0)
        let files = { (root: String) in
            try FileManager.default.subpathsOfDirectory(atPath: root).sorted().map { path -> (String, Data?) in
                (path, FileManager.default.contents(atPath: root + "/" + path))
            }
        }
        let again = try files(scratch + "/site"), fresh = try files(scratch + "/fresh")
        #expect(again.map(\.0) == fresh.map(\.0))
        for (one, other) in zip(again, fresh) { #expect(one.1 == other.1, "\(one.0)") }
        #expect(FileManager.default.fileExists(atPath: scratch + "/.site.standby/index.html"))
    }

    @Test func contentErrorsExitOneAndLeaveThePreviousSite() throws {
        let output = try Self.temporaryFolder() + "/site"
        _ = try Self.run(buildArguments(output: output), in: Repository.fixtures + "/basic")
        let before = try Data(contentsOf: URL(fileURLWithPath: output + "/index.html"))

        let run = try Self.run(buildArguments(output: output), in: Repository.fixtures + "/bad-band")
        #expect(run.status == 1)
        #expect(run.errors.contains("content/jobs/senior-peer-support-worker.md:3:7: error: band '5a'"))
        #expect(run.errors.contains("1 error, 0 warnings"))
        #expect(run.output.isEmpty)
        let after = try Data(contentsOf: URL(fileURLWithPath: output + "/index.html"))
        #expect(before == after)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: (output as NSString).deletingLastPathComponent)
        #expect(leftovers == ["site"])
    }

    @Test func warningsArePrintedAndTheSiteIsStillBuilt() throws {
        let output = try Self.temporaryFolder() + "/site"
        let run = try Self.run(buildArguments(output: output), in: Repository.fixtures + "/warnings")
        #expect(run.status == 0)
        #expect(run.errors.contains("0 errors, 9 warnings"))
        #expect(FileManager.default.fileExists(atPath: output + "/meetings/2025-01-10/index.html"))
    }

    @Test func usageErrorsExitSixtyFour() throws {
        let run = try Self.run(["build", "--no-such-option"], in: Repository.fixtures + "/basic")
        #expect(run.status == 64)
        #expect(run.errors.contains("--no-such-option"))
    }

    @Test func refusesToReplaceAFolderItDidNotMake() throws {
        let folder = try Self.temporaryFolder()
        let precious = folder + "/notes.txt"
        _ = FileManager.default.createFile(atPath: precious, contents: Data("mine".utf8))
        let run = try Self.run(buildArguments(output: folder), in: Repository.fixtures + "/basic")
        #expect(run.status == 1)
        #expect(run.errors.contains("was not made by Compendium"))
        #expect(try String(contentsOfFile: precious, encoding: .utf8) == "mine")
    }

    @Test func draftsArePublishedOnlyWhenAskedFor() throws {
        let folder = try Self.temporaryFolder()
        _ = try Self.run(buildArguments(output: folder + "/plain"), in: Repository.fixtures + "/basic")
        _ = try Self.run(buildArguments(output: folder + "/drafts") + ["--drafts"], in: Repository.fixtures + "/basic")
        #expect(!FileManager.default.fileExists(atPath: folder + "/plain/resources/draft-note/index.html"))
        #expect(FileManager.default.fileExists(atPath: folder + "/drafts/resources/draft-note/index.html"))
    }

    @Test func baseURLGivesCanonicalLinks() throws {
        let output = try Self.temporaryFolder() + "/site"
        _ = try Self.run(buildArguments(output: output) + ["--base-url", "https://peer.example.net/compendium"],
                         in: Repository.fixtures + "/basic")
        let page = try String(contentsOfFile: output + "/meetings/2025-03-01/index.html", encoding: .utf8)
        #expect(page.contains("<link rel=\"canonical\" href=\"https://peer.example.net/compendium/meetings/2025-03-01/\">"))
    }
}

/// `compendium check` and `compendium new`, run as a contributor runs them.
@Suite struct CheckAndNewCommandTests {
    private let theme = ["--theme", Repository.defaultTemplates]

    @Test func checkPrintsGitHubAnnotationsAndExitsOne() throws {
        let run = try CommandLineTests.run(["check", "--format", "github"] + theme, in: Repository.fixtures + "/bad-band")
        #expect(run.status == 1)
        #expect(run.output == """
            ::error file=content/jobs/senior-peer-support-worker.md,line=3,col=7,title=field.band::band '5a' is not an \
            Agenda for Change band (2–9, 8a–8d) (write the band as a number from 2 to 9, or 8a, 8b, 8c or 8d)
            1 error, 0 warnings

            """)
    }

    @Test func checkPrintsJSON() throws {
        let run = try CommandLineTests.run(["check", "--format", "json"] + theme, in: Repository.fixtures + "/unknown-theme")
        #expect(run.status == 1)
        let json = try JSONSerialization.jsonObject(with: Data(run.output.utf8)) as? [String: Any]
        #expect(json?["schema"] as? String == "compendium-diagnostics/1")
        let summary = json?["summary"] as? [String: Int]
        #expect(summary == ["errors": 2, "warnings": 0, "allowed": 0])
        let first = (json?["diagnostics"] as? [[String: Any]])?.first
        #expect(first?["rule"] as? String == "theme.unknown")
        #expect(first?["line"] as? Int == 4)
        #expect(first?["column"] as? Int == 10)
        #expect(first?["hint"] as? String == "did you mean 'supervision'?")
    }

    @Test func strictTurnsWarningsIntoErrors() throws {
        let fixture = Repository.fixtures + "/broken-wiki-link"
        let relaxed = try CommandLineTests.run(["check"] + theme, in: fixture)
        let strict = try CommandLineTests.run(["check", "--strict"] + theme, in: fixture)
        #expect(relaxed.status == 0)
        #expect(relaxed.output.hasSuffix("0 errors, 2 warnings\n"))
        #expect(strict.status == 1)
        #expect(strict.output.hasSuffix("2 errors, 0 warnings\n"))
        #expect(strict.output.contains("error: wiki-link [[embeding-a-peer-workforce]] has no target"))
    }

    @Test func checkWritesNothingAndExitsZeroWhenClean() throws {
        let run = try CommandLineTests.run(["check"] + theme, in: Repository.fixtures + "/basic")
        #expect(run.status == 0)
        #expect(run.output == "no problems found\n")
        #expect(!FileManager.default.fileExists(atPath: Repository.fixtures + "/basic/site"))
    }

    @Test func privacyFindingsAreMaskedInEveryFormat() throws {
        for format in ["human", "github", "json"] {
            let run = try CommandLineTests.run(["check", "--format", format] + theme, in: Repository.fixtures + "/privacy")
            #expect(run.status == 1)
            for secret in ["jane.doe@nhs.net", "ben.private@nhs.net", "07700 900123", "0300 323 9956", "943 476 5919",
                           "9434765919", "Kuhn-Thompson", "kim@nhs.net"] {
                #expect(!run.output.contains(secret), "\(format) output shows \(secret)")
            }
            #expect(run.output.contains("j***@nhs.net"))
        }
    }

    @Test func newWritesACheckedTemplateAndNeverOverwrites() throws {
        let project = try CommandLineTests.temporaryFolder()
        try FileManager.default.copyItem(atPath: Repository.fixtures + "/basic/compendium.yml", toPath: project + "/compendium.yml")
        try FileManager.default.copyItem(atPath: Repository.fixtures + "/basic/content", toPath: project + "/content")
        let first = try CommandLineTests.run(["new", "meeting", "Evaluation: what counts?", "--date", "2026-02-19"], in: project)
        #expect(first.status == 0)
        #expect(first.output == "content/meetings/2026-02-19.md\n")
        let text = try String(contentsOfFile: project + "/content/meetings/2026-02-19.md", encoding: .utf8)
        #expect(text.contains("title: \"Evaluation: what counts?\"\n"))
        #expect(text.contains("# Themes it discusses, as slugs: banding, supervision, training.\nthemes: []"))

        let again = try CommandLineTests.run(["new", "meeting", "Another", "--date", "2026-02-19"], in: project)
        #expect(again.status == 1)
        #expect(again.errors.contains("already exists"))
        #expect(try String(contentsOfFile: project + "/content/meetings/2026-02-19.md", encoding: .utf8) == text)

        let role = try CommandLineTests.run(["new", "job", "Peer Support Worker (Band 4)"], in: project)
        #expect(role.output == "content/jobs/peer-support-worker-band-4.md\n")
        let check = try CommandLineTests.run(["check"] + theme, in: project)
        // The new documents have no themes yet; that is all check says about them.
        #expect(check.status == 0)
        #expect(check.output.contains("content/meetings/2026-02-19.md:1:1: warning: this meeting has no themes"))
        #expect(check.output.contains("content/jobs/peer-support-worker-band-4.md:1:1: warning: this role profile has no themes"))
        #expect(check.output.hasSuffix("0 errors, 2 warnings\n"))
    }

    @Test func newRejectsAnUnknownKind() throws {
        let run = try CommandLineTests.run(["new", "minutes", "Title"], in: Repository.fixtures + "/basic")
        #expect(run.status == 64)
    }
}

/// A site's own template folder overrides single files of the default set.
@Suite struct TemplateOverrideTests {
    @Test func aLaterThemeFolderReplacesOneTemplateAndAddsCustomCSS() throws {
        let folder = try CommandLineTests.temporaryFolder()
        let override = folder + "/local-theme"
        try FileManager.default.createDirectory(atPath: override + "/templates/partials", withIntermediateDirectories: true)
        try FileManager.default.createDirectory(atPath: override + "/assets", withIntermediateDirectories: true)
        try Data("<p class=\"local-body\">{{{body}}}</p>\n".utf8).write(to: URL(fileURLWithPath: override + "/templates/partials/body.mustache"))
        try Data(".local-body { font-size: 1.2rem; }\n".utf8).write(to: URL(fileURLWithPath: override + "/assets/custom.css"))
        let output = folder + "/site"
        let run = try CommandLineTests.run(["build", "--theme", Repository.defaultTemplates, "--theme", override,
                                            "--output", output], in: Repository.fixtures + "/basic")
        #expect(run.status == 0, "\(run.errors)")
        let page = try String(contentsOfFile: output + "/about/index.html", encoding: .utf8)
        #expect(page.contains("<p class=\"local-body\">"))
        #expect(page.contains("<link rel=\"stylesheet\" href=\"../assets/custom.css\">"))
        #expect(FileManager.default.fileExists(atPath: output + "/assets/style.css"))
        #expect(FileManager.default.fileExists(atPath: output + "/assets/custom.css"))
    }
}
