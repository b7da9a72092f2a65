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
        nonisolated(unsafe) let file = output.addInPieces(path)
        file.append(head(for: site))
        // Each batch is written while the next is made, as one more piece of its work; the
        // batches follow each other, so the file and the entries made are used by one piece at a time.
        nonisolated(unsafe) var made: [[UInt8]] = []
        nonisolated(unsafe) var first = true
        let writeMade: @Sendable () -> Void = {
            guard !made.isEmpty else { return }
            var piece: [UInt8] = []
            piece.reserveCapacity(made.reduce(0) { $0 + $1.count + 2 })
            for entry in made {
                if !first { piece += separator }
                piece += entry
                first = false
            }
            file.append(piece)
        }
        for start in stride(from: 0, to: site.documents.count, by: batchSize) {
            let positions = Array(start..<min(site.documents.count, start + batchSize))
            let (entries, _) = positions.parallelMap({ entry(for: $0, in: site, excerpt: excerpts[$0]) }, alongside: writeMade)
            made = entries
        }
        writeMade()
        file.append(tail)
        file.close()
    }

    /// The index made of `entries`, one for each document by position, from `entry(for:in:excerpt:)`.
    static func file(for site: IndexedSite, entries: [[UInt8]]) -> OutputFile {
        var bytes = head(for: site)
        bytes.reserveCapacity(bytes.count + entries.reduce(0) { $0 + $1.count + 2 } + tail.count)
        for (index, entry) in entries.enumerated() {
            if index > 0 { bytes += separator }
            bytes += entry
        }
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

    /// What comes between two entries.
    private static let separator = Array(",\n".utf8)

    /// The entry of the document at `position`, whose text starts with `excerpt`, as UTF-8.
    static func entry(for position: Int, in site: IndexedSite, excerpt: String) -> [UInt8] {
        let document = site.documents[position]
        let themes = site.taxonomy.themesOfDocument[position]
        var entry = EntryWriter(capacity: excerpt.utf8.count + (document.summary?.utf8.count ?? 0) + 512)
        entry.field("title", document.title)
        entry.field("url", SitePath.relative(from: "", to: site.address(of: position), style: site.configuration.linkStyle))
        entry.field("kind", document.kind.rawValue)
        entry.field("kindLabel", PageFrame.kindLabel(document))
        entry.field("themes", themes.map { site.documents[$0].slug })
        entry.field("themeTitles", themes.map { site.documents[$0].title })
        entry.field("topics", site.taxonomy.topicsOfDocument[position].map { site.topics[$0].name })
        if let date = document.date {
            entry.field("date", date.iso)
            entry.field("dateText", date.long)
        }
        if document.contentNotes.isEmpty {
            if let summary = document.summary { entry.field("summary", summary) }
            entry.field("text", excerpt)
        } else {
            entry.field("contentNote", document.contentNotes.joined(separator: ", "))
        }
        return entry.finished()
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

/// One entry of the index as it is written: a JSON object, its fields in
/// the order given, each string safe inside a script.
private struct EntryWriter {
    private var bytes: [UInt8] = [UInt8(ascii: "{")]

    /// An entry about `capacity` bytes long: kept by `serve` for every document, so not much longer.
    init(capacity: Int) {
        bytes.reserveCapacity(capacity)
    }

    mutating func field(_ name: StaticString, _ text: String) {
        key(name)
        JSONFormat.append(text, inScript: true, to: &bytes)
    }

    mutating func field(_ name: StaticString, _ texts: [String]) {
        key(name)
        bytes.append(UInt8(ascii: "["))
        for (index, text) in texts.enumerated() {
            if index > 0 { comma() }
            JSONFormat.append(text, inScript: true, to: &bytes)
        }
        bytes.append(UInt8(ascii: "]"))
    }

    /// The object, closed.
    consuming func finished() -> [UInt8] {
        bytes.append(UInt8(ascii: "}"))
        return bytes
    }

    /// `"name": `, after a comma unless it is the first field.
    private mutating func key(_ name: StaticString) {
        if bytes.count > 1 { comma() }
        bytes.append(UInt8(ascii: "\""))
        bytes.append(contentsOf: UnsafeBufferPointer(start: name.utf8Start, count: name.utf8CodeUnitCount))
        bytes.append(UInt8(ascii: "\""))
        bytes.append(UInt8(ascii: ":"))
        bytes.append(UInt8(ascii: " "))
    }

    private mutating func comma() {
        bytes.append(UInt8(ascii: ","))
        bytes.append(UInt8(ascii: " "))
    }
}
