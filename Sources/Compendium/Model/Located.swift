/// A value from the front matter together with where it was written.
public struct Located<Value: Sendable & Hashable>: Sendable, Hashable {
    /// The value.
    public let value: Value
    /// The 1-based line of the value in its file.
    public let line: Int
    /// The 1-based column of the value in its line.
    public let column: Int

    /// Creates a located value.
    public init(_ value: Value, line: Int, column: Int) {
        self.value = value
        self.line = line
        self.column = column
    }

    /// The position as a location in `file`.
    public func location(in file: String) -> SourceLocation {
        SourceLocation(file: file, line: line, column: column)
    }
}
