#if canImport(Glibc)
import Glibc
#endif

/// Where a request's path leads inside the site folder.
public enum SiteLocation: Equatable, Sendable {
    /// A regular file, by its path inside the site folder.
    case file(String)
    /// A folder asked for without its final slash: send the browser to `location`.
    case redirect(String)
    /// Nothing to serve: the path is malformed, leaves the folder, names a
    /// hidden file or a symbolic link, or does not exist.
    case missing

    /// Resolves the path of a request target (`/meetings/x/?q=1`) inside the
    /// folder `root`, never leaving it.
    ///
    /// The path is percent-decoded strictly, one segment at a time: a bad
    /// escape, an encoded `/` or `\`, a control character, invalid UTF-8, an
    /// empty segment, `.` and `..` (however encoded), and names starting with
    /// `.` are all `missing`. Every step is checked without following
    /// symbolic links, so a link inside the folder cannot lead out of it.
    public static func resolve(_ target: String, in root: String) -> SiteLocation {
        let path = target.prefix { $0 != "?" && $0 != "#" }
        guard path.hasPrefix("/") else { return .missing }
        var segments = path.dropFirst().split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        let wantsFolder = segments.last == ""
        if wantsFolder { segments.removeLast() }
        var relative: [String] = []
        for raw in segments {
            guard let name = decode(raw), !name.isEmpty, !name.hasPrefix(".") else { return .missing }
            relative.append(name)
        }
        var current = root
        for name in relative {
            current += "/" + name
            guard let type = entryType(current), type != .link else { return .missing }
        }
        switch entryType(current) {
        case .file?:
            return wantsFolder ? .missing : .file(relative.joined(separator: "/"))
        case .directory?:
            guard wantsFolder else { return .redirect(String(path) + "/" + target.dropFirst(path.count)) }
            guard entryType(current + "/index.html") == .file else { return .missing }
            return .file((relative + ["index.html"]).joined(separator: "/"))
        default:
            return .missing
        }
    }

    /// One path segment with its percent escapes decoded, or `nil` when it is not a plain file name.
    static func decode(_ segment: String) -> String? {
        var bytes: [UInt8] = []
        var iterator = segment.utf8.makeIterator()
        while let byte = iterator.next() {
            if byte == UInt8(ascii: "%") {
                guard let high = iterator.next().flatMap(hexValue), let low = iterator.next().flatMap(hexValue) else { return nil }
                bytes.append(high << 4 | low)
            } else {
                bytes.append(byte)
            }
        }
        guard !bytes.contains(where: { $0 < 0x20 || $0 == 0x7F || $0 == UInt8(ascii: "/") || $0 == UInt8(ascii: "\\") }),
              let name = String(validating: bytes, as: UTF8.self) else { return nil }
        return name
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return byte - UInt8(ascii: "A") + 10
        default: return nil
        }
    }

    private enum EntryType { case file, directory, link, other }

    /// What is at `path`, without following a symbolic link.
    private static func entryType(_ path: String) -> EntryType? {
        var status = stat()
        guard lstat(path, &status) == 0 else { return nil }
        switch status.st_mode & S_IFMT {
        case S_IFREG: return .file
        case S_IFDIR: return .directory
        case S_IFLNK: return .link
        default: return .other
        }
    }
}
