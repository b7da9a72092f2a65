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

extension UnsafeBufferPointer<UInt8> {
    /// The offset of the first `byte` at or after `start`, or `nil`. Eight
    /// bytes are looked at together, so a long run without it is passed quickly.
    func firstOffset(of byte: UInt8, from start: Int = 0) -> Int? {
        let pattern = ByteWord.repeated(byte)
        var offset = start
        while offset + 8 <= count, !ByteWord.hasZeroByte(word(at: offset) ^ pattern) { offset += 8 }
        while offset < count {
            if self[offset] == byte { return offset }
            offset += 1
        }
        return nil
    }

    /// The offset of the first byte at or after `start` that lies in `range`, a range of ASCII bytes, or `nil`.
    func firstOffset(in range: ClosedRange<UInt8>, from start: Int = 0) -> Int? {
        var offset = start
        while offset + 8 <= count, ByteWord.bytes(of: word(at: offset), in: range) == 0 { offset += 8 }
        while offset < count {
            if range.contains(self[offset]) { return offset }
            offset += 1
        }
        return nil
    }

    /// Whether every byte is below 0x80, that is, the text they encode is ASCII.
    var isASCII: Bool { ByteFlags(self).isASCII }

    /// The number of ASCII digits, counted up to `limit` at most.
    func digitCount(upTo limit: Int) -> Int {
        let digits = UInt8(ascii: "0")...UInt8(ascii: "9")
        var found = 0, offset = 0
        while offset + 8 <= count, found < limit {
            found += ByteWord.count(ByteWord.bytes(of: word(at: offset), in: digits))
            offset += 8
        }
        while offset < count, found < limit {
            if digits.contains(self[offset]) { found += 1 }
            offset += 1
        }
        return Swift.min(found, limit)
    }

    /// The eight bytes from `offset` as one number.
    fileprivate func word(at offset: Int) -> UInt64 {
        UnsafeRawPointer(baseAddress! + offset).loadUnaligned(as: UInt64.self)
    }
}

/// What a text's bytes hold, found in one pass that looks at eight bytes at once:
/// a non-ASCII byte, a NUL or a carriage return.
struct ByteFlags {
    /// Whether every byte is below 0x80.
    let isASCII: Bool
    /// Whether some byte is 0.
    let hasNUL: Bool
    /// Whether some byte is `\r`.
    let hasCarriageReturn: Bool

    /// Reads `bytes`.
    init(_ bytes: UnsafeBufferPointer<UInt8>) {
        let returns = ByteWord.repeated(UInt8(ascii: "\r"))
        var high: UInt64 = 0, zeros: UInt64 = 0, carriageReturns: UInt64 = 0, offset = 0
        while offset + 8 <= bytes.count {
            let word = bytes.word(at: offset)
            high |= word
            zeros |= ByteWord.zeroBytes(word)
            carriageReturns |= ByteWord.zeroBytes(word ^ returns)
            offset += 8
        }
        for byte in bytes[offset...] {
            high |= UInt64(byte)
            if byte == 0 { zeros = 1 }
            if byte == UInt8(ascii: "\r") { carriageReturns = 1 }
        }
        isASCII = high & ByteWord.highBits == 0
        hasNUL = zeros != 0
        hasCarriageReturn = carriageReturns != 0
    }
}

/// Eight bytes read as one number, and tests that look at all eight at once.
enum ByteWord {
    /// The top bit of each byte.
    static let highBits: UInt64 = 0x8080_8080_8080_8080
    /// The lowest bit of each byte.
    static let lowBits: UInt64 = 0x0101_0101_0101_0101

    /// `byte` in each of the eight places.
    static func repeated(_ byte: UInt8) -> UInt64 {
        UInt64(byte) &* lowBits
    }

    /// Nonzero exactly when one of the eight bytes is zero (the top bit of
    /// the lowest zero byte is set; bits above it may be too).
    static func zeroBytes(_ word: UInt64) -> UInt64 {
        (word &- lowBits) & ~word & highBits
    }

    /// Whether one of the eight bytes is zero.
    static func hasZeroByte(_ word: UInt64) -> Bool {
        zeroBytes(word) != 0
    }

    /// The top bit of each of the eight bytes that lies in `range`, a range
    /// of ASCII bytes, and no other bit. Each byte is compared on its own:
    /// no carry passes from one byte to the next.
    static func bytes(of word: UInt64, in range: ClosedRange<UInt8>) -> UInt64 {
        // Adding 0x80 - lower to a byte's low seven bits sets its top bit when the byte is at least
        // `lower`; adding 0x7F - upper sets it when the byte is above `upper`. Neither sum passes 0xFF.
        let lowSeven = word & ~highBits
        let atLeastLower = lowSeven &+ repeated(0x80 - range.lowerBound)
        let aboveUpper = lowSeven &+ repeated(0x7F - range.upperBound)
        return atLeastLower & ~aboveUpper & ~word & highBits
    }

    /// The number of bytes whose top bit is set in a result of `bytes(of:in:)`.
    static func count(_ topBits: UInt64) -> Int {
        Int(((topBits >> 7) &* lowBits) >> 56)
    }
}

/// Whether `text` holds `needle`'s UTF-8 bytes, in a row.
private func byteSearch(_ needle: StaticString, in text: UnsafeBufferPointer<UInt8>) -> Bool {
    let pattern = UnsafeBufferPointer(start: needle.utf8Start, count: needle.utf8CodeUnitCount)
    guard let first = pattern.first, text.count >= pattern.count else { return pattern.isEmpty }
    let lastStart = text.count - pattern.count
    var start = 0
    while let found = text.firstOffset(of: first, from: start), found <= lastStart {
        var matched = 1
        while matched < pattern.count && text[found + matched] == pattern[matched] { matched += 1 }
        if matched == pattern.count { return true }
        start = found + 1
    }
    return false
}
