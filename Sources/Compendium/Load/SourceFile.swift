/// A file of the content folder: its paths, and its bytes, either held in
/// memory or read from disk each time they are needed, so that a build of a
/// large compendium never holds every file at once.
public struct SourceFile: Sendable, Hashable {
    /// The path inside the content folder, with `/` between parts: `meetings/2025-11-21.md`.
    public let relativePath: String
    /// The path shown in messages: `content/meetings/2025-11-21.md`.
    public let displayPath: String
    private let storage: Storage

    private enum Storage: Sendable, Hashable {
        case held([UInt8])
        case onDisk(path: String)
    }

    /// A file whose bytes are `bytes`.
    public init(relativePath: String, displayPath: String, bytes: [UInt8]) {
        self.relativePath = relativePath
        self.displayPath = displayPath
        storage = .held(bytes)
    }

    /// A file read from `path` on disk whenever its bytes are needed.
    init(relativePath: String, displayPath: String, path: String) {
        self.relativePath = relativePath
        self.displayPath = displayPath
        storage = .onDisk(path: path)
    }

    /// The file's bytes: those it holds, or those on disk now.
    public func read() throws -> [UInt8] {
        switch storage {
        case .held(let bytes): return bytes
        case .onDisk(let path): return try FileSystem.read(path)
        }
    }

    /// The path on disk the bytes are read from, when they are not held in memory.
    var diskPath: String? {
        if case .onDisk(let path) = storage { return path }
        return nil
    }

    /// The bytes, when they are held in memory.
    var heldBytes: [UInt8]? {
        if case .held(let bytes) = storage { return bytes }
        return nil
    }

    /// The kind given by the first folder of the path, if it is a known one.
    public var kind: Kind? {
        guard let slash = relativePath.firstIndex(of: "/") else { return nil }
        return Kind(folder: String(relativePath[..<slash]))
    }

    /// The file name without its folder and without `.md`.
    public var baseName: String {
        let utf8 = relativePath.utf8
        let name = utf8.lastIndex(of: UInt8(ascii: "/")).map { String(relativePath[utf8.index(after: $0)...]) } ?? relativePath
        return name.hasSuffix(".md") ? String(name.dropLast(3)) : name
    }
}

/// Everything found in a content folder.
public struct ContentFiles: Sendable {
    /// Markdown documents in the kind folders, sorted by path.
    public var documents: [SourceFile]
    /// Files under `files/`, published as they are, sorted by path.
    public var attachments: [SourceFile]

    /// Creates a set of content files.
    public init(documents: [SourceFile], attachments: [SourceFile] = []) {
        self.documents = documents
        self.attachments = attachments
    }
}
