/// Checks for the small formats used in front matter: times, web and e-mail
/// addresses, language tags and paths to attachments.
enum ValueSyntax {
    /// `check` as a normaliser for `FieldReader.formatted`: the text if it passes.
    static func keep(if check: @escaping (String) -> Bool) -> (String) -> String? {
        { check($0) ? $0 : nil }
    }

    /// `14:00` or a range such as `14:00–16:00` (en dash, hyphen or "to"),
    /// returned with an en dash; `nil` if it is not a time. ASCII text, the
    /// usual case, is read byte by byte; other text Character by Character.
    static func timeRange(_ text: String) -> String? {
        guard text.utf8.allSatisfy({ $0 < 0x80 }) else { return unicodeTimeRange(text) }
        var text = text
        return text.withUTF8(ClockTimeRange.read)
    }

    /// `HH:MM` on a 24-hour clock.
    static func isClockTime(_ text: String) -> Bool {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2, (1...2).contains(parts[0].count), parts[1].count == 2,
              parts.allSatisfy({ $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }),
              let hours = Int(parts[0]), let minutes = Int(parts[1])
        else { return false }
        return (0..<24).contains(hours) && (0..<60).contains(minutes)
    }

    /// An `http` or `https` address with a host name. ASCII text is read
    /// byte by byte; other text Character by Character.
    static func isWebAddress(_ text: String) -> Bool {
        guard text.utf8.allSatisfy({ $0 < 0x80 }) else { return isUnicodeWebAddress(text) }
        var text = text
        return text.withUTF8(WebAddressBytes.isWebAddress)
    }

    /// `name@example.org`.
    static func isEmailAddress(_ text: String) -> Bool {
        let parts = text.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, parts[1].contains("."),
              !parts[1].hasPrefix("."), !parts[1].hasSuffix(".") else { return false }
        return !text.contains(where: { $0.isWhitespace || $0 == "<" || $0 == ">" || $0 == "\"" })
    }

    /// A language tag such as `en-GB`.
    static func isLanguageTag(_ text: String) -> Bool {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard let first = parts.first, (2...3).contains(first.count),
              first.allSatisfy({ $0.isASCII && $0.isLetter }) else { return false }
        return parts.dropFirst().allSatisfy { part in
            (1...8).contains(part.count) && part.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber) }
        }
    }

    /// A relative path under `files/` with no `..`, empty or hidden parts.
    static func isAttachmentPath(_ text: String) -> Bool {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count >= 2, parts[0] == Substring(ContentLoader.attachmentFolder) else { return false }
        return parts.allSatisfy { !$0.isEmpty && !$0.hasPrefix(".") && !$0.contains("\\") }
    }
}

/// The Character by Character readings that the byte readings stand in for
/// on ASCII text; kept for other text, and for tests that compare the two.
extension ValueSyntax {
    /// `timeRange` for text of any script: dashes and "to" made en dashes, then the parts read.
    static func unicodeTimeRange(_ text: String) -> String? {
        let normalised = text.replacing(" to ", with: "–").replacing("-", with: "–").replacing("—", with: "–")
        let parts = normalised.split(separator: "–", omittingEmptySubsequences: false).map { $0.trimmingSpaces }
        guard (1...2).contains(parts.count), parts.allSatisfy(isClockTime) else { return nil }
        return parts.joined(separator: "–")
    }

    /// `isWebAddress` for text of any script.
    static func isUnicodeWebAddress(_ text: String) -> Bool {
        let lower = text.lowercased()
        guard let schemeEnd = ["https://", "http://"].first(where: lower.hasPrefix) else { return false }
        let rest = text.dropFirst(schemeEnd.count)
        let host = rest.prefix { $0 != "/" && $0 != "?" && $0 != "#" }
        return host.contains(".") && !host.hasPrefix(".") && !text.contains(where: \.isWhitespace)
            && !text.contains("\"") && !text.contains("<") && !text.contains(">")
    }
}

/// `ValueSyntax.isWebAddress` for ASCII bytes, where each Character is one byte.
private enum WebAddressBytes {
    /// Whether the bytes are an `http` or `https` address with a host name.
    static func isWebAddress(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let schemeEnd = ["https://", "http://"].first(where: { startsCaseInsensitively(bytes, with: $0) })
        else { return false }
        let rest = bytes[schemeEnd.utf8.count...]
        let host = rest.prefix { $0 != UInt8(ascii: "/") && $0 != UInt8(ascii: "?") && $0 != UInt8(ascii: "#") }
        return host.contains(UInt8(ascii: ".")) && host.first != UInt8(ascii: ".") && !bytes.contains(where: isExcluded)
    }

    /// Whether the bytes begin with `prefix`, a lower-case scheme, in either case.
    private static func startsCaseInsensitively(_ bytes: UnsafeBufferPointer<UInt8>, with prefix: String) -> Bool {
        bytes.count >= prefix.utf8.count && zip(bytes, prefix.utf8).allSatisfy { lowercased($0) == $1 }
    }

    /// An ASCII byte lower-cased.
    private static func lowercased(_ byte: UInt8) -> UInt8 {
        byte &- UInt8(ascii: "A") < 26 ? byte | 0x20 : byte
    }

    /// Whether a byte may not be in an address: white space, `"`, `<` or `>`.
    private static func isExcluded(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: " ") || (0x09...0x0D).contains(byte)
            || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "<") || byte == UInt8(ascii: ">")
    }
}
