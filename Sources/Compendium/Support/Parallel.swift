import Dispatch
import Synchronization

extension Array where Element: Sendable {
    /// `map` run on every core; results keep the order of the elements.
    func parallelMap<Result: Sendable>(_ transform: @Sendable (Element) -> Result) -> [Result] {
        let count = self.count
        guard count > 1 else { return map(transform) }
        var results = [Result?](repeating: nil, count: count)
        results.withUnsafeMutableBufferPointer { buffer in
            nonisolated(unsafe) let output = buffer
            self.withUnsafeBufferPointer { input in
                nonisolated(unsafe) let elements = input
                DispatchQueue.concurrentPerform(iterations: count) { index in
                    output[index] = transform(elements[index])
                }
            }
        }
        return results.map { $0! }
    }

    /// `parallelMap(transform)`, with `other` run at the same time as one more
    /// piece of the work, so that no core waits for it; returns both results.
    func parallelMap<Result: Sendable, Other: Sendable>(_ transform: @Sendable (Element) -> Result,
                                                        alongside other: @Sendable () -> Other) -> ([Result], Other) {
        let otherResult = Mutex<Other?>(nil)
        // Piece 0 is `other`, taken first, while the elements are shared out after it.
        let pieces = Array<Int>(0...count).parallelMap { piece -> Result? in
            guard piece > 0 else {
                let made = other()
                otherResult.withLock { $0 = made }
                return nil
            }
            return transform(self[piece - 1])
        }
        return (pieces.dropFirst().map { $0! }, otherResult.withLock { $0 }!)
    }
}
