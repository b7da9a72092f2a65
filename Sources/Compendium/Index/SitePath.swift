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
        guard style == .files else { return relative(from: from, to: to, namingIndexFile: false) }
        return relative(from: from, to: to, namingIndexFile: to.isEmpty || to.utf8.last == UInt8(ascii: "/"))
    }

    /// The link from the page at `from` to `to` in the `.directories` style.
    public static func relative(from: String, to: String) -> String {
        relative(from: from, to: to, namingIndexFile: false)
    }
}

/// Relative links made on the addresses' bytes. Empty parts (`a//b`) are
/// skipped, so they never count as folders.
private extension SitePath {
    static let slash = UInt8(ascii: "/")
    static let dot = UInt8(ascii: ".")
    static let indexFile: StaticString = "index.html"

    /// The link from `from` to `to`; with `namingIndexFile`, a link to a
    /// folder ends in `index.html` (`../index.html`, and `index.html` for `./`).
    static func relative(from: String, to: String, namingIndexFile: Bool) -> String {
        var from = from, to = to
        return from.withUTF8 { from in
            to.withUTF8 { to in relative(from: from, to: to, namingIndexFile: namingIndexFile) }
        }
    }

    /// Works on the bytes: the folders both addresses share are skipped, one
    /// `..` is written for each folder of `from` left, then the rest of `to`.
    static func relative(from: UnsafeBufferPointer<UInt8>, to: UnsafeBufferPointer<UInt8>,
                         namingIndexFile: Bool) -> String {
        var fromStart = 0, toStart = 0
        while let fromFolder = part(of: from, from: fromStart), fromFolder.upperBound < from.count,
              let toFolder = part(of: to, from: toStart), toFolder.upperBound < to.count,
              from[fromFolder].elementsEqual(to[toFolder]) {
            fromStart = fromFolder.upperBound
            toStart = toFolder.upperBound
        }
        var up = 0
        while let folder = part(of: from, from: fromStart), folder.upperBound < from.count {
            up += 1
            fromStart = folder.upperBound
        }
        let toIsDirectory = to.isEmpty || to[to.count - 1] == slash
        let capacity = 3 * up + to.count + 3 + (namingIndexFile ? indexFile.utf8CodeUnitCount : 0)
        return String(unsafeUninitializedCapacity: capacity) { link in
            var count = 0
            func append(_ byte: UInt8) {
                link[count] = byte
                count += 1
            }
            for index in 0..<up {
                if index > 0 { append(slash) }
                append(dot)
                append(dot)
            }
            var down = 0
            while let part = part(of: to, from: toStart) {
                if up > 0 || down > 0 { append(slash) }
                for byte in to[part] { append(byte) }
                down += 1
                toStart = part.upperBound
            }
            guard toIsDirectory else { return count }
            if down > 0 || up > 0 { append(slash) }
            if namingIndexFile {
                for byte in UnsafeBufferPointer(start: indexFile.utf8Start, count: indexFile.utf8CodeUnitCount) { append(byte) }
            } else if down == 0 && up == 0 {
                append(dot)
                append(slash)
            }
            return count
        }
    }

    /// The next non-empty part of `path` at or after `start`, up to the next
    /// slash or the end; it is a folder when a slash follows it.
    static func part(of path: UnsafeBufferPointer<UInt8>, from start: Int) -> Range<Int>? {
        var start = start
        while start < path.count, path[start] == slash { start += 1 }
        guard start < path.count else { return nil }
        var end = start
        while end < path.count, path[end] != slash { end += 1 }
        return start..<end
    }
}
