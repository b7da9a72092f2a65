/// Builds the parts of a page context every template shares: the site's
/// name, navigation, breadcrumbs, and summaries of documents for lists.
///
/// Every address in a context is relative to the page it is rendered for, so
/// the site works under any base path.
struct PageFrame {
    let site: IndexedSite
    /// When set, links are this prefix plus the site address (the 404 page,
    /// which a server shows at any depth); otherwise they are relative.
    var linkBase: String?
    /// Whether the template set has `assets/custom.css` to link after the default style sheet.
    var customStylesheet = false
    /// Each document as an item of a list, but for its link, by position
    /// (the same on every page, so made once per build).
    private let itemFaces: [TemplateRecord]
    /// The shared parts of each kind's document pages, by the kind's place in `Kind.allCases`, when made.
    private let kindParts: [KindParts?]

    /// A frame for `site`; `itemFaces` are `itemFaces(site)`, or empty when no list item is asked for;
    /// `kindParts` are `makeKindParts()` of a frame like this one, or empty.
    init(site: IndexedSite, linkBase: String? = nil, customStylesheet: Bool = false, itemFaces: [TemplateRecord],
         kindParts: [KindParts?] = []) {
        self.site = site
        self.linkBase = linkBase
        self.customStylesheet = customStylesheet
        self.itemFaces = itemFaces
        self.kindParts = kindParts
    }

    /// The parts of a page's context that are not about the page itself:
    /// the site's links, the navigation and the breadcrumbs. Pages in a kind's
    /// folder (`meetings/a/`, `meetings/b/`) link to every page outside it
    /// alike, so for document pages these are made once for the kind.
    struct KindParts: Sendable {
        let site: TemplateRecord
        let assets: String
        let navigation: [TemplateRecord]
        let breadcrumbs: TemplateRecord?
    }

    /// The shared parts of every kind but `.page`, whose pages sit at the
    /// top and one of which is itself in the navigation; `nil` for that one.
    func makeKindParts() -> [KindParts?] {
        Kind.allCases.map { kind in
            guard kind != .page else { return nil }
            // Any page of the kind will do: no shared link leads into a document's own folder.
            return parts(address: SitePath.document(kind: kind, slug: "-"), section: SitePath.listing(kind),
                         breadcrumbs: PageFrame.breadcrumbs(of: kind))
        }
    }

    /// The breadcrumbs above a document of `kind`, before its own title.
    static func breadcrumbs(of kind: Kind) -> [(title: String, address: String)] {
        kind == .page ? [("Home", "")] : [("Home", ""), (kind.pluralTitle, SitePath.listing(kind))]
    }

    /// The context a document page of `kind` at `address` starts from, as
    /// `context(address:…)` gives it, from the kind's shared parts when there are some.
    func documentContext(kind: Kind, address: String, title: String, description: String?) -> TemplateRecord {
        let index = Kind.allCases.firstIndex(of: kind)!
        let shared = linkBase == nil && kindParts.indices.contains(index) ? kindParts[index] : nil
        let parts = shared ?? self.parts(address: address, section: kind == .page ? address : SitePath.listing(kind),
                                         breadcrumbs: PageFrame.breadcrumbs(of: kind))
        return context(parts, address: address, title: title, description: description)
    }

    /// Every document's item without its link: title, kind, date, summary and a line of details.
    static func itemFaces(_ site: IndexedSite) -> [TemplateRecord] {
        let frame = PageFrame(site: site, itemFaces: [])
        return Array(site.documents.indices).parallelMap { position in
            let document = site.documents[position]
            var item: TemplateRecord = ["title": document.title, "kind": PageFrame.kindLabel(document)]
            if let date = document.date { item["date"] = frame.dateContext(date) }
            if let summary = PageFrame.summary(of: document) { item["summary"] = summary }
            let details = frame.detailLine(document)
            if !details.isEmpty { item["details"] = details }
            return item
        }
    }

    /// The context every page starts from.
    func context(address: String, title: String, description: String?, section: String?,
                 breadcrumbs: [(title: String, address: String)]) -> TemplateRecord {
        context(parts(address: address, section: section, breadcrumbs: breadcrumbs), address: address, title: title,
                description: description)
    }

    /// The parts of the context of the page at `address` that are not about the page itself.
    private func parts(address: String, section: String?, breadcrumbs: [(title: String, address: String)]) -> KindParts {
        KindParts(site: siteContext(from: address),
                  assets: linkBase.map { $0 + "assets/" } ?? SitePath.relative(from: address, to: "assets/"),
                  navigation: navigation(from: address, section: section),
                  breadcrumbs: PageFrame.list(breadcrumbs.map { link($0.title, from: address, to: $0.address) }))
    }

    /// The context of the page at `address` with `parts`.
    private func context(_ parts: KindParts, address: String, title: String, description: String?) -> TemplateRecord {
        var context: TemplateRecord = [
            "site": parts.site,
            "page": pageRecord(address: address, title: title, description: description),
            "assets": parts.assets,
            "nav": parts.navigation,
        ]
        context["breadcrumbs"] = parts.breadcrumbs
        return context
    }

    /// `{title, description, canonical}` of the page at `address`.
    private func pageRecord(address: String, title: String, description: String?) -> TemplateRecord {
        var page: TemplateRecord = ["title": title, "description": description ?? site.configuration.description]
        if let baseURL = site.configuration.baseURL { page["canonical"] = baseURL + address }
        return page
    }

