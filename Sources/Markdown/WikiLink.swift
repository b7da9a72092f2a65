/// A cross-reference written in prose as `[[target]]`, `[[target|label]]`
/// or `[[target#fragment|label]]`.
public struct WikiLink: Sendable, Hashable {
    /// The document named, as written: a slug, or `kind/slug`.
    public let target: String
    /// The heading named after `#`, if any.
    public let fragment: String?
    /// The text to show instead of the target's title, if any.
    public let label: String?

    /// Creates a wiki-link from its parts.
    public init(target: String, fragment: String? = nil, label: String? = nil) {
        self.target = target
        self.fragment = fragment
        self.label = label
    }
}

/// A piece of a text run: literal text or a wiki-link.
public enum WikiLinkPiece: Sendable, Hashable {
    /// Text to keep as it is.
    case text(String)
    /// A wiki-link, with the byte range of its `[[…]]` in the scanned text.
    case link(WikiLink, range: Range<Int>)
}

/// Splits text runs into literal text and wiki-links.
public enum WikiLinkSyntax {
    /// Splits `text` at each well-formed `[[…]]`; returns `nil` when there is none.
    ///
    /// Between the brackets there must be no other bracket and no line break,
    /// and the target before any `|` must not be blank. Anything else stays text.
    public static func split(_ text: String) -> [WikiLinkPiece]? {
        var text = text
        return text.withUTF8 { bytes in
            let links = links(in: bytes)
            return links.isEmpty ? nil : pieces(of: bytes, links: links)
        }
    }

    /// The well-formed wiki-links of `bytes`, in order, each with the byte
    /// range of its `[[…]]`, as `split` finds them; the text is what lies between.
    static func links(in bytes: UnsafeBufferPointer<UInt8>) -> [(link: WikiLink, range: Range<Int>)] {
        var links: [(link: WikiLink, range: Range<Int>)] = []
        guard bytes.count >= 5 else { return links }
        var index = 0
        while index + 1 < bytes.count {
            guard bytes[index] == .openBracket, bytes[index + 1] == .openBracket,
                  let close = closingIndex(in: bytes, from: index + 2),
                  let link = parse(UnsafeBufferPointer(rebasing: bytes[(index + 2)..<close]))
            else {
                index += 1
                continue
            }
            links.append((link, index..<(close + 2)))
            index = close + 2
        }
        return links
    }

    /// `bytes` as pieces: the text between `links`, which are `links(in: bytes)`, and the links.
    static func pieces(of bytes: UnsafeBufferPointer<UInt8>, links: [(link: WikiLink, range: Range<Int>)]) -> [WikiLinkPiece] {
        var pieces: [WikiLinkPiece] = []
        pieces.reserveCapacity(2 * links.count + 1)
        var textStart = 0
        for (link, range) in links {
            if textStart < range.lowerBound {
                pieces.append(.text(String(decoding: bytes[textStart..<range.lowerBound], as: UTF8.self)))
            }
            pieces.append(.link(link, range: range))
            textStart = range.upperBound
        }
        if textStart < bytes.count {
            pieces.append(.text(String(decoding: bytes[textStart...], as: UTF8.self)))
        }
        return pieces
    }

    /// Parses the inside of `[[…]]`, for example `slug#heading|label`.
    ///
    /// The text is split at the first `|`, then at the first `#`, even where
    /// a separator combines with the next scalar into one character (`|`
    /// followed by an accent): both are ASCII, so splitting the bytes splits
    /// the scalars.
    public static func parse<Bytes: Collection<UInt8>>(_ inner: Bytes) -> WikiLink? {
        if let parsed = inner.withContiguousStorageIfAvailable({ parse($0) }) { return parsed }
        return Array(inner).withUnsafeBufferPointer { parse($0) }
    }

    /// Parses the inside of `[[…]]`, as `parse(_:)` does.
    static func parse(_ bytes: UnsafeBufferPointer<UInt8>) -> WikiLink? {
        let bar = bytes.firstIndex(of: UInt8(ascii: "|"))
        let reference = bytes[..<(bar ?? bytes.endIndex)]
        let hash = reference.firstIndex(of: UInt8(ascii: "#"))
        let target = trimmed(reference[..<(hash ?? reference.endIndex)])
        guard !target.isEmpty else { return nil }
        return WikiLink(
            target: String(decoding: target, as: UTF8.self),
            fragment: hash.flatMap { nonEmptyText(trimmed(reference[($0 + 1)...])) },
            label: bar.flatMap { nonEmptyText(trimmed(bytes[($0 + 1)...])) }
        )
    }
}

private extension WikiLinkSyntax {
    /// Part of the bytes a link is parsed from.
    typealias ByteSlice = Slice<UnsafeBufferPointer<UInt8>>

    /// `bytes` without leading and trailing spaces and tabs.
    static func trimmed(_ bytes: ByteSlice) -> ByteSlice {
        let isBlank = { (byte: UInt8) in byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") }
        guard let first = bytes.firstIndex(where: { !isBlank($0) }), let last = bytes.lastIndex(where: { !isBlank($0) })
        else { return bytes[bytes.startIndex..<bytes.startIndex] }
        return bytes[first...last]
    }

    static func nonEmptyText(_ bytes: ByteSlice) -> String? {
        bytes.isEmpty ? nil : String(decoding: bytes, as: UTF8.self)
    }

    /// The index of the `]]` that closes a link whose inside starts at `start`.
    static func closingIndex(in bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
        var index = start
        while index < bytes.count {
            switch bytes[index] {
            case .closeBracket:
                guard index + 1 < bytes.count, bytes[index + 1] == .closeBracket, index > start else { return nil }
                return index
            case .openBracket, .newline, .carriageReturn:
                return nil
            default:
                index += 1
            }
        }
        return nil
    }
}

private extension UInt8 {
    static let openBracket = UInt8(ascii: "[")
    static let closeBracket = UInt8(ascii: "]")
    static let newline = UInt8(ascii: "\n")
    static let carriageReturn = UInt8(ascii: "\r")
}
