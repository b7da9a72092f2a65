extension StringProtocol {
    /// Whether the text holds `needle`, compared byte for byte (no Unicode
    /// equivalence): a fast test before a closer look.
    func containsBytes(_ needle: StaticString) -> Bool {
        let pattern = UnsafeBufferPointer(start: needle.utf8Start, count: needle.utf8CodeUnitCount)
        if let found = utf8.withContiguousStorageIfAvailable({ Self.search(pattern, in: $0) }) { return found }
        return Array(utf8).withUnsafeBufferPointer { Self.search(pattern, in: $0) }
    }

    private static func search(_ pattern: UnsafeBufferPointer<UInt8>, in text: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let first = pattern.first, text.count >= pattern.count else { return pattern.isEmpty }
        var start = 0
        while start <= text.count - pattern.count {
            if text[start] == first {
                var matched = 1
                while matched < pattern.count && text[start + matched] == pattern[matched] { matched += 1 }
                if matched == pattern.count { return true }
            }
            start += 1
        }
        return false
    }
}
