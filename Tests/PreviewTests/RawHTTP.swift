import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A tiny HTTP/1.1 client over a plain socket, so tests send exactly the
/// bytes they mean (URL types would tidy `..` and escapes away).
enum RawHTTP {
    /// A response as read off the wire.
    struct Reply {
        let status: Int
        /// Header names lower-cased.
        let headers: [String: String]
        let body: [UInt8]
        var text: String { String(decoding: body, as: UTF8.self) }
    }

    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    /// Sends `GET target` (or another method) and reads the whole response.
    static func request(_ target: String, method: String = "GET", port: Int, extraHeaders: String = "") throws -> Reply {
        try exchange(Array("\(method) \(target) HTTP/1.1\r\nHost: 127.0.0.1\r\n\(extraHeaders)Connection: close\r\n\r\n".utf8),
                     port: port)
    }

    /// Sends `bytes` as they are and reads until the server closes the connection.
    static func exchange(_ bytes: [UInt8], port: Int) throws -> Reply {
        let socket = try connect(port: port)
        defer { close(socket) }
        try write(bytes, to: socket)
        var received: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65536)
        while true {
            let count = buffer.withUnsafeMutableBytes { recv(socket, $0.baseAddress, $0.count, 0) }
            if count <= 0 { break }
            received += buffer[0..<count]
        }
        return try parse(received)
    }

    static func parse(_ received: [UInt8]) throws -> Reply {
        guard let end = received.firstRange(of: Array("\r\n\r\n".utf8)) else {
            throw Failure(description: "no complete response: \(String(decoding: received, as: UTF8.self))")
        }
        let head = String(decoding: received[..<end.lowerBound], as: UTF8.self).components(separatedBy: "\r\n")
        let status = Int(head[0].split(separator: " ")[1]) ?? 0
        var headers: [String: String] = [:]
        for line in head.dropFirst() {
            guard let colon = line.firstIndex(of: ":") else { continue }
            headers[line[..<colon].lowercased()] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        var body = Array(received[end.upperBound...])
        if headers["transfer-encoding"] == "chunked" { body = dechunk(body) }
        return Reply(status: status, headers: headers, body: body)
    }

    private static func dechunk(_ bytes: [UInt8]) -> [UInt8] {
        var result: [UInt8] = []
        var rest = bytes[...]
        while let lineEnd = rest.firstRange(of: Array("\r\n".utf8)),
              let size = Int(String(decoding: rest[..<lineEnd.lowerBound], as: UTF8.self), radix: 16), size > 0 {
            let start = lineEnd.upperBound
            result += rest[start..<min(start + size, rest.endIndex)]
            rest = rest[min(start + size + 2, rest.endIndex)...]
        }
        return result
    }

    static func connect(port: Int) throws -> Int32 {
        let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var timeout = timeval(tv_sec: 20, tv_usec: 0)
        setsockopt(descriptor, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let result = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { Glibc.connect(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard result == 0 else {
            close(descriptor)
            throw Failure(description: "cannot connect to port \(port)")
        }
        return descriptor
    }

    static func write(_ bytes: [UInt8], to socket: Int32) throws {
        var offset = 0
        while offset < bytes.count {
            let count = bytes.withUnsafeBytes { send(socket, $0.baseAddress! + offset, $0.count - offset, Int32(MSG_NOSIGNAL)) }
            guard count > 0 else { return }
            offset += count
        }
    }
}

/// A connection to the preview's event stream that reads one event at a time.
final class EventStreamReader: @unchecked Sendable {
    private let socket: Int32
    private var raw: [UInt8] = []
    private var sawHead = false
    private var payload = ""

    init(port: Int, path: String) throws {
        socket = try RawHTTP.connect(port: port)
        try RawHTTP.write(Array("GET \(path) HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: text/event-stream\r\n\r\n".utf8), to: socket)
    }

    deinit { close(socket) }

    /// The text of the next event (or comment block), or `nil` when the stream ends.
    func next() -> String? {
        while true {
            if let range = payload.range(of: "\n\n") {
                let block = String(payload[..<range.lowerBound])
                payload = String(payload[range.upperBound...])
                return block
            }
            var buffer = [UInt8](repeating: 0, count: 65536)
            let count = buffer.withUnsafeMutableBytes { recv(socket, $0.baseAddress, $0.count, 0) }
            guard count > 0 else { return nil }
            raw += buffer[0..<count]
            decode()
        }
    }

    /// Moves complete chunks of the chunked body from `raw` to `payload`.
    private func decode() {
        let crlf = Array("\r\n".utf8)
        if !sawHead {
            guard let end = raw.firstRange(of: crlf + crlf) else { return }
            raw.removeSubrange(..<end.upperBound)
            sawHead = true
        }
        while let lineEnd = raw.firstRange(of: crlf),
              let size = Int(String(decoding: raw[..<lineEnd.lowerBound], as: UTF8.self), radix: 16),
              raw.count >= lineEnd.upperBound + size + 2 {
            payload += String(decoding: raw[lineEnd.upperBound..<lineEnd.upperBound + size], as: UTF8.self)
            raw.removeSubrange(..<(lineEnd.upperBound + size + 2))
        }
    }
}
