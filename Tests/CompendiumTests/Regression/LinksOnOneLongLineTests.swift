import Compendium
import Testing

// Fuzz finding (pipeline target, `make fuzz`): rendering a body's links
// takes time proportional to (links on a line) × (the line's length). For
// each link the renderer reports on, `LinkState.location(of:)` in
// BodyLinker.swift turns cmark's byte column into a character column by
// decoding the line from its start again, and for each wiki-link
// `TreeEditor.expandWikiLinks` in MarkdownRenderer.swift copies the whole
// text run (`Array(text.utf8)[range]`). One long line of links is enough,
// well inside the 1 MB file limit (release build, index stage):
//
//   `[x](nowhere.md) ` × 16,000 (272 KB):   5.0 s      × 32,000 (544 KB): 21.4 s
//   `[[a]]` × 32,000 (160 KB):               6.8 s      × 64,000 (320 KB): 31.7 s
//
// while the same links one to a line take 0.1–0.3 s. The CLI's render
// watchdog turns this into a `renderTooSlow` error after 10 s, so a valid
// document with many links on long lines can be refused; the library
// (SiteBuilder.check and build) has no bound.

@Suite struct LinksOnOneLongLineTests {
    private static func check(body: String) -> Duration {
        let text = "---\ntitle: Links\n---\n" + body + "\n"
        let content = ContentFiles(documents: [
            SourceFile(relativePath: "pages/links.md", displayPath: "content/pages/links.md", bytes: Array(text.utf8)),
        ])
        let configuration = SiteConfiguration(title: "Regression", description: "Links on one line.")
        return ContinuousClock().measure {
            _ = SiteBuilder.check(content: content, configuration: configuration)
        }
    }

    @Test
    func manyBrokenFileLinksOnOneLineAreCheckedInLinearTime() {
        let elapsed = Self.check(body: String(repeating: "[x](nowhere.md) ", count: 12_000))
        #expect(elapsed < .seconds(3), "12,000 links on one 192 KB line took \(elapsed)")
    }

    @Test
    func manyWikiLinksOnOneLineAreCheckedInLinearTime() {
        let elapsed = Self.check(body: String(repeating: "[[a]]", count: 24_000))
        #expect(elapsed < .seconds(3), "24,000 wiki-links on one 120 KB line took \(elapsed)")
    }
}
