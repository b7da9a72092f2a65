import Testing
import Markdown

@Suite struct MarkdownRendererTests {
    private func slug(_ text: String) -> String {
        text.lowercased().split(whereSeparator: { !$0.isLetter && !$0.isNumber }).joined(separator: "-")
    }

    private func render(_ source: String, firstLine: Int = 1,
                        resolve: (LinkRequest) -> LinkResolution = { _ in .keep }) -> RenderedMarkdown {
        MarkdownRenderer.render(source, firstLine: firstLine, anchor: slug, resolve: resolve)
    }

    @Test func headingsGetUniqueAnchors() {
        let result = render("# Role clarity\n\n## Role *clarity*\n\n## Main\n", firstLine: 5)
        #expect(result.headings.map(\.anchor) == ["role-clarity", "role-clarity-1", "main"])
        #expect(result.headings.map(\.line) == [5, 7, 9])
        #expect(result.headings.map(\.level) == [1, 2, 2])
        #expect(result.html.contains("<h1 id=\"role-clarity\">"))
        #expect(result.html.contains("<h2 id=\"role-clarity-1\">\nRole <em>clarity</em>\n</h2>"))
    }

    @Test func wikiLinksBecomeLinksWithPositions() {
        var requests: [LinkRequest] = []
        let result = render("Intro line\n\nSee [[a]] and [[b#Part|label]].\n", firstLine: 4) { request in
            requests.append(request)
            guard case .wiki(let link) = request.form else { return .keep }
            return link.target == "a" ? .resolved(href: "../a/", title: "Title A") : .resolved(href: "../b/#part", title: "B")
        }
        #expect(result.html == "<p>Intro line</p>\n<p>See <a href=\"../a/\">Title A</a> and <a href=\"../b/#part\">label</a>.</p>\n")
        #expect(requests.map(\.line) == [6, 6])
        #expect(requests.map(\.column) == [5, 15])
    }

    @Test func codeAndLinkTextKeepWikiSyntax() {
        var count = 0
        let source = "`[[a]]` and [see [[b]]](https://example.org)\n\n    [[c]]\n"
        let result = render(source) { request in
            if case .wiki = request.form { count += 1 }
            return .keep
        }
        #expect(count == 0)
        #expect(result.html.contains("<code>[[a]]</code>"))
        #expect(result.html.contains("<a href=\"https://example.org\">see [[b]]</a>"))
        #expect(result.html.contains("<pre><code>[[c]]\n</code></pre>"))
    }

    @Test func unresolvedLinksLoseTheirHref() {
        let result = render("[[gone|Gone]] and [text](other.md) and ![alt](pic.png)") { request in
            switch request.form {
            case .wiki, .link, .image: return .unresolved
            }
        }
        #expect(result.html == "<p><span class=\"missing-link\">Gone</span> and text and alt</p>\n")
    }

    @Test func linkDestinationsCanBeRewritten() {
        var seen: [LinkRequest.Form] = []
        let result = render("Line one\n[x](../jobs/psw.md#duties)") { request in
            seen.append(request.form)
            return .resolved(href: "../../jobs/psw/#duties", title: "")
        }
        #expect(seen == [.link(destination: "../jobs/psw.md#duties")])
        #expect(result.html == "<p>Line one\n<a href=\"../../jobs/psw/#duties\">x</a></p>\n")
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
        var column = 0
        _ = render("A &amp; b [[x]]") { request in
            column = request.column
            return .keep
        }
        #expect(column == 11)
    }

    @Test func plainTextShowsLinksAsReadersSeeThem() {
        let result = render("## Notes\n\nSee [[a]] and [[b|the guide]].\n") { request in
            guard case .wiki(let link) = request.form else { return .keep }
            return link.target == "a" ? .resolved(href: "../a/", title: "Title A") : .unresolved
        }
        #expect(result.plainText == "Notes See Title A and the guide. ")
    }
}
