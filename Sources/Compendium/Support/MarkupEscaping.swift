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
        // A bit for each byte that `markupReference(for:)` writes as a reference: `"`, `&`, `'`, `<` and `>`.
        let referenceBits: UInt64 = 1 << 34 | 1 << 38 | 1 << 39 | 1 << 60 | 1 << 62
        var runStart = 0
        for index in text.indices {
            let byte = text[index]
            // Every byte that needs a reference is below 64, so one bit of a word says whether it does.
            guard byte < 64, referenceBits >> UInt64(byte) & 1 == 1, let reference = markupReference(for: byte) else { continue }
            append(contentsOf: UnsafeBufferPointer(rebasing: text[runStart..<index]))
            append(contentsOf: UnsafeBufferPointer(start: reference.utf8Start, count: reference.utf8CodeUnitCount))
            runStart = index + 1
        }
        append(contentsOf: UnsafeBufferPointer(rebasing: text[runStart...]))
    }
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
