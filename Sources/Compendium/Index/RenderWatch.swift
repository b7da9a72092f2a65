import Dispatch
import Synchronization

/// Keeps track of which documents' texts are being rendered and since when,
/// so a watchdog can stop a build that one document has stalled (libcmark
/// cannot be interrupted, so the only way out is to end the process).
public final class RenderWatch: Sendable {
    private let rendering = Mutex<[String: UInt64]>([:])

    /// Creates an empty watch.
    public init() {}

    /// Notes that `file` started rendering.
    func begin(_ file: String) {
        let now = DispatchTime.now().uptimeNanoseconds
        rendering.withLock { $0[file] = now }
    }

    /// Notes that `file` finished rendering.
    func end(_ file: String) {
        _ = rendering.withLock { $0.removeValue(forKey: file) }
    }

    /// The first file (in path order) that has been rendering for more than `seconds`.
    public func overdue(after seconds: Int) -> String? {
        let limit = UInt64(seconds) * 1_000_000_000
        return rendering.withLock { files in
            // Read the clock inside the lock: a start recorded after it would be later than `now`.
            let now = DispatchTime.now().uptimeNanoseconds
            return files.filter { now >= $0.value && now - $0.value > limit }.keys.sorted().first
        }
    }
}
