/// How links to pages are written.
public enum LinkStyle: Sendable, Hashable {
    /// `../themes/supervision/`: clean addresses for a web server.
    case directories
    /// `../themes/supervision/index.html`: works when the site is opened from a folder or a zip.
    case files
}

/// Site-relative addresses (`meetings/2025-11-21/`) and the relative links between them.
public enum SitePath {
    /// The address of a document page: `meetings/<slug>/`, or `<slug>/` for pages.
    public static func document(kind: Kind, slug: String) -> String {
        kind.section.isEmpty ? "\(slug)/" : "\(kind.section)/\(slug)/"
    }

    /// The address of a kind's listing: `meetings/`.
    public static func listing(_ kind: Kind) -> String { "\(kind.folder)/" }

    /// The address of a topic page.
    public static func topic(_ slug: String) -> String { "topics/\(slug)/" }

    /// `path` with each part percent-encoded where a web address needs it
    /// (spaces, non-ASCII letters): `files/Job description.pdf` → `files/Job%20description.pdf`.
    public static func encoded(_ path: String) -> String {
        var encoded = ""
        for byte in path.utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
                 UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "~"), UInt8(ascii: "/"):
                encoded.append(Character(Unicode.Scalar(byte)))
            default:
                let hex = String(byte, radix: 16, uppercase: true)
                encoded += "%" + (hex.count == 1 ? "0" + hex : hex)
            }
        }
        return encoded
    }

    /// The file that holds a page at `address`: `meetings/x/` → `meetings/x/index.html`.
    public static func file(for address: String) -> String {
        address.isEmpty || address.hasSuffix("/") ? address + "index.html" : address
    }

    /// The link from the page at `from` to `to`, both site-relative:
    /// from `meetings/a/` to `themes/b/` is `../../themes/b/`, or
    /// `../../themes/b/index.html` in the `.files` style.
    public static func relative(from: String, to: String, style: LinkStyle) -> String {
        let link = relative(from: from, to: to)
        guard style == .files, to.isEmpty || to.hasSuffix("/") else { return link }
        return link == "./" ? "index.html" : link + "index.html"
    }

    /// The link from the page at `from` to `to` in the `.directories` style.
    public static func relative(from: String, to: String) -> String {
        let slash = UInt8(ascii: "/")
        var fromParts = from.utf8.split(separator: slash, omittingEmptySubsequences: true)
        if !from.isEmpty && from.utf8.last != slash { fromParts.removeLast() }
        let toParts = to.utf8.split(separator: slash, omittingEmptySubsequences: true)
        let toIsDirectory = to.isEmpty || to.utf8.last == slash
        var common = 0
        while common < fromParts.count, common < toParts.count - (toIsDirectory ? 0 : 1),
              fromParts[common].elementsEqual(toParts[common]) {
            common += 1
        }
        let up = fromParts.count - common
        var path: [UInt8] = []
        path.reserveCapacity(3 * up + to.utf8.count + 2)
        for index in 0..<up {
            if index > 0 { path.append(slash) }
            path += [UInt8(ascii: "."), UInt8(ascii: ".")]
        }
        for (index, part) in toParts[common...].enumerated() {
            if up > 0 || index > 0 { path.append(slash) }
            path += part
        }
        let down = toParts.count - common
        if toIsDirectory && down > 0 { path.append(slash) }
        if toIsDirectory && down == 0 { path += up == 0 ? [UInt8(ascii: "."), slash] : [slash] }
        return String(decoding: path, as: UTF8.self)
    }
}
