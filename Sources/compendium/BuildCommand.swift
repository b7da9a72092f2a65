import ArgumentParser
import Compendium

/// `compendium build`: checks the content and, when there are no errors, writes the site.
struct BuildCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "build",
        abstract: "Build the site from the content folder.",
        discussion: """
            Problems are reported as file:line:column with a hint. When there is any error, \
            nothing is written and the previous site is left as it was (exit status 1).
            """
    )

    @OptionGroup var project: ProjectOptions

    @Option(help: ArgumentHelp("The folder to write the site into; it is replaced whole.", valueName: "folder"))
    var output = "site"

    @Flag(help: "Print the time each stage took.")
    var timings = false

    @Flag(help: "Link to index.html files, so the site works when opened from a folder or a zip file.")
    var fileLinks = false

    func run() throws {
        var clock = Stopwatch()
        let (loaded, loadProblems) = Project.load(project.paths)
        let loadSeconds = clock.lap()
        guard let loaded else {
            Terminal.print(DiagnosticReport(diagnostics: loadProblems))
            throw ExitCode(1)
        }
        var options = project.buildOptions
        options.linkStyle = fileLinks ? .files : .directories
        let watch = RenderWatch()
        Watchdog.start(watch, seconds: loaded.configuration.limits.renderSeconds)
        let staging: SiteWriter.Staging
        do {
            staging = try SiteWriter.Staging(replacing: output)
        } catch {
            Terminal.error("cannot write the site: \(error)")
            throw ExitCode(1)
        }
        let result = SiteBuilder.build(content: loaded.content, configuration: loaded.configuration,
                                       templates: loaded.templates, consent: loaded.consent, options: options, watch: watch,
                                       into: staging)
        let diagnostics = (loadProblems + result.diagnostics).sorted()
        let report = DiagnosticReport(diagnostics: diagnostics, allowances: result.allowances)
        guard !diagnostics.hasErrors else {
            staging.discard()
            Terminal.print(report)
            Terminal.error("nothing was written; \(output)/ is unchanged")
            throw ExitCode(1)
        }
        let buildSeconds = clock.lap()
        do {
            try staging.commit()
        } catch {
            Terminal.print(report)
            Terminal.error("cannot write the site: \(error)")
            throw ExitCode(1)
        }
        let swapSeconds = clock.lap()
        if !diagnostics.isEmpty || !result.allowances.isEmpty { Terminal.print(report) }
        let (files, pages) = staging.counts
        Terminal.say("Built \(pages) pages (\(files - 1) files) into \(output)/")
        if timings {
            let stages = [StageTiming(stage: "load", seconds: loadSeconds)] + result.timings
                + [StageTiming(stage: "swap", seconds: swapSeconds)]
            Terminal.timings(stages, wall: loadSeconds + buildSeconds + swapSeconds)
        }
        ProcessEnd.exit(0, keeping: result)
    }
}
