/// A YAML value from front matter, with its position in the file.
///
/// Scalars stay text: the model decides what a value means for each field,
/// so `no` is a yes/no answer in `draft:` and a mistake in `title:`.
public struct YAMLNode: Sendable, Hashable {
    /// The shape of a value.
    public indirect enum Value: Sendable, Hashable {
        /// Text; `plain` is false when it was quoted or a block scalar.
        case scalar(String, plain: Bool)
        /// A list.
        case sequence([YAMLNode])
        /// Fields, in the order written.
        case mapping([YAMLEntry])
    }

    /// The value.
    public let value: Value
    /// The 1-based line in the file.
    public let line: Int
    /// The 1-based column.
    public let column: Int

    /// Whether the value is an empty plain scalar or `~`/`null`: the field was left blank.
    public var isBlank: Bool {
        guard case .scalar(let text, let plain) = value, plain else { return false }
        return text.isEmpty || text == "~" || text == "null" || text == "Null" || text == "NULL"
    }
}

/// One `key: value` pair of a YAML mapping.
public struct YAMLEntry: Sendable, Hashable {
    /// The key's text.
    public let key: String
    /// Where the key was written.
    public let keyLine: Int
    /// Where the key was written.
    public let keyColumn: Int
    /// The value.
    public let value: YAMLNode
}
