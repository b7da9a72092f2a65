extension StringProtocol {
    /// Whether the text holds `needle`, compared byte for byte (no Unicode
    /// equivalence): a fast test before a closer look.
    func containsBytes(_ needle: StaticString) -> Bool {
        if let found = utf8.withContiguousStorageIfAvailable({ byteSearch(needle, in: $0) }) { return found }
        return Array(utf8).withUnsafeBufferPointer { byteSearch(needle, in: $0) }
    }
}

extension ArraySlice<UInt8> {
    /// Whether the bytes hold `needle`'s UTF-8 bytes, in a row.
    func containsBytes(_ needle: StaticString) -> Bool {
        withUnsafeBufferPointer { byteSearch(needle, in: $0) }
    }
}

/// Whether `text` holds `needle`'s UTF-8 bytes, in a row.
private func byteSearch(_ needle: StaticString, in text: UnsafeBufferPointer<UInt8>) -> Bool {
    let pattern = UnsafeBufferPointer(start: needle.utf8Start, count: needle.utf8CodeUnitCount)
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
