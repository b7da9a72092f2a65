import Yams

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

/// Parses front matter with Yams (libyaml) into `YAMLNode`s.
enum YAMLReader {
    /// The deepest nesting accepted.
    static let depthLimit = 16

    /// Why YAML could not be read. Positions are lines and columns in the file.
    enum Failure: Error, Equatable {
        case syntax(problem: String, context: String?, line: Int, column: Int)
        case duplicateKey(String, line: Int, column: Int)
        case anchor(line: Int, column: Int)
        case tooDeep(line: Int, column: Int)
        case nonScalarKey(line: Int, column: Int)
    }

    /// Reads a whole YAML file (such as `compendium.yml`): its root, or the
    /// diagnostic that explains why it cannot be read.
    static func parseFile(_ bytes: [UInt8], file: String) -> Result<YAMLNode?, Diagnostic> {
        let text: String
        switch TextDecoding.decode(bytes) {
        case .success(let decoded): text = decoded
        case .failure(.utf16): return .failure(Diagnostic(.utf16, at: SourceLocation(file: file)))
        case .failure(.nul(let line, let column)):
            return .failure(Diagnostic(.nulCharacter, at: SourceLocation(file: file, line: line, column: column)))
        case .failure(.invalidUTF8(let line, let column)):
            return .failure(Diagnostic(.invalidUTF8, at: SourceLocation(file: file, line: line, column: column)))
        }
        return parse(text, firstLine: 1).mapError { failure in
            let (reason, line, column) = failure.diagnosticReason
            return Diagnostic(reason, at: SourceLocation(file: file, line: line, column: column))
        }
    }

    /// Parses `yaml`, whose first line is line `firstLine` of its file.
    /// Returns `nil` for empty front matter.
    static func parse(_ yaml: String, firstLine: Int) -> Result<YAMLNode?, Failure> {
        let offset = firstLine - 1
        do {
            // The parser must stay alive while converting: Yams holds anchors weakly.
            // Values stay text, so the parser is given a constructor without maps, which is cheap to make.
            let parser = try Parser(yaml: yaml, resolver: .basic, constructor: Constructor([:], [:], [:]), encoding: .utf8)
            guard let root = try parser.singleRoot() else { return .success(nil) }
            return .success(try convert(root, lineOffset: offset, depth: 0))
        } catch let failure as Failure {
            return .failure(failure)
        } catch let error as YamlError {
            return .failure(failure(from: error, in: yaml, lineOffset: offset))
        } catch {
            return .failure(.syntax(problem: "\(error)", context: nil, line: firstLine, column: 1))
        }
    }

    /// A Yams node as a `YAMLNode`, each node read once in place.
    private static func convert(_ node: Node, lineOffset: Int, depth: Int) throws -> YAMLNode {
        switch node {
        case .scalar(let scalar):
            let (line, column) = try position(scalar.mark, anchored: scalar.anchor != nil, lineOffset: lineOffset, depth: depth)
            return YAMLNode(value: .scalar(scalar.string, plain: scalar.style == .plain), line: line, column: column)
        case .sequence(let sequence):
            let (line, column) = try position(sequence.mark, anchored: sequence.anchor != nil, lineOffset: lineOffset, depth: depth)
            var items: [YAMLNode] = []
            items.reserveCapacity(sequence.count)
            for item in sequence { items.append(try convert(item, lineOffset: lineOffset, depth: depth + 1)) }
            return YAMLNode(value: .sequence(items), line: line, column: column)
        case .mapping(let mapping):
            let (line, column) = try position(mapping.mark, anchored: mapping.anchor != nil, lineOffset: lineOffset, depth: depth)
            return YAMLNode(value: .mapping(try entries(of: mapping, lineOffset: lineOffset, depth: depth)), line: line, column: column)
        case .alias(let alias):
            throw Failure.anchor(line: (alias.mark?.line ?? 1) + lineOffset, column: alias.mark?.column ?? 1)
        }
    }

    /// The file position of a node at `mark`, once it is known to have no anchor and to be nested no deeper than the limit.
    private static func position(_ mark: Mark?, anchored: Bool, lineOffset: Int, depth: Int) throws -> (line: Int, column: Int) {
        let line = (mark?.line ?? 1) + lineOffset, column = mark?.column ?? 1
        if anchored { throw Failure.anchor(line: line, column: column) }
        if depth > depthLimit { throw Failure.tooDeep(line: line, column: column) }
        return (line, column)
    }

    /// The entries of a mapping at `depth`, whose keys must be scalars without anchors.
    private static func entries(of mapping: Node.Mapping, lineOffset: Int, depth: Int) throws -> [YAMLEntry] {
        var entries: [YAMLEntry] = []
        entries.reserveCapacity(mapping.count)
        for index in mapping.indices {
            let (key, value) = mapping[index]
            guard case .scalar(let keyScalar) = key else {
                throw Failure.nonScalarKey(line: (key.mark?.line ?? 1) + lineOffset, column: key.mark?.column ?? 1)
            }
            let keyLine = (keyScalar.mark?.line ?? 1) + lineOffset, keyColumn = keyScalar.mark?.column ?? 1
            if keyScalar.anchor != nil { throw Failure.anchor(line: keyLine, column: keyColumn) }
            let converted = try convert(value, lineOffset: lineOffset, depth: depth + 1)
            entries.append(YAMLEntry(key: keyScalar.string, keyLine: keyLine, keyColumn: keyColumn, value: converted))
        }
        return entries
    }

    private static func failure(from error: YamlError, in yaml: String, lineOffset: Int) -> Failure {
        switch error {
        case .scanner(let context, let problem, let mark, _),
             .parser(let context, let problem, let mark, _),
             .composer(let context, let problem, let mark, _):
            let construct = context.map { "\($0.text) that starts at line \($0.mark.line + lineOffset), column \($0.mark.column)" }
            return .syntax(problem: problem, context: construct, line: mark.line + lineOffset, column: mark.column)
        case .duplicatedKeysInMapping(let duplicates, let context):
            let key = duplicates.first ?? ""
            let repeated = repeatedKeyPosition(key, in: yaml, after: context.mark)
            return .duplicateKey(key, line: repeated.line + lineOffset, column: repeated.column)
        case .reader(let problem, _, _, _):
            return .syntax(problem: problem, context: nil, line: lineOffset + 1, column: 1)
        default:
            return .syntax(problem: "\(error)", context: nil, line: lineOffset + 1, column: 1)
        }
    }

    /// Where `key` is written again after its first appearance at `first`, at
    /// the same indentation; the first appearance if no repeat is found.
    private static func repeatedKeyPosition(_ key: String, in yaml: String, after first: Mark) -> (line: Int, column: Int) {
        let lines = yaml.split(separator: "\n", omittingEmptySubsequences: false)
        let indent = String(repeating: " ", count: max(0, first.column - 1))
        for index in first.line..<lines.count {
            let line = lines[index]
            guard line.hasPrefix(indent) else { continue }
            let rest = line.dropFirst(indent.count)
            for quote in ["", "\"", "'"] where rest.hasPrefix(quote + key + quote) {
                let after = rest.dropFirst(key.count + 2 * quote.count).drop { $0 == " " }
                if after.hasPrefix(":") { return (index + 1, first.column) }
            }
        }
        return (first.line, first.column)
    }
}
