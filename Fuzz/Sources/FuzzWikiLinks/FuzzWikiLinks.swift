import Compendium
import FuzzSupport
import Markdown

// Wiki-link syntax and the Markdown renderer (libcmark plus the tree edits:
// heading anchors, link rewriting, wiki-link expansion) on any text.
//
// Invariants:
// - split gives nil or pieces that rejoin to the input when each link is
//   written back from its byte range; ranges are in order, each is `[[…]]`
//   whose inside parses to the link; no two text pieces are adjacent;
// - a parsed link's target is not blank and has no `|` or `#`, and its parts
//   have no surrounding spaces or tabs;
// - survey gives unique heading anchors on lines of the body and a request
//   for every wiki-link, each with a non-blank target;
// - render gives one HTML fragment for each placement, with no script
//   element and no javascript: address, whatever each link is answered.

/// Answers each request, in turn: as written, found (with a destination and
/// title that need escaping), missing.
private func answer(_ request: LinkRequest, at index: Int) -> (LinkAnswer, String?) {
    Fuzz.require(request.line >= 1, "request on line \(request.line)")
    if case .wiki(let link) = request.form { checkLink(link, fromText: true) }
    switch index % 3 {
    case 0: return (.asWritten, nil)
    case 1: return (.found(title: "T <i>&amp; \"q\"</i>"), "../themes/a\"b<c>&d/#x")
    default: return (.missing, nil)
    }
}

/// `fromText`: the link was found in text by `split`, so its inside has no
/// bracket or line break.
private func checkLink(_ link: WikiLink, fromText: Bool) {
    let blank: (String) -> Bool = { $0.unicodeScalars.allSatisfy { $0 == " " || $0 == "\t" } }
    let padded: (String) -> Bool = { text in
        guard let first = text.unicodeScalars.first, let last = text.unicodeScalars.last else { return false }
        return first == " " || first == "\t" || last == " " || last == "\t"
    }
    Fuzz.require(!blank(link.target), "blank target in \(link)")
    // Compared as characters, as the parser splits. (As scalars the
    // separators can stay: `|` followed by a combining mark, or after a
    // prepended mark such as U+0600, is not a character of its own; see
    // Tests/CompendiumTests/Regression/WikiLinkGraphemeSeparatorTests.swift.)
    let isSeparator: (Character) -> Bool = { $0 == "|" || $0 == "#" }
    Fuzz.require(!link.target.contains(where: isSeparator), "separator left in the target of \(link)")
    Fuzz.require(!(link.fragment?.contains(where: { $0 == "|" }) ?? false), "separator left in the fragment of \(link)")
    for part in [link.target, link.fragment, link.label].compactMap({ $0 }) {
        Fuzz.require(!blank(part) && !padded(part), "part \(Fuzz.quote(part)) is blank or padded in \(link)")
        Fuzz.require(!fromText || !part.utf8.contains(where: { $0 == UInt8(ascii: "[") || $0 == UInt8(ascii: "]")
                                                   || $0 == UInt8(ascii: "\n") || $0 == UInt8(ascii: "\r") }),
                     "bracket or line break in \(link)")
    }
}

private func checkSplit(_ text: String) {
    let bytes = Array(text.utf8)
    guard let pieces = WikiLinkSyntax.split(text) else { return }
    Fuzz.require(!pieces.isEmpty, "split gave no pieces")
    var rejoined: [UInt8] = []
    var previousWasText = false
    var sawLink = false
    for piece in pieces {
        switch piece {
        case .text(let string):
            Fuzz.require(!string.isEmpty, "empty text piece")
            Fuzz.require(!previousWasText, "two text pieces in a row")
            rejoined += string.utf8
            previousWasText = true
        case .link(let link, let range):
            sawLink = true
            Fuzz.require(range.lowerBound == rejoined.count, "link range \(range) does not start at \(rejoined.count)")
            Fuzz.require(range.upperBound <= bytes.count && range.count >= 5, "bad link range \(range) of \(bytes.count)")
            let raw = bytes[range]
            Fuzz.require(raw.starts(with: [0x5B, 0x5B]) && raw.reversed().starts(with: [0x5D, 0x5D]),
                         "range \(range) is not [[…]]")
            let inner = bytes[(range.lowerBound + 2)..<(range.upperBound - 2)]
            Fuzz.require(WikiLinkSyntax.parse(inner) == link, "inside of \(range) does not parse to \(link)")
            checkLink(link, fromText: true)
            rejoined += raw
            previousWasText = false
        }
    }
    Fuzz.require(sawLink, "split gave pieces without a link")
    Fuzz.require(rejoined == bytes, "pieces do not rejoin to the input")
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzWikiLinks(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let buffer = UnsafeBufferPointer(start: data, count: size)
    let text = String(decoding: buffer, as: UTF8.self)

    checkSplit(text)
    if let link = WikiLinkSyntax.parse(buffer) { checkLink(link, fromText: false) }

    // Render: the first line and heading offset come from the input's length,
    // so they vary without taking bytes from the text.
    let firstLine = 1 + size % 7
    let headingOffset = size % 3
    let survey = MarkdownRenderer.survey(text, firstLine: firstLine, anchor: Slug.make)
    let answers = survey.links.enumerated().map { answer($1, at: $0) }
    let placements = [BodyPlacement(destinations: answers.map(\.1)),
                      BodyPlacement(headingOffset: headingOffset, anchorPrefix: "p-", destinations: answers.map { _ in nil })]
    let rendered = MarkdownRenderer.render(text, firstLine: firstLine, anchor: Slug.make, answers: answers.map(\.0),
                                           placements: placements)
    Fuzz.require(rendered.html.count == placements.count, "\(rendered.html.count) fragments for \(placements.count) placements")
    let anchors = survey.headings.map(\.anchor)
    Fuzz.require(Set(anchors).count == anchors.count, "duplicate heading anchors \(anchors)")
    // Lines as cmark counts them: ended by \n, \r\n or a lone \r.
    var lines = 1
    for (index, byte) in buffer.enumerated() where byte == 0x0A || (byte == 0x0D && (index + 1 == size || buffer[index + 1] != 0x0A)) {
        lines += 1
    }
    for heading in survey.headings {
        Fuzz.require(heading.level >= 1 && heading.level <= 6, "heading level \(heading.level)")
        Fuzz.require(heading.line >= firstLine && heading.line < firstLine + lines,
                     "heading on line \(heading.line) outside \(firstLine)..<\(firstLine + lines)")
    }
    for fragment in rendered.html {
        let html = fragment.lowercased()
        Fuzz.require(!html.contains("<script"), "script element in the HTML")
        Fuzz.require(!html.contains("href=\"javascript:") && !html.contains("src=\"javascript:"), "javascript: address in the HTML")
    }
    return 0
}
