import Markdown
import Synchronization
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Each document's body as the survey rendered it ahead (`MarkedBody`), by
/// position, so that the render fills in its links instead of reading and
/// parsing its Markdown again.
///
/// Bodies are held in memory up to a budget of bytes; the rest are kept in a
/// temporary file, deleted as soon as it is made, so that a build holds no
/// more than the budget of them however large the compendium; the file's
/// space is given back when the build ends, however it ends.
final class MarkedBodies: Sendable {
    private let descriptor: Int32
    private let state: Mutex<State>
    /// Set when a write failed: then no body is given back, and every text is read again.
    private let failed = Atomic<Bool>(false)

    /// How many bytes are gathered before they are written.
    private static let writeSize = 1 << 20
    /// How many bytes of bodies may be held in memory at once.
    private let memoryBudget: Int

    private struct State {
        /// Where each body is in the file, by position.
        var places: [Range<Int>?]
        /// The bodies held in memory, by position, and how many bytes they hold.
        var held: [MarkedBody?]
        var heldBytes = 0
        /// Bodies not yet written, and where in the file they go.
        var pending: [UInt8] = []
        var pendingStart = 0
    }

    /// Room for `count` bodies, `memoryBudget` bytes of them in memory and
    /// the rest in a new temporary file in `$TMPDIR` (or `/tmp`); `nil` when
    /// no such file can be made, and bodies are read again.
    init?(count: Int, memoryBudget: Int = 64 << 20) {
        let folder = getenv("TMPDIR").map { String(cString: $0) }.flatMap { $0.isEmpty ? nil : $0 } ?? "/tmp"
        var template = Array((folder + "/.compendium-bodies-XXXXXX").utf8CString)
        let descriptor = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard descriptor >= 0 else { return nil }
        unlink(template.withUnsafeBufferPointer { $0.baseAddress! })
        self.descriptor = descriptor
        self.memoryBudget = memoryBudget
        state = Mutex(State(places: Array(repeating: nil, count: count), held: Array(repeating: nil, count: count)))
    }

    deinit {
        close(descriptor)
    }

    /// Keeps `body` as the body of the document at `position`. Safe to call from many threads.
    func keep(_ body: MarkedBody, at position: Int) {
        let inMemory = state.withLock { state -> Bool in
            guard state.held.indices.contains(position), state.heldBytes + body.byteCount <= memoryBudget else { return false }
            state.held[position] = body
            state.heldBytes += body.byteCount
            return true
        }
        guard !inMemory else { return }
        let bytes = body.bytes
        let full = state.withLock { state -> (bytes: [UInt8], start: Int)? in
            guard state.places.indices.contains(position) else { return nil }
            let start = state.pendingStart + state.pending.count
            state.places[position] = start..<start + bytes.count
            if state.pending.isEmpty { state.pending.reserveCapacity(Self.writeSize + 65_536) }
            state.pending += bytes
            guard state.pending.count >= Self.writeSize else { return nil }
            defer {
                state.pendingStart += state.pending.count
                state.pending = []
            }
            return (state.pending, state.pendingStart)
        }
        if let full { write(full.bytes, at: full.start) }
    }

    /// The body kept for the document at `position`, if there is one; a
    /// body held in memory is given back once, and its memory let go.
    func body(at position: Int) -> MarkedBody? {
        let kept = state.withLock { state -> (held: MarkedBody?, place: Range<Int>?) in
            guard state.held.indices.contains(position) else { return (nil, nil) }
            if let body = state.held[position] {
                state.held[position] = nil
                state.heldBytes -= body.byteCount
                return (body, nil)
            }
            if !state.pending.isEmpty {
                write(state.pending, at: state.pendingStart)
                state.pendingStart += state.pending.count
                state.pending = []
            }
            return (nil, state.places[position])
        }
        if let held = kept.held { return held }
        guard let place = kept.place, !failed.load(ordering: .acquiring) else { return nil }
        let bytes = [UInt8](unsafeUninitializedCapacity: place.count) { buffer, count in
            count = 0
            while count < place.count {
                let read = pread(descriptor, buffer.baseAddress! + count, place.count - count, off_t(place.lowerBound + count))
                if read < 0 && errno == EINTR { continue }
                guard read > 0 else { break }
                count += read
            }
        }
        guard bytes.count == place.count else { return nil }
        return MarkedBody(bytes: bytes)
    }

    private func write(_ bytes: [UInt8], at start: Int) {
        bytes.withUnsafeBytes { raw in
            var done = 0
            while done < raw.count {
                let count = pwrite(descriptor, raw.baseAddress! + done, raw.count - done, off_t(start + done))
                if count < 0 && errno == EINTR { continue }
                guard count > 0 else {
                    failed.store(true, ordering: .releasing)
                    return
                }
                done += count
            }
        }
    }
}
