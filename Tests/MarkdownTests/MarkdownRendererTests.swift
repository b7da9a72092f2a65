import Testing
import Markdown

@Suite struct MarkdownRendererTests {
    private func slug(_ text: String) -> String {
        text.lowercased().split(whereSeparator: { !$0.isLetter && !$0.isNumber }).joined(separator: "-")
    }

    /// Surveys `source`, answers each link with `resolve`, and renders it on one page.
    private func render(_ source: String, firstLine: Int = 1,
                        resolve: (LinkRequest) -> (LinkAnswer, String?) = { _ in (.asWritten, nil) })
        -> (survey: BodySurvey, html: String, plainText: String) {
        let survey = MarkdownRenderer.survey(source, firstLine: firstLine, anchor: slug)
        let resolved = survey.links.map(resolve)
        let rendered = MarkdownRenderer.render(source, firstLine: firstLine, anchor: slug, answers: resolved.map(\.0),
                                               placements: [BodyPlacement(destinations: resolved.map(\.1))])
        return (survey, rendered.html[0], rendered.plainText)
    }

    @Test func headingsGetUniqueAnchors() {
        let result = render("# Role clarity\n\n## Role *clarity*\n\n## Main\n", firstLine: 5)
        #expect(result.survey.headings.map(\.anchor) == ["role-clarity", "role-clarity-1", "main"])
        #expect(result.survey.headings.map(\.line) == [5, 7, 9])
        #expect(result.survey.headings.map(\.level) == [1, 2, 2])
        #expect(result.html.contains("<h1 id=\"role-clarity\">"))
        #expect(result.html.contains("<h2 id=\"role-clarity-1\">\nRole <em>clarity</em>\n</h2>"))
    }

    /// A heading whose anchor an earlier one's numbering took is numbered on,
    /// in a body of a few headings and in one of many alike.
    @Test(arguments: [3, 40])
    func numberedAnchorsNeverRepeat(_ count: Int) {
        let titles = ["Notes", "Notes", "Notes 1"] + Array(repeating: "Notes", count: count - 3)
        let survey = MarkdownRenderer.survey(titles.map { "## \($0)\n\n" }.joined(), anchor: slug)
        let anchors = survey.headings.map(\.anchor)
        #expect(Array(anchors.prefix(3)) == ["notes", "notes-1", "notes-1-1"])
        #expect(Array(anchors.dropFirst(3)) == (0..<(count - 3)).map { "notes-\($0 + 2)" })
        #expect(Set(anchors).count == count)
    }

    @Test func wikiLinksBecomeLinksWithPositions() {
        let result = render("Intro line\n\nSee [[a]] and [[b#Part|label]].\n", firstLine: 4) { request in
            guard case .wiki(let link) = request.form else { return (.asWritten, nil) }
            return link.target == "a" ? (.found(title: "Title A"), "../a/") : (.found(title: "B"), "../b/#part")
        }
        #expect(result.html == "<p>Intro line</p>\n<p>See <a href=\"../a/\">Title A</a> and <a href=\"../b/#part\">label</a>.</p>\n")
        #expect(result.survey.links.map(\.line) == [6, 6])
        #expect(result.survey.links.map(\.column) == [5, 15])
    }

