import Dispatch
import Synchronization

/// The stages of a build, in the order they run, for `--timings`.
public enum Stage: String, CaseIterable, Sendable {
    /// Reading the content files.
    case load
    /// Splitting off the front matter and reading it as YAML.
    case parse
    /// Typed documents from the front matter.
    case model
    /// The privacy and consent lint.
    case privacy
    /// Reading each body with libcmark for its headings and links.
    case markdown
    /// Addresses, themes, topics, links and related documents.
    case index
    /// Page contexts, templates and bodies rendered to HTML.
    case render
    /// Writing the files of the site.
    case write
}

/// The time one stage took, for `--timings`.
public struct StageTiming: Sendable, Hashable {
    /// The stage's name.
    public let stage: String
    /// Seconds of work: for stages that run on every core, summed over the
    /// workers, so a stage can take longer than the build's wall time.
    public let seconds: Double

    /// Creates a timing.
    public init(stage: String, seconds: Double) {
        self.stage = stage
        self.seconds = seconds
    }
}

/// Time spent in each stage, summed over every worker that ran it, measured
/// with a monotonic clock (never written into the site).
final class StageTimes: Sendable {
    private let nanoseconds = Mutex([UInt64](repeating: 0, count: Stage.allCases.count))

    /// Runs `work`, counting its time to `stage`.
    func measure<Result>(_ stage: Stage, _ work: () throws -> Result) rethrows -> Result {
        let start = DispatchTime.now().uptimeNanoseconds
        defer { add(stage, since: start) }
        return try work()
    }

    /// Counts the time since `start` (an uptime in nanoseconds) to `stage`.
    func add(_ stage: Stage, since start: UInt64) {
        let elapsed = DispatchTime.now().uptimeNanoseconds - start
        let index = Stage.allCases.firstIndex(of: stage)!
        nanoseconds.withLock { $0[index] += elapsed }
    }

    /// The stages that took any time, in order.
    var timings: [StageTiming] {
        let totals = nanoseconds.withLock { $0 }
        return zip(Stage.allCases, totals).filter { $0.1 > 0 }
            .map { StageTiming(stage: $0.0.rawValue, seconds: Double($0.1) / 1e9) }
    }
}
