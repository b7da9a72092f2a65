import Dispatch

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
        var results = [Result?](repeating: nil, count: count)
        var otherResult: Other?
        results.withUnsafeMutableBufferPointer { buffer in
            nonisolated(unsafe) let output = buffer
            nonisolated(unsafe) let otherOutput = UnsafeMutablePointer<Other?>.allocate(capacity: 1)
            otherOutput.initialize(to: nil)
            defer {
                otherResult = otherOutput.move()
                otherOutput.deallocate()
            }
            self.withUnsafeBufferPointer { input in
                nonisolated(unsafe) let elements = input
                // The first piece is `other`, taken first, while the elements are shared out after it.
                DispatchQueue.concurrentPerform(iterations: input.count + 1) { index in
                    if index == 0 { otherOutput.pointee = other() } else { output[index - 1] = transform(elements[index - 1]) }
                }
            }
        }
        return (results.map { $0! }, otherResult!)
    }
}
