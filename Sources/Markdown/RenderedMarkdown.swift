/// A link, image or wiki-link found in a Markdown body, with its position in the file.
public struct LinkRequest: Sendable, Hashable {
    /// What kind of reference was written.
    public enum Form: Sendable, Hashable {
        /// `[[target#fragment|label]]` in a text run.
        case wiki(WikiLink)
        /// `[text](destination)` or an autolink.
        case link(destination: String)
        /// `![alt](source)`.
        case image(source: String)
    }

    /// The reference as written.
    public let form: Form
    /// The 1-based line in the whole file.
    public let line: Int
    /// The 1-based column in that line, counted in characters as a reader counts them.
    public let column: Int

    /// Creates a request.
    public init(form: Form, line: Int, column: Int) {
        self.form = form
        self.line = line
        self.column = column
    }
}

/// A heading of a body.
public struct Heading: Sendable, Hashable {
    /// 1 for `#`, 2 for `##`, and so on.
    public let level: Int
    /// The heading's text without markup.
    public let text: String
    /// The `id` the heading gets on the document's own page.
    public let anchor: String
    /// The 1-based line in the whole file.
    public let line: Int

    /// Creates a heading.
    public init(level: Int, text: String, anchor: String, line: Int) {
        self.level = level
        self.text = text
        self.anchor = anchor
        self.line = line
    }
}

/// What reading a body without rendering it finds: its headings and every
/// link, image and wiki-link, in the order `MarkdownRenderer.render` takes
/// their answers.
public struct BodySurvey: Sendable, Hashable {
    /// The headings in document order, with their anchors.
    public let headings: [Heading]
    /// Links and images in document order, then wiki-links in document order.
    public let links: [LinkRequest]

    /// Creates a survey.
    public init(headings: [Heading], links: [LinkRequest]) {
        self.headings = headings
        self.links = links
    }
}

/// What one surveyed link turned out to be, wherever the body is shown.
public enum LinkAnswer: Sendable, Hashable {
    /// Leave it as written: an external address, or a wiki-link left as text.
    case asWritten
    /// It leads somewhere; a wiki-link without a label shows `title`.
    case found(title: String)
    /// The target does not exist: show the text without a link.
    case missing
}

/// Where a rendered body is shown, which decides its heading tags and link destinations.
public struct BodyPlacement: Sendable, Hashable {
    /// Added to every heading's level (at most 6), for a body shown under other headings.
    public let headingOffset: Int
    /// Put before every heading's anchor, to keep ids unique on a page that shows many bodies.
    public let anchorPrefix: String
    /// Each surveyed link's destination, in survey order; `nil` keeps the destination as written.
    public let destinations: [String?]

    /// Creates a placement.
    public init(headingOffset: Int = 0, anchorPrefix: String = "", destinations: [String?]) {
        self.headingOffset = headingOffset
        self.anchorPrefix = anchorPrefix
        self.destinations = destinations
    }
}

/// What rendering a Markdown body produces.
public struct RenderedBody: Sendable, Hashable {
    /// The body as an HTML fragment in UTF-8 for each placement asked for, in order. Raw HTML in the source is omitted.
    public let pages: [[UInt8]]
    /// The body's text without markup, as a reader sees it (link labels
    /// rather than `[[…]]`), blocks separated by spaces.
    public let plainText: String

    init(pages: [[UInt8]], plainText: String) {
        self.pages = pages
        self.plainText = plainText
    }

    /// The body as an HTML fragment for each placement asked for, in order.
    public var html: [String] { pages.map { String(decoding: $0, as: UTF8.self) } }
}
