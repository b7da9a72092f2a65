import Compendium
import Dispatch
import Foundation

/// Builds a project, serves the site, and rebuilds it whenever one of its
/// files changes: the content, the template sets, the configuration or the
/// consent register. Open pages reload themselves after a rebuild that
/// changed them; while the content has errors every page shows them, and
/// the last good site stays in place.
public struct LivePreview: Sendable {
    /// What one build or rebuild did, for the terminal.
    public struct Report: Sendable {
        /// The builder's outcome.
        public let outcome: IncrementalBuilder.Outcome
        /// Seconds from noticing the edit (or starting) until open pages were told.
        public let seconds: Double
    }

    let paths: ProjectPaths
    let directory: String
    let output: String
    let options: BuildOptions
    let host: String
    let port: Int
    let pollInterval: Duration
    /// The hub that tells open pages about rebuilds.
    public let reload = LiveReload()

    /// A preview of the project at `paths` (relative to `directory`), written to `output`.
    public init(paths: ProjectPaths, in directory: String = ".", output: String, options: BuildOptions = BuildOptions(),
                host: String = "127.0.0.1", port: Int = 8000, pollInterval: Duration = .milliseconds(200)) {
        self.paths = paths
        self.directory = directory
        self.output = output
        self.options = options
        self.host = host
        self.port = port
        self.pollInterval = pollInterval
    }

    /// Builds, then serves and watches until the task is cancelled. `listening`
    /// is called with the port once the server accepts connections, and
    /// `report` after the first build and after every rebuild.
    public func run(listening: @escaping @Sendable (Int) async -> Void,
                    report: @escaping @Sendable (Report) -> Void) async throws {
        let builder = IncrementalBuilder(paths: paths, in: directory, output: output, options: options)
        let watcher = ProjectWatcher.make(paths: paths, directory: directory)
        var stamps = ProjectStamps.read(paths, in: directory)
        rebuild(builder, report: report)
        let server = PreviewServer(root: output, host: host, port: port, reload: reload)
        let serverEnd = ServerEnd()
        defer { reload.close() }
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask {
                do { try await server.run(listening: listening) } catch { serverEnd.record(error) }
                serverEnd.record(nil)
            }
            defer { group.cancelAll() }
            while true {
                try Task.checkCancellation()
                if let ended = serverEnd.value { if let error = ended { throw error } else { return } }
                // The kernel's notices wake a rebuild at once; the stamps, read at
                // intervals, catch whatever they miss (and are all there is elsewhere).
                if let watcher {
                    if await watcher.wait(milliseconds: Int(pollInterval.components.seconds * 1000)
                                              + Int(pollInterval.components.attoseconds / 1_000_000_000_000_000)) {
                        try Task.checkCancellation()
                        rebuild(builder, report: report)
                        stamps = ProjectStamps.read(paths, in: directory)
                        watcher.refresh()
                        continue
                    }
                    try Task.checkCancellation()
                } else {
                    try await Task.sleep(for: pollInterval)
                }
                let now = ProjectStamps.read(paths, in: directory)
                guard now != stamps else { continue }
                stamps = now
                rebuild(builder, report: report)
                // The notices missed this change, so they may have missed a new folder too.
                watcher?.refresh(everywhere: true)
            }
        }
    }

    private func rebuild(_ builder: IncrementalBuilder, report: (Report) -> Void) {
        let start = DispatchTime.now().uptimeNanoseconds
        var told: Set<String> = []
        let outcome = builder.rebuild { [reload] pages in
            // The edited pages are told about first, before the pages made from every text.
            told = Set(pages)
            reload.publish(changed: pages, diagnostics: nil)
        }
        reload.publish(changed: outcome.changed.filter { !told.contains($0) }, diagnostics: outcome.diagnostics)
        report(Report(outcome: outcome, seconds: Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9))
    }
}

/// How the server task ended, if it has: with an error (it could not listen) or without one.
private final class ServerEnd: @unchecked Sendable {
    private let lock = NSLock()
    private var ended: (any Error)??

    /// The first recorded end, if any.
    var value: (any Error)?? {
        lock.lock()
        defer { lock.unlock() }
        return ended
    }

    func record(_ error: (any Error)?) {
        lock.lock()
        if ended == nil { ended = .some(error) }
        lock.unlock()
    }
}
