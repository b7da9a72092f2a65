import Compendium
import Foundation

/// Tells open pages when the site was rebuilt, over server-sent events, and
/// adds the reload script and the problem notice to pages as they are
/// served. Nothing of this is ever written into the site.
public final class LiveReload: @unchecked Sendable {
    /// Where pages listen for rebuilds.
    public static let eventsPath = "/__compendium/events"
    /// Where the reload script is served from.
    public static let scriptPath = "/__compendium/live-reload.js"
    /// More changed files than this and every page reloads.
    static let changedListLimit = 500

    private let lock = NSLock()
    private var listeners: [Int: AsyncStream<String>.Continuation] = [:]
    private var nextListener = 0
    private var overlay: String?
    private var closed = false

    /// Creates a hub with no listeners and no problems.
    public init() {}

    /// Records the outcome of a rebuild and tells every open page: the files
    /// that changed, or to reload whatever it shows when the problems shown
    /// changed. `nil` diagnostics leave the problems shown as they are.
    public func publish(changed: [String], diagnostics: [Diagnostic]?) {
        lock.lock()
        let notice = diagnostics.map(ProblemOverlay.html(for:)) ?? overlay
        let noticeChanged = notice != overlay
        overlay = notice
        let targets = Array(listeners.values)
        lock.unlock()
        guard noticeChanged || !changed.isEmpty else { return }
        let data = noticeChanged || changed.count > Self.changedListLimit
            ? "{\"all\":true}"
            : "{\"all\":false,\"changed\":[" + changed.map { JSONFormat.string($0) }.joined(separator: ",") + "]}"
        for listener in targets { listener.yield("event: reload\ndata: \(data)\n\n") }
    }

    /// A stream of event-stream text for one page, starting with a comment
    /// so the browser knows it is connected; it ends when the hub closes.
    public func events() -> AsyncStream<String> {
        let (stream, continuation) = AsyncStream.makeStream(of: String.self, bufferingPolicy: .bufferingNewest(16))
        lock.lock()
        if closed {
            lock.unlock()
            continuation.finish()
            return stream
        }
        let id = nextListener
        nextListener += 1
        listeners[id] = continuation
        lock.unlock()
        continuation.onTermination = { [weak self] _ in self?.remove(id) }
        continuation.yield(": connected\nretry: 1000\n\n")
        return stream
    }

    /// Ends every stream, for shutting down.
    public func close() {
        lock.lock()
        closed = true
        let targets = Array(listeners.values)
        listeners.removeAll()
        lock.unlock()
        for listener in targets { listener.finish() }
    }

    /// How many pages are listening.
    public var listenerCount: Int {
        lock.lock()
        defer { lock.unlock() }
        return listeners.count
    }

    private func remove(_ id: Int) {
        lock.lock()
        listeners[id] = nil
        lock.unlock()
    }

    /// `page` with the problem notice (when there are errors) and the reload
    /// script added before `</body>`, or at the end when it has none.
    func inject(into page: [UInt8]) -> [UInt8] {
        lock.lock()
        let notice = overlay ?? ""
        lock.unlock()
        let addition = Array((notice + "<script src=\"\(Self.scriptPath)\"></script>").utf8)
        let closing = Array("</body>".utf8)
        guard let end = page.lastRange(of: closing) else { return page + addition }
        var result = page
        result.insert(contentsOf: addition, at: end.lowerBound)
        return result
    }

    /// Reloads the page when its own file, a stylesheet or the problems changed.
    static let script = """
        (function () {
          "use strict";
          if (!window.EventSource) { return; }
          var file = decodeURIComponent(location.pathname).replace(/^\\//, "");
          if (file === "" || file.charAt(file.length - 1) === "/") { file += "index.html"; }
          var events = new EventSource("\(eventsPath)");
          events.addEventListener("reload", function (event) {
            var news = JSON.parse(event.data);
            var mine = news.all || news.changed.some(function (path) {
              return path === file || /\\.css$/.test(path);
            });
            if (mine) { location.reload(); }
          });
        })();

        """
}

private extension Array where Element == UInt8 {
    func lastRange(of needle: [UInt8]) -> Range<Int>? {
        guard count >= needle.count else { return nil }
        var start = count - needle.count
        while start >= 0 {
            if self[start..<start + needle.count].elementsEqual(needle) { return start..<start + needle.count }
            start -= 1
        }
        return nil
    }
}
