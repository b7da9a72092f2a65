// libyaml, as built by the Yams package. This is the only file that touches its pointers.
import CYaml

/// Reads front matter and settings files with libyaml into `YAMLNode`s.
///
/// The reader takes libyaml's events one at a time and builds `YAMLNode`s
/// directly. Problems are reported in the order a reader meets them: a
/// syntax error, an undefined alias or a repeated key stops reading at once;
/// otherwise the first anchor, alias, too-deep value or non-text key in
/// document order is reported once the whole value has been read.
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
    ///
    /// Text in the shape front matter nearly always has is read without
    /// libyaml (see `SimpleYAMLReader`), to the same result.
    static func parse(_ yaml: String, firstLine: Int) -> Result<YAMLNode?, Failure> {
        var text = yaml
        return text.withUTF8 { bytes in
            if let simple = SimpleYAMLReader.read(bytes, lineOffset: firstLine - 1) { return .success(simple) }
            return parseWithLibyaml(bytes, text: yaml, firstLine: firstLine)
        }
    }

    /// Parses `yaml` as `parse` does, always with libyaml.
    static func parseWithLibyaml(_ yaml: String, firstLine: Int) -> Result<YAMLNode?, Failure> {
        var text = yaml
        return text.withUTF8 { parseWithLibyaml($0, text: yaml, firstLine: firstLine) }
    }

    /// Parses `bytes`, the UTF-8 of `text`, with libyaml.
    private static func parseWithLibyaml(_ bytes: UnsafeBufferPointer<UInt8>, text: String, firstLine: Int)
        -> Result<YAMLNode?, Failure> {
        let reader = EventReader(bytes, text: text, lineOffset: firstLine - 1)
        do throws(YAMLReader.Failure) {
            return .success(try reader.readSingleValue())
        } catch {
            return .failure(error)
        }
    }
}

/// What identifies a key when looking for repeats: its text (or, for a
/// list or mapping used as a key, its contents) and its resolved YAML tag.
private indirect enum KeyIdentity: Hashable {
    case scalar(String, tag: String)
    case sequence([KeyIdentity], tag: String)
    /// Keys and values, alternately, in the order written.
    case mapping([KeyIdentity], tag: String)

    /// The text reported for a repeated key: `<uncovertable>`, as Yams names it, for a list or mapping.
    var text: String {
        if case .scalar(let text, _) = self { return text }
        return "<uncovertable>"
    }
}

/// The tags a value without an explicit tag resolves to.
private enum ResolvedTag {
    static let string = "tag:yaml.org,2002:str"
    static let sequence = "tag:yaml.org,2002:seq"
    static let mapping = "tag:yaml.org,2002:map"

    /// `written` resolved: no tag and the non-specific `!` become `standard`.
    static func resolve(_ written: String?, standard: String) -> String {
        guard let written, !written.isEmpty, written != "!" else { return standard }
        return written
    }
}

/// One libyaml event, copied out before libyaml frees it.
private struct Event {
    enum Kind: Equatable {
        case scalar(String, plain: Bool)
        case alias(String)
        case sequenceStart, sequenceEnd, mappingStart, mappingEnd
        case documentStart, documentEnd, streamStart, streamEnd
    }

    let kind: Kind
    /// 1-based, within the YAML text.
    let line: Int
    /// 1-based, within the line.
    let column: Int
    /// The anchor's name, when the value has one.
    let anchor: String?
    /// The tag as written, or `nil` when there is none.
    let tag: String?
}

/// A value as read: the node, its identity when asked for, and where it
/// starts in the YAML text (for an alias, where the anchored value starts).
private struct ReadValue {
    let node: YAMLNode
    let identity: KeyIdentity?
    let line: Int
    let column: Int
}

