/// The render stage: every page of the site, the search index, feeds, the
/// template set's assets and the content's attachments, as output files.
public struct SiteRenderer: Sendable {
    let site: IndexedSite
    let templates: TemplateSet?
    /// Every document as a list item but for its link, made once for every page.
    private let itemFaces: [TemplateRecord]

    /// The templates a template set must provide.
    public static let requiredTemplates: [String] =
        ["home", "topic", "list-topics", "search", "timeline", "actions", "print", "404"]
        + Kind.allCases.map(\.rawValue) + Kind.allCases.filter { $0 != .page }.map(listTemplate)

    /// Creates a renderer for `site` with `templates` (`nil` only to list pages).
    public init(site: IndexedSite, templates: TemplateSet?) {
        self.site = site
        self.templates = templates
        itemFaces = PageFrame.itemFaces(site)
    }

    /// One page to render.
    enum Page: Sendable, Hashable {
        case home
        case document(Int)
        case listing(Kind)
        case topics
        case topic(Int)
        case search
        case timeline
        case actions
        case print
        case notFound
    }

    /// Every page the site has, in a fixed order.
    var pages: [Page] {
        var pages: [Page] = [.home, .search, .timeline, .actions, .print, .notFound]
        pages += Kind.allCases.filter { $0 != .page }.map(Page.listing)
        pages.append(.topics)
        pages += site.topics.indices.map(Page.topic)
        pages += site.documents.indices.map(Page.document)
        return pages
    }

    /// The site address of `page`.
    func address(of page: Page) -> String {
        switch page {
        case .home: return ""
        case .document(let position): return site.address(of: position)
        case .listing(let kind): return SitePath.listing(kind)
        case .topics: return "topics/"
        case .topic(let index): return SitePath.topic(site.topics[index].slug)
        case .search: return "search/"
        case .timeline: return "timeline/"
        case .actions: return "actions/"
        case .print: return PrintPage.address
        case .notFound: return "404.html"
        }
    }

    /// Renders every page, on every core, and adds the search index, feeds,
    /// assets and attachments.
    public func render() -> [OutputFile] {
        pages.parallelMap { page in render(page) } + otherFiles()
    }

    /// Renders every page, on every core, and the other files, handing each
    /// file to `deliver` as soon as it is made, from any thread, so no more
    /// than a few pages are held at once.
    public func render(deliver: @Sendable (OutputFile) -> Void) {
        _ = pages.parallelMap { page in deliver(render(page)) }
        for file in otherFiles() { deliver(file) }
    }

    /// The search index, feeds, the template set's assets and the attachments.
    func otherFiles() -> [OutputFile] {
        let attachments = site.attachments.map { OutputFile(path: $0.relativePath, bytes: $0.bytes) }
        return [SearchIndex.file(for: site)] + SiteFeeds.files(for: site) + (templates?.assets ?? []) + attachments
    }

    /// Renders one page.
    func render(_ page: Page) -> OutputFile {
        let (template, context) = self.context(for: page)
        return OutputFile(path: SitePath.file(for: address(of: page)), bytes: templates?.render(template, context) ?? [])
    }

    /// The template that renders `page`, and its context.
    func context(for page: Page) -> (template: String, context: TemplateRecord) {
        let custom = templates?.hasCustomStylesheet ?? false
        let frame = PageFrame(site: site, customStylesheet: custom, itemFaces: itemFaces)
        let listings = ListingPages(frame: frame)
        let discovery = DiscoveryPages(frame: frame)
        switch page {
        case .home: return ("home", listings.home())
        case .document(let position):
            return (site.documents[position].kind.rawValue, DocumentPage(frame: frame, position: position).context())
        case .listing(.theme): return (SiteRenderer.listTemplate(.theme), listings.themesIndex())
        case .listing(.job): return (SiteRenderer.listTemplate(.job), listings.careerFramework())
        case .listing(let kind): return (SiteRenderer.listTemplate(kind), listings.listing(kind))
        case .topics: return ("list-topics", listings.topicsIndex())
        case .topic(let index): return ("topic", listings.topic(index))
        case .search: return ("search", discovery.search())
        case .timeline: return ("timeline", discovery.timeline())
        case .actions: return ("actions", discovery.actions())
        case .print: return ("print", PrintPage(frame: frame).context())
        case .notFound:
            let base = site.configuration.baseURL.map(SiteRenderer.path(of:)) ?? "/"
            return ("404", DiscoveryPages(frame: PageFrame(site: site, linkBase: base, customStylesheet: custom,
                                                                   itemFaces: itemFaces)).notFound())
        }
    }

    /// The path part of a base URL: `https://example.org/compendium/` → `/compendium/`.
    static func path(of baseURL: String) -> String {
        guard let scheme = baseURL.range(of: "://") else { return baseURL }
        let afterHost = baseURL[scheme.upperBound...].drop { $0 != "/" }
        return afterHost.isEmpty ? "/" : String(afterHost)
    }

    private static func listTemplate(_ kind: Kind) -> String { "list-" + kind.folder }
}
