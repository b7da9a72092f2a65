/// A free tag shared by documents, under the spelling most of them use.
public struct Topic: Sendable, Hashable {
    /// The spelling shown on the site.
    public let name: String
    /// The last part of the topic's address.
    public let slug: String
    /// Positions of the documents tagged with it, sorted.
    public let documents: [Int]
}

/// Themes and topics, resolved for every document.
struct Taxonomy: Sendable {
    /// Positions of the theme documents each document discusses, sorted, by document.
    let themesOfDocument: [[Int]]
    /// Positions of the documents that discuss each theme document, sorted, by theme.
    let documentsOfTheme: [Int: [Int]]
    /// Every topic, sorted by slug.
    let topics: [Topic]
    /// Positions in `topics` of each document's topics, by document.
    let topicsOfDocument: [[Int]]

    static func build(_ book: AddressBook) -> (Taxonomy, [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        let themes = resolveThemes(book, diagnostics: &diagnostics)
        let (topics, topicsOfDocument) = collectTopics(book, diagnostics: &diagnostics)
        var documentsOfTheme: [Int: [Int]] = [:]
        for (document, themeList) in themes.enumerated() {
            for theme in themeList { documentsOfTheme[theme, default: []].append(document) }
        }
        for (position, document) in book.documents.enumerated() {
            let location = SourceLocation(file: document.file)
            if document.kind == .theme, documentsOfTheme[position] == nil {
                diagnostics.append(Diagnostic(.unusedTheme, at: location))
            } else if Kind.taggedWithThemes.contains(document.kind), document.themes.isEmpty {
                diagnostics.append(Diagnostic(.noTheme(kind: document.kind.noun), at: location))
            }
        }
        let taxonomy = Taxonomy(themesOfDocument: themes, documentsOfTheme: documentsOfTheme,
                                topics: topics, topicsOfDocument: topicsOfDocument)
        return (taxonomy, diagnostics)
    }
}

private extension Taxonomy {
    /// Matches each written theme to a theme document, by slug, title or synonym.
    static func resolveThemes(_ book: AddressBook, diagnostics: inout [Diagnostic]) -> [[Int]] {
        var names: [String: Int] = [:]
        for position in book.documents.indices where book.documents[position].kind == .theme {
            let theme = book.documents[position]
            var spellings = [theme.slug, theme.title]
            if case .theme(let details) = theme.details { spellings += details.synonyms }
            for spelling in spellings { names[Slug.make(spelling)] = names[Slug.make(spelling)] ?? position }
        }
        let candidates = book.slugs(of: .theme)
        var slugs = SpellingKeys(Slug.make)
        return book.documents.map { document in
            var found: [Int] = []
            for written in document.themes {
                let slug = slugs.key(of: written.value)
                if let position = names[slug] {
                    if !found.contains(position) { found.append(position) }
                } else {
                    let suggestion = Suggestion.closest(to: slug, in: candidates)
                    diagnostics.append(Diagnostic(.unknownTheme(value: written.value, suggestion: suggestion),
                                                  at: written.location(in: document.file)))
                }
            }
            return found.sorted()
        }
    }

    /// Groups topics whose spellings differ only in case, spacing or
    /// punctuation; the spelling used most often names the topic.
    static func collectTopics(_ book: AddressBook, diagnostics: inout [Diagnostic]) -> ([Topic], [[Int]]) {
        var spellingsByKey: [String: [String: Int]] = [:]
        var keysOfDocument: [[String]] = []
        var topicKeys = SpellingKeys(topicKey)
        for document in book.documents {
            var keys: [String] = []
            for written in document.topics {
                let key = topicKeys.key(of: written.value)
                guard !key.isEmpty else { continue }
                spellingsByKey[key, default: [:]][written.value, default: 0] += 1
                if !keys.contains(key) { keys.append(key) }
            }
            keysOfDocument.append(keys)
        }
        let preferred = spellingsByKey.mapValues { spellings in
            spellings.sorted { a, b in
                a.value != b.value ? a.value > b.value : a.key.utf8.lexicographicallyPrecedes(b.key.utf8)
            }[0].key
        }
        for document in book.documents {
            for written in document.topics {
                let key = topicKeys.key(of: written.value)
                if let name = preferred[key], name != written.value {
                    diagnostics.append(Diagnostic(.topicSpelling(written: written.value, preferred: name),
                                                  at: written.location(in: document.file)))
                }
            }
        }
        let keys = preferred.keys.sorted { (Slug.make(preferred[$0]!), $0) < (Slug.make(preferred[$1]!), $1) }
        var members: [String: [Int]] = [:]
        for (position, documentKeys) in keysOfDocument.enumerated() {
            for key in documentKeys { members[key, default: []].append(position) }
        }
        let topics = keys.map { key in
            Topic(name: preferred[key]!, slug: Slug.make(preferred[key]!), documents: members[key] ?? [])
        }
        let positionOfKey = Dictionary(uniqueKeysWithValues: keys.enumerated().map { ($1, $0) })
        let topicsOfDocument = keysOfDocument.map { $0.compactMap { positionOfKey[$0] }.sorted() }
        return (topics, topicsOfDocument)
    }

    /// `Band 4`, `band-4` and `BAND4` all give `band4`.
    static func topicKey(_ text: String) -> String {
        Slug.letters(text)
    }
}

/// The key of each spelling, made once for each distinct spelling: many
/// documents write the same few themes and topics.
private struct SpellingKeys {
    let make: (String) -> String
    private var made: [String: String] = [:]

    init(_ make: @escaping (String) -> String) {
        self.make = make
    }

    mutating func key(of spelling: String) -> String {
        if let key = made[spelling] { return key }
        let key = make(spelling)
        made[spelling] = key
        return key
    }
}
