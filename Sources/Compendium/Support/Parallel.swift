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
}
