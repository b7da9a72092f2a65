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
        return firstOffset(from: start, marking: { ByteWord.zeroBytes($0 ^ pattern) }, matching: { $0 == byte })
    }

    /// The offset of the first byte at or after `start` that lies in `range`, a range of ASCII bytes, or `nil`.
    func firstOffset(in range: ClosedRange<UInt8>, from start: Int = 0) -> Int? {
        let test = ByteWord.RangeTest(range)
        return firstOffset(from: start, marking: test.marks, matching: range.contains)
    }

    /// The offset of the first byte at or after `start` that is `byte` or lies in `range`, a range
    /// of ASCII bytes, or `nil`.
    func firstOffset(of byte: UInt8, orIn range: ClosedRange<UInt8>, from start: Int = 0) -> Int? {
        let pattern = ByteWord.repeated(byte), test = ByteWord.RangeTest(range)
        return firstOffset(from: start, marking: { ByteWord.zeroBytes($0 ^ pattern) | test.marks($0) },
                           matching: { $0 == byte || range.contains($0) })
    }

    /// Whether every byte is below 0x80, that is, the text they encode is ASCII.
    var isASCII: Bool { ByteFlags(self).isASCII }

    /// Whether the bytes hold `byte`, and how many of them lie in `range`, a range of ASCII bytes,
    /// counted up to `limit` at most: both found in one pass, which stops once both are known.
    func contains(_ byte: UInt8, counting range: ClosedRange<UInt8>, upTo limit: Int) -> (contains: Bool, count: Int) {
        let pattern = ByteWord.repeated(byte), test = ByteWord.RangeTest(range)
        var found = false, counted = 0, offset = 0
        while offset + 8 <= count, !(found && counted >= limit) {
            let word = word(at: offset)
            found = found || ByteWord.hasZeroByte(word ^ pattern)
            counted += ByteWord.count(test.marks(word))
            offset += 8
        }
        while offset < count, !(found && counted >= limit) {
            found = found || self[offset] == byte
            if range.contains(self[offset]) { counted += 1 }
            offset += 1
        }
        return (found, Swift.min(counted, limit))
    }

    /// The offset of the first byte at or after `start` that `matching` accepts. Eight bytes at a time,
    /// `marking` sets the top bit of each byte it accepts (the lowest set bit must be exact); the last
    /// bytes are given to `matching` one by one.
    func firstOffset(from start: Int, marking: (UInt64) -> UInt64, matching: (UInt8) -> Bool) -> Int? {
        var offset = start
        while offset + 8 <= count {
            let found = marking(word(at: offset))
            if found != 0 { return offset + ByteWord.firstMarked(found) }
            offset += 8
        }
        while offset < count {
            if matching(self[offset]) { return offset }
            offset += 1
        }
        return nil
    }

    /// The eight bytes from `offset` as one number, the first byte lowest.
    fileprivate func word(at offset: Int) -> UInt64 {
        UInt64(littleEndian: UnsafeRawPointer(baseAddress! + offset).loadUnaligned(as: UInt64.self))
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
    /// of ASCII bytes, and no other bit.
    static func bytes(of word: UInt64, in range: ClosedRange<UInt8>) -> UInt64 {
        RangeTest(range).marks(word)
    }

    /// A test of eight bytes at once for bytes in a range of ASCII bytes, made once for many words.
    /// Each byte is compared on its own: no carry passes from one byte to the next.
    struct RangeTest {
        /// Added to a byte's low seven bits, sets its top bit when the byte is at least the range's lower bound.
        private let toLower: UInt64
        /// Added to a byte's low seven bits, sets its top bit when the byte is above the range's upper bound.
        private let pastUpper: UInt64

        /// A test for `range`, whose bounds must be below 0x80.
        init(_ range: ClosedRange<UInt8>) {
            precondition(range.upperBound < 0x80, "only ranges of ASCII bytes")
            toLower = ByteWord.repeated(0x80 - range.lowerBound)
            pastUpper = ByteWord.repeated(0x7F - range.upperBound)
        }

        /// The top bit of each byte of `word` that lies in the range. Neither sum passes 0xFF in any byte.
        func marks(_ word: UInt64) -> UInt64 {
            let lowSeven = word & ~ByteWord.highBits
            return (lowSeven &+ toLower) & ~(lowSeven &+ pastUpper) & ~word & ByteWord.highBits
        }
    }

    /// The place (0 to 7, the first byte lowest) of the first byte whose top bit is set in a result of
    /// `zeroBytes` or `bytes(of:in:)`, which must not be zero. In both the lowest set bit is exact.
    static func firstMarked(_ topBits: UInt64) -> Int {
        topBits.trailingZeroBitCount >> 3
    }

    /// The number of bytes whose top bit is set in a result of `bytes(of:in:)`.
    static func count(_ topBits: UInt64) -> Int {
        Int(((topBits >> 7) &* lowBits) >> 56)
    }
}

/// Whether `text` holds `needle`'s UTF-8 bytes, in a row. The needle's last
/// byte is sought first: in prose it is rarer than the first of a word
/// such as `privacy:`, so fewer places need a closer look.
private func byteSearch(_ needle: StaticString, in text: UnsafeBufferPointer<UInt8>) -> Bool {
    let pattern = UnsafeBufferPointer(start: needle.utf8Start, count: needle.utf8CodeUnitCount)
    guard let last = pattern.last, text.count >= pattern.count else { return pattern.isEmpty }
    var end = pattern.count - 1
    while let found = text.firstOffset(of: last, from: end) {
        let start = found - (pattern.count - 1)
        if text[start..<found].elementsEqual(pattern.dropLast()) { return true }
        end = found + 1
    }
    return false
}
