import Dispatch
import Synchronization

extension Array where Element: Sendable {
    /// `map` run on every core; results keep the order of the elements.
    /// Each result is made in its place in the array returned, so none is copied.
    func parallelMap<Result: Sendable>(_ transform: @Sendable (Element) -> Result) -> [Result] {
        guard count > 1 else { return map(transform) }
        return mapped(transform, withFirstPiece: false) {}
    }

    /// `parallelMap(transform)`, with `other` run at the same time as one more
    /// piece of the work, so that no core waits for it; returns both results.
    func parallelMap<Result: Sendable, Other: Sendable>(_ transform: @Sendable (Element) -> Result,
                                                        alongside other: @Sendable () -> Other) -> ([Result], Other) {
        let otherResult = Mutex<Other?>(nil)
        let results = mapped(transform, withFirstPiece: true) {
            let made = other()
            otherResult.withLock { $0 = made }
        }
        return (results, otherResult.withLock { $0 }!)
    }

    /// The results of `transform`, each made in its place on every core;
    /// `withFirstPiece`, `firstPiece` is one more piece of the work, taken
    /// first while the elements are shared out after it.
    private func mapped<Result: Sendable>(_ transform: @Sendable (Element) -> Result, withFirstPiece: Bool,
                                          firstPiece: @Sendable () -> Void) -> [Result] {
        let count = self.count
        let offset = withFirstPiece ? 1 : 0
        return withUnsafeBufferPointer { input in
            nonisolated(unsafe) let elements = input
            return [Result](unsafeUninitializedCapacity: count) { buffer, initialized in
                nonisolated(unsafe) let output = buffer
                DispatchQueue.concurrentPerform(iterations: count + offset) { piece in
                    guard piece >= offset else { return firstPiece() }
                    (output.baseAddress! + piece - offset).initialize(to: transform(elements[piece - offset]))
                }
                initialized = count
            }
        }
    }
}
