/// A link destination that names a path rather than a web address.
struct PathReference: Sendable, Hashable {
    /// The path, percent-decoded, without query or fragment. Site-absolute
    /// paths are given as site addresses (`meetings/x/`).
    let path: String
    /// For site-absolute paths, the path without its leading `/`, as a file
    /// path (`files/form.pdf`); otherwise the same as `path`.
    let filePath: String
    /// The part after `#`, if any.
    let fragment: String?
    /// Whether the destination started with `/`.
    let isSiteAbsolute: Bool

    /// Reads `destination`; `nil` for web addresses (any scheme), empty
    /// destinations and links within the page (`#…`).
    init?(_ destination: String) {
        guard !destination.isEmpty, !destination.hasPrefix("#"), !PathReference.hasScheme(destination) else { return nil }
        var rest = Substring(destination)
        var fragment: String?
        if let hash = rest.firstIndex(of: "#") {
            fragment = String(rest[rest.index(after: hash)...])
            rest = rest[..<hash]
        }
        if let question = rest.firstIndex(of: "?") { rest = rest[..<question] }
        let decoded = PathReference.percentDecoded(String(rest))
        self.fragment = fragment.flatMap { $0.isEmpty ? nil : PathReference.percentDecoded($0) }
        isSiteAbsolute = decoded.hasPrefix("/")
        if isSiteAbsolute {
            filePath = String(decoded.drop(while: { $0 == "/" }))
            var address = filePath
            if address.hasSuffix("index.html") { address.removeLast("index.html".count) }
            if !address.isEmpty && !address.hasSuffix("/") { address += "/" }
            path = address
        } else {
            path = decoded
            filePath = decoded
        }
    }

    /// `#fragment`, or nothing.
    var fragmentSuffix: String { fragment.map { "#" + $0 } ?? "" }

    /// The path joined to the folder of `relativePath` (a file in the content
    /// folder), with `.` and `..` worked out; `nil` if it leaves the content folder.
    func resolved(against relativePath: String) -> String? {
        var parts = relativePath.split(separator: "/").dropLast().map(String.init)
        for part in path.split(separator: "/", omittingEmptySubsequences: true) {
            switch part {
            case ".": continue
            case "..":
                guard !parts.isEmpty else { return nil }
                parts.removeLast()
            default: parts.append(String(part))
            }
        }
        return parts.isEmpty ? nil : parts.joined(separator: "/")
    }

    private static func hasScheme(_ destination: String) -> Bool {
        guard let first = destination.unicodeScalars.first, first.properties.isAlphabetic, first.isASCII else { return false }
        for scalar in destination.unicodeScalars {
            switch scalar {
            case ":": return true
            case "/", "?", "#": return false
            case "a"..."z", "A"..."Z", "0"..."9", "+", ".", "-": continue
            default: return false
            }
        }
        return false
    }

    /// `%20` and other escapes decoded; invalid escapes are left as they are.
    private static func percentDecoded(_ text: String) -> String {
        guard text.contains("%") else { return text }
        var bytes: [UInt8] = []
        var utf8 = Array(text.utf8)[...]
        while let byte = utf8.popFirst() {
            if byte == UInt8(ascii: "%"), utf8.count >= 2,
               let value = UInt8(String(decoding: utf8.prefix(2), as: UTF8.self), radix: 16) {
                bytes.append(value)
                utf8 = utf8.dropFirst(2)
            } else {
                bytes.append(byte)
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