/// Turns one YAML text's events into a `YAMLNode`.
private final class EventReader {
    private var parser = yaml_parser_t()
    private let text: String
    private let lineOffset: Int
    /// Each anchored value read so far, by anchor name: its identity and where it starts in the text.
    private var anchors: [String: (identity: KeyIdentity, line: Int, column: Int)] = [:]
    /// The first anchor, alias, too-deep value or non-text key met, reported once reading succeeds.
    private var firstProblem: YAMLReader.Failure?

    /// `bytes` are `text`'s UTF-8 and must stay valid while the reader is used.
    init(_ bytes: UnsafeBufferPointer<UInt8>, text: String, lineOffset: Int) {
        self.text = text
        self.lineOffset = lineOffset
        yaml_parser_initialize(&parser)
        yaml_parser_set_encoding(&parser, YAML_UTF8_ENCODING)
        yaml_parser_set_input_string(&parser, bytes.baseAddress, bytes.count)
    }

    deinit { yaml_parser_delete(&parser) }

    /// The text's one value, `nil` when it holds none.
    func readSingleValue() throws(YAMLReader.Failure) -> YAMLNode? {
        _ = try next()  // the start of the stream
        guard try next().kind != .streamEnd else { return nil }  // else the start of the document
        let root = try read(try next(), depth: 0, asKey: false, identified: false).node
        _ = try next()  // the end of the document
        let following = try next()
        if following.kind != .streamEnd {
            throw .syntax(problem: "but found another document",
                          context: "expected a single document in the stream that starts at line \(1 + lineOffset), column 1",
                          line: following.line + lineOffset, column: following.column)
        }
        if let firstProblem { throw firstProblem }
        return root
    }

    /// Reads the value that starts with `event`, nested `depth` deep, as a
    /// mapping's key or as a value. `identified` asks for its identity too
    /// (inside a key, or under an anchor).
    private func read(_ event: Event, depth: Int, asKey: Bool, identified: Bool)
        throws(YAMLReader.Failure) -> ReadValue {
        let line = event.line + lineOffset, column = event.column
        let identified = identified || event.anchor != nil
        if case .alias(let name) = event.kind {
            guard let target = anchors[name] else {
                throw .syntax(problem: "found undefined alias", context: nil, line: line, column: column)
            }
            // The alias stands for the anchored value, which was noted already.
            note(.anchor(line: line, column: column))
            return ReadValue(node: YAMLNode(value: .scalar("", plain: true), line: line, column: column),
                             identity: target.identity, line: target.line, column: target.column)
        }
        // A key must be text; its depth does not count.
        if asKey, event.kind == .sequenceStart || event.kind == .mappingStart {
            note(.nonScalarKey(line: line, column: column))
        } else {
            if event.anchor != nil { note(.anchor(line: line, column: column)) }
            if !asKey, depth > YAMLReader.depthLimit { note(.tooDeep(line: line, column: column)) }
        }
        let value: YAMLNode.Value, identity: KeyIdentity?
        switch event.kind {
        case .scalar(let text, let plain):
            value = .scalar(text, plain: plain)
            identity = identified ? .scalar(text, tag: ResolvedTag.resolve(event.tag, standard: ResolvedTag.string)) : nil
        case .sequenceStart:
            let items = try readItems(depth: depth, identified: identified)
            value = .sequence(items.nodes)
            identity = identified ? .sequence(items.identities, tag: ResolvedTag.resolve(event.tag, standard: ResolvedTag.sequence)) : nil
        case .mappingStart:
            let entries = try readEntries(depth: depth, identified: identified)
            value = .mapping(entries.entries)
            identity = identified ? .mapping(entries.identities, tag: ResolvedTag.resolve(event.tag, standard: ResolvedTag.mapping)) : nil
        default:
            throw .syntax(problem: "did not expect this here", context: nil, line: line, column: column)
        }
        if let anchor = event.anchor, let identity { anchors[anchor] = (identity, event.line, event.column) }
        return ReadValue(node: YAMLNode(value: value, line: line, column: column), identity: identity,
                         line: event.line, column: event.column)
    }

