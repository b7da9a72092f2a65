/// Reads a content folder from disk.
///
/// Markdown files in the kind folders become documents, files under `files/`
/// become attachments. Hidden files are skipped, symbolic links are never
/// followed, and anything else is reported.
public enum ContentLoader {
    /// The folder that holds files to download.
    public static let attachmentFolder = "files"

    /// What a file in the content folder is, by its path.
    enum Role {
        case document, attachment, ignored, misplaced
    }

    /// The role of the file at `path` (relative to the content folder).
    static func role(of path: String) -> Role {
        if path.hasPrefix(attachmentFolder + "/") { return .attachment }
        guard path.hasSuffix(".md") else { return .ignored }
        guard let slash = path.utf8.firstIndex(of: UInt8(ascii: "/")) else { return .misplaced }
        return Kind(folder: String(path[..<slash])) != nil ? .document : .misplaced
    }

    /// Lists `directory`, naming files in messages as `displayPrefix/…`.
    /// Nothing is read yet: each file's bytes are read from disk when needed.
    public static func load(directory: String, displayPrefix: String) -> (ContentFiles, [Diagnostic]) {
        let (found, problems) = scan(directory: directory, displayPrefix: displayPrefix, stamped: false)
        var files = ContentFiles(documents: [], attachments: [])
        var diagnostics = problems
        for path in found.map(\.path) {
            let display = displayPrefix.isEmpty ? path : displayPrefix + "/" + path
            guard let role = acceptedRole(of: path, display: display, diagnostics: &diagnostics) else { continue }
            let file = SourceFile(relativePath: path, displayPath: display, path: directory + "/" + path)
            if role == .attachment { files.attachments.append(file) } else { files.documents.append(file) }
        }
        return (files, diagnostics)
    }

    /// Loads `directory` like `load(directory:displayPrefix:)`, reading again
    /// only the files whose stamps differ from those in `snapshot`, which is
    /// brought up to date.
    static func load(directory: String, displayPrefix: String, snapshot: inout ContentSnapshot) -> (ContentFiles, [Diagnostic]) {
        let (found, problems) = scan(directory: directory, displayPrefix: displayPrefix)
        let previous = snapshot.files
        let stamps = Dictionary(found.map { (PathKey($0.path), $0.stamp) }, uniquingKeysWith: { first, _ in first })
        let (files, readProblems) = read(found.map(\.path), from: directory, displayPrefix: displayPrefix) { path in
            let key = PathKey(path)
            guard let kept = previous[key], kept.stamp == stamps[key] else { return nil }
            return kept.file
        }
        snapshot.files = [:]
        snapshot.files.reserveCapacity(found.count)
        for file in files.documents + files.attachments {
            let key = PathKey(file.relativePath)
            if let stamp = stamps[key] { snapshot.files[key] = (stamp, file) }
        }
        return (files, problems + readProblems)
    }

    /// The files below `directory` with their stamps (`FileStamp.notRead` unless
    /// `stamped`), in path order, without reading them; symbolic links are
    /// reported, not followed. (An array, not a dictionary: Swift strings compare
    /// by canonical equivalence, and two files whose names differ only in
    /// Unicode normalisation are two files.)
    static func scan(directory: String, displayPrefix: String, stamped: Bool = true)
        -> ([(path: String, stamp: FileStamp)], [Diagnostic]) {
        var found: [(path: String, stamp: FileStamp)] = []
        var diagnostics: [Diagnostic] = []
        collect(directory: directory, relative: "", stamped: stamped, into: &found, displayPrefix: displayPrefix,
                diagnostics: &diagnostics)
        return (found, diagnostics)
    }

    /// Reads the files at `paths` (from a scan) by their role into memory;
    /// reports ignored, misplaced and unreadable files.
    static func read(_ paths: [String], from directory: String, displayPrefix: String,
                     reuse: (String) -> SourceFile? = { _ in nil }) -> (ContentFiles, [Diagnostic]) {
        var files = ContentFiles(documents: [], attachments: [])
        var diagnostics: [Diagnostic] = []
        for path in paths {
            let display = displayPrefix.isEmpty ? path : displayPrefix + "/" + path
            guard let role = acceptedRole(of: path, display: display, diagnostics: &diagnostics) else { continue }
            let file: SourceFile
            if let reused = reuse(path) {
                file = reused
            } else {
                do {
                    file = SourceFile(relativePath: path, displayPath: display, bytes: try FileSystem.read(directory + "/" + path))
                } catch {
                    diagnostics.append(Diagnostic(.unreadable(detail: "\(error)"), at: SourceLocation(file: display)))
                    continue
                }
            }
            if role == .attachment { files.attachments.append(file) } else { files.documents.append(file) }
        }
        return (files, diagnostics)
    }

