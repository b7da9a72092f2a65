/// The largest inputs Compendium accepts. Anything beyond is refused with an
/// error naming the file, so no document can make a build run out of time or
/// memory. Set them under `limits:` in `compendium.yml`.
public struct Limits: Sendable, Hashable {
    /// The largest file, in bytes.
    public var fileSize = 1_000_000
    /// The most documents in one build.
    public var documents = 200_000
    /// The deepest nesting of block quotes or lists in a body.
    public var nesting = 32
    /// The most `[` left open in one paragraph (libcmark slows down
    /// quadratically on long runs of them).
    public var openBrackets = 256
    /// The longest one document's text may take to render, in seconds.
    public var renderSeconds = 10

    /// The default limits.
    public static let standard = Limits()

    /// Creates the default limits.
    public init() {}
}
