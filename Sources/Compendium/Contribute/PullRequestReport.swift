/// A Markdown report for a pull request, meant to be posted as a comment: the
/// pages the change adds, changes and removes with their addresses, themes and
/// topics it introduces, the lists and indexes that will change, broken
/// links, privacy findings (masked) and any other problems.
public struct PullRequestReport: Sendable {
    /// The checked content of the change.
    public let head: CheckResult
    /// The checked content of the version it changes; `nil` compares with nothing.
    public let base: CheckResult?
    /// Whether warnings count as errors, as with `check --strict`.
    public let strict: Bool

    /// Creates a report.
    public init(head: CheckResult, base: CheckResult?, strict: Bool = false) {
        self.head = head
        self.base = base
        self.strict = strict
    }

    /// The report as GitHub-flavoured Markdown.
    public var markdown: String {
        let report = DiagnosticReport(diagnostics: head.diagnostics, allowances: head.allowances, strict: strict)
        var lines = ["## Compendium check", ""]
        lines.append(report.errorCount > 0
            ? "**\(report.summary)**: the site will not be published until the errors below are fixed."
            : "**\(report.summary)**: the site can be published.")
        let changes = Changes(head: head.site, base: base?.site)
        lines += section("New pages", changes.added.map(pageRow), table: true)
        lines += section("Changed pages", changes.changed.map(pageRow), table: true)
        lines += section("Removed pages", changes.removed.map { "- \(escape($0.title)) (`/\($0.address)`)" })
        lines += section("New themes and topics", changes.newThemes.map { "- Theme: \(escape($0))" }
                         + changes.newTopics.map { "- Topic: \(escape($0))" })
        lines += section("Lists, indexes and linked pages that will change", changes.affectedIndexes.map { "- `/\($0)`" })
        let links = report.diagnostics.filter { $0.reason.ruleID.hasPrefix("link.") }
        lines += section("Broken links", links.map(item))
        let privacy = report.diagnostics.filter { $0.reason.ruleID.hasPrefix("privacy.") }
        lines += section("Privacy", privacy.map(item) + head.allowances.map { allowance in
            "- Allowed: `\(allowance.location.file):\(allowance.location.line)` \(allowance.kind): \(escape(allowance.reason))"
        })
        let others = report.diagnostics.filter { !$0.reason.ruleID.hasPrefix("link.") && !$0.reason.ruleID.hasPrefix("privacy.") }
        lines += section("Other problems", others.map(item))
        return lines.joined(separator: "\n") + "\n"
    }

    private func pageRow(_ page: Changes.Page) -> String {
        "| \(escape(page.kind)): \(escape(page.title)) | `/\(page.address)` | \(escape(page.themes.joined(separator: ", "))) | "
            + "\(escape(page.topics.joined(separator: ", "))) |"
    }

    private func item(_ diagnostic: Diagnostic) -> String {
        var text = "- `\(diagnostic.location)` **\(diagnostic.severity.rawValue)**: \(escape(diagnostic.reason.message))"
        if let hint = diagnostic.reason.hint { text += " (\(escape(hint)))" }
        return text
    }

    private func section(_ title: String, _ rows: [String], table: Bool = false) -> [String] {
        guard !rows.isEmpty else { return [] }
        var lines = ["", "### \(title) (\(rows.count))", ""]
        if table { lines += ["| Page | Address | Themes | Topics |", "|---|---|---|---|"] }
        return lines + rows
    }

    /// Text made safe to show literally in Markdown.
    private func escape(_ text: String) -> String {
        var escaped = ""
        for character in text {
            if "\\`*_[]<>|#".contains(character) { escaped.append("\\") }
            escaped.append(character)
        }
        return escaped
    }
}

/// What a change does to the site, by comparing two indexed versions.
private struct Changes {
    struct Page {
        let kind: String
        let title: String
        let address: String
        let themes: [String]
        let topics: [String]
    }

    var added: [Page] = []
    var changed: [Page] = []
    var removed: [(title: String, address: String)] = []
    var newThemes: [String] = []
    var newTopics: [String] = []
    var affectedIndexes: [String] = []

    init(head: IndexedSite, base: IndexedSite?) {
        var before: [String: Document] = [:]
        for document in base?.documents ?? [] { before["\(document.kind.folder)/\(document.slug)"] = document }
        var touched: [Int] = []
        var seen: Set<String> = []
        for (position, document) in head.documents.enumerated() {
            let key = "\(document.kind.folder)/\(document.slug)"
            seen.insert(key)
            if let old = before[key] {
                if !old.hasSameContent(as: document) { changed.append(page(position, in: head)); touched.append(position) }
            } else {
                added.append(page(position, in: head))
                touched.append(position)
                if document.kind == .theme { newThemes.append(document.title) }
            }
        }
        let gone = before.keys.filter { !seen.contains($0) }.sorted().map { before[$0]! }
        removed = gone.map { (title: $0.title, address: SitePath.document(kind: $0.kind, slug: $0.slug)) }
        let oldTopics = Set(base?.topics.map(\.slug) ?? [])
        newTopics = head.topics.filter { !oldTopics.contains($0.slug) }.map(\.name)

        var indexes: Set<String> = []
        for position in touched {
            let document = head.documents[position]
            if document.kind != .page { indexes.insert(SitePath.listing(document.kind)) }
            if document.kind == .meeting { indexes.insert("") }
            for theme in head.taxonomy.themesOfDocument[position] { indexes.insert(head.address(of: theme)) }
            for topic in head.taxonomy.topicsOfDocument[position] { indexes.insert(SitePath.topic(head.topics[topic].slug)) }
            // Pages that link to it, or that it links to, list it among their links.
            for edge in head.graph.outgoing[position] { indexes.insert(head.address(of: edge.target)) }
            for edge in head.graph.incoming[position] { indexes.insert(head.address(of: edge.source)) }
        }
        if !newTopics.isEmpty { indexes.insert("topics/") }
        for document in gone where document.kind != .page { indexes.insert(SitePath.listing(document.kind)) }
        affectedIndexes = indexes.subtracting(added.map(\.address) + changed.map(\.address)).sorted()
    }

    private func page(_ position: Int, in site: IndexedSite) -> Page {
        let document = site.documents[position]
        return Page(
            kind: document.kind.noun.prefix(1).uppercased() + document.kind.noun.dropFirst(),
            title: document.title,
            address: site.address(of: position),
            themes: site.taxonomy.themesOfDocument[position].map { site.documents[$0].title },
            topics: site.taxonomy.topicsOfDocument[position].map { site.topics[$0].name }
        )
    }
}
