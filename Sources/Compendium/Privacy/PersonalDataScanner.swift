/// The kinds of personal data the privacy lint looks for.
enum PersonalDataKind: String, Sendable, Hashable, CaseIterable {
    case email
    case phone
    case nhsNumber = "nhs-number"
    case name
}

/// Something in a text that looks like personal data.
struct PersonalDataFinding: Sendable, Hashable {
    /// What kind of personal data it seems to be.
    let kind: PersonalDataKind
    /// Where it is, as UTF-8 byte offsets into the scanned string.
    let range: Range<Int>
    /// The value with most of it hidden, safe to print in public CI logs.
    let masked: String
    /// True when the context makes it very likely (an NHS number next to the word "NHS"); false for weaker signals.
    let isCertain: Bool
}

/// Finds e-mail addresses, UK phone numbers, NHS numbers and likely personal names in text.
///
/// Each function reads the text's UTF-8 bytes, given as a `String` or as the bytes
/// themselves, reports ranges as UTF-8 byte offsets, and returns its findings sorted
/// by where they start, without overlaps.
enum PersonalDataScanner {
    /// E-mail addresses (`local@domain.tld`), except those at reserved example and test domains.
    static func emailAddresses(in text: String) -> [PersonalDataFinding] {
        emailAddresses(in: Array(text.utf8))
    }

    /// E-mail addresses in UTF-8 bytes.
    static func emailAddresses(in bytes: [UInt8]) -> [PersonalDataFinding] {
        guard bytes.contains(at) else { return [] }
        var findings: [PersonalDataFinding] = []
        for sign in bytes.indices where bytes[sign] == at {
            var start = sign, end = sign + 1
            while start > 0, isLocalByte(bytes[start - 1]) { start -= 1 }
            while end < bytes.count, isDomainByte(bytes[end]) { end += 1 }
            let before = start > 0 ? bytes[start - 1] : 0, after = end < bytes.count ? bytes[end] : 0
            while start < sign, bytes[start] == dot { start += 1 }
            while end > sign + 1, bytes[end - 1] == dot { end -= 1 }
            let domain = String(decoding: bytes[(sign + 1)..<end], as: UTF8.self)
            guard start < sign, before != at, after != at, !isLocalByte(after),
                  start >= (findings.last?.range.upperBound ?? 0), isRealDomain(domain) else { continue }
            let address = String(decoding: bytes[start..<end], as: UTF8.self)
            findings.append(PersonalDataFinding(kind: .email, range: start..<end, masked: maskEmail(address), isCertain: false))
        }
        return findings
    }

    /// UK phone numbers: `0…` with 10 or 11 digits, or `+44…`, in groups split by single spaces,
    /// hyphens, dots or brackets; dates, times, ISBNs and parts of longer numbers are left out.
    static func phoneNumbers(in text: String) -> [PersonalDataFinding] {
        phoneNumbers(in: Array(text.utf8))
    }

    /// UK phone numbers in UTF-8 bytes.
    static func phoneNumbers(in bytes: [UInt8]) -> [PersonalDataFinding] {
        guard hasTenDigits(bytes) else { return [] }
        var findings: [PersonalDataFinding] = [], index = 0
        while index < bytes.count {
            let opens = bytes[index] == plus || bytes[index] == UInt8(ascii: "(")
            let startsRun = isDigit(bytes[index]) || (opens && index + 1 < bytes.count && isDigit(bytes[index + 1]))
            guard startsRun else { index += 1; continue }
            let groups = digitGroups(bytes, from: index)
            if let finding = phone(groups, start: index, bytes) { findings.append(finding) }
            index = groups.last!.upperBound
        }
        return findings
    }

    /// NHS numbers: ten digits, together or as 3-3-4 groups, with a valid modulus 11 check digit.
    /// Certain when the word "NHS" is within 40 bytes; numbers that are UK phone numbers are left out.
    static func nhsNumbers(in text: String) -> [PersonalDataFinding] {
        nhsNumbers(in: Array(text.utf8))
    }