    /// Reads a list's items, up to its end; their identities only when `identified`.
    private func readItems(depth: Int, identified: Bool) throws(YAMLReader.Failure)
        -> (nodes: [YAMLNode], identities: [KeyIdentity]) {
        var nodes: [YAMLNode] = [], identities: [KeyIdentity] = []
        while true {
            let event = try next()
            if event.kind == .sequenceEnd { return (nodes, identities) }
            let item = try read(event, depth: depth + 1, asKey: false, identified: identified)
            nodes.append(item.node)
            if let identity = item.identity { identities.append(identity) }
        }
    }

    /// Reads a mapping's entries, up to its end, and fails if a key is repeated;
    /// the identities of keys and values alternately, only when `identified`.
    private func readEntries(depth: Int, identified: Bool) throws(YAMLReader.Failure)
        -> (entries: [YAMLEntry], identities: [KeyIdentity]) {
        var entries: [YAMLEntry] = [], keys: [ReadValue] = [], identities: [KeyIdentity] = []
        while true {
            let event = try next()
            if event.kind == .mappingEnd { break }
            let key = try read(event, depth: depth + 1, asKey: true, identified: true)
            let value = try read(try next(), depth: depth + 1, asKey: false, identified: identified)
            keys.append(key)
            if case .scalar(let text, _) = key.node.value {
                entries.append(YAMLEntry(key: text, keyLine: key.node.line, keyColumn: key.node.column, value: value.node))
            }
            if identified, let keyIdentity = key.identity, let valueIdentity = value.identity {
                identities += [keyIdentity, valueIdentity]
            }
        }
        try checkRepeats(keys)
        return (entries, identities)
    }

    private func note(_ problem: YAMLReader.Failure) {
        if firstProblem == nil { firstProblem = problem }
    }

    /// Fails when a mapping has a key more than once. Of several repeated
    /// keys, a text key is reported before a list or mapping used as a key,
    /// the first in text order (then the first written) before the others,
    /// at the place where it is written again.
    private func checkRepeats(_ keys: [ReadValue]) throws(YAMLReader.Failure) {
        guard keys.count > 1 else { return }
        let identities = keys.map { $0.identity! }
        guard Self.hasRepeat(identities) else { return }
        var seen = Set<KeyIdentity>(), repeated = Set<KeyIdentity>()
        for identity in identities where !seen.insert(identity).inserted { repeated.insert(identity) }
        // Where each repeated key is first written, in text order; `min` keeps the first of equals.
        let firsts = repeated.map { identities.firstIndex(of: $0)! }.sorted()
        let texts = firsts.filter { if case .scalar = identities[$0] { true } else { false } }
        let reported = texts.min { identities[$0].text < identities[$1].text } ?? firsts[0]
        let first = keys[reported]
        let key = identities[reported].text
        let place = repeatPosition(of: key, after: first.line, column: first.column)
        throw .duplicateKey(key, line: place.line + lineOffset, column: place.column)
    }

    private static func hasRepeat(_ identities: [KeyIdentity]) -> Bool {
        // A handful of fields: comparing each pair is quicker than hashing them.
        if identities.count <= 16 {
            return (1..<identities.count).contains { later in identities[..<later].contains(identities[later]) }
        }
        var seen = Set<KeyIdentity>(minimumCapacity: identities.count)
        return !identities.allSatisfy { seen.insert($0).inserted }
    }

