import Dispatch
import Synchronization

extension Array where Element: Sendable {
    /// `map` run on every core; results keep the order of the elements.
    /// Each result is made in its place in the array returned, so none is copied.
    func parallelMap<Result: Sendable>(_ transform: @Sendable (Element) -> Result) -> [Result] {
        let count = self.count
        guard count > 1 else { return map(transform) }
        return withUnsafeBufferPointer { input in
            nonisolated(unsafe) let elements = input
            return [Result](unsafeUninitializedCapacity: count) { buffer, initialized in
                nonisolated(unsafe) let output = buffer
                DispatchQueue.concurrentPerform(iterations: count) { index in
                    (output.baseAddress! + index).initialize(to: transform(elements[index]))
                }
                initialized = count
            }
        }
    }

    /// `parallelMap(transform)`, with `other` run at the same time as one more
    /// piece of the work, so that no core waits for it; returns both results.
    func parallelMap<Result: Sendable, Other: Sendable>(_ transform: @Sendable (Element) -> Result,
                                                        alongside other: @Sendable () -> Other) -> ([Result], Other) {
        let count = self.count
        let otherResult = Mutex<Other?>(nil)
        let results = withUnsafeBufferPointer { input in
            nonisolated(unsafe) let elements = input
            return [Result](unsafeUninitializedCapacity: count) { buffer, initialized in
                nonisolated(unsafe) let output = buffer
                // Piece 0 is `other`, taken first, while the elements are shared out after it.
                DispatchQueue.concurrentPerform(iterations: count + 1) { piece in
                    guard piece > 0 else {
                        let made = other()
                        otherResult.withLock { $0 = made }
                        return
                    }
                    (output.baseAddress! + piece - 1).initialize(to: transform(elements[piece - 1]))
                }
                initialized = count
            }
        }
        return (results, otherResult.withLock { $0 }!)
    }
}