    @Test func surveyListsLinksThenImagesThenWikiLinksInOrder() {
        let survey = MarkdownRenderer.survey("[[w]] ![i](pic.png) [a](a.md)\n\n[b](b.md) [[v]]\n", anchor: slug)
        #expect(survey.links.map(\.form) == [
            .link(destination: "a.md"), .link(destination: "b.md"), .image(source: "pic.png"),
            .wiki(WikiLink(target: "w")), .wiki(WikiLink(target: "v")),
        ])
    }

    @Test func columnsCountCharactersNotBytes() {
        let survey = MarkdownRenderer.survey("Café – [[a]] and [x](y.md)\n", anchor: slug)
        #expect(survey.links.map(\.column) == [18, 8])
    }

    @Test func codeAndLinkTextKeepWikiSyntax() {
        let source = "`[[a]]` and [see [[b]]](https://example.org)\n\n    [[c]]\n"
        let result = render(source)
        #expect(!result.survey.links.contains { if case .wiki = $0.form { return true } else { return false } })
        #expect(result.html.contains("<code>[[a]]</code>"))
        #expect(result.html.contains("<a href=\"https://example.org\">see [[b]]</a>"))
        #expect(result.html.contains("<pre><code>[[c]]\n</code></pre>"))
    }

    @Test func missingLinksLoseTheirHref() {
        let result = render("[[gone|Gone]] and [text](other.md) and ![alt](pic.png)") { _ in (.missing, nil) }
        #expect(result.html == "<p><span class=\"missing-link\">Gone</span> and text and alt</p>\n")
    }

    @Test func wikiLinksAnsweredAsWrittenStayText() {
        let result = render("See [[a]].") { _ in (.asWritten, nil) }
        #expect(result.html == "<p>See [[a]].</p>\n")
    }

    @Test func linkDestinationsCanBeRewritten() {
        let result = render("Line one\n[x](../jobs/psw.md#duties)") { _ in (.found(title: ""), "../../jobs/psw/#duties") }
        #expect(result.survey.links.map(\.form) == [.link(destination: "../jobs/psw.md#duties")])
        #expect(result.html == "<p>Line one\n<a href=\"../../jobs/psw/#duties\">x</a></p>\n")
    }

    @Test func onePassRendersEveryPlacement() {
        let source = "## Duties\n\nSee [[a]] and [the part](#duties) and [web](https://example.org).\n"
        let survey = MarkdownRenderer.survey(source, anchor: slug)
        let answers: [LinkAnswer] = [.found(title: ""), .asWritten, .found(title: "Title A")]
        let ownPage = BodyPlacement(destinations: [nil, nil, "../a/"])
        let printPage = BodyPlacement(headingOffset: 2, anchorPrefix: "job-x-", destinations: ["#job-x-duties", nil, "#job-a"])
        let rendered = MarkdownRenderer.render(source, anchor: slug, answers: answers, placements: [ownPage, printPage])
        #expect(survey.links.count == 3)
        #expect(rendered.html[0] == "<h2 id=\"duties\">\nDuties\n</h2>\n<p>See <a href=\"../a/\">Title A</a> and "
                + "<a href=\"#duties\">the part</a> and <a href=\"https://example.org\">web</a>.</p>\n")
        #expect(rendered.html[1] == "<h4 id=\"job-x-duties\">\nDuties\n</h4>\n<p>See <a href=\"#job-a\">Title A</a> and "
                + "<a href=\"#job-x-duties\">the part</a> and <a href=\"https://example.org\">web</a>.</p>\n")
        #expect(rendered.plainText == "Duties See Title A and the part and web. ")
    }

    @Test func fewerAnswersThanLinksLeavesTheRestAsWritten() {
        let rendered = MarkdownRenderer.render("[[a]] [x](y.md)", anchor: slug, answers: [],
                                               placements: [BodyPlacement(destinations: [])])
        #expect(rendered.html == ["<p>[[a]] <a href=\"y.md\">x</a></p>\n"])
    }

    @Test func rawHTMLAndUnsafeURLsAreInert() {
        let result = render("<script>alert(1)</script>\n\n[x](javascript:alert(1)) <b>bold</b>")
        #expect(!result.html.contains("<script>"))
        #expect(!result.html.contains("javascript:"))
        #expect(!result.html.contains("<b>"))
    }

    @Test func smartPunctuationAndPlainText() {
        let result = render("# Title\n\n\"Quoted\" -- it's *fine*.\n\n- one\n- two\n")
        #expect(result.html.contains("“Quoted” – it’s"))
        #expect(result.plainText == "Title “Quoted” – it’s fine. one two ")
    }

    @Test func columnFollowsTheSourceAfterEscapes() {
        let survey = MarkdownRenderer.survey("A &amp; b [[x]]", anchor: slug)
        #expect(survey.links.map(\.column) == [11])
    }

    @Test func plainTextShowsLinksAsReadersSeeThem() {
        let result = render("## Notes\n\nSee [[a]] and [[b|the guide]].\n") { request in
            guard case .wiki(let link) = request.form else { return (.asWritten, nil) }
            return link.target == "a" ? (.found(title: "Title A"), "../a/") : (.missing, nil)
        }
        #expect(result.plainText == "Notes See Title A and the guide. ")
    }
}
