import Dispatch
import Foundation
import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// Reads source files that workers take one by one, with the disk asked for them
/// ahead: a thread of its own opens the next few files and asks the
/// operating system to start reading each (which returns at once), so that
/// many reads are under way where a worker would wait for each in turn.
///
/// A worker reading file `index` takes the descriptor opened for it, or opens
/// the file itself when the thread has not come to it, so the bytes (and any
/// error) are those of reading the file then. At most `window` files are
/// open ahead at once; each is closed once read, and any left when the
/// reader goes. The thread, once the window is full, sleeps until half of it
/// has been read, so that it is woken once for many files rather than for each.
final class ReadAhead: Sendable {
    /// By index; `nil` for a file no worker reads.
    private let sources: [SourceFile?]
    private let state: Mutex<State>
    /// Signalled when the thread, asleep on a full window, has room again or must stop.
    private let wake = DispatchSemaphore(value: 0)
    private let window: Int

    private struct State {
        /// By index: a descriptor opened ahead, `notYet` while there is none, `taken` once taken.
        var descriptors: [Int32]
        /// How many descriptors are opened ahead and not yet taken.
        var open = 0
        /// Whether the thread is asleep until there is room.
        var asleep = false
        var stopped = false
    }

    private static let notYet: Int32 = -1
    private static let taken: Int32 = -2

    /// Starts opening the files of `sources` (by index, `nil` where no file is
    /// read) that are on disk, in order, at most `window` ahead of the files read.
    init(_ sources: [SourceFile?], window: Int = 64) {
        self.sources = sources
        self.window = max(2, window)
        state = Mutex(State(descriptors: Array(repeating: ReadAhead.notYet, count: sources.count)))
        guard sources.contains(where: { $0?.diskPath != nil }) else { return }
        Thread.detachNewThread { [self] in openAhead() }
    }

    deinit {
        for left in state.withLock({ $0.descriptors }) where left >= 0 { close(left) }
    }

    /// The bytes of the source at `index`, which was given. Safe to call
    /// from many threads, once for each index.
    func read(_ index: Int) throws -> [UInt8] {
        let source = sources[index]!
        let (descriptor, waking) = state.withLock { state -> (Int32, Bool) in
            let descriptor = state.descriptors[index]
            state.descriptors[index] = ReadAhead.taken
            guard descriptor >= 0 else { return (descriptor, false) }
            state.open -= 1
            guard state.asleep, state.open <= window / 2 else { return (descriptor, false) }
            state.asleep = false
            return (descriptor, true)
        }
        if waking { wake.signal() }
        guard descriptor >= 0, let path = source.diskPath else { return try source.read() }
        return try FileSystem.read(opened: descriptor, path: path)
    }

    /// Opens no more files; call it once every file has been read.
    func stop() {
        let waking = state.withLock { state -> Bool in
            state.stopped = true
            defer { state.asleep = false }
            return state.asleep
        }
        if waking { wake.signal() }
    }

    private func openAhead() {
        for (index, source) in sources.enumerated() {
            guard let path = source?.diskPath else { continue }
            while true {
                let next = state.withLock { state -> (stop: Bool, sleep: Bool) in
                    if state.stopped { return (true, false) }
                    state.asleep = state.open >= window
                    return (false, state.asleep)
                }
                if next.stop { return }
                guard next.sleep else { break }
                wake.wait()
            }
            guard let descriptor = try? FileSystem.openForReading(path) else { continue }
            #if os(Linux)
            _ = posix_fadvise(descriptor, 0, 0, POSIX_FADV_WILLNEED)
            #endif
            let handed = state.withLock { state in
                guard state.descriptors[index] == ReadAhead.notYet, !state.stopped else { return false }
                state.descriptors[index] = descriptor
                state.open += 1
                return true
            }
            // The worker came first and opened the file itself, or the reader stopped.
            if !handed { close(descriptor) }
        }
    }
}
