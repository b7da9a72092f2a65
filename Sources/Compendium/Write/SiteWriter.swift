import Dispatch
#if canImport(Glibc)
import Glibc
#endif

/// The write stage: writes the site into a new folder beside the output
/// folder, then swaps the two in one step, so the output folder always holds
/// either the previous complete site or the new one.
public enum SiteWriter {
    /// The file that marks a folder as made by Compendium; only such a folder is ever replaced.
    public static let markerName = ".compendium-site"

    /// Why the site could not be written.
    public enum Failure: Error, CustomStringConvertible {
        case notOurs(String)
        case symbolicLink(String)
        case system(String)

        public var description: String {
            switch self {
            case .notOurs(let path):
                return "\(path) exists and was not made by Compendium; move it away or choose another --output"
            case .symbolicLink(let path):
                return "\(path) is a symbolic link; Compendium does not write through links"
            case .system(let detail):
                return detail
            }
        }
    }

    /// Writes `files` as the complete contents of the folder `output`.
    public static func write(_ files: [OutputFile], to output: String) throws(Failure) {
        let staging = try Staging(replacing: output)
        _ = files.parallelMap { staging.add($0) }
        try staging.commit()
    }

    /// Brings `output`, a complete site written by `write(_:to:)`, up to
    /// date in place: each of `changed` is written under a temporary name and
    /// renamed over the old file, so a reader sees the old page or the new
    /// one and never part of one; each of `removed` is deleted, with folders
    /// it leaves empty. (For the preview server; `build` always swaps whole sites.)
    public static func update(_ changed: [OutputFile], removing removed: [String], in output: String) throws(Failure) {
        guard FileSystem.entryType(output) == .directory else { throw .system("\(output) is not a folder") }
        guard FileSystem.entryType(output + "/" + markerName) == .file else { throw .notOurs(output) }
        do {
            for file in changed {
                try makeFolders(for: file.path, in: output)
                let destination = output + "/" + file.path
                let temporary = output + "/" + folder(of: file.path) + ".\(getpid()).updating"
                try? FileSystem.removeTree(temporary)
                try FileSystem.write(file.bytes, to: temporary)
                let existing = FileSystem.entryType(destination)
                if existing == .directory || existing == .symbolicLink { try FileSystem.removeTree(destination) }
                try FileSystem.rename(temporary, to: destination)
            }
            for path in removed {
                try FileSystem.removeTree(output + "/" + path)
                var parent = path
                while let slash = parent.lastIndex(of: "/") {
                    parent = String(parent[..<slash])
                    guard (try? FileSystem.names(in: output + "/" + parent))?.isEmpty == true else { break }
                    try FileSystem.removeTree(output + "/" + parent)
                }
            }
        } catch let failure as Failure {
            throw failure
        } catch {
            throw .system("\(error)")
        }
    }

    /// Creates the folders above `path` inside `root`, refusing to pass through a symbolic link.
    private static func makeFolders(for path: String, in root: String) throws {
        var current = root
        for part in path.split(separator: "/").dropLast() {
            current += "/" + part
            if FileSystem.entryType(current) == .symbolicLink { throw Failure.symbolicLink(current) }
            try FileSystem.makeDirectory(current)
        }
    }

    /// The folder part of `path` with a trailing slash, or nothing.
    private static func folder(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "" }
        return String(path[...slash])
    }

    static let marker = OutputFile(
        path: markerName, text: "This folder is made by `compendium build` and replaced whole on every build.\n")

    /// Swaps two folders atomically where the kernel can (renameat2 with
    /// RENAME_EXCHANGE); otherwise moves the old one aside first.
    static func exchange(_ staging: String, _ output: String) throws {
        if let renameat2 = renameat2Function, renameat2(atCurrentDirectory, staging, atCurrentDirectory, output, 2) == 0 {
            return
        }
        let aside = staging + ".old"
        try FileSystem.rename(output, to: aside)
        try FileSystem.rename(staging, to: output)
        try FileSystem.rename(aside, to: staging)
    }

    /// Where the site an output folder held before its last build is kept,
    /// hidden beside it, for the next build to write into: `site` → `.site.standby`.
    public static func standby(for output: String) -> String {
        let (parent, name) = split(output)
        return "\(parent)/.\(name).standby"
    }

    /// Removes staging folders left by builds that were killed.
    static func removeLeftovers(in parent: String, name: String) {
        let prefix = ".\(name).building-"
        for entry in (try? FileSystem.names(in: parent)) ?? [] where entry.hasPrefix(prefix) {
            let pidText = entry.dropFirst(prefix.count).prefix { $0.isNumber }
            // A build still running (even under another account, EPERM) keeps its folder.
            if let pid = Int32(pidText), pid != getpid(), kill(pid, 0) == 0 || errno == EPERM { continue }
            try? FileSystem.removeTree(parent + "/" + entry)
        }
    }

    static func split(_ path: String) -> (parent: String, name: String) {
        var trimmed = path
        while trimmed.count > 1 && trimmed.hasSuffix("/") { trimmed.removeLast() }
        guard let slash = trimmed.lastIndex(of: "/") else { return (".", trimmed) }
        let parent = String(trimmed[..<slash])
        return (parent.isEmpty ? "/" : parent, String(trimmed[trimmed.index(after: slash)...]))
    }

    private static let atCurrentDirectory: Int32 = -100

    private typealias RenameAt2 = @convention(c) (Int32, UnsafePointer<CChar>, Int32, UnsafePointer<CChar>, UInt32) -> Int32

    /// glibc's renameat2, looked up at run time (Swift's Glibc module does not export it).
    private static let renameat2Function: RenameAt2? = {
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "renameat2") else { return nil }
        return unsafeBitCast(symbol, to: RenameAt2.self)
    }()
}
