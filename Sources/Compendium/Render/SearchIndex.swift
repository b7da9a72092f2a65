/// The search index, `search-index.js`: every document's title, address,
/// kind, date, themes, topics, summary and the start of its text, as a script
/// that sets `window.COMPENDIUM_SEARCH`. A script rather than JSON so the
/// search page works when the site is opened from a folder, without a server.
///
/// A page with content notes is searchable by title, themes and topics only:
/// its summary and text are left out, so they never appear in results.
enum SearchIndex {
    /// The file's path in the site.
    static let path = "search-index.js"

    /// How much of each document's text is indexed, in characters.
    static let textLimit = 2_000

    /// Writes the index into `output`, `batchSize` entries at a time, with
    /// `excerpts` (by position) the start of each document's text from `excerpt(_:)`.
    static func write(for site: IndexedSite, excerpts: [String], into output: any SiteOutput, batchSize: Int) {
        let file = output.addInPieces(path)
        file.append(head(for: site))
        for start in stride(from: 0, to: site.documents.count, by: batchSize) {
            let positions = Array(start..<min(site.documents.count, start + batchSize))
            let entries = positions.parallelMap { entry(for: $0, in: site, excerpt: excerpts[$0]) }.joined(separator: ",\n")
            file.append(Array(((start == 0 ? "" : ",\n") + entries).utf8))
        }
        file.append(tail)
        file.close()
    }

    /// The index made of `entries`, one for each document by position, from `entry(for:in:excerpt:)`.
    static func file(for site: IndexedSite, entries: [String]) -> OutputFile {
        var bytes = head(for: site)
        bytes += Array(entries.joined(separator: ",\n").utf8)
        bytes += tail
        return OutputFile(path: path, bytes: bytes)
    }

    /// The script up to the first document's entry: the kinds and themes to filter by.
    static func head(for site: IndexedSite) -> [UInt8] {
        var script = "window.COMPENDIUM_SEARCH = {\n\"kinds\": ["
        script += Kind.allCases.filter { !site.documents(of: $0).isEmpty }
            .map { "{\"id\": \(json($0.rawValue)), \"title\": \(json($0.pluralTitle))}" }.joined(separator: ", ")
        script += "],\n\"themes\": ["
        script += site.documents(of: .theme).sorted { site.documents[$0].title < site.documents[$1].title }
            .map { "{\"id\": \(json(site.documents[$0].slug)), \"title\": \(json(site.documents[$0].title))}" }
            .joined(separator: ", ")
        script += "],\n\"documents\": [\n"
        return Array(script.utf8)
    }

    /// The script after the last document's entry.
    private static let tail = Array("\n]};\n".utf8)

    /// The entry of the document at `position`, whose text starts with `excerpt`.
    static func entry(for position: Int, in site: IndexedSite, excerpt: String) -> String {
        let document = site.documents[position]
        let themes = site.taxonomy.themesOfDocument[position]
        let style = site.configuration.linkStyle
        var fields = [
            "\"title\": \(json(document.title))",
            "\"url\": \(json(SitePath.relative(from: "", to: site.address(of: position), style: style)))",
            "\"kind\": \(json(document.kind.rawValue))",
            "\"kindLabel\": \(json(PageFrame(site: site, itemFaces: []).kindLabel(document)))",
            "\"themes\": [\(themes.map { json(site.documents[$0].slug) }.joined(separator: ", "))]",
            "\"themeTitles\": [\(themes.map { json(site.documents[$0].title) }.joined(separator: ", "))]",
            "\"topics\": [\(site.taxonomy.topicsOfDocument[position].map { json(site.topics[$0].name) }.joined(separator: ", "))]",
        ]
        if let date = document.date { fields += ["\"date\": \(json(date.iso))", "\"dateText\": \(json(date.long))"] }
        if document.contentNotes.isEmpty {
            if let summary = document.summary { fields.append("\"summary\": \(json(summary))") }
            fields.append("\"text\": \(json(excerpt))")
        } else {
            fields.append("\"contentNote\": \(json(document.contentNotes.joined(separator: ", ")))")
        }
        return "{" + fields.joined(separator: ", ") + "}"
    }

    /// The first `textLimit` characters of a document's text, ending at a word.
    static func excerpt(_ text: String) -> String {
        guard text.utf8.count > textLimit, let end = text.index(afterCharacters: textLimit) else { return text.trimmingSpaces }
        let cut = text[..<end]
        return String(cut[..<(cut.lastIndex(of: " ") ?? cut.endIndex)]).trimmingSpaces
    }

    /// A JSON string that is also safe inside a script (no `</`, no U+2028/9).
    private static func json(_ text: String) -> String {
        JSONFormat.string(text, inScript: true)
    }
}
