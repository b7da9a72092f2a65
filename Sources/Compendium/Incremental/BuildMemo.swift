import Markdown

/// Work kept from one check to the next, so that a rebuild after an edit
/// (`compendium serve`) parses, models, lints and surveys the Markdown of
/// only the files whose bytes changed.
///
/// A memo is a cache and nothing more: a build given a memo produces exactly
/// what a build without one produces.
public struct BuildMemo: Sendable {
    /// What was made of one document file, with the bytes it was made from.
    struct DocumentWork: Sendable {
        let bytes: [UInt8]
        let checked: CheckedFile
        /// Its body's headings and links, once surveyed.
        var survey: BodySurvey?
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
    var documents: [PathKey: DocumentWork] = [:]
    var settings: Settings?

    /// A memo with nothing in it: the next build does all the work.
    public init() {}

    /// Whether it holds no work.
    var isEmpty: Bool { documents.isEmpty }

    /// The work for `source` kept from the last check under the same
    /// settings, if `source` holds its bytes and they are unchanged.
    func work(for source: SourceFile, settings current: Settings) -> DocumentWork? {
        guard settings == current, let bytes = source.heldBytes, let work = documents[PathKey(source.relativePath)],
              work.bytes == bytes else {
            return nil
        }
        return work
    }

    /// This memo with the work for `source`, when it holds its bytes.
    mutating func remember(_ checked: CheckedFile, survey: BodySurvey?, for source: SourceFile) {
        guard let bytes = source.heldBytes else { return }
        documents[PathKey(source.relativePath)] = DocumentWork(bytes: bytes, checked: checked, survey: survey)
    }
}
