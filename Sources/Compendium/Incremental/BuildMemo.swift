/// Work kept from one build to the next, so that a rebuild after an edit
/// (`compendium serve`) parses, models and lints only the files whose bytes
/// changed, and renders again only the bodies whose text or links changed.
///
/// A memo is a cache and nothing more: a build given a memo produces exactly
/// what a build without one produces.
public struct BuildMemo: Sendable {
    /// What was made of one document file.
    struct DocumentWork: Sendable {
        let bytes: [UInt8]
        let parsed: ParsedDocument?
        let parseProblems: [Diagnostic]
        let document: Document?
        let modelProblems: [Diagnostic]
        let privacy: PrivacyFindings?
    }

    /// A document's privacy findings.
    struct PrivacyFindings: Sendable {
        let diagnostics: [Diagnostic]
        let allowances: [PrivacyAllowance]
    }

    /// Everything besides a file's bytes that decides what is made of it.
    struct Settings: Sendable, Hashable {
        let limits: Limits
        let pillars: [String]
        let privacyLint: Bool
        let roleAddresses: Set<String>
        let consent: ConsentRegistry
    }

    /// Keyed by the file's path as bytes (two names that differ only in
    /// Unicode normalisation are two files).
    var documents: [[UInt8]: DocumentWork] = [:]
    var settings: Settings?
    var bodies: BodyCache = .empty

    /// A memo with nothing in it: the next build does all the work.
    public init() {}

    /// The work for `source` kept from the last build under the same settings, if its bytes are unchanged.
    func work(for source: SourceFile, settings current: Settings) -> DocumentWork? {
        guard settings == current, let work = documents[Array(source.relativePath.utf8)], work.bytes == source.bytes else {
            return nil
        }
        return work
    }
}
