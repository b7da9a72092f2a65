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

    /// Decodes `bytes` as UTF-8 text.
    static func decode(_ bytes: [UInt8]) -> Result<String, Failure> {
        var bytes = bytes[...]
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
            return .failure(.utf16)
        }
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
            bytes = bytes.dropFirst(3)
        }
        if let offset = firstInvalidOffset(bytes) {
            let (line, column) = position(of: offset, in: bytes)
            return .failure(.invalidUTF8(line: line, column: column))
        }
        if let nul = bytes.firstIndex(of: 0) {
            let (line, column) = position(of: nul - bytes.startIndex, in: bytes)
            return .failure(.nul(line: line, column: column))
        }
        let text = String(decoding: bytes, as: UTF8.self)
        guard bytes.contains(UInt8(ascii: "\r")) else { return .success(text) }
        return .success(normaliseLineEndings(text))
    }

    /// The offset (from the slice's start) of the first byte that is not valid UTF-8.
    /// ASCII bytes are skipped one at a time; a parser reads each other scalar.
    private static func firstInvalidOffset(_ bytes: ArraySlice<UInt8>) -> Int? {
        var index = bytes.startIndex
        while index < bytes.endIndex {
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
                return index - bytes.startIndex
            case .emptyInput:
                return nil
            }
        }
        return nil
    }

    private static func position(of offset: Int, in bytes: ArraySlice<UInt8>) -> (line: Int, column: Int) {
        let before = bytes.prefix(offset)
        let line = before.reduce(1) { $0 + ($1 == UInt8(ascii: "\n") ? 1 : 0) }
        let lineStart = before.lastIndex(of: UInt8(ascii: "\n")).map { $0 + 1 } ?? bytes.startIndex
        let column = String(decoding: bytes[lineStart..<(bytes.startIndex + offset)], as: UTF8.self).count + 1
        return (line, column)
    }

    /// `\r\n` and lone `\r` become `\n`.
    private static func normaliseLineEndings(_ text: String) -> String {
        var result = [UInt8]()
        result.reserveCapacity(text.utf8.count)
        var previousWasReturn = false
        for byte in text.utf8 {
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
