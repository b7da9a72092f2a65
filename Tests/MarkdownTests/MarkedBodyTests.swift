import Testing
import Markdown

/// A body rendered ahead and filled in must be what a second parse renders, byte for byte.
@Suite struct MarkedBodyTests {
    private func slug(_ text: String) -> String {
        text.lowercased().split(whereSeparator: { !$0.isLetter && !$0.isNumber }).joined(separator: "-")
    }

    /// Answers for `survey`'s links: the wiki-link targets in `found` are found (with a title and
    /// a destination), those in `missing` are missing; other links keep `destination(for:)`.
    private func answers(_ survey: BodySurvey, found: [String: (String, String)], missing: Set<String>,
                         destination: (String) -> (LinkAnswer, String?)) -> [(LinkAnswer, String?)] {
        survey.links.map { request in
            switch request.form {
            case .wiki(let link):
                if let (title, href) = found[link.target] { return (.found(title: title), href) }
                return missing.contains(link.target) ? (.missing, nil) : (.asWritten, nil)
            case .link(let written), .image(let written):
                return destination(written)
            }
        }
    }

    /// The placements a build uses: the document's own page, and the print page.
    private func placements(_ destinations: [String?], print: [String?]) -> [BodyPlacement] {
        [BodyPlacement(destinations: destinations),
         BodyPlacement(headingOffset: 2, anchorPrefix: "doc-", destinations: print)]
    }

    /// Renders `source` both ways and checks they agree; returns whether it could be rendered ahead.
    @discardableResult
    private func agree(_ source: String, found: [String: (String, String)] = [:], missing: Set<String> = [],
                       destination: (String) -> (LinkAnswer, String?) = { _ in (.asWritten, nil) },
                       sourceLocation: SourceLocation = #_sourceLocation) -> Bool {
        let (survey, marked) = MarkdownRenderer.surveyAndMark(source, firstLine: 3, anchor: slug)
        #expect(survey == MarkdownRenderer.survey(source, firstLine: 3, anchor: slug), sourceLocation: sourceLocation)
        let answered = answers(survey, found: found, missing: missing, destination: destination)
        let shown = placements(answered.map(\.1), print: answered.map { $0.1.map { "#print-" + $0 } })
        let expected = MarkdownRenderer.render(source, firstLine: 3, anchor: slug, answers: answered.map(\.0), placements: shown)
        guard let marked else { return false }
        #expect(MarkedBody(bytes: marked.bytes) == marked, sourceLocation: sourceLocation)
        guard let rendered = marked.render(answers: answered.map(\.0), placements: shown) else { return false }
        #expect(rendered == expected, sourceLocation: sourceLocation)
        return true
    }

    @Test func headingsAtEveryLevelWithRepeatsAndMarkup() {
        #expect(agree("# One\n\n## Two *em* & <b>\n\n## Two em &amp;\n\n###### Six\n\nText\n===\n\n##### Five \"q\"\n"))
    }

    @Test func wikiLinksFoundMissingAndAsWritten() {
        let found = ["a": ("Title & <A>", "../a/"), "b": ("B's \"title\"", "../b/#part")]
        #expect(agree("See [[a]], [[b#Part|a *label* & more]], [[gone]], [[gone|Gone & away]] and [[plain]].\n\n"
                      + "`[[a]] in code` and\n\n    [[a]] in a block\n\n> [[a]] quoted\n", found: found, missing: ["gone"]))
    }

    @Test func linksKeptPointedAndDropped() {
        #expect(agree("[out](https://example.org/a?b=c;d=e), [doc](../meetings/x.md#part), [gone](nowhere.md), "
                      + "<https://example.org/auto> and [top](#own-heading).\n\n## Own heading\n",
                      destination: { written in
                          switch written {
                          case "../meetings/x.md#part": return (.found(title: ""), "../../meetings/x/#part")
                          case "nowhere.md": return (.missing, nil)
                          case "#own-heading": return (.found(title: ""), "#own-heading")
                          default: return (.asWritten, nil)
                          }
                      }))
    }

    @Test func smartPunctuationListsAndBreaksRenderAlike() {
        #expect(agree("\"Quoted\" -- and 'single' ... done\\\nnext line\n\n1. one [[a]]\n2. two\n   - nested\n\n---\n",
                      found: ["a": ("A", "../a/")]))
    }

    @Test func bodiesThatCannotBeRenderedAheadAreLeftToTheSecondParse() {
        // An image, a link with a title, the mark byte in text or in code.
        #expect(!agree("![logo](logo.png)\n"))
        #expect(!agree("[a](https://example.org \"A title\")\n"))
        #expect(!agree("Text \u{1}W0\u{2} here.\n"))
        #expect(!agree("`\u{1}`\n"))
        // Destinations cmark would escape, or drop, are not written by the fill-in.
        #expect(!agree("[a](x.md)\n", destination: { _ in (.found(title: ""), "../a b/") }))
        #expect(!agree("[a](javascript:alert(1))\n"))
        #expect(!agree("[a](https://example.org/?b=c&d=e)\n"))
        #expect(!agree("[a](https://example.org/caf\u{E9})\n"))
    }

    @Test func everyPrintableByteInADestinationIsWrittenAsCmarkWritesIt() {
        for byte in UInt8(ascii: "!")...UInt8(ascii: "~") {
            let character = String(UnicodeScalar(byte))
            // As written in the source (where cmark's own parse decides what the destination is), and as a placement gives it.
            agree("[a](x\(character)y)\n")
            agree("[a](x.md)\n", destination: { _ in (.found(title: ""), "../a\(character)b/") })
        }
    }

    @Test func emptyAndPlainBodies() {
        #expect(agree(""))
        #expect(agree("Just a line.\n"))
    }
}
