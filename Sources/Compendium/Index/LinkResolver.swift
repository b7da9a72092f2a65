import Markdown

/// Decides what each link of a body leads to: wiki-links, links to `.md`
/// files, to attachments and to site addresses. Broken and ambiguous links
/// are reported where they were written.
struct LinkResolver: Sendable {
    let book: AddressBook
    let drafts: Set<String>
    let attachments: Set<String>

    /// The links of the body of the document at `position`, as surveyed.
    func resolve(_ requests: [LinkRequest], of position: Int) -> BodyLinks {
        var state = ResolutionState(resolver: self, position: position)
        let targets = requests.map { state.resolve($0) }
        return BodyLinks(targets: targets, diagnostics: state.diagnostics, mentions: state.mentions,
                         anchorChecks: state.anchorChecks)
    }

    /// The `id` for a heading's text; `section` when the text has no letters or digits.
    static func anchor(_ text: String) -> String {
        let slug = Slug.make(text)
        return slug.isEmpty ? "section" : slug
    }
}

/// What one body's links resolve to, gathered link by link.
private struct ResolutionState {
    let resolver: LinkResolver
    let position: Int
    var diagnostics: [Diagnostic] = []
    var mentions: [Int] = []
    var anchorChecks: [AnchorCheck] = []

    init(resolver: LinkResolver, position: Int) {
        self.resolver = resolver
        self.position = position
    }

    private var document: Document { resolver.book.documents[position] }

    mutating func resolve(_ request: LinkRequest) -> LinkTarget {
        switch request.form {
        case .wiki(let link): return resolveWiki(link, at: request)
        case .link(let destination): return resolvePath(destination, at: request, documentsAllowed: true)
        case .image(let source): return resolvePath(source, at: request, documentsAllowed: false)
        }
    }

    private mutating func resolveWiki(_ link: WikiLink, at request: LinkRequest) -> LinkTarget {
        let book = resolver.book
        var candidates: [Int] = []
        var slug = link.target
        // Most targets have no folder: looking at bytes first spares reading them as characters.
        if link.target.utf8.contains(UInt8(ascii: "/")), let slash = link.target.firstIndex(of: "/") {
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
            return document(candidates[0], fragment: link.fragment, at: request)
        case 0:
            if resolver.drafts.contains(where: { $0.hasSuffix("/" + slug) }) {
                report(.draftLink(target: link.target), at: request)
            } else {
                let every = book.bySlug.keys
                report(.brokenWikiLink(target: link.target, suggestion: Suggestion.closest(to: slug, in: every)), at: request)
            }
        default:
            let names = candidates.map { "\(book.documents[$0].kind.folder)/\(slug)" }
            report(.ambiguousWikiLink(target: link.target, candidates: names), at: request)
        }
        return .missing
    }

    /// Links written as paths: to `.md` files (documents), to attachments, or to site addresses.
    private mutating func resolvePath(_ destination: String, at request: LinkRequest, documentsAllowed: Bool) -> LinkTarget {
        if destination.hasPrefix("#") { return .ownHeading(String(destination.dropFirst())) }
        guard let reference = PathReference(destination) else { return .asWritten }
        let book = resolver.book
        if reference.isSiteAbsolute {
            if let target = book.byAddress[reference.path], documentsAllowed {
                return document(target, fragment: reference.fragment, at: request)
            }
            if AddressBook.reserved[reference.path] != nil, documentsAllowed {
                return .page(reference.path, suffix: reference.fragmentSuffix)
            }
            if resolver.attachments.contains(reference.filePath) {
                return .file(SitePath.encoded(reference.filePath), suffix: reference.fragmentSuffix)
            }
        } else if let path = reference.resolved(against: document.relativePath) {
            if documentsAllowed, path.hasSuffix(".md"), let target = book.byRelativePath[path] {
                return document(target, fragment: reference.fragment, at: request)
            }
            if resolver.attachments.contains(path) {
                return .file(SitePath.encoded(path), suffix: reference.fragmentSuffix)
            }
        }
        report(.brokenFileLink(destination: destination), at: request)
        return .missing
    }

    private mutating func document(_ target: Int, fragment: String?, at request: LinkRequest) -> LinkTarget {
        if target != position, !mentions.contains(target) { mentions.append(target) }
        if let fragment {
            anchorChecks.append(AnchorCheck(target: target, fragment: fragment, location: location(of: request)))
        }
        return .document(target, anchor: fragment.map(LinkResolver.anchor))
    }

    private mutating func report(_ reason: DiagnosticReason, at request: LinkRequest) {
        diagnostics.append(Diagnostic(reason, at: location(of: request)))
    }

    private func location(of request: LinkRequest) -> SourceLocation {
        SourceLocation(file: document.file, line: request.line, column: request.column)
    }
}
