import Dispatch
import Synchronization
#if canImport(Glibc)
import Glibc
#endif

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
///
/// Workers count into slots picked by their thread, each slot on its own
/// cache lines, so that two workers measuring at once seldom touch the same
/// memory: a build measures a few times for every document.
final class StageTimes: Sendable {
    private let slots = (0..<StageTimes.slotCount).map { _ in Slot() }

    /// Runs `work`, counting its time to `stage`.
    func measure<Result>(_ stage: Stage, _ work: () throws -> Result) rethrows -> Result {
        let start = DispatchTime.now().uptimeNanoseconds
        defer { add(stage, since: start) }
        return try work()
    }

    /// Counts the time since `start` (an uptime in nanoseconds) to `stage`.
    func add(_ stage: Stage, since start: UInt64) {
        let elapsed = DispatchTime.now().uptimeNanoseconds - start
        slots[StageTimes.slotOfThisThread()].nanoseconds[stage.number].wrappingAdd(elapsed, ordering: .relaxed)
    }

    /// The stages that took any time, in order.
    var timings: [StageTiming] {
        Stage.allCases.compactMap { stage in
            let total = slots.reduce(0) { $0 + $1.nanoseconds[stage.number].load(ordering: .relaxed) }
            return total > 0 ? StageTiming(stage: stage.rawValue, seconds: Double(total) / 1e9) : nil
        }
    }

    /// How many slots there are: many more than workers, so two seldom share one.
    private static let slotCount = 64

    /// The slot of the calling thread, from a hash of its identity.
    private static func slotOfThisThread() -> Int {
        Int(truncatingIfNeeded: (UInt64(pthread_self()) &* 0x9E37_79B9_7F4A_7C15) >> 58)
    }

    /// One slot's counts by stage (one for each of the eight stages), padded to two cache lines of its own.
    private final class Slot: Sendable {
        let nanoseconds: InlineArray<8, Atomic<UInt64>> = InlineArray { _ in Atomic(0) }
        private let padding: InlineArray<8, UInt64> = InlineArray(repeating: 0)
    }
}

private extension Stage {
    /// The stage's place among all stages.
    var number: Int {
        switch self {
        case .load: 0
        case .parse: 1
        case .model: 2
        case .privacy: 3
        case .markdown: 4
        case .index: 5
        case .render: 6
        case .write: 7
        }
    }
}
