import Compendium
import Foundation
@testable import Preview
import Testing

// `compendium serve` end to end: the preview is started on a free loopback
// port over a copy of a fixture project, and spoken to over real sockets.

/// A running preview over a scratch copy of the `basic` fixture project.
final class RunningPreview: @unchecked Sendable {
    let scratch: Scratch
    let port: Int
    private let task: Task<Void, any Error>
    private let reportBox = ReportBox()

    init() async throws {
        scratch = try Scratch()
        try scratch.copyBasicProject()
        let preview = LivePreview(
            paths: ProjectPaths(content: "content", templates: [Repository.defaultTemplates], configuration: "compendium.yml"),
            in: scratch.path, output: scratch.at("site"), port: 0, pollInterval: .milliseconds(50))
        let (ports, announce) = AsyncStream.makeStream(of: Int.self)
        let box = reportBox
        task = Task { try await preview.run(listening: { announce.yield($0) }, report: { box.append($0) }) }
        var iterator = ports.makeAsyncIterator()
        port = try #require(await iterator.next())
    }

    /// Every build reported so far.
    var builds: [LivePreview.Report] { reportBox.all }

    func get(_ target: String, method: String = "GET", extraHeaders: String = "") async throws -> RawHTTP.Reply {
        let port = self.port
        return try await offThePool { try RawHTTP.request(target, method: method, port: port, extraHeaders: extraHeaders) }
    }

    func exchange(_ bytes: [UInt8]) async throws -> RawHTTP.Reply {
        let port = self.port
        return try await offThePool { try RawHTTP.exchange(bytes, port: port) }
    }

    /// Runs a preview for `body`, then stops it, whatever happens.
    static func with(_ body: (RunningPreview) async throws -> Void) async throws {
        let preview = try await RunningPreview()
        do {
            try await body(preview)
        } catch {
            await preview.stop()
            throw error
        }
        await preview.stop()
    }

    /// Stops the server and removes the folder.
    func stop() async {
        task.cancel()
        _ = await task.result
        scratch.remove()
    }

    /// Replaces `old` with `new` in a project file.
    func edit(_ relative: String, _ old: String, _ new: String) throws {
        let text = try #require(scratch.read(relative))
        try #require(text.contains(old))
        try scratch.write(relative, text.replacingOccurrences(of: old, with: new))
    }
}

/// Runs blocking socket work on a thread of its own, never on the task pool the server needs.
func offThePool<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
    try await withCheckedThrowingContinuation { continuation in
        Thread { continuation.resume(with: Result { try work() }) }.start()
    }
}

extension EventStreamReader {
    /// The next event, read on a thread of its own.
    func nextEvent() async throws -> String? {
        try await offThePool { self.next() }
    }
}

final class ReportBox: @unchecked Sendable {
    private let lock = NSLock()
    private var reports: [LivePreview.Report] = []
    func append(_ report: LivePreview.Report) { lock.lock(); reports.append(report); lock.unlock() }
    var all: [LivePreview.Report] { lock.lock(); defer { lock.unlock() }; return reports }
}

