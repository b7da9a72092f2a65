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
    /// The 1-based byte column in that line.
    public let column: Int

    /// Creates a request.
    public init(form: Form, line: Int, column: Int) {
        self.form = form
        self.line = line
        self.column = column
    }
}

/// The caller's answer to a `LinkRequest`.
public enum LinkResolution: Sendable, Hashable {
    /// Leave the link as written (an external address, for example).
    case keep
    /// Point the link at `href`; a wiki-link without a label shows `title`.
    case resolved(href: String, title: String)
    /// The target does not exist: show the text without a link.
    case unresolved
}

/// A heading of a rendered body.
public struct Heading: Sendable, Hashable {
    /// 1 for `#`, 2 for `##`, and so on.
    public let level: Int
    /// The heading's text without markup.
    public let text: String
    /// The `id` given to the heading in the HTML.
    public let anchor: String
    /// The 1-based line in the whole file.
    public let line: Int
}

/// What rendering a Markdown body produces.
public struct RenderedMarkdown: Sendable, Hashable {
    /// The body as an HTML fragment. Raw HTML in the source is omitted.
    public let html: String
    /// The headings in document order, with their anchors.
    public let headings: [Heading]
    /// The body's text without markup, blocks separated by spaces.
    public let plainText: String
}
