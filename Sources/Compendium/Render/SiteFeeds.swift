/// Files for other programs: the Atom feed of meetings and resources, the
/// sitemap and robots.txt. Dates come from the content, never the clock.
enum SiteFeeds {
    /// Where the Atom feed is written.
    static let atomPath = "feed.xml"
    /// How many entries the feed holds, newest first.
    static let entryLimit = 50

    /// The feed, the sitemap (only with a base URL: it needs absolute
    /// addresses) and robots.txt. `textSummaries` (by position) hold
    /// `textSummary(_:)` of the documents for which `mayNeedTextSummary` holds.
    static func files(for site: IndexedSite, textSummaries: [String?]) -> [OutputFile] {
        var files = [atom(site, textSummaries: textSummaries), robots(site)]
        if let sitemap = sitemap(site) { files.append(sitemap) }
        return files
    }

    /// An Atom feed of meetings and resources. A resource without a date of
    /// its own is dated by the latest session it was shared in, and left out
    /// if it has neither.
    static func atom(_ site: IndexedSite, textSummaries: [String?]) -> OutputFile {
        let base = site.configuration.baseURL
        var entries: [(day: Day, position: Int)] = []
        for position in site.documents(of: .meeting) + site.documents(of: .resource) {
            let shared = site.graph.outgoing[position].filter { $0.relation == .sharedIn }.compactMap { site.documents[$0.target].date }
            if let day = site.documents[position].date ?? shared.max() { entries.append((day, position)) }
        }
        entries.sort { ($0.day, site.rank[$1.position]) > ($1.day, site.rank[$0.position]) }
        entries = Array(entries.prefix(entryLimit))

        let configuration = site.configuration
        var xml = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n"
        xml += "<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"\(configuration.language.escapedForMarkup)\">\n"
        xml += "<title>\(configuration.title.escapedForMarkup)</title>\n<subtitle>\(configuration.description.escapedForMarkup)</subtitle>\n"
        xml += "<id>\((base.map { $0 + atomPath } ?? "urn:compendium:feed").escapedForMarkup)</id>\n"
        xml += "<link rel=\"self\" href=\"\(((base ?? "") + atomPath).escapedForMarkup)\"/>\n"
        xml += "<link rel=\"alternate\" type=\"text/html\" href=\"\((base ?? "./").escapedForMarkup)\"/>\n"
        xml += "<updated>\(timestamp(entries.first?.day ?? Day.distantPast))</updated>\n"
        xml += "<author><name>\(configuration.title.escapedForMarkup)</name></author>\n"
        for (day, position) in entries {
            let document = site.documents[position]
            let address = site.address(of: position)
            xml += "<entry>\n<title>\(document.title.escapedForMarkup)</title>\n"
            xml += "<link rel=\"alternate\" type=\"text/html\" href=\"\(((base ?? "") + address).escapedForMarkup)\"/>\n"
            xml += "<id>\((base.map { $0 + address } ?? "urn:compendium:\(document.kind.rawValue):\(document.slug)").escapedForMarkup)</id>\n"
            xml += "<updated>\(timestamp(day))</updated>\n"
            for theme in site.taxonomy.themesOfDocument[position] {
                xml += "<category term=\"\(site.documents[theme].slug.escapedForMarkup)\" label=\"\(site.documents[theme].title.escapedForMarkup)\"/>\n"
            }
            let summary = PageFrame.summary(of: document) ?? textSummaries[position] ?? ""
            xml += "<summary>\(summary.escapedForMarkup)</summary>\n</entry>\n"
        }
        return OutputFile(path: atomPath, text: xml + "</feed>\n")
    }

    /// Whether the feed may show the start of the document's text: it is a
    /// meeting or a resource without a summary or content note of its own.
    static func mayNeedTextSummary(_ document: Document) -> Bool {
        (document.kind == .meeting || document.kind == .resource) && PageFrame.summary(of: document) == nil
    }

    /// A summary for the feed made from a document's text: its start, ending at a word.
    static func textSummary(_ plainText: String) -> String {
        let text = plainText.trimmingSpaces
        guard let end = text.index(afterCharacters: 300) else { return text }
        let cut = text[..<end]
        return String(cut[..<(cut.lastIndex(of: " ") ?? cut.endIndex)]) + " …"
    }

    /// Every page's absolute address, for search engines.
    static func sitemap(_ site: IndexedSite) -> OutputFile? {
        guard let base = site.configuration.baseURL else { return nil }
        let renderer = SiteRenderer(site: site, templates: nil)
        let addresses = renderer.pages.map(renderer.address).filter { !$0.hasSuffix(".html") }
        var xml = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n"
        for address in addresses { xml += "<url><loc>\((base + address).escapedForMarkup)</loc></url>\n" }
        return OutputFile(path: "sitemap.xml", text: xml + "</urlset>\n")
    }

    static func robots(_ site: IndexedSite) -> OutputFile {
        var text = "User-agent: *\nAllow: /\n"
        if let base = site.configuration.baseURL { text += "Sitemap: \(base)sitemap.xml\n" }
        return OutputFile(path: "robots.txt", text: text)
    }

    /// `2025-11-21T00:00:00Z`: content dates have no time, so midnight UTC.
    private static func timestamp(_ day: Day) -> String { day.iso + "T00:00:00Z" }
}
