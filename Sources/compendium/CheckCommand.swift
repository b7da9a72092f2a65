import ArgumentParser
import Compendium
import Foundation

/// `compendium check`: every check a build makes, without writing anything.
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check the content and report every problem, without writing the site.",
        discussion: """
            Exit status: 0 when there is no error, 1 when the content has errors \
            (with --strict, warnings too), 64 for a mistake in the command line.
            """
    )

    @OptionGroup var project: ProjectOptions

    @Option(help: "How to print problems: human, github (workflow annotations) or json.")
    var format: DiagnosticFormat = .human

    @Flag(help: "Treat warnings as errors.")
    var strict = false

    @Option(help: ArgumentHelp("Also write a Markdown report for a pull request to this file.", valueName: "file"))
    var report: String?

    @Option(help: ArgumentHelp("For --report: the content folder of the version being changed, to list what is new.",
                               valueName: "folder"))
    var base: String?

    func validate() throws {
        if base != nil && report == nil { throw ValidationError("--base is only used with --report") }
    }

    func run() throws {
        let (loaded, loadProblems) = Project.load(project.paths)
        guard let loaded else {
            Terminal.print(DiagnosticReport(diagnostics: loadProblems, strict: strict), format: format, toStandardError: false)
            throw ExitCode(1)
        }
        let watch = RenderWatch()
        Watchdog.start(watch, seconds: loaded.configuration.limits.renderSeconds)
        let result = SiteBuilder.check(content: loaded.content, configuration: loaded.configuration,
                                       consent: loaded.consent, options: project.buildOptions, watch: watch,
                                       extent: report == nil ? .problems : .links, remembering: false)
        if let report {
            let baseSite = try base.map { try Self.baseSite(content: $0, project: loaded, options: project.buildOptions) }
            let markdown = PullRequestReport(head: result, base: baseSite, strict: strict).markdown
            try Data(markdown.utf8).write(to: URL(fileURLWithPath: report))
        }
        let summary = DiagnosticReport(diagnostics: loadProblems + result.diagnostics, allowances: result.allowances,
                                       strict: strict)
        Terminal.print(summary, format: format, toStandardError: false)
        ProcessEnd.exit(summary.errorCount > 0 ? 1 : 0, keeping: result)
    }

    /// The base version's content, checked with the same configuration.
    private static func baseSite(content: String, project: Project, options: BuildOptions) throws -> CheckResult {
        let (files, _) = ContentLoader.load(directory: content, displayPrefix: content)
        return SiteBuilder.check(content: files, configuration: project.configuration, consent: project.consent,
                                 options: BuildOptions(includeDrafts: options.includeDrafts, privacyLint: false),
                                 extent: .problems, remembering: false)
    }
}

extension DiagnosticFormat: ExpressibleByArgument {}