@Suite(.serialized) struct LivePreviewTests {
    @Test func servesPagesWithTheReloadScriptAddedOnlyWhenServed() async throws {
        try await RunningPreview.with { preview in
            let home = try await preview.get("/")
            #expect(home.status == 200)
            #expect(home.headers["content-type"] == "text/html; charset=utf-8")
            #expect(home.text.contains("<script src=\"/__compendium/live-reload.js\"></script></body>"))
            #expect(preview.scratch.read("site/index.html")?.contains("__compendium") == false, "never written into the site")

            let meeting = try await preview.get("/meetings/2025-04-05/")
            #expect(meeting.status == 200)
            #expect(meeting.text.contains("Supervision in practice"))

            let head = try await preview.get("/meetings/2025-04-05/", method: "HEAD")
            #expect(head.status == 200)
            #expect(head.body.isEmpty)
            #expect(head.headers["content-length"] == String(meeting.body.count))

            let folder = try await preview.get("/meetings/2025-04-05")
            #expect(folder.status == 301)
            #expect(folder.headers["location"] == "/meetings/2025-04-05/")

            let feed = try await preview.get("/feed.xml")
            #expect(feed.status == 200)
            #expect(feed.headers["content-type"] == "application/xml")
            #expect(!feed.text.contains("__compendium"))

            let script = try await preview.get("/__compendium/live-reload.js")
            #expect(script.status == 200)
            #expect(script.headers["content-type"] == "text/javascript; charset=utf-8")
            #expect(script.text.contains("new EventSource(\"/__compendium/events\")"))

            let missing = try await preview.get("/no-such-page/")
            #expect(missing.status == 404)
            #expect(missing.text == String(decoding: preview.scratch.read("site/404.html")!.utf8, as: UTF8.self)
                    .replacingOccurrences(of: "</body>", with: "<script src=\"/__compendium/live-reload.js\"></script></body>"))

            let folderListing = try await preview.get("/meetings/")
            #expect(folderListing.status == 200)
            #expect(!folderListing.text.contains("2025-04-05/index.html"), "the meetings page, never a directory listing")

            let post = try await preview.exchange(Array("POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 3\r\nConnection: close\r\n\r\nabc".utf8))
            #expect(post.status == 405)
            #expect(post.headers["allow"] == "GET, HEAD")
        }
    }

    @Test func refusesRequestsThatTryToLeaveTheSite() async throws {
        try await RunningPreview.with { preview in
            try preview.scratch.write("secret.txt", "the secret beside the site")
            try preview.scratch.link("site/secret-link.txt", to: "../secret.txt")
            for target in ["/../secret.txt", "/%2e%2e/secret.txt", "/meetings/%2E%2E/%2e%2e/secret.txt",
                           "/meetings%2f..%2f..%2fsecret.txt", "/..%5csecret.txt", "/secret-link.txt", "//secret.txt",
                           "/../compendium.yml", "/.compendium-site", "/%2e%2e/content/meetings/2025-04-05.md"] {
                let reply = try await preview.get(target)
                #expect(reply.status == 404, "\(target)")
                #expect(!reply.text.contains("the secret beside the site"), "\(target)")
                #expect(!reply.text.contains("title: Supervision in practice"), "\(target)")
            }
        }
    }

    @Test func refusesRequestsLargerThanTheLimits() async throws {
        try await RunningPreview.with { preview in
            let longLine = try await preview.get("/" + String(repeating: "a", count: 100_000))
            #expect([400, 414, 431].contains(longLine.status))
            let manyHeaders = (0..<200).map { "X-Header-\($0): value\r\n" }.joined()
            let crowded = try await preview.get("/", extraHeaders: manyHeaders)
            #expect([400, 431].contains(crowded.status))
            let bigHeader = "X-Big: " + String(repeating: "b", count: 64 * 1024) + "\r\n"
            let heavy = try await preview.get("/", extraHeaders: bigHeader)
            #expect([400, 431].contains(heavy.status))
            #expect(try await preview.get("/").status == 200, "still serving")
        }
    }

    @Test func anEditRebuildsThePageAndTellsOpenPages() async throws {
        try await RunningPreview.with { preview in
            let events = try EventStreamReader(port: preview.port, path: LiveReload.eventsPath)
            #expect(try await events.nextEvent() == ": connected\nretry: 1000")
            let unrelated = try await preview.get("/jobs/peer-trainer/").text

            try preview.edit("content/meetings/2025-04-05.md", "Ada will share", "Ada has shared")
            let event = try #require(try await events.nextEvent())
            #expect(event.hasPrefix("event: reload\ndata: {\"all\":false,\"changed\":["))
            #expect(event.contains("\"meetings/2025-04-05/index.html\""))
            #expect(!event.contains("jobs/peer-trainer/index.html"))
            let page = try await preview.get("/meetings/2025-04-05/")
            #expect(page.text.contains("Ada has shared the slides"))
            #expect(try await preview.get("/jobs/peer-trainer/").text == unrelated)
            // The page's reload is sent before the pages made from every text are written, and the
            // rebuild is reported after them: wait for its report. A slow save may wake a second
            // rebuild that finds nothing new, so look for the report among all those after the first.
            let edited = "meetings/2025-04-05/index.html"
            let deadline = ContinuousClock.now + .seconds(30)
            while !preview.builds.dropFirst().contains(where: { $0.outcome.changed.contains(edited) })
                    && ContinuousClock.now < deadline {
                try await Task.sleep(for: .milliseconds(20))
            }
            let rebuilds = preview.builds.dropFirst()
            #expect(rebuilds.contains { $0.outcome.changed.contains(edited) })
            #expect(rebuilds.allSatisfy { $0.outcome.published })
            #expect(rebuilds.filter { $0.outcome.changed.contains(edited) }.count == 1, "built once")
        }
    }

    @Test func aBrokenFileShowsItsProblemsOverThePageUntilFixed() async throws {
        try await RunningPreview.with { preview in
            let events = try EventStreamReader(port: preview.port, path: LiveReload.eventsPath)
            _ = try await events.nextEvent()
            let before = try await preview.get("/meetings/2025-04-05/").text

            try preview.edit("content/meetings/2025-04-05.md", "themes: [peer supervision]", "themes: [peer supervison]")
            #expect(try await events.nextEvent() == "event: reload\ndata: {\"all\":true}")
            let broken = try await preview.get("/meetings/2025-04-05/")
            #expect(broken.status == 200)
            #expect(broken.text.contains("<div id=\"compendium-problems\" role=\"alert\""))
            #expect(broken.text.contains("content/meetings/2025-04-05.md:6:"))
            #expect(broken.text.contains("peer supervison"))
            #expect(broken.text.contains("Supervision in practice"), "the last good page stays under the notice")
            #expect(try await preview.get("/").text.contains("compendium-problems"), "on every page")
            #expect(preview.scratch.read("site/meetings/2025-04-05/index.html")?.contains("compendium-problems") == false)
            #expect(preview.builds.last?.outcome.published == false)

            try preview.edit("content/meetings/2025-04-05.md", "themes: [peer supervison]", "themes: [peer supervision]")
            #expect(try await events.nextEvent() == "event: reload\ndata: {\"all\":true}")
            let fixed = try await preview.get("/meetings/2025-04-05/").text
            #expect(!fixed.contains("compendium-problems"))
            #expect(fixed == before)
        }
    }
}