    /// NHS numbers in UTF-8 bytes.
    static func nhsNumbers(in bytes: [UInt8]) -> [PersonalDataFinding] {
        guard hasTenDigits(bytes) else { return [] }
        let phones = phoneNumbers(in: bytes).map(\.range)
        var findings: [PersonalDataFinding] = [], index = 0, nextPhone = 0
        while index < bytes.count {
            guard isDigit(bytes[index]) else { index += 1; continue }
            let start = index
            while index < bytes.count, isDigit(bytes[index]) { index += 1 }
            var digits = index - start == 10 ? Array(bytes[start..<index]) : []
            if index - start == 3, let grouped = threeThreeFour(bytes, from: start) { (digits, index) = grouped }
            guard digits.count == 10, isValidNHSNumber(digits), !isGlued(bytes, start, index),
                  !followsISBN(start, bytes) else { continue }
            while nextPhone < phones.count, phones[nextPhone].upperBound <= start { nextPhone += 1 }
            if nextPhone < phones.count, phones[nextPhone].overlaps(start..<index) { continue }
            let certain = contains("nhs", in: max(0, start - 40)..<min(bytes.count, index + 40), bytes, wholeWord: true)
            let masked = maskDigits(String(decoding: digits, as: UTF8.self))
            findings.append(PersonalDataFinding(kind: .nhsNumber, range: start..<index, masked: masked, isCertain: certain))
        }
        return findings
    }

    /// Occurrences of the given full names (and nothing else), whole words, case-sensitive, e.g. for a registry of known people.
    /// Words in a name match single spaces only; where names overlap, the earlier (then longer) one is kept.
    static func occurrences(of names: [String], in text: String) -> [PersonalDataFinding] {
        occurrences(of: names, in: Array(text.utf8))
    }

    /// Occurrences of the given full names in UTF-8 bytes.
    static func occurrences(of names: [String], in bytes: [UInt8]) -> [PersonalDataFinding] {
        var found: [Range<Int>] = []
        for name in Set(names) where !name.allSatisfy(\.isWhitespace) {
            let needle = Array(name.utf8)
            guard needle.count <= bytes.count else { continue }
            for start in 0...(bytes.count - needle.count) where bytes[start] == needle[0] {
                let end = start + needle.count
                if bytes[start..<end].elementsEqual(needle), !isWordScalar(before: start, bytes), !isWordScalar(at: end, bytes) {
                    found.append(start..<end)
                }
            }
        }
        found.sort { $0.lowerBound != $1.lowerBound ? $0.lowerBound < $1.lowerBound : $0.count > $1.count }
        var findings: [PersonalDataFinding] = []
        for range in found where range.lowerBound >= (findings.last?.range.upperBound ?? 0) {
            let name = String(decoding: bytes[range], as: UTF8.self)
            findings.append(PersonalDataFinding(kind: .name, range: range, masked: maskName(name), isCertain: true))
        }
        return findings
    }

    /// Hides an e-mail address but for its first character and its domain: `mark.allan1@nhs.net` → `m***@nhs.net`.
    static func maskEmail(_ address: String) -> String {
        guard let sign = address.lastIndex(of: "@") else { return address.first.map { "\($0)***" } ?? "" }
        return (address[..<sign].first.map { String($0) } ?? "") + "***" + address[sign...]
    }

    /// Keeps the first two and last two digits and hides the rest: `07700900123` → `07*******23`.
    /// Other characters are dropped; four digits or fewer are hidden completely.
    static func maskDigits(_ digits: String) -> String {
        let kept = digits.unicodeScalars.filter { $0.isASCII && isDigit(UInt8($0.value)) }.map(Character.init)
        guard kept.count > 4 else { return String(repeating: "*", count: kept.count) }
        return String(kept.prefix(2)) + String(repeating: "*", count: kept.count - 4) + String(kept.suffix(2))
    }

    /// Keeps the first letter of each word of a name: `Mark Allan` → `M*** A***`.
    static func maskName(_ name: String) -> String {
        name.split(whereSeparator: \.isWhitespace).map { "\($0.first!)***" }.joined(separator: " ")
    }

    private static let at = UInt8(ascii: "@"), dot = UInt8(ascii: "."), plus = UInt8(ascii: "+")

