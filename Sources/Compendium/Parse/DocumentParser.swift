/// A document split into front matter, already read as YAML, and Markdown body.
public struct ParsedDocument: Sendable, Hashable {
    /// The file's path inside the content folder.
    public let relativePath: String
    /// The file's path as shown in messages.
    public let file: String
    /// The kind given by the file's folder.
    public let kind: Kind
    /// The file name without `.md`.
    public let baseName: String
    /// The front matter; `nil` when it is empty.
    public let frontMatter: YAMLNode?
    /// The Markdown after the front matter.
    public let body: String
    /// The file line on which the body starts.
    public let bodyFirstLine: Int
    /// Where the body starts in the file's decoded text, in UTF-8 bytes.
    public let bodyOffset: Int
}

/// The parse stage: bytes to text, text to front matter and body.
public enum DocumentParser {
    /// Parses one document, or explains why it cannot be parsed. A file
    /// beyond the `limits`, or whose text libcmark would handle too slowly,
    /// is refused.
    public static func parse(_ source: SourceFile, limits: Limits = .standard) -> (ParsedDocument?, [Diagnostic]) {
        do {
            return parse(source, bytes: try source.read(), limits: limits)
        } catch {
            return (nil, [Diagnostic(.unreadable(detail: "\(error)"), at: SourceLocation(file: source.displayPath))])
        }
    }

    /// Parses one document whose file holds `bytes`.
    static func parse(_ source: SourceFile, bytes: [UInt8], limits: Limits) -> (ParsedDocument?, [Diagnostic]) {
        parse(source, byteCount: bytes.count, decoded: TextDecoding.decode(bytes), limits: limits)
    }

    /// Parses one document whose file holds `byteCount` bytes, `decoded` as text.
    static func parse(_ source: SourceFile, byteCount: Int, decoded: Result<String, TextDecoding.Failure>,
                      limits: Limits) -> (ParsedDocument?, [Diagnostic]) {
        guard let kind = source.kind else { return (nil, []) }
        let file = source.displayPath
        func failure(_ reason: DiagnosticReason, line: Int = 1, column: Int = 1) -> (ParsedDocument?, [Diagnostic]) {
            (nil, [Diagnostic(reason, at: SourceLocation(file: file, line: line, column: column))])
        }
        guard byteCount <= limits.fileSize else {
            return failure(.fileTooLarge(bytes: byteCount, limit: limits.fileSize))
        }
        let text: String
        switch decoded {
        case .success(let decoded): text = decoded
        case .failure(.utf16): return failure(.utf16)
        case .failure(.invalidUTF8(let line, let column)): return failure(.invalidUTF8, line: line, column: column)
        case .failure(.nul(let line, let column)): return failure(.nulCharacter, line: line, column: column)
        }
        let split: FrontMatterSplit
        switch FrontMatterSplit.split(text) {
        case .success(let value): split = value
        case .failure(.missing): return failure(.missingFrontMatter)
        case .failure(.unclosed): return failure(.unclosedFrontMatter)
        }
        if let problem = MarkdownShape.check(split.body, firstLine: split.bodyFirstLine, limits: limits) {
            return failure(problem.reason, line: problem.line, column: problem.column)
        }
        switch YAMLReader.parse(split.yaml, firstLine: split.yamlFirstLine) {
        case .success(let node):
            let document = ParsedDocument(
                relativePath: source.relativePath, file: file, kind: kind, baseName: source.baseName,
                frontMatter: node, body: split.body, bodyFirstLine: split.bodyFirstLine,
                bodyOffset: text.utf8.count - split.body.utf8.count
            )
            return (document, [])
        case .failure(let yamlFailure):
            let (reason, line, column) = yamlFailure.diagnosticReason
            return failure(reason, line: line, column: column)
        }
    }
}

extension YAMLReader.Failure {
    /// The diagnostic for this failure, with its position.
    var diagnosticReason: (DiagnosticReason, line: Int, column: Int) {
        switch self {
        case .syntax(let problem, let context, let line, let column):
            return (.yamlSyntax(problem: problem, context: context), line, column)
        case .duplicateKey(let key, let line, let column): return (.duplicateKey(key), line, column)
        case .anchor(let line, let column): return (.anchorOrAlias, line, column)
        case .tooDeep(let line, let column): return (.nestedTooDeeply(limit: YAMLReader.depthLimit), line, column)
        case .nonScalarKey(let line, let column): return (.notFieldList, line, column)
        }
    }
}
