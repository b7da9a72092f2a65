/// Reads a time or a time range written in ASCII, as `ValueSyntax.timeRange`
/// does: `14:00`, `14:00-16:00` or `14:00 to 16:00`, spaces around each time
/// allowed, each time `H:MM` or `HH:MM` on a 24-hour clock.
enum ClockTimeRange {
    /// The times joined by an en dash, or `nil` when `bytes` are no time or range.
    static func read(_ bytes: UnsafeBufferPointer<UInt8>) -> String? {
        var separator: Range<Int>?
        var index = 0
        while index < bytes.count {
            let width = separatorWidth(bytes, at: index)
            guard width > 0 else {
                index += 1
                continue
            }
            guard separator == nil else { return nil }
            separator = index..<(index + width)
            index += width
        }
        let parts = separator.map { [0..<$0.lowerBound, $0.upperBound..<bytes.count] } ?? [0..<bytes.count]
        var times: [String] = []
        for part in parts {
            let time = trimmed(part, in: bytes)
            guard isClockTime(time, in: bytes) else { return nil }
            times.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[time]), as: UTF8.self))
        }
        return times.joined(separator: "–")
    }
}

private extension ClockTimeRange {
    /// The length of the separator that starts at `index`: 1 for a hyphen,
    /// 4 for " to ", 0 for none.
    static func separatorWidth(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Int {
        if bytes[index] == UInt8(ascii: "-") { return 1 }
        return bytes[index...].starts(with: " to ".utf8) ? 4 : 0
    }

    /// `range` without the white space at either end.
    static func trimmed(_ range: Range<Int>, in bytes: UnsafeBufferPointer<UInt8>) -> Range<Int> {
        var start = range.lowerBound, end = range.upperBound
        while start < end, isWhitespace(bytes[start]) { start += 1 }
        while end > start, isWhitespace(bytes[end - 1]) { end -= 1 }
        return start..<end
    }

    /// Whether an ASCII byte is white space: a space, a tab or a line break.
    static func isWhitespace(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: " ") || (0x09...0x0D).contains(byte)
    }

    /// Whether `range` holds `H:MM` or `HH:MM`, hours below 24 and minutes below 60.
    static func isClockTime(_ range: Range<Int>, in bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let colon = bytes[range].firstIndex(of: UInt8(ascii: ":")), (1...2).contains(colon - range.lowerBound),
              range.upperBound - colon == 3, let hours = number(range.lowerBound..<colon, in: bytes),
              let minutes = number((colon + 1)..<range.upperBound, in: bytes)
        else { return false }
        return hours < 24 && minutes < 60
    }

    /// The value of one or more ASCII digits; `nil` for anything else.
    static func number(_ range: Range<Int>, in bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        guard !range.isEmpty else { return nil }
        var value = 0
        for byte in bytes[range] {
            guard (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) else { return nil }
            value = value * 10 + Int(byte - UInt8(ascii: "0"))
        }
        return value
    }
}
