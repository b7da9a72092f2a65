import Markdown

/// A document body rendered to HTML with its links resolved.
struct LinkedBody: Sendable {
    /// The HTML, headings and text.
    let rendered: RenderedMarkdown
    /// Broken and ambiguous links.
    let diagnostics: [Diagnostic]
    /// Positions of the documents the text links to, in order, without repeats.
    let mentions: [Int]
    /// Links to headings of other documents, checked once every body is rendered.
    let anchorChecks: [AnchorCheck]
    /// Every link question the body asked while rendering, with its answer:
    /// the HTML depends only on the text and these answers.
    let answers: [LinkAnswer]
}

/// A link question and the answer it got.
struct LinkAnswer: Sendable, Hashable {
    let request: LinkRequest
    let resolution: LinkResolution
}

/// Rendered bodies kept between builds, so an unchanged document whose links
/// still lead to the same places is not rendered again.
public struct BodyCache: Sendable {
    struct Entry: Sendable {
        let file: String
        let address: String
        let body: String
        let bodyFirstLine: Int
        let linked: LinkedBody
    }

    var entries: [String: Entry] = [:]
    /// The same for the bodies as the print page shows them.
    var printEntries: [String: Entry] = [:]

    /// A cache with nothing in it.
    public static let empty = BodyCache()

    static func key(_ document: Document) -> String { "\(document.kind.folder)/\(document.slug)" }
}

/// A link to a heading, to check against the target's headings.
struct AnchorCheck: Sendable {
    let target: Int
    let fragment: String
    let location: SourceLocation
}

/// Renders bodies, turning wiki-links and links to `.md` files and attachments
/// into links between pages.
struct BodyLinker: Sendable {
    let book: AddressBook
    let drafts: Set<String>
    let attachments: Set<String>
    /// How links to pages are written.
    let style: LinkStyle
    /// Headings known to be missing, as `position#anchor`: links to them point at the page instead.
    var missingAnchors: Set<String> = []
    /// Where the rendered body is shown.
    var placement: Placement = .ownPage
    /// Whether bodies are rendered to HTML and text; when false, only their
    /// links and headings are worked out, for checking.
    var producingHTML = true

    /// Where a body is shown, which decides its links and heading ids.
    enum Placement: Sendable {
        /// On the document's own page.
        case ownPage
        /// In the printable whole compendium at `address`, where each included
        /// document is a section whose id is given by position.
        case collected(address: String, sections: [Int: String])
    }

    /// The body of the document at `position`: `cached` when its text and
    /// address are the same and every link it asked about gets the same
    /// answer now, otherwise rendered again.
    func render(_ position: Int, reusing cached: BodyCache.Entry?) -> LinkedBody {
        let document = book.documents[position]
        guard let cached, cached.file == document.file, cached.address == book.addresses[position],
              cached.bodyFirstLine == document.bodyFirstLine, cached.body == document.body else {
            return render(position)
        }
        var state = LinkState(linker: self, position: position)
        for answer in cached.linked.answers where state.resolve(answer.request) != answer.resolution {
            return render(position)
        }
        return LinkedBody(rendered: cached.linked.rendered, diagnostics: state.diagnostics, mentions: state.mentions,
                          anchorChecks: state.anchorChecks, answers: cached.linked.answers)
    }

    /// Renders the body of the document at `position`.
    func render(_ position: Int) -> LinkedBody {
        let document = book.documents[position]
        var state = LinkState(linker: self, position: position)
        var anchor = BodyLinker.anchor
        var headingOffset = 0
        if case .collected(_, let sections) = placement, let section = sections[position] {
            anchor = { section + "-" + BodyLinker.anchor($0) }
            headingOffset = 2
        }
        let rendered = MarkdownRenderer.render(
            document.body, firstLine: document.bodyFirstLine, anchor: anchor, headingOffset: headingOffset,
            resolve: { state.resolve($0) }, producingHTML: producingHTML
        )
        return LinkedBody(rendered: rendered, diagnostics: state.diagnostics,
                          mentions: state.mentions, anchorChecks: state.anchorChecks, answers: state.answers)
    }

    /// The `id` for a heading's text; `section` when the text has no letters or digits.
    static func anchor(_ text: String) -> String {
        let slug = Slug.make(text)
        return slug.isEmpty ? "section" : slug
    }
}

/// What one body's links resolve to, gathered while it renders.
private struct LinkState {
    let linker: BodyLinker
    let position: Int
    var diagnostics: [Diagnostic] = []
    var mentions: [Int] = []
    var anchorChecks: [AnchorCheck] = []
    var answers: [LinkAnswer] = []
    private var bodyLines: [Substring]?
    /// Where the last column was counted: line, byte offset, characters before it.
    private var columnCursor = (line: 0, byte: 0, characters: 0)

    init(linker: BodyLinker, position: Int) {
        self.linker = linker
        self.position = position
    }

    private var document: Document { linker.book.documents[position] }
    private var address: String {
        if case .collected(let address, _) = linker.placement { return address }
        return linker.book.addresses[position]
    }

