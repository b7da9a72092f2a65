extension String {
    /// The text with `&`, `<`, `>`, `"` and `'` written as entities, safe in
    /// HTML and XML text and in quoted attributes.
    public var escapedForMarkup: String {
        var escaped = ""
        escaped.reserveCapacity(utf8.count)
        for character in self {
            switch character {
            case "&": escaped += "&amp;"
            case "<": escaped += "&lt;"
            case ">": escaped += "&gt;"
            case "\"": escaped += "&quot;"
            case "'": escaped += "&apos;"
            default: escaped.append(character)
            }
        }
        return escaped
    }
}

extension Array where Element == UInt8 {
    /// Appends the UTF-8 `text` with `&`, `<`, `>`, `"` and `'` written as
    /// character references (`'` as `&#39;`), copying each run of bytes that
    /// needs none in one go.
    mutating func appendEscapingMarkup(_ text: UnsafeBufferPointer<UInt8>) {
        guard let base = text.baseAddress else { return }
        // A bit for each byte that `markupReference(for:)` writes as a reference: `"`, `&`, `'`, `<` and `>`.
        let referenceBits: UInt64 = 1 << 34 | 1 << 38 | 1 << 39 | 1 << 60 | 1 << 62
        let bytes = UnsafeRawPointer(base)
        var runStart = 0
        var index = 0
        while index < text.count {
            // Eight bytes at a time while none of them needs a reference.
            if index + 8 <= text.count, !mayNeedReference(bytes.loadUnaligned(fromByteOffset: index, as: UInt64.self)) {
                index += 8
                continue
            }
            let byte = text[index]
            index += 1
            // Every byte that needs a reference is below 64, so one bit of a word says whether it does.
            guard byte < 64, referenceBits >> UInt64(byte) & 1 == 1, let reference = markupReference(for: byte) else { continue }
            append(contentsOf: UnsafeBufferPointer(rebasing: text[runStart..<(index - 1)]))
            append(contentsOf: UnsafeBufferPointer(start: reference.utf8Start, count: reference.utf8CodeUnitCount))
            runStart = index
        }
        append(contentsOf: UnsafeBufferPointer(rebasing: text[runStart...]))
    }
}

/// Whether any of the eight bytes in `word` is one `markupReference(for:)`
/// writes as a reference. A byte equal to the one sought leaves a zero byte
/// after the exclusive or, and the usual test for a zero byte finds it.
@inline(__always)
private func mayNeedReference(_ word: UInt64) -> Bool {
    let ones: UInt64 = 0x0101_0101_0101_0101
    let highs: UInt64 = 0x8080_8080_8080_8080
    @inline(__always) func holdsZeroByte(_ value: UInt64) -> UInt64 { (value &- ones) & ~value & highs }
    let found = holdsZeroByte(word ^ (ones &* 0x22)) | holdsZeroByte(word ^ (ones &* 0x26)) | holdsZeroByte(word ^ (ones &* 0x27))
        | holdsZeroByte(word ^ (ones &* 0x3C)) | holdsZeroByte(word ^ (ones &* 0x3E))
    return found != 0
}

/// The character reference for `byte` in markup, if it needs one.
@inline(__always)
private func markupReference(for byte: UInt8) -> StaticString? {
    switch byte {
    case UInt8(ascii: "&"): return "&amp;"
    case UInt8(ascii: "<"): return "&lt;"
    case UInt8(ascii: ">"): return "&gt;"
    case UInt8(ascii: "\""): return "&quot;"
    case UInt8(ascii: "'"): return "&#39;"
    default: return nil
    }
}
