#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A body rendered once before its links' answers are known, with a mark
/// wherever a placement decides what is written: each heading's tags, each
/// link's opening and closing tags, and each wiki-link. `render` fills the
/// marks in for each placement, giving what `MarkdownRenderer.render` gives
/// from a second parse, byte for byte.
///
/// A mark is the byte 0x01, a letter, fields separated by 0x03, and 0x02.
/// The text of a marked body never holds those bytes otherwise: a body whose
/// text, links or headings do is not marked (`MarkdownRenderer.surveyAndMark`).
public struct MarkedBody: Sendable, Hashable {
    /// The HTML with its marks.
    let html: [UInt8]
    /// The plain text, with a mark for each wiki-link.
    let plainText: [UInt8]

    init(html: [UInt8], plainText: [UInt8]) {
        self.html = html
        self.plainText = plainText
    }

    /// How many bytes the body holds in memory.
    public var byteCount: Int { html.count + plainText.count }

    /// The body as bytes, to be kept outside memory and read back with `init?(bytes:)`.
    public var bytes: [UInt8] {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(8 + html.count + plainText.count)
        withUnsafeBytes(of: UInt64(html.count).littleEndian) { bytes += $0 }
        bytes += html
        bytes += plainText
        return bytes
    }

    /// The body that `bytes` gave; `nil` for bytes that are not one.
    public init?(bytes: some Collection<UInt8>) {
        guard bytes.count >= 8 else { return nil }
        let length = bytes.prefix(8).reversed().reduce(UInt64(0)) { $0 << 8 | UInt64($1) }
        guard length <= UInt64(bytes.count - 8) else { return nil }
        let rest = bytes.dropFirst(8)
        html = Array(rest.prefix(Int(length)))
        plainText = Array(rest.dropFirst(Int(length)))
    }

    /// The body for each of `placements`, with `answers` to its links in
    /// survey order, as `MarkdownRenderer.render` gives it; `nil` when a
    /// destination needs escaping that only cmark does, so the body must be
    /// rendered from its source.
    public func render(answers: [LinkAnswer], placements: [BodyPlacement]) -> RenderedBody? {
        var pages: [[UInt8]] = []
        pages.reserveCapacity(placements.count)
        for placement in placements {
            guard let page = fill(html, answers: answers, placement: placement) else { return nil }
            pages.append(page)
        }
        guard let text = fill(plainText, answers: answers, placement: nil) else { return nil }
        return RenderedBody(pages: pages, plainText: String(decoding: text, as: UTF8.self))
    }
}

/// The bytes marks are made of.
enum Mark {
    static let start: UInt8 = 0x01
    static let end: UInt8 = 0x02
    static let separator: UInt8 = 0x03

    static let headingOpen = UInt8(ascii: "H")
    static let headingClose = UInt8(ascii: "h")
    static let linkOpen = UInt8(ascii: "A")
    static let linkClose = UInt8(ascii: "a")
    static let wikiLink = UInt8(ascii: "W")

    /// Writes a mark of `letter` with `fields` into `bytes`, replacing what
    /// they held, as a C string for cmark's custom nodes; false when a field
    /// holds a byte marks are made of. One buffer serves a whole body's marks.
    static func make(_ letter: UInt8, _ fields: [String], into bytes: inout [CChar]) -> Bool {
        bytes.removeAll(keepingCapacity: true)
        bytes.append(CChar(bitPattern: start))
        bytes.append(CChar(bitPattern: letter))
        for (index, field) in fields.enumerated() {
            if index > 0 { bytes.append(CChar(bitPattern: separator)) }
            var field = field
            let clean = field.withUTF8 { utf8 -> Bool in
                guard !utf8.contains(where: { $0 <= separator }) else { return false }
                utf8.withMemoryRebound(to: CChar.self) { bytes.append(contentsOf: $0) }
                return true
            }
            guard clean else { return false }
        }
        bytes.append(CChar(bitPattern: end))
        bytes.append(0)
        return true
    }
}

