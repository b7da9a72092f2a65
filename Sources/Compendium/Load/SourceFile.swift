/// A file read from the content folder, before anything is made of it.
public struct SourceFile: Sendable, Hashable {
    /// The path inside the content folder, with `/` between parts: `meetings/2025-11-21.md`.
    public let relativePath: String
    /// The path shown in messages: `content/meetings/2025-11-21.md`.
    public let displayPath: String
    /// The file's bytes as they are on disk.
    public let bytes: [UInt8]

    /// Creates a source file.
    public init(relativePath: String, displayPath: String, bytes: [UInt8]) {
        self.relativePath = relativePath
        self.displayPath = displayPath
        self.bytes = bytes
    }

    /// The kind given by the first folder of the path, if it is a known one.
    public var kind: Kind? {
        guard let slash = relativePath.firstIndex(of: "/") else { return nil }
        return Kind(folder: String(relativePath[..<slash]))
    }

    /// The file name without its folder and without `.md`.
    public var baseName: String {
        let name = relativePath.split(separator: "/").last.map(String.init) ?? relativePath
        return name.hasSuffix(".md") ? String(name.dropLast(3)) : name
    }
}

/// Everything read from a content folder.
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
