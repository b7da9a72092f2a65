import Compendium
import Testing

// Fuzz finding (pipeline target, `make fuzz`): printing diagnostics for
// people takes time proportional to (diagnostics on a line) × (the line's
// length). Each diagnostic's snippet masks personal data in the whole source
// line again (`PrivacyMasking.maskAll`) and pads its caret character by
// character, so a body that is one long line of broken wiki-links,
// `[[a]][[a]][[a]]…`, stalls `compendium check` and `build` after the
// checks themselves have finished, where the render watchdog does not look:
// 64 KiB of it (13,107 warnings) took 104 s to print in a release build.
// The same report as GitHub annotations or JSON takes 0.3 s.

@Suite struct HumanFormatLongLineTests {
    @Test
    func manyDiagnosticsOnOneLongLinePrintInLinearTime() {
        let links = 3_000
        let line = String(repeating: "[[a]]", count: links)
        let source = "---\ntitle: P\n---\n" + line + "\n"
        let diagnostics = (0..<links).map { index in
            Diagnostic(.brokenWikiLink(target: "a", suggestion: nil),
                       at: SourceLocation(file: "content/pages/p.md", line: 4, column: 1 + 5 * index))
        }
        let format = HumanFormat(source: { _ in source })
        let clock = ContinuousClock()
        var printed = ""
        let elapsed = clock.measure {
            printed = format.render(DiagnosticReport(diagnostics: diagnostics))
        }
        #expect(!printed.isEmpty)
        // Linear work here is well under a second even in a debug build;
        // the quadratic version takes many seconds.
        #expect(elapsed < .seconds(2), "printing 3,000 diagnostics on one 15 KB line took \(elapsed)")
    }
}