    /// The role of a document or attachment at `path`; `nil`, with the
    /// problem reported, for a file that is neither.
    private static func acceptedRole(of path: String, display: String, diagnostics: inout [Diagnostic]) -> Role? {
        switch role(of: path) {
        case .ignored:
            diagnostics.append(Diagnostic(.ignoredFile, at: SourceLocation(file: display)))
            return nil
        case .misplaced:
            diagnostics.append(Diagnostic(.outsideKnownFolders(folders: Kind.allCases.map(\.folder)),
                                          at: SourceLocation(file: display)))
            return nil
        case let role:
            return role
        }
    }

    /// Every file below `directory`, sorted by path; a missing directory gives none.
    static func listFiles(in directory: String, displayPrefix: String) -> ([SourceFile], [Diagnostic]) {
        guard FileSystem.entryType(directory) == .directory else { return ([], []) }
        let (found, problems) = scan(directory: directory, displayPrefix: displayPrefix)
        var diagnostics = problems
        var files: [SourceFile] = []
        for path in found.map(\.path) {
            let display = displayPrefix + "/" + path
            do {
                files.append(SourceFile(relativePath: path, displayPath: display, bytes: try FileSystem.read(directory + "/" + path)))
            } catch {
                diagnostics.append(Diagnostic(.unreadable(detail: "\(error)"), at: SourceLocation(file: display)))
            }
        }
        return (files, diagnostics)
    }

    private static func collect(directory: String, relative: String, stamped: Bool,
                                into found: inout [(path: String, stamp: FileStamp)],
                                displayPrefix: String, diagnostics: inout [Diagnostic]) {
        let entries: [(name: String, type: FileSystem.EntryType?)]
        do {
            entries = try FileSystem.entries(in: directory + (relative.isEmpty ? "" : "/" + relative))
                .filter { !$0.name.hasPrefix(".") }
        } catch {
            let display = [displayPrefix, relative].filter { !$0.isEmpty }.joined(separator: "/")
            diagnostics.append(Diagnostic(.unreadable(detail: "\(error)"), at: SourceLocation(file: display)))
            return
        }
        let paths = entries.map { relative.isEmpty ? $0.name : relative + "/" + $0.name }
        let statuses: [(type: FileSystem.EntryType, stamp: FileStamp)?]
        if !stamped, entries.allSatisfy({ $0.type != nil }) {
            // The listing says what each entry is, and no stamp is wanted: nothing more to ask.
            statuses = entries.map { ($0.type!, FileStamp.notRead) }
        } else {
            // Asked of the file system on every core: in a folder of thousands of files, that is most of a listing.
            statuses = paths.parallelMap { FileSystem.status(directory + "/" + $0) }
        }
        // The folders inside are listed on every core too, and what they hold is taken in path order.
        let folders = zip(paths, statuses).compactMap { $0.1?.type == .directory ? $0.0 : nil }
        var listings = folders.parallelMap { folder in
            var found: [(path: String, stamp: FileStamp)] = []
            var diagnostics: [Diagnostic] = []
            collect(directory: directory, relative: folder, stamped: stamped, into: &found, displayPrefix: displayPrefix,
                    diagnostics: &diagnostics)
            return (found, diagnostics)
        }[...]
        for (path, status) in zip(paths, statuses) {
            guard let status else { continue }
            switch status.type {
            case .directory:
                let (inside, problems) = listings.removeFirst()
                found += inside
                diagnostics += problems
            case .file:
                found.append((path, status.stamp))
            case .symbolicLink:
                let display = displayPrefix.isEmpty ? path : displayPrefix + "/" + path
                diagnostics.append(Diagnostic(.symbolicLink, at: SourceLocation(file: display)))
            case .other:
                break
            }
        }
    }
}

/// The files of a content folder as last read, with their stamps, so that
/// files whose stamps are unchanged need not be read again.
struct ContentSnapshot: Sendable {
    /// Keyed by the path inside the content folder.
    var files: [PathKey: (stamp: FileStamp, file: SourceFile)] = [:]
}