    /// Where `key` is written again after its first appearance at `line` and
    /// `column`, at the same indentation; the first appearance if no repeat is found.
    private func repeatPosition(of key: String, after line: Int, column: Int) -> (line: Int, column: Int) {
        // Lines end where libyaml ends them: at a line feed, a carriage return, or both.
        let lines = text.split(omittingEmptySubsequences: false) { $0 == "\n" || $0 == "\r" || $0 == "\r\n" }
        let indent = String(repeating: " ", count: max(0, column - 1))
        for index in line..<max(line, lines.count) {
            let candidate = lines[index]
            guard candidate.hasPrefix(indent) else { continue }
            let rest = candidate.dropFirst(indent.count)
            for quote in ["", "\"", "'"] where rest.hasPrefix(quote + key + quote) {
                let after = rest.dropFirst(key.count + 2 * quote.count).drop { $0 == " " }
                if after.hasPrefix(":") { return (index + 1, column) }
            }
        }
        return (line, column)
    }

    /// The next event, copied out of libyaml.
    private func next() throws(YAMLReader.Failure) -> Event {
        var event = yaml_event_t()
        defer { yaml_event_delete(&event) }
        guard yaml_parser_parse(&parser, &event) == 1 else { throw parserFailure() }
        var kind = Event.Kind.streamEnd, anchor: String?, tag: String?
        switch event.type {
        case YAML_SCALAR_EVENT:
            let scalar = event.data.scalar
            var bytes = UnsafeBufferPointer(start: scalar.value, count: scalar.length)[...]
            // An invisible byte-order mark at the start of a value is not part of its text.
            if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes = bytes.dropFirst(3) }
            let value = String(decoding: bytes, as: UTF8.self)
            kind = .scalar(value, plain: scalar.style == YAML_PLAIN_SCALAR_STYLE)
            anchor = Self.string(scalar.anchor)
            // A quoted scalar without a tag of its own is text.
            tag = scalar.quoted_implicit == 1 ? ResolvedTag.string : Self.string(scalar.tag)
        case YAML_ALIAS_EVENT:
            kind = .alias(Self.string(event.data.alias.anchor) ?? "")
        case YAML_SEQUENCE_START_EVENT:
            let start = event.data.sequence_start
            kind = .sequenceStart
            anchor = Self.string(start.anchor)
            tag = start.implicit != 0 ? nil : Self.string(start.tag)
        case YAML_MAPPING_START_EVENT:
            let start = event.data.mapping_start
            kind = .mappingStart
            anchor = Self.string(start.anchor)
            tag = start.implicit != 0 ? nil : Self.string(start.tag)
        case YAML_SEQUENCE_END_EVENT: kind = .sequenceEnd
        case YAML_MAPPING_END_EVENT: kind = .mappingEnd
        case YAML_DOCUMENT_START_EVENT: kind = .documentStart
        case YAML_DOCUMENT_END_EVENT: kind = .documentEnd
        case YAML_STREAM_START_EVENT: kind = .streamStart
        default: break
        }
        return Event(kind: kind, line: Int(event.start_mark.line) + 1, column: Int(event.start_mark.column) + 1,
                     anchor: anchor, tag: tag)
    }

    /// Why libyaml stopped, with positions in the file.
    private func parserFailure() -> YAMLReader.Failure {
        let problem = parser.problem.map { String(cString: $0) } ?? "could not be read"
        switch parser.error {
        case YAML_SCANNER_ERROR, YAML_PARSER_ERROR, YAML_COMPOSER_ERROR:
            let context = parser.context.map {
                "\(String(cString: $0)) that starts at line \(Int(parser.context_mark.line) + 1 + lineOffset), column \(Int(parser.context_mark.column) + 1)"
            }
            return .syntax(problem: problem, context: context,
                           line: Int(parser.problem_mark.line) + 1 + lineOffset, column: Int(parser.problem_mark.column) + 1)
        case YAML_MEMORY_ERROR:
            return .syntax(problem: "Memory error", context: nil, line: lineOffset + 1, column: 1)
        default:
            return .syntax(problem: problem, context: nil, line: lineOffset + 1, column: 1)
        }
    }

    private static func string(_ pointer: UnsafeMutablePointer<UInt8>?) -> String? {
        pointer.map { String(cString: $0) }
    }
}