    /// Whether a byte is an ASCII digit.
    private static func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }
    /// Whether a byte is an ASCII letter or digit.
    private static func isAlphanumeric(_ byte: UInt8) -> Bool { isDigit(byte) || (byte | 0x20 >= 0x61 && byte | 0x20 <= 0x7A) }
    /// Whether a byte may be in the local part of an e-mail address.
    private static func isLocalByte(_ byte: UInt8) -> Bool { isAlphanumeric(byte) || "._%+-".utf8.contains(byte) }
    /// Whether a byte may be in the domain of an e-mail address.
    private static func isDomainByte(_ byte: UInt8) -> Bool { isAlphanumeric(byte) || byte == dot || byte == UInt8(ascii: "-") }

    /// Whether a domain has two or more non-empty labels, none starting or ending with a hyphen, a top level of
    /// letters, and is not reserved for examples and tests (RFC 2606 and RFC 6761: example.org, *.test…).
    private static func isRealDomain(_ domain: String) -> Bool {
        let labels = domain.lowercased().split(separator: ".", omittingEmptySubsequences: false)
        guard labels.count >= 2, labels.allSatisfy({ !$0.isEmpty && $0.first != "-" && $0.last != "-" }),
              let top = labels.last, top.count >= 2, top.allSatisfy(\.isLetter) else { return false }
        return !["example", "test", "invalid", "localhost"].contains(top)
            && !(labels[labels.count - 2] == "example" && ["com", "org", "net"].contains(top))
    }

    /// Whether bytes have at least ten ASCII digits, the fewest a phone or NHS number has.
    static func hasTenDigits<Bytes: Sequence<UInt8>>(_ bytes: Bytes) -> Bool {
        var digits = 0
        for byte in bytes where isDigit(byte) {
            digits += 1
            if digits == 10 { return true }
        }
        return false
    }

    /// Groups of digits from `start`, joined by `)`, one space, hyphen or dot, and `(`, in that order, each optional.
    private static func digitGroups(_ bytes: [UInt8], from start: Int) -> [Range<Int>] {
        var groups: [Range<Int>] = []
        var index = bytes[start] == plus ? start + 1 : start
        if bytes[index] == UInt8(ascii: "(") { index += 1 }
        while true {
            let groupStart = index
            while index < bytes.count, isDigit(bytes[index]) { index += 1 }
            groups.append(groupStart..<index)
            var next = index
            for allowed in [")", " -.", "("] where next < bytes.count && allowed.utf8.contains(bytes[next]) { next += 1 }
            guard next > index, next < bytes.count, isDigit(bytes[next]) else { return groups }
            index = next
        }
    }

    /// The phone number that digit groups make, if they make one and are no date, time or ISBN.
    private static func phone(_ groups: [Range<Int>], start: Int, _ bytes: [UInt8]) -> PersonalDataFinding? {
        guard (10...13).contains(groups.reduce(0) { $0 + $1.count }) else { return nil }
        let end = groups.last!.upperBound, digits = groups.flatMap { bytes[$0] }
        let gaps = zip(groups, groups.dropFirst()).map { Array(bytes[$0.upperBound..<$1.lowerBound]) }
        guard !isWordScalar(before: start, bytes), !isWordScalar(at: end, bytes), !followsISBN(start, bytes) else { return nil }
        let hyphen = UInt8(ascii: "-"), zero = UInt8(ascii: "0")
        for index in groups.indices.dropLast(2) where gaps[index] == gaps[index + 1] && [[dot], [hyphen]].contains(gaps[index]) {
            let (a, b, c) = (groups[index].count, groups[index + 1].count, groups[index + 2].count)
            if (a <= 2 && b <= 2 && (c == 2 || c == 4)) || (a == 4 && b <= 2 && c <= 2) { return nil }
        }
        if digits.count == 10, groups.count == 4, gaps.allSatisfy({ $0 == [hyphen] }),
           digits.enumerated().reduce(0, { $0 + (10 - $1.offset) * Int($1.element - 0x30) }) % 11 == 0 { return nil }
        if bytes[start] == plus {
            let trunk = groups.count > 1 && groups[0].count == 2 && bytes[groups[1]].elementsEqual([zero])
                && gaps[0].last == UInt8(ascii: "(") && gaps.count > 1 && gaps[1].first == UInt8(ascii: ")")
            let rest = digits.dropFirst(trunk ? 3 : 2)
            guard digits.starts(with: [0x34, 0x34]), rest.count == 9 || rest.count == 10, rest.first != zero else { return nil }
        } else {
            guard digits.count == 10 || digits.count == 11, digits[0] == zero,
                  "1235789".utf8.contains(digits[1]) else { return nil }
        }
        let first = bytes[start] == plus ? start : groups[0].lowerBound
        let masked = maskDigits(String(decoding: digits, as: UTF8.self))
        return PersonalDataFinding(kind: .phone, range: first..<end, masked: masked, isCertain: false)
    }

    /// Ten digits written `123 456 7890` or `123-456-7890` from `start`, and where they end.
    private static func threeThreeFour(_ bytes: [UInt8], from start: Int) -> ([UInt8], Int)? {
        guard start + 12 <= bytes.count, bytes[start + 3] == bytes[start + 7], " -".utf8.contains(bytes[start + 3]),
              (start + 12 == bytes.count || !isDigit(bytes[start + 12])) else { return nil }
        let digits = Array(bytes[start..<(start + 3)] + bytes[(start + 4)..<(start + 7)] + bytes[(start + 8)..<(start + 12)])
        return digits.allSatisfy(isDigit) ? (digits, start + 12) : nil
    }

    /// Whether ten digits have a valid modulus 11 check digit and are not all the same digit.
    private static func isValidNHSNumber(_ digits: [UInt8]) -> Bool {
        let values = digits.map { Int($0) - 0x30 }
        guard Set(values).count > 1 else { return false }
        let check = 11 - values.prefix(9).enumerated().reduce(0) { $0 + (10 - $1.offset) * $1.element } % 11
        return check != 10 && check % 11 == values[9]
    }

    /// Whether the number at `start..<end` touches a letter or digit, or continues a longer number through `-`, `.` or `/`.
    private static func isGlued(_ bytes: [UInt8], _ start: Int, _ end: Int) -> Bool {
        let joiners = "-./".utf8
        if isWordScalar(before: start, bytes) || isWordScalar(at: end, bytes) { return true }
        if start >= 2, joiners.contains(bytes[start - 1]), isDigit(bytes[start - 2]) { return true }
        return end + 1 < bytes.count && joiners.contains(bytes[end]) && isDigit(bytes[end + 1])
    }

    /// Whether "ISBN", in any case, is within the 10 bytes before `start`.
    private static func followsISBN(_ start: Int, _ bytes: [UInt8]) -> Bool {
        contains("isbn", in: max(0, start - 10)..<start, bytes, wholeWord: false)
    }

    /// Whether a lower-case ASCII word occurs (case-insensitively) entirely within `range`.
    private static func contains(_ word: String, in range: Range<Int>, _ bytes: [UInt8], wholeWord: Bool) -> Bool {
        let needle = Array(word.utf8)
        guard range.count >= needle.count else { return false }
        for start in range.lowerBound...(range.upperBound - needle.count)
        where zip(bytes[start...], needle).allSatisfy({ $0 | 0x20 == $1 }) {
            let isWhole = !isWordScalar(before: start, bytes) && !isWordScalar(at: start + needle.count, bytes)
            if !wholeWord || isWhole { return true }
        }
        return false
    }

    /// Whether a scalar is a letter or a digit.
    static func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
        scalar.isASCII ? isAlphanumeric(UInt8(scalar.value))
            : scalar.properties.isAlphabetic || scalar.properties.numericType != nil
    }

    /// Whether the scalar starting at byte `index` is a letter or digit (false at the end).
    private static func isWordScalar(at index: Int, _ bytes: [UInt8]) -> Bool {
        index < bytes.count && isWordScalar(bytes.scalar(at: index).0)
    }

    /// Whether the scalar ending just before byte `index` is a letter or digit (false at the start).
    private static func isWordScalar(before index: Int, _ bytes: [UInt8]) -> Bool {
        var start = index - 1
        while start > 0, index - start < 4, bytes[start] & 0xC0 == 0x80 { start -= 1 }
        return start >= 0 && isWordScalar(at: start, bytes)
    }
}