private extension MarkedBody {
    /// `bytes` with every mark filled in for `placement`, or for the plain text when it is `nil`.
    func fill(_ bytes: [UInt8], answers: [LinkAnswer], placement: BodyPlacement?) -> [UInt8]? {
        bytes.withUnsafeBufferPointer { all -> [UInt8]? in
            guard let base = all.baseAddress else { return [] }
            var output: [UInt8] = []
            output.reserveCapacity(all.count + all.count / 8)
            var index = 0
            while index < all.count {
                guard let found = memchr(base + index, Int32(Mark.start), all.count - index) else {
                    output.append(contentsOf: UnsafeBufferPointer(rebasing: all[index...]))
                    break
                }
                let start = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
                output.append(contentsOf: UnsafeBufferPointer(rebasing: all[index..<start]))
                guard start + 1 < all.count, let ending = memchr(base + start + 1, Int32(Mark.end), all.count - start - 1)
                else { return nil }
                let end = base.distance(to: ending.assumingMemoryBound(to: UInt8.self))
                let mark = MarkFields(UnsafeBufferPointer(rebasing: all[(start + 1)..<end]))
                guard write(mark, answers: answers, placement: placement, into: &output) else { return nil }
                index = end + 1
            }
            return output
        }
    }

    /// Writes one mark's part of the page; false when it cannot be written here.
    func write(_ mark: MarkFields, answers: [LinkAnswer], placement: BodyPlacement?, into output: inout [UInt8]) -> Bool {
        func answer(_ link: Int) -> LinkAnswer { answers.indices.contains(link) ? answers[link] : .asWritten }
        func destination(_ link: Int) -> String? {
            guard let destinations = placement?.destinations, destinations.indices.contains(link) else { return nil }
            return destinations[link]
        }
        switch mark.letter {
        case Mark.headingOpen, Mark.headingClose:
            guard let placement, let level = mark.number(0) else { return false }
            let shown = UInt8(ascii: "0") + UInt8(min(6, max(0, level + placement.headingOffset)))
            if mark.letter == Mark.headingClose {
                output.appendLiteral("</h")
                output.append(shown)
                output.append(UInt8(ascii: ">"))
            } else {
                guard mark.count == 2 else { return false }
                output.appendLiteral("<h")
                output.append(shown)
                output.appendLiteral(" id=\"")
                output.appendEscaped(placement.anchorPrefix)
                output.appendEscaped(mark.field(1))
                output.appendLiteral("\">")
            }
        case Mark.linkOpen:
            guard mark.count == 2, let link = mark.number(0) else { return false }
            guard answer(link) != .missing else { return true }
            if let href = destination(link) {
                guard isWrittenAsIs(href) else { return false }
                output.appendLiteral("<a href=\"")
                output.appendBytes(of: href)
            } else {
                guard isWrittenAsIs(mark.field(1)) else { return false }
                output.appendLiteral("<a href=\"")
                output.append(contentsOf: mark.field(1))
            }
            output.appendLiteral("\">")
        case Mark.linkClose:
            guard let link = mark.number(0) else { return false }
            if answer(link) != .missing { output.appendLiteral("</a>") }
        case Mark.wikiLink:
            guard mark.count == 4, let link = mark.number(0), let flag = mark.field(2).first else { return false }
            let label = flag == UInt8(ascii: "1") ? UnsafeBufferPointer(rebasing: mark.field(2).dropFirst()) : nil
            switch answer(link) {
            case .asWritten:
                if placement == nil { output.append(contentsOf: mark.field(1)) } else { output.appendEscaped(mark.field(1)) }
            case .found(let title):
                guard placement != nil else {
                    if let label { output.append(contentsOf: label) } else { output.appendBytes(of: title) }
                    return true
                }
                let href = destination(link) ?? ""
                guard isWrittenAsIs(href) else { return false }
                output.appendLiteral("<a href=\"")
                output.appendBytes(of: href)
                output.appendLiteral("\">")
                if let label { output.appendEscaped(label) } else { output.appendEscaped(title) }
                output.appendLiteral("</a>")
            case .missing:
                let shown = label ?? mark.field(3)
                if placement == nil {
                    output.append(contentsOf: shown)
                } else {
                    output.appendLiteral("<span class=\"missing-link\">")
                    output.appendEscaped(shown)
                    output.appendLiteral("</span>")
                }
            }
        default:
            return false
        }
        return true
    }
}

/// The letter and fields of one mark, found in its bytes between the start and end bytes.
private struct MarkFields {
    let letter: UInt8
    private let bytes: UnsafeBufferPointer<UInt8>
    /// Where each field starts and ends in `bytes`; at most four are kept.
    private var bounds: (Range<Int>, Range<Int>, Range<Int>, Range<Int>) = (0..<0, 0..<0, 0..<0, 0..<0)
    private(set) var count = 0

