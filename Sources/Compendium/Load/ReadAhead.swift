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
/// reader goes.
final class ReadAhead: Sendable {
    /// By index; `nil` for a file no worker reads.
    private let sources: [SourceFile?]
    /// By index: a descriptor opened ahead, `-1` while there is none, `-2` once taken.
    private let descriptors: Mutex<[Int32]>
    /// One token for each file that may be open ahead.
    private let room: DispatchSemaphore
    private let stopped = Atomic<Bool>(false)

    private static let notYet: Int32 = -1
    private static let taken: Int32 = -2

    /// Starts opening the files of `sources` (by index, `nil` where no file is
    /// read) that are on disk, in order, at most `window` ahead of the files read.
    init(_ sources: [SourceFile?], window: Int = 64) {
        self.sources = sources
        descriptors = Mutex(Array(repeating: ReadAhead.notYet, count: sources.count))
        room = DispatchSemaphore(value: window)
        guard sources.contains(where: { $0?.diskPath != nil }) else { return }
        Thread.detachNewThread { [self] in openAhead() }
    }

    deinit {
        for left in descriptors.withLock({ $0 }) where left >= 0 {
            close(left)
            // Its token back: a semaphore must not go with fewer than it was made with.
            room.signal()
        }
    }

    /// The bytes of the source at `index`, which was given. Safe to call
    /// from many threads, once for each index.
    func read(_ index: Int) throws -> [UInt8] {
        let source = sources[index]!
        let descriptor = descriptors.withLock { descriptors in
            defer { descriptors[index] = ReadAhead.taken }
            return descriptors[index]
        }
        guard descriptor >= 0, let path = source.diskPath else { return try source.read() }
        defer { room.signal() }
        return try FileSystem.read(opened: descriptor, path: path)
    }

    /// Opens no more files; call it once every file has been read.
    func stop() {
        stopped.store(true, ordering: .releasing)
        room.signal()
    }

    private func openAhead() {
        for (index, source) in sources.enumerated() {
            guard let path = source?.diskPath else { continue }
            room.wait()
            guard !stopped.load(ordering: .acquiring) else { return }
            guard let descriptor = try? FileSystem.openForReading(path) else {
                room.signal()
                continue
            }
            #if os(Linux)
            _ = posix_fadvise(descriptor, 0, 0, POSIX_FADV_WILLNEED)
            #endif
            let handed = descriptors.withLock { descriptors in
                guard descriptors[index] == ReadAhead.notYet else { return false }
                descriptors[index] = descriptor
                return true
            }
            if !handed {
                // The worker came first and opened the file itself.
                close(descriptor)
                room.signal()
            }
        }
    }
}
