/// Reads typed fields out of a front-matter mapping, collecting a diagnostic
/// for every problem instead of stopping at the first.
///
/// Each accessor records the field name as known; `finish()` then reports any
/// field that no accessor asked for, with the closest known name as a hint.
struct FieldReader {
    /// The file being read, as shown in messages.
    let file: String
    /// What is being read, for messages: "meeting", "presenter".
    let noun: String
    /// Problems found so far.
    private(set) var diagnostics: [Diagnostic] = []

    private let entries: [YAMLEntry]
    private var known: [String] = []
    private let line: Int
    private let column: Int

    /// Starts reading `node`, which should be a mapping; `line` and `column`
    /// locate missing-field errors.
    init(_ node: YAMLNode?, file: String, noun: String, line: Int = 1, column: Int = 1) {
        self.file = file
        self.noun = noun
        self.line = node?.line ?? line
        self.column = node?.column ?? column
        switch node?.value {
        case .mapping(let entries)?:
            self.entries = entries
        case nil:
            self.entries = []
        default:
            self.entries = []
            report(.notFieldList, line: self.line, column: self.column)
        }
    }

    /// Adds a diagnostic at a position in this file.
    mutating func report(_ reason: DiagnosticReason, line: Int, column: Int) {
        diagnostics.append(Diagnostic(reason, at: SourceLocation(file: file, line: line, column: column)))
    }

    /// Adds a diagnostic at a node.
    mutating func report(_ reason: DiagnosticReason, at node: YAMLNode) {
        report(reason, line: node.line, column: node.column)
    }

    /// The value of `key`, or `nil` when absent or left blank. A required field
    /// that is missing is reported.
    mutating func node(_ key: String, required: Bool = false) -> YAMLNode? {
        known.append(key)
        guard let entry = entries.first(where: { $0.key == key }), !entry.value.isBlank else {
            if required { report(.missingField(field: key, kind: noun), line: line, column: column) }
            return nil
        }
        return entry.value
    }

    /// Reports every field no accessor asked for, and returns all diagnostics.
    mutating func finish() -> [Diagnostic] {
        for entry in entries where !known.contains(entry.key) {
            let suggestion = Suggestion.closest(to: entry.key, in: known)
            report(.unknownField(field: entry.key, kind: noun, suggestion: suggestion, allowed: known.sorted()),
                   line: entry.keyLine, column: entry.keyColumn)
        }
        return diagnostics
    }
}

// MARK: - Typed accessors

extension FieldReader {
    /// A text field.
    mutating func text(_ key: String, required: Bool = false) -> Located<String>? {
        guard let node = node(key, required: required) else { return nil }
        return textValue(node, field: key)
    }

    /// A text field in a particular format: `normalise` returns the value to
    /// keep, or `nil` when it is not in the format, which is then reported
    /// as `reason(value)`.
    mutating func formatted(_ key: String, _ normalise: (String) -> String?,
                            otherwise reason: (String) -> DiagnosticReason) -> Located<String>? {
        guard let text = text(key) else { return nil }
        guard let value = normalise(text.value) else {
            report(reason(text.value), line: text.line, column: text.column)
            return nil
        }
        return Located(value, line: text.line, column: text.column)
    }

    /// A `true`/`false` field.
    mutating func flag(_ key: String) -> Bool? {
        guard let node = node(key), let text = scalar(node, field: key, expected: "true or false") else { return nil }
        switch text.value.lowercased() {
        case "true", "yes": return true
        case "false", "no": return false
        default:
            report(.wrongType(field: key, expected: "true or false", found: "'\(text.value)'"), at: node)
            return nil
        }
    }

    /// A date written `YYYY-MM-DD`.
    mutating func date(_ key: String, required: Bool = false) -> Located<Day>? {
        guard let node = node(key, required: required) else { return nil }
        return dateValue(node, field: key)
    }

    /// A whole number, at least `minimum`.
    mutating func number(_ key: String, minimum: Int = 0, required: Bool = false) -> Located<Int>? {
        guard let node = node(key, required: required) else { return nil }
        return numberValue(node, field: key, minimum: minimum)
    }

    /// A value from a fixed set of words.
    mutating func choice<Choice: RawRepresentable & CaseIterable>(
        _ key: String, as type: Choice.Type, required: Bool = false
    ) -> Choice? where Choice.RawValue == String {
        guard let node = node(key, required: required), let text = textValue(node, field: key) else { return nil }
        if let choice = Choice(rawValue: text.value.lowercased()) { return choice }
        let allowed = Choice.allCases.map(\.rawValue)
        report(.invalidChoice(field: key, value: text.value, allowed: allowed,
                              suggestion: Suggestion.closest(to: text.value, in: allowed)), at: node)
        return nil
    }

