import Markdown

/// The compendium after indexing: every document with its address, themes,
/// topics, headings, what each link in its text leads to, links in both
/// directions, related documents and neighbours. Everything the pages need
/// but the texts themselves, which the render has from the bodies rendered
/// ahead (`MarkedBodies`) or reads again.
///
/// A class, though nothing in it changes, so that the many page contexts
/// that refer to it share one rather than each copying every table.
public final class IndexedSite: Sendable {
    /// The site's settings.
    public let configuration: SiteConfiguration
    /// Files to publish as they are.
    public let attachments: [SourceFile]
    let book: AddressBook
    let taxonomy: Taxonomy
    let graph: LinkGraph
    /// Each document's second-level headings, for its table of contents, by position.
    let contents: [[Heading]]
    /// What each document's links lead to, by position.
    let links: [BodyLinks]
    /// Where each document's text is, by position.
    let texts: [BodyText]
    /// Each document's place in display order: newest first, then by title.
    let rank: [Int]
    /// Each document's place in title order: A to Z ignoring case, ties in display order.
    let titleRank: [Int]
    /// Positions of each kind's documents, in display order.
    let members: [Kind: [Int]]

    init(configuration: SiteConfiguration, attachments: [SourceFile], book: AddressBook, taxonomy: Taxonomy, graph: LinkGraph,
         contents: [[Heading]], links: [BodyLinks], texts: [BodyText], rank: [Int],
         titleRank: [Int], members: [Kind: [Int]]) {
        self.configuration = configuration
        self.attachments = attachments
        self.book = book
        self.taxonomy = taxonomy
        self.graph = graph
        self.contents = contents
        self.links = links
        self.texts = texts
        self.rank = rank
        self.titleRank = titleRank
        self.members = members
    }

    /// The documents, sorted by kind then slug; positions index every other table.
    public var documents: [Document] { book.documents }

    /// The site-relative address of the document at `position`.
    public func address(of position: Int) -> String { book.addresses[position] }

    /// Every topic, sorted by slug.
    public var topics: [Topic] { taxonomy.topics }

    /// Positions of the documents of `kind`, in display order.
    func documents(of kind: Kind) -> [Int] {
        members[kind] ?? []
    }

    /// `positions` sorted newest first, then by title.
    func inDisplayOrder(_ positions: [Int]) -> [Int] {
        positions.sorted { rank[$0] < rank[$1] }
    }

    /// `positions` sorted by title, A to Z ignoring case, ties in display order.
    func inTitleOrder(_ positions: [Int]) -> [Int] {
        positions.sorted { titleRank[$0] < titleRank[$1] }
    }
}

/// A document as the check found it, ready to be indexed.
struct CheckedDocument: Sendable {
    /// The document's fields.
    let document: Document
    /// Where its text is.
    let text: BodyText
    /// Its body's headings and links, when an earlier check of the same bytes found them.
    let survey: BodySurvey?
    /// Its body, when it was kept from the check so that it need not be read again.
    var body: String? = nil
}

extension IndexedSite {
    /// This site with the text of the document at `position` edited: the
    /// same fields and links to the same documents, a new body.
    func withText(of position: Int, document: Document, text: BodyText, links: BodyLinks, contents: [Heading]) -> IndexedSite {
        var book = self.book
        book.replaceDocument(at: position, with: document)
        var texts = self.texts, allLinks = self.links, allContents = self.contents
        texts[position] = text
        allLinks[position] = links
        allContents[position] = contents
        return IndexedSite(configuration: configuration, attachments: attachments, book: book, taxonomy: taxonomy,
                           graph: graph, contents: allContents, links: allLinks, texts: texts, rank: rank,
                           titleRank: titleRank, members: members)
    }
}
