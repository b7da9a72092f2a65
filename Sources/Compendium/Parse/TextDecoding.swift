/// Turns a file's bytes into text: UTF-8 only, byte-order mark removed,
/// Windows line endings made Unix ones (so both build the same site).
enum TextDecoding {
    /// Why bytes could not be read as text.
    enum Failure: Error, Equatable {
        /// Invalid UTF-8 at a 1-based line and column.
        case invalidUTF8(line: Int, column: Int)
        /// A UTF-16 byte-order mark.
        case utf16
        /// A NUL character, at a 1-based line and column: a binary file, not text.
        case nul(line: Int, column: Int)
    }

    /// Decodes `bytes` as UTF-8 text. One quick pass over the bytes tells
    /// whether they are ASCII and hold a NUL or a `\r`; only a file with a
    /// problem is looked at scalar by scalar, to place the problem.
    static func decode(_ bytes: [UInt8]) -> Result<String, Failure> {
        bytes.withUnsafeBufferPointer { all in
            if all.starts(with: [0xFF, 0xFE]) || all.starts(with: [0xFE, 0xFF]) {
                return .failure(.utf16)
            }
            let text = all.starts(with: [0xEF, 0xBB, 0xBF]) ? UnsafeBufferPointer(rebasing: all.dropFirst(3)) : all
            let flags = ByteFlags(text)
            guard let decoded = validated(text, isASCII: flags.isASCII) else {
                let offset = firstInvalidOffset(text) ?? 0
                let (line, column) = position(of: offset, in: text)
                return .failure(.invalidUTF8(line: line, column: column))
            }
            if flags.hasNUL, let nul = text.firstOffset(of: 0) {
                let (line, column) = position(of: nul, in: text)
                return .failure(.nul(line: line, column: column))
            }
            return .success(flags.hasCarriageReturn ? normaliseLineEndings(text) : decoded)
        }
    }
}

private extension TextDecoding {
    /// The text of `bytes` when they are valid UTF-8.
    static func validated(_ bytes: UnsafeBufferPointer<UInt8>, isASCII: Bool) -> String? {
        if isASCII { return String(decoding: bytes, as: UTF8.self) }
        if let text = String(validating: bytes, as: UTF8.self) { return text }
        return firstInvalidOffset(bytes) == nil ? String(decoding: bytes, as: UTF8.self) : nil
    }

    /// The offset of the first byte that is not valid UTF-8. ASCII bytes are
    /// skipped one at a time; a parser reads each other scalar.
    static func firstInvalidOffset(_ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        var index = 0
        while index < bytes.count {
            if bytes[index] < 0x80 {
                index += 1
                continue
            }
            var iterator = bytes[index...].makeIterator()
            var parser = Unicode.UTF8.ForwardParser()
            switch parser.parseScalar(from: &iterator) {
            case .valid(let scalar):
                index += scalar.count
            case .error:
                return index
            case .emptyInput:
                return nil
            }
        }
        return nil
    }

    /// The 1-based line and column (in Characters) of the byte at `offset`.
    static func position(of offset: Int, in bytes: UnsafeBufferPointer<UInt8>) -> (line: Int, column: Int) {
        let before = bytes[..<offset]
        let line = before.reduce(1) { $0 + ($1 == UInt8(ascii: "\n") ? 1 : 0) }
        let lineStart = before.lastIndex(of: UInt8(ascii: "\n")).map { $0 + 1 } ?? 0
        let column = String(decoding: bytes[lineStart..<offset], as: UTF8.self).count + 1
        return (line, column)
    }

    /// The text of valid UTF-8 `bytes`, with `\r\n` and lone `\r` made `\n`.
    static func normaliseLineEndings(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        var result = [UInt8]()
        result.reserveCapacity(bytes.count)
        var previousWasReturn = false
        for byte in bytes {
            if byte == UInt8(ascii: "\r") {
                result.append(UInt8(ascii: "\n"))
                previousWasReturn = true
                continue
            }
            if !(byte == UInt8(ascii: "\n") && previousWasReturn) { result.append(byte) }
            previousWasReturn = false
        }
        return String(decoding: result, as: UTF8.self)
    }
}
