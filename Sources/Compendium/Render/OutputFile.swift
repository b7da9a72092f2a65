/// A file of the generated site.
public struct OutputFile: Sendable, Hashable {
    /// The path inside the output folder: `meetings/2025-11-21/index.html`.
    public let path: String
    /// The file's contents.
    public let bytes: [UInt8]

    /// Creates an output file.
    public init(path: String, bytes: [UInt8]) {
        self.path = path
        self.bytes = bytes
    }

    /// Creates an output file holding `text` as UTF-8.
    public init(path: String, text: String) {
        self.init(path: path, bytes: Array(text.utf8))
    }
}
