import Markdown
import Testing

// Fuzz finding (wiki-links target, `make fuzz`): `WikiLinkSyntax.parse`
// splits `target#fragment|label` with `String.firstIndex(of: Character)`,
// so a `|` or `#` that is part of a larger character is not a separator:
// followed by a combining mark (`|\u{301}`), or after a prepended
// concatenation mark such as U+0600, which joins the next character. The
// separator then stays in the target: `[[a|\u{301}b]]` asks for a document
// called "a|\u{301}b" (reported as a broken link) instead of showing the
// label "\u{301}b" for `a`. Splitting on the bytes (or scalars) keeps the
// rule the documentation states: the target is what comes before any `|`.

@Suite struct WikiLinkGraphemeSeparatorTests {
    private func parse(_ inside: String) -> WikiLink? {
        WikiLinkSyntax.parse(Array(inside.utf8))
    }

    @Test
    func separatorsFollowedByCombiningMarksStillSeparate() {
        #expect(parse("a|\u{301}b") == WikiLink(target: "a", label: "\u{301}b"))
        #expect(parse("a#\u{301}b") == WikiLink(target: "a", fragment: "\u{301}b"))
    }

    @Test
    func separatorsAfterPrependedMarksStillSeparate() {
        #expect(parse("\u{600}|x") == WikiLink(target: "\u{600}", label: "x"))
    }
}
