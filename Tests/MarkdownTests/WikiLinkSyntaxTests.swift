import Testing
@testable import Markdown

@Suite struct WikiLinkSyntaxTests {
    @Test func textWithoutLinksIsNotSplit() {
        #expect(WikiLinkSyntax.split("plain [text] and ]] [[") == nil)
        #expect(WikiLinkSyntax.split("") == nil)
    }

    @Test func splitsTargetFragmentAndLabel() {
        let pieces = WikiLinkSyntax.split("See [[ supervision#Peer-led models | the models ]] now.")
        #expect(pieces == [
            .text("See "),
            .link(WikiLink(target: "supervision", fragment: "Peer-led models", label: "the models"), range: 4..<50),
            .text(" now."),
        ])
    }

    @Test func qualifiedTargetsKeepTheirKind() {
        let pieces = WikiLinkSyntax.split("[[themes/supervision]]")
        #expect(pieces == [.link(WikiLink(target: "themes/supervision"), range: 0..<22)])
    }

    @Test func malformedBracketsStayText() {
        #expect(WikiLinkSyntax.split("[[]] [[ | label]] [[a\nb]] [[a]b]]") == nil)
        let nested = WikiLinkSyntax.split("[[outer [[inner]]")
        #expect(nested == [.text("[[outer "), .link(WikiLink(target: "inner"), range: 8..<17)])
    }

    @Test func insidesParseTheSameFromAnyCollection() {
        let inside = " themes/supervision # Peer-led | the models "
        let expected = WikiLink(target: "themes/supervision", fragment: "Peer-led", label: "the models")
        #expect(WikiLinkSyntax.parse(Array(inside.utf8)) == expected)
        #expect(WikiLinkSyntax.parse(inside.utf8) == expected)
        #expect(WikiLinkSyntax.parse(AnyCollection(Array(inside.utf8))) == expected)
    }

    @Test func linksAreFoundWhereverTheyStandInLongRuns() {
        // Links at the start, the end, next to each other and after multibyte text, in one run.
        let text = "[[a]]é [[b|B]][[c#d]] " + String(repeating: "x ", count: 300) + "[[e]]"
        let pieces = WikiLinkSyntax.split(text) ?? []
        let links = pieces.compactMap { piece -> String? in
            guard case .link(let link, let range) = piece else { return nil }
            #expect(String(decoding: Array(text.utf8)[range], as: UTF8.self).hasPrefix("[["))
            return link.target
        }
        #expect(links == ["a", "b", "c", "e"])
        let rejoined = pieces.map { piece -> String in
            switch piece {
            case .text(let text): return text
            case .link(_, let range): return String(decoding: Array(text.utf8)[range], as: UTF8.self)
            }
        }.joined()
        #expect(rejoined == text)
    }

    @Test func emptyLabelAndFragmentAreDropped() {
        #expect(WikiLinkSyntax.parse(Array("a#|".utf8)) == WikiLink(target: "a"))
    }

    @Test func multibyteTextAroundLinksSurvives() {
        let pieces = WikiLinkSyntax.split("Café – [[x]] – naïve")
        #expect(pieces?.first == .text("Café – "))
        #expect(pieces?.last == .text(" – naïve"))
    }
}
