import Compendium
@testable import Preview
import Testing

// What open pages are told, and what is added to pages as they are served.

@Suite struct LiveReloadTests {
    private let page = Array("<!doctype html><html><body><main>Hi</main></body></html>".utf8)

    private func error(_ file: String, _ line: Int, _ column: Int) -> Diagnostic {
        Diagnostic(.unknownTheme(value: "peer supervison", suggestion: "peer supervision"),
                   at: SourceLocation(file: file, line: line, column: column))
    }

    @Test func addsTheScriptBeforeTheEndOfTheBody() {
        let served = String(decoding: LiveReload().inject(into: page), as: UTF8.self)
        #expect(served == "<!doctype html><html><body><main>Hi</main><script src=\"/__compendium/live-reload.js\"></script></body></html>")
    }

    @Test func showsErrorsOverEveryPageUntilTheyAreFixed() {
        let reload = LiveReload()
        reload.publish(changed: [], diagnostics: [error("content/meetings/<x>.md", 6, 10)])
        let served = String(decoding: reload.inject(into: page), as: UTF8.self)
        #expect(served.contains("id=\"compendium-problems\" role=\"alert\""))
        #expect(served.contains("The site was not rebuilt: 1 problem<"))
        #expect(served.contains("content/meetings/&lt;x&gt;.md:6:10"))
        #expect(served.contains("Hint: "))
        reload.publish(changed: [], diagnostics: [])
        #expect(!String(decoding: reload.inject(into: page), as: UTF8.self).contains("compendium-problems"))
    }

    @Test func warningsAloneShowNoNotice() {
        #expect(ProblemOverlay.html(for: []) == nil)
        let warning = Diagnostic(.noTheme(kind: "meeting"), at: SourceLocation(file: "content/meetings/a.md"))
        #expect(warning.severity == .warning)
        #expect(ProblemOverlay.html(for: [warning]) == nil)
    }

    @Test func tellsListenersWhatChangedAndWhenProblemsChange() async {
        let reload = LiveReload()
        var events = reload.events().makeAsyncIterator()
        #expect(await events.next() == ": connected\nretry: 1000\n\n")
        reload.publish(changed: ["meetings/a/index.html", "files/\"quoted\".txt"], diagnostics: [])
        #expect(await events.next() == "event: reload\ndata: {\"all\":false,\"changed\":[\"meetings/a/index.html\",\"files/\\\"quoted\\\".txt\"]}\n\n")
        reload.publish(changed: [], diagnostics: [])
        reload.publish(changed: [], diagnostics: [error("content/meetings/a.md", 1, 1)])
        #expect(await events.next() == "event: reload\ndata: {\"all\":true}\n\n", "nothing changed: nothing sent; then errors appear")
        reload.publish(changed: (0...LiveReload.changedListLimit).map { "p\($0).html" }, diagnostics: [error("content/meetings/a.md", 1, 1)])
        #expect(await events.next() == "event: reload\ndata: {\"all\":true}\n\n")
        #expect(reload.listenerCount == 1)
        reload.close()
        #expect(await events.next() == nil)
        #expect(reload.listenerCount == 0)
    }
}