    /// A non-empty list wrapped as `{items: […]}`, so a template can write
    /// `{{#facts}}<dl>{{#items}}…{{/items}}</dl>{{/facts}}`; `nil` for an empty list.
    static func list(_ items: [TemplateRecord]) -> TemplateRecord? {
        items.isEmpty ? nil : TemplateRecord(["items": items.templateValue, "count": items.count.templateValue])
    }

    /// The link from `address` to `target`.
    func link(from address: String, to target: String) -> String {
        if let linkBase { return linkBase + target }
        return SitePath.relative(from: address, to: target, style: site.configuration.linkStyle)
    }

    /// `{title, href}` for a link from `address` to `target`.
    func link(_ title: String, from address: String, to target: String) -> TemplateRecord {
        TemplateRecord.link(title: title, href: link(from: address, to: target))
    }

    /// A document as an item of a list: title, link, kind, date, summary and a line of details.
    func item(_ position: Int, from address: String) -> TemplateRecord {
        itemFaces[position].setting("href", .text(link(from: address, to: site.address(of: position))))
    }

    /// Items for `positions`, in the order given.
    func items(_ positions: [Int], from address: String) -> [TemplateRecord] {
        positions.map { item($0, from: address) }
    }

    /// Items grouped under their kind's plural title, kinds in their usual order.
    func groupedByKind(_ positions: [Int], from address: String, order: ([Int]) -> [Int]) -> [TemplateRecord] {
        let byKind = Dictionary(grouping: positions) { site.documents[$0].kind }
        return byKind.keys.sorted().map { kind in
            ["title": kind.pluralTitle, "items": items(order(byKind[kind]!), from: address)] as TemplateRecord
        }
    }

    /// What lists, descriptions and previews may say about a document: its
    /// summary, or only its content note when it has one.
    static func summary(of document: Document) -> String? {
        guard document.contentNotes.isEmpty else {
            return "Content note: " + document.contentNotes.joined(separator: ", ") + "."
        }
        return document.summary
    }

    /// `{iso, long, withWeekday}` for `<time datetime>` and display.
    func dateContext(_ day: Day) -> TemplateRecord {
        ["iso": day.iso, "long": day.long, "withWeekday": day.withWeekday]
    }

    /// "Meeting", "Slides", "Handbook", "Role".
    static func kindLabel(_ document: Document) -> String {
        switch document.details {
        case .resource(let resource): return resource.kind.title
        case .job: return "Role"
        case .theme: return "Theme"
        default: return document.kind.noun.prefix(1).uppercased() + document.kind.noun.dropFirst()
        }
    }

    /// `Band 4 · MPFT`, `Presented 8 January 2026` and the like.
    func detailLine(_ document: Document) -> String {
        switch document.details {
        case .job(let job):
            var parts: [String] = []
            if let band = job.band { parts.append(band.title) }
            if let pillar = job.pillar, let title = site.configuration.pillars.first(where: { $0.slug == pillar.value })?.title {
                parts.append(title)
            }
            if let organisation = job.organisation.flatMap({ site.book.find($0.value, kind: .organisation) }) {
                parts.append(shortName(of: organisation))
            }
            return parts.joined(separator: " · ")
        case .resource(let resource):
            return resource.publisher.flatMap { site.book.find($0.value, kind: .organisation) }.map(shortName) ?? ""
        case .organisation(let organisation):
            return organisation.shortName ?? ""
        default:
            return ""
        }
    }

    /// An organisation's short name, or its title.
    func shortName(of position: Int) -> String {
        if case .organisation(let organisation) = site.documents[position].details, let short = organisation.shortName {
            return short
        }
        return site.documents[position].title
    }

    private func siteContext(from address: String) -> TemplateRecord {
        let configuration = site.configuration
        var context: TemplateRecord = [
            "title": configuration.title,
            "description": configuration.description,
            "language": configuration.language,
            "homeHref": link(from: address, to: ""),
        ]
        if let contact = configuration.contact { context["contact"] = contact }
        context["searchHref"] = link(from: address, to: "search/")
        if customStylesheet { context["customStylesheet"] = TemplateSet.customStylesheet }
        context["feedHref"] = linkBase.map { $0 + SiteFeeds.atomPath } ?? SitePath.relative(from: address, to: SiteFeeds.atomPath)
        context["faviconHref"] = linkBase.map { $0 + "assets/favicon.svg" }
            ?? SitePath.relative(from: address, to: "assets/favicon.svg")
        context["more"] = [("Timeline", "timeline/"), ("Actions", "actions/"), ("The whole compendium to print", "print/")]
            .map { link($0.0, from: address, to: $0.1) }
        for slug in ["about", "privacy"] {
            if let position = site.book.find(slug, kind: .page) {
                context[slug] = link(site.documents[position].title, from: address, to: site.address(of: position))
            }
        }
        return context
    }

    /// The main navigation, marking the current section.
    private func navigation(from address: String, section: String?) -> [TemplateRecord] {
        var entries: [(title: String, address: String)] = [("Home", "")]
        for kind in [Kind.meeting, .theme] where !site.documents(of: kind).isEmpty {
            entries.append((kind.pluralTitle, SitePath.listing(kind)))
        }
        if !site.topics.isEmpty { entries.append(("Topics", "topics/")) }
        for kind in [Kind.job, .resource, .organisation] where !site.documents(of: kind).isEmpty {
            entries.append((kind.pluralTitle, SitePath.listing(kind)))
        }
        if let about = site.book.find("about", kind: .page) {
            entries.append((site.documents[about].title, site.address(of: about)))
        }
        return entries.map { entry in
            var item = link(entry.title, from: address, to: entry.address)
            if entry.address == (section ?? "") { item["current"] = true }
            return item
        }
    }
}
