import ArgumentParser
import Compendium
import Dispatch
import Preview
#if canImport(Glibc)
import Glibc
#endif

/// `compendium serve`: builds the site, serves it for preview and rebuilds it on every edit.
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Preview the site while you edit it.",
        discussion: """
            Builds the site, serves it at http://HOST:PORT/ and rebuilds it whenever a file in the content \
            folder, the template sets, the configuration or the consent register changes. Open pages reload \
            themselves. While there are errors, every page shows them and the last good site stays. \
            Stop with Ctrl-C.
            """
    )

    @OptionGroup var project: ProjectOptions

    @Option(help: ArgumentHelp("The folder to write the site into.", valueName: "folder"))
    var output = "site"

    @Option(help: "The address to listen on. The default is reachable from this computer only.")
    var host = "127.0.0.1"

    @Option(help: "The port to listen on (0 picks a free one).")
    var port = 8000

    @Flag(help: "Print the time each stage of every rebuild took.")
    var timings = false

    func validate() throws {
        guard (0...65535).contains(port) else { throw ValidationError("--port must be between 0 and 65535") }
    }

    func run() async throws {
        let preview = LivePreview(paths: project.paths, output: output, options: project.buildOptions,
                                  host: host, port: port)
        let host = self.host
        let work = Task {
            try await preview.run(
                listening: { port in
                    let shown = host.contains(":") ? "[\(host)]" : host
                    Terminal.say("Serving http://\(shown):\(port)/ (press Ctrl-C to stop)")
                },
                report: { [timings] in Self.show($0, timings: timings) }
            )
        }
        let signals = [SIGINT, SIGTERM].map { number -> DispatchSourceSignal in
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number)
            source.setEventHandler { work.cancel() }
            source.resume()
            return source
        }
        defer { signals.forEach { $0.cancel() } }
        do {
            try await work.value
        } catch is CancellationError {
            Terminal.say("Stopped.")
        } catch {
            Terminal.error("cannot serve: \(error)")
            throw ExitCode(1)
        }
    }

    private static func show(_ report: LivePreview.Report, timings: Bool) {
        let outcome = report.outcome
        if !outcome.diagnostics.isEmpty { Terminal.print(DiagnosticReport(diagnostics: outcome.diagnostics)) }
        let seconds = String(Int((report.seconds * 1000).rounded())) + " ms"
        if let failure = outcome.writeFailure {
            Terminal.error("cannot write the site: \(failure)")
        } else if !outcome.published {
            Terminal.error("not rebuilt (\(seconds)); pages show the problems until they are fixed")
        } else {
            let count = outcome.changed.count
            Terminal.say("Built in \(seconds): \(count == 1 ? "1 file" : "\(count) files") written")
        }
        if timings { Terminal.timings(outcome.timings, wall: report.seconds) }
    }
}
