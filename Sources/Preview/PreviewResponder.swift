import Compendium
import Foundation
import Hummingbird

/// Answers the preview server's requests: files of the site folder (with the
/// reload script and any problem notice added to pages), the event stream
/// and the reload script. GET and HEAD only.
struct PreviewResponder: HTTPResponder {
    typealias Context = BasicRequestContext

    /// The site folder.
    let root: String
    let reload: LiveReload

    func respond(to request: Request, context: Context) async throws -> Response {
        guard request.method == .get || request.method == .head else {
            return plain(.methodNotAllowed, "Only GET and HEAD are answered here.\n", extra: [.allow: "GET, HEAD"])
        }
        let target = request.head.path ?? "/"
        let path = target.prefix { $0 != "?" && $0 != "#" }
        var response: Response
        switch path {
        case LiveReload.eventsPath:
            response = events()
        case LiveReload.scriptPath:
            response = Response(status: .ok, headers: headers(type: "text/javascript; charset=utf-8"),
                                body: .init(byteBuffer: ByteBuffer(string: LiveReload.script)))
        default:
            response = file(at: target)
        }
        return request.method == .head ? response.createHeadResponse() : response
    }

    private func file(at target: String) -> Response {
        switch SiteLocation.resolve(target, in: root) {
        case .file(let path):
            guard let bytes = read(path) else { return notFound() }
            return page(bytes, path: path, status: .ok)
        case .redirect(let location):
            return plain(.movedPermanently, "Moved to \(location)\n", extra: [.location: location])
        case .missing:
            return notFound()
        }
    }

    /// The site's own 404 page, or a plain one when the site has none.
    private func notFound() -> Response {
        page(read("404.html") ?? Self.noSiteYet, path: "404.html", status: .notFound)
    }

    private func page(_ bytes: [UInt8], path: String, status: HTTPResponse.Status) -> Response {
        let type = MediaType.of(path)
        let body = type.hasPrefix("text/html") ? reload.inject(into: bytes) : bytes
        return Response(status: status, headers: headers(type: type), body: .init(byteBuffer: ByteBuffer(bytes: body)))
    }

    /// The page for a missing file when the site has no 404 page (it has not been built yet).
    private static let noSiteYet = Array("""
        <!doctype html><html lang="en-GB"><head><meta charset="utf-8"><title>Not found</title></head>
        <body><main><h1>Not found</h1><p>There is no page here: the site has not been built yet.</p></main></body></html>

        """.utf8)

    private func events() -> Response {
        let stream = reload.events()
        var fields = headers(type: "text/event-stream; charset=utf-8")
        fields[.cacheControl] = "no-store"
        return Response(status: .ok, headers: fields, body: .init { writer in
            for await text in stream {
                try await writer.write(ByteBuffer(string: text))
            }
            try await writer.finish(nil)
        })
    }

    private func plain(_ status: HTTPResponse.Status, _ text: String, extra: HTTPFields = [:]) -> Response {
        var fields = headers(type: "text/plain; charset=utf-8")
        fields.append(contentsOf: extra)
        return Response(status: status, headers: fields, body: .init(byteBuffer: ByteBuffer(string: text)))
    }

    private func headers(type: String) -> HTTPFields {
        [.contentType: type, .cacheControl: "no-cache", .init("X-Content-Type-Options")!: "nosniff"]
    }

    /// The bytes of a file the resolver found; `nil` if it went away meanwhile.
    private func read(_ path: String) -> [UInt8]? {
        guard let data = FileManager.default.contents(atPath: root + "/" + path) else { return nil }
        return [UInt8](data)
    }
}
