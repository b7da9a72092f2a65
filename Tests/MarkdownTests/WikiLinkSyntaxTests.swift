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

    @Test func emptyLabelAndFragmentAreDropped() {
        #expect(WikiLinkSyntax.parse(Array("a#|".utf8)) == WikiLink(target: "a"))
    }

    @Test func multibyteTextAroundLinksSurvives() {
        let pieces = WikiLinkSyntax.split("Café – [[x]] – naïve")
        #expect(pieces?.first == .text("Café – "))
        #expect(pieces?.last == .text(" – naïve"))
    }
}