    /// A list of text values. A single value is accepted as a list of one, with a warning.
    mutating func textList(_ key: String, required: Bool = false) -> [Located<String>] {
        guard let node = node(key, required: required) else { return [] }
        return items(of: node, field: key).compactMap { textValue($0, field: key) }
    }

    /// A list of groups of fields, each read by `read` with its own reader.
    mutating func records<Record>(
        _ key: String, noun: String, read: (inout FieldReader) -> Record?
    ) -> [Record] {
        guard let node = node(key) else { return [] }
        if case .scalar(let text, _) = node.value {
            report(.wrongType(field: key, expected: "a list of \(noun)s, each with its own fields",
                              found: "'\(text)'"), at: node)
            return []
        }
        var records: [Record] = []
        for item in items(of: node, field: key) {
            guard case .mapping = item.value else {
                report(.wrongType(field: key, expected: "a list of \(noun)s, each with its own fields",
                                  found: describe(item)), at: item)
                continue
            }
            var reader = FieldReader(item, file: file, noun: noun)
            let record = read(&reader)
            diagnostics += reader.finish()
            if let record { records.append(record) }
        }
        return records
    }
}

// MARK: - Conversions shared by the accessors

extension FieldReader {
    /// The node as text; quoted values are always text, plain ones that YAML
    /// would read as yes/no must be quoted.
    mutating func textValue(_ node: YAMLNode, field: String) -> Located<String>? {
        guard let text = scalar(node, field: field, expected: "text") else { return nil }
        if text.plain, FieldReader.yesNoWords.contains(text.value) {
            report(.ambiguousScalar(field: field, value: text.value, readAs: "a yes/no value"), at: node)
            return nil
        }
        return Located(text.value.trimmingSpaces, line: node.line, column: node.column)
    }

    mutating func dateValue(_ node: YAMLNode, field: String) -> Located<Day>? {
        guard let text = scalar(node, field: field, expected: "a date (YYYY-MM-DD)") else { return nil }
        guard let day = Day(iso: text.value.trimmingSpaces) else {
            report(.invalidDate(field: field, value: text.value), at: node)
            return nil
        }
        return Located(day, line: node.line, column: node.column)
    }

    mutating func numberValue(_ node: YAMLNode, field: String, minimum: Int) -> Located<Int>? {
        guard let text = scalar(node, field: field, expected: "a whole number") else { return nil }
        guard let number = Int(text.value.trimmingSpaces) else {
            report(.wrongType(field: field, expected: "a whole number", found: "'\(text.value)'"), at: node)
            return nil
        }
        guard number >= minimum else {
            report(.numberOutOfRange(field: field, value: number, minimum: minimum), at: node)
            return nil
        }
        return Located(number, line: node.line, column: node.column)
    }

    /// The items of a list; a lone scalar counts as a list of one, with a
    /// warning, unless it holds commas (then it is an error: it was surely
    /// meant as several items).
    mutating func items(of node: YAMLNode, field: String) -> [YAMLNode] {
        switch node.value {
        case .sequence(let items):
            return items.filter { !$0.isBlank }
        case .scalar(let text, _):
            if text.contains(",") {
                report(.wrongType(field: field, expected: "a list such as [first, second]", found: "'\(text)'"), at: node)
                return []
            }
            report(.singleValueForList(field: field, value: text), at: node)
            return [node]
        case .mapping:
            report(.wrongType(field: field, expected: "a list", found: describe(node)), at: node)
            return []
        }
    }

    private mutating func scalar(_ node: YAMLNode, field: String, expected: String) -> (value: String, plain: Bool)? {
        guard case .scalar(let text, let plain) = node.value else {
            report(.wrongType(field: field, expected: expected, found: describe(node)), at: node)
            return nil
        }
        return (text, plain)
    }

    private func describe(_ node: YAMLNode) -> String {
        switch node.value {
        case .scalar(let text, _): return "'\(text)'"
        case .sequence: return "a list"
        case .mapping: return "a group of fields"
        }
    }

    /// Plain words YAML 1.1 reads as true or false.
    static let yesNoWords: Set<String> = [
        "y", "Y", "yes", "Yes", "YES", "n", "N", "no", "No", "NO",
        "true", "True", "TRUE", "false", "False", "FALSE", "on", "On", "ON", "off", "Off", "OFF",
    ]
}
