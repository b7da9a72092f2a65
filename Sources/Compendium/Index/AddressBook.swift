/// Every document's address, and the tables to find a document by slug or path.
struct AddressBook: Sendable {
    /// The documents with an address of their own, sorted by kind then slug.
    private(set) var documents: [Document]
    /// Each document's site-relative address, by position.
    let addresses: [String]
    /// Where each document was in the list the book was built from, by position.
    let origins: [Int]
    /// Position of each document by kind and slug.
    let byKind: [Kind: [String: Int]]
    /// Positions of the documents with each slug, in any kind.
    let bySlug: [String: [Int]]
    /// Position of each document by its path inside the content folder.
    let byRelativePath: [String: Int]
    /// Position of each document by its address.
    let byAddress: [String: Int]

    /// Addresses that belong to generated pages, with what owns them.
    static let reserved: [String: String] = {
        var reserved = ["": "the home page", "topics/": "the topics index", "assets/": "the template set's files",
                        ContentLoader.attachmentFolder + "/": "the files to download", "search/": "the search page",
                        "timeline/": "the timeline", "actions/": "the actions register",
                        "print/": "the whole compendium to print"]
        for kind in Kind.allCases where kind != .page {
            reserved[SitePath.listing(kind)] = "the \(kind.pluralTitle.lowercased()) listing"
        }
        return reserved
    }()

    /// Gives every document its address. A document whose address is taken,
    /// by another document or by a generated page, is reported and left out.
    static func build(_ documents: [Document]) -> (AddressBook, [Diagnostic]) {
        // Sorted on the three fields alone, which stay together in memory, rather than on whole documents.
        let sorted = documents.enumerated()
            .map { origin, document in SortKey(kind: document.kind, slug: document.slug, file: document.file, origin: origin) }
            .sorted { ($0.kind, $0.slug, $0.file) < ($1.kind, $1.slug, $1.file) }
        var diagnostics: [Diagnostic] = []
        var accepted: [Document] = []
        var addresses: [String] = []
        var origins: [Int] = []
        var byAddress: [String: Int] = [:]
        accepted.reserveCapacity(documents.count)
        addresses.reserveCapacity(documents.count)
        origins.reserveCapacity(documents.count)
        byAddress.reserveCapacity(documents.count)
        for key in sorted {
            let address = SitePath.document(kind: key.kind, slug: key.slug)
            let location = SourceLocation(file: key.file)
            if let owner = reserved[address] {
                diagnostics.append(Diagnostic(.reservedAddress(url: "/" + address, owner: owner), at: location))
                continue
            }
            if let other = byAddress[address] {
                diagnostics.append(Diagnostic(.duplicateAddress(url: "/" + address, otherFile: accepted[other].file), at: location))
                continue
            }
            byAddress[address] = accepted.count
            accepted.append(documents[key.origin])
            addresses.append(address)
            origins.append(key.origin)
        }
        var byKind: [Kind: [String: Int]] = [:]
        var bySlug: [String: [Int]] = [:]
        var byRelativePath: [String: Int] = [:]
        bySlug.reserveCapacity(accepted.count)
        byRelativePath.reserveCapacity(accepted.count)
        for (position, document) in accepted.enumerated() {
            byKind[document.kind, default: [:]][document.slug] = position
            bySlug[document.slug, default: []].append(position)
            byRelativePath[document.relativePath] = position
        }
        let book = AddressBook(documents: accepted, addresses: addresses, origins: origins, byKind: byKind, bySlug: bySlug,
                               byRelativePath: byRelativePath, byAddress: byAddress)
        return (book, diagnostics)
    }

    /// What documents are put in order by, and where each was in the list given.
    private struct SortKey {
        let kind: Kind
        let slug: String
        let file: String
        let origin: Int
    }

    /// Puts `document`, with the same kind, slug and path as the one at `position`, in its place.
    mutating func replaceDocument(at position: Int, with document: Document) {
        documents[position] = document
    }

    /// The position of the `kind` document with `slug`.
    func find(_ slug: String, kind: Kind) -> Int? {
        byKind[kind]?[slug]
    }

    /// The slugs of every document of `kind`.
    func slugs(of kind: Kind) -> [String] {
        byKind[kind].map { Array($0.keys) } ?? []
    }
}
