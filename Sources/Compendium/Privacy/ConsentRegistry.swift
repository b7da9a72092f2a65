/// The consent register: people who agreed to be named, and the documents
/// they agreed for. A registered name in any other document is an error,
/// unless the document lists them among its presenters.
///
/// It is read from `consent.yml`:
///
/// ```yaml
/// people:
///   - name: Mark Allan
///     named_in: [slides/2026-01-08, meetings/2025-11-21]   # or [all]
/// ```
public struct ConsentRegistry: Sendable, Hashable {
    /// One person in the register.
    public struct Person: Sendable, Hashable {
        /// Their name, then any other spellings (`also_known_as`).
        public let names: [String]
        /// Documents they agreed to be named in, as `folder/slug`.
        public let namedIn: Set<String>
        /// Whether they agreed to be named anywhere in the compendium.
        public let everywhere: Bool
    }

    /// Everyone in the register.
    public let people: [Person]

    /// A register with nobody in it.
    public static let empty = ConsentRegistry(people: [])

    /// Every registered name and spelling.
    var allNames: [String] { people.flatMap(\.names) }

    /// Whether the person called `name` agreed to be named in `document`
    /// (`folder/slug`); `nil` when nobody of that name is registered.
    func permits(_ name: String, in document: String) -> Bool? {
        guard let person = people.first(where: { $0.names.contains(name) }) else { return nil }
        return person.everywhere || person.namedIn.contains(document)
    }

    /// Reads the register's bytes; `file` names it in messages.
    public static func read(_ bytes: [UInt8], file: String) -> (ConsentRegistry?, [Diagnostic]) {
        let root: YAMLNode?
        switch YAMLReader.parseFile(bytes, file: file) {
        case .success(let node): root = node
        case .failure(let diagnostic): return (nil, [diagnostic])
        }
        var reader = FieldReader(root, file: file, noun: "consent register")
        let folders = Kind.allCases.map(\.folder)
        let people = reader.records("people", noun: "person") { item -> Person? in
            let name = item.text("name", required: true)
            let otherNames = item.textList("also_known_as").map(\.value)
            var namedIn: Set<String> = []
            var everywhere = false
            for document in item.textList("named_in") {
                let parts = document.value.split(separator: "/", omittingEmptySubsequences: false)
                if document.value == "all" {
                    everywhere = true
                } else if parts.count == 2, folders.contains(String(parts[0])), Slug.isValid(String(parts[1])) {
                    namedIn.insert(document.value)
                } else {
                    item.report(.invalidDocumentReference(value: document.value), line: document.line, column: document.column)
                }
            }
            guard let name else { return nil }
            return Person(names: [name.value] + otherNames, namedIn: namedIn, everywhere: everywhere)
        }
        let diagnostics = reader.finish()
        return (ConsentRegistry(people: people), diagnostics)
    }
}