    mutating func resolve(_ request: LinkRequest) -> LinkResolution {
        let resolution: LinkResolution
        switch request.form {
        case .wiki(let link): resolution = resolveWiki(link, at: request)
        case .link(let destination): resolution = resolvePath(destination, at: request, documentsAllowed: true)
        case .image(let source): resolution = resolvePath(source, at: request, documentsAllowed: false)
        }
        answers.append(LinkAnswer(request: request, resolution: resolution))
        return resolution
    }

    private mutating func resolveWiki(_ link: WikiLink, at request: LinkRequest) -> LinkResolution {
        let book = linker.book
        var candidates: [Int] = []
        var slug = link.target
        if let slash = link.target.firstIndex(of: "/") {
            slug = String(link.target[link.target.index(after: slash)...])
            let folder = String(link.target[..<slash])
            if let kind = Kind(folder: folder) ?? Kind(rawValue: folder), let found = book.find(slug, kind: kind) {
                candidates = [found]
            }
        } else {
            candidates = book.bySlug[slug] ?? []
        }
        switch candidates.count {
        case 1:
            let target = candidates[0]
            return .resolved(href: href(to: target, fragment: link.fragment, at: request), title: book.documents[target].title)
        case 0:
            if linker.drafts.contains(where: { $0.hasSuffix("/" + slug) }) {
                report(.draftLink(target: link.target), at: request)
            } else {
                let every = book.bySlug.keys
                report(.brokenWikiLink(target: link.target, suggestion: Suggestion.closest(to: slug, in: every)), at: request)
            }
        default:
            let names = candidates.map { "\(book.documents[$0].kind.folder)/\(slug)" }
            report(.ambiguousWikiLink(target: link.target, candidates: names), at: request)
        }
        return .unresolved
    }

    /// Links written as paths: to `.md` files (documents), to attachments, or to site addresses.
    private mutating func resolvePath(_ destination: String, at request: LinkRequest, documentsAllowed: Bool) -> LinkResolution {
        if destination.hasPrefix("#"), case .collected(_, let sections) = linker.placement, let section = sections[position] {
            return .resolved(href: "#" + section + "-" + BodyLinker.anchor(String(destination.dropFirst())), title: "")
        }
        guard let reference = PathReference(destination) else { return .keep }
        let book = linker.book
        if reference.isSiteAbsolute {
            if let target = book.byAddress[reference.path], documentsAllowed {
                return .resolved(href: href(to: target, fragment: reference.fragment, at: request), title: "")
            }
            if AddressBook.reserved[reference.path] != nil, documentsAllowed {
                return .resolved(href: SitePath.relative(from: address, to: reference.path, style: linker.style)
                                 + reference.fragmentSuffix, title: "")
            }
            if linker.attachments.contains(reference.filePath) {
                return .resolved(href: SitePath.relative(from: address, to: SitePath.encoded(reference.filePath))
                                 + reference.fragmentSuffix, title: "")
            }
        } else if let path = reference.resolved(against: document.relativePath) {
            if documentsAllowed, path.hasSuffix(".md"), let target = book.byRelativePath[path] {
                return .resolved(href: href(to: target, fragment: reference.fragment, at: request), title: "")
            }
            if linker.attachments.contains(path) {
                return .resolved(href: SitePath.relative(from: address, to: SitePath.encoded(path)) + reference.fragmentSuffix,
                                 title: "")
            }
        }
        report(.brokenFileLink(destination: destination), at: request)
        return .unresolved
    }

    private mutating func href(to target: Int, fragment: String?, at request: LinkRequest) -> String {
        if target != position, !mentions.contains(target) { mentions.append(target) }
        let anchor = fragment.map(BodyLinker.anchor).flatMap { linker.missingAnchors.contains("\(target)#\($0)") ? nil : $0 }
        if let fragment, anchor != nil {
            anchorChecks.append(AnchorCheck(target: target, fragment: fragment, location: location(of: request)))
        }
        if case .collected(_, let sections) = linker.placement, let section = sections[target] {
            return "#" + section + (anchor.map { "-" + $0 } ?? "")
        }
        let page = SitePath.relative(from: address, to: linker.book.addresses[target], style: linker.style)
        return page + (anchor.map { "#" + $0 } ?? "")
    }

    private mutating func report(_ reason: DiagnosticReason, at request: LinkRequest) {
        diagnostics.append(Diagnostic(reason, at: location(of: request)))
    }

    /// The request's position, with cmark's byte column turned into a
    /// character column. Requests on one line come in order, so counting
    /// continues from the previous one: linear however many links a line has.
    private mutating func location(of request: LinkRequest) -> SourceLocation {
        let lines = bodyLines ?? document.body.split(separator: "\n", omittingEmptySubsequences: false)
        bodyLines = lines
        let index = request.line - document.bodyFirstLine
        var column = request.column
        if lines.indices.contains(index) {
            let utf8 = lines[index].utf8
            let target = min(request.column - 1, utf8.count)
            if columnCursor.line != request.line || columnCursor.byte > target { columnCursor = (request.line, 0, 0) }
            let start = utf8.index(utf8.startIndex, offsetBy: columnCursor.byte)
            let end = utf8.index(utf8.startIndex, offsetBy: target)
            let characters = columnCursor.characters + String(decoding: utf8[start..<end], as: UTF8.self).count
            columnCursor = (request.line, target, characters)
            column = characters + 1
        }
        return SourceLocation(file: document.file, line: request.line, column: column)
    }
}