    init(_ bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
        letter = bytes.first ?? 0
        guard bytes.count > 1 else { return }
        var start = 1
        for index in 1...bytes.count where index == bytes.count || bytes[index] == Mark.separator {
            switch count {
            case 0: bounds.0 = start..<index
            case 1: bounds.1 = start..<index
            case 2: bounds.2 = start..<index
            case 3: bounds.3 = start..<index
            default: break
            }
            count += 1
            start = index + 1
        }
    }

    /// The field numbered `number`, counted from 0.
    func field(_ number: Int) -> UnsafeBufferPointer<UInt8> {
        let range: Range<Int>
        switch number {
        case 0: range = bounds.0
        case 1: range = bounds.1
        case 2: range = bounds.2
        case 3: range = bounds.3
        default: range = 0..<0
        }
        return number < count ? UnsafeBufferPointer(rebasing: bytes[range]) : UnsafeBufferPointer(rebasing: bytes[0..<0])
    }

    /// The field numbered `number` as a decimal number.
    func number(_ number: Int) -> Int? {
        let digits = field(number)
        guard !digits.isEmpty, digits.count < 10 else { return nil }
        var value = 0
        for digit in digits {
            guard (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(digit) else { return nil }
            value = value * 10 + Int(digit - UInt8(ascii: "0"))
        }
        return value
    }
}

private extension Array where Element == UInt8 {
    /// Appends a string's UTF-8 bytes in one copy.
    @inline(__always)
    mutating func appendBytes(of text: String) {
        var text = text
        text.withUTF8 { append(contentsOf: $0) }
    }

    /// Appends the bytes of a literal in one copy.
    @inline(__always)
    mutating func appendLiteral(_ literal: StaticString) {
        append(contentsOf: UnsafeBufferPointer(start: literal.utf8Start, count: literal.utf8CodeUnitCount))
    }

    /// Appends a string's bytes with `& " < >` written as character references, as cmark writes text.
    mutating func appendEscaped(_ text: String) {
        var text = text
        text.withUTF8 { appendEscaped($0) }
    }

    /// Appends `bytes` with `& " < >` written as character references, as cmark writes text.
    mutating func appendEscaped(_ bytes: UnsafeBufferPointer<UInt8>) {
        var runStart = 0
        for index in bytes.indices {
            let reference: StaticString
            switch bytes[index] {
            case UInt8(ascii: "&"): reference = "&amp;"
            case UInt8(ascii: "\""): reference = "&quot;"
            case UInt8(ascii: "<"): reference = "&lt;"
            case UInt8(ascii: ">"): reference = "&gt;"
            default: continue
            }
            append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<index]))
            appendLiteral(reference)
            runStart = index + 1
        }
        append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart...]))
    }
}

/// Whether cmark writes `destination` in an `href` as it is: every byte is
/// one its escaping leaves alone, and it is not an address cmark drops
/// (`javascript:`, `vbscript:`, `file:`, `data:`).
func isWrittenAsIs(_ destination: UnsafeBufferPointer<UInt8>) -> Bool {
    for byte in destination where !isHrefSafe(byte) { return false }
    guard let first = destination.first, "jvfdJVFD".utf8.contains(first) else { return true }
    let start = destination.prefix(11).map { (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains($0) ? $0 | 0x20 : $0 }
    return !["javascript:", "vbscript:", "file:", "data:"].contains { start.starts(with: $0.utf8) }
}

/// `isWrittenAsIs` of a string's bytes.
func isWrittenAsIs(_ destination: String) -> Bool {
    var destination = destination
    return destination.withUTF8 { isWrittenAsIs($0) }
}

/// Whether cmark's `href` escaping leaves `byte` as it is (it writes `&` and `'` as references).
@inline(__always)
private func isHrefSafe(_ byte: UInt8) -> Bool {
    switch byte {
    case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
         UInt8(ascii: "!"), UInt8(ascii: "#"), UInt8(ascii: "$"), UInt8(ascii: "%"), UInt8(ascii: "*"), UInt8(ascii: "+"),
         UInt8(ascii: ","), UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "/"), UInt8(ascii: ":"), UInt8(ascii: ";"),
         UInt8(ascii: "="), UInt8(ascii: "?"), UInt8(ascii: "@"), UInt8(ascii: "_"), UInt8(ascii: "~"):
        return true
    default:
        return false
    }
}
