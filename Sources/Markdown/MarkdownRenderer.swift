import CCmark
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Renders CommonMark bodies to HTML with libcmark.
///
/// This is the only code that holds cmark pointers. Each call parses, edits
/// and renders one document inside a single scope and frees everything cmark
/// allocated before it returns; only Swift values leave it.
///
/// On the way it gives every heading an `id`, turns `[[wiki-links]]` in text
/// runs into links, and lets the caller rewrite or drop link and image
/// destinations. Text inside code spans, code blocks and existing links is
/// never touched. Raw HTML is omitted and unsafe URLs are dropped (cmark's
/// safe default).
public enum MarkdownRenderer {
    /// Renders `source`, a body that starts on line `firstLine` of its file.
    ///
    /// - Parameters:
    ///   - anchor: turns a heading's text into an `id`; duplicates get `-1`, `-2`….
    ///   - headingOffset: added to every heading's level (at most 6), for a body shown under other headings.
    ///   - resolve: decides what each link, image and wiki-link points to.
    ///   - producingHTML: when false, only headings are returned (and every
    ///     link still asked about), for checking without publishing.
    public static func render(
        _ source: String,
        firstLine: Int = 1,
        anchor: (String) -> String,
        headingOffset: Int = 0,
        resolve: (LinkRequest) -> LinkResolution,
        producingHTML: Bool = true
    ) -> RenderedMarkdown {
        var source = source
        let options = CMARK_OPT_SMART | CMARK_OPT_VALIDATE_UTF8
        let parsed: OpaquePointer? = source.withUTF8 { bytes in
            bytes.withMemoryRebound(to: CChar.self) { chars in
                cmark_parse_document(chars.baseAddress, chars.count, options)
            }
        }
        guard let root = parsed else {
            return RenderedMarkdown(html: "", headings: [], plainText: "")
        }
        defer { cmark_node_free(root) }
        cmark_consolidate_text_nodes(root)

        let found = collectNodes(in: root)
        let headings = withoutActuallyEscaping(resolve) { resolve in
            var editor = TreeEditor(source: source, lineOffset: firstLine - 1, resolve: resolve)
            let headings = editor.anchorHeadings(found.headings, anchor: anchor, offset: headingOffset)
            editor.resolveLinks(found.links, images: found.images)
            editor.expandWikiLinks(in: found.wikiTextRuns)
            return headings
        }

        guard producingHTML else { return RenderedMarkdown(html: "", headings: headings, plainText: "") }
        let plainText = collectPlainText(in: root)
        guard let rendered = cmark_render_html(root, CMARK_OPT_DEFAULT) else {
            return RenderedMarkdown(html: "", headings: headings, plainText: plainText)
        }
        defer { free(rendered) }
        return RenderedMarkdown(html: String(cString: rendered), headings: headings, plainText: plainText)
    }
}

/// Nodes of interest, gathered in one walk before any edit.
private struct FoundNodes {
    var headings: [OpaquePointer] = []
    var links: [OpaquePointer] = []
    var images: [OpaquePointer] = []
    var wikiTextRuns: [OpaquePointer] = []
}

private func collectNodes(in root: OpaquePointer) -> FoundNodes {
    var found = FoundNodes()
    var linkDepth = 0
    guard let iterator = cmark_iter_new(root) else { return found }
    defer { cmark_iter_free(iterator) }
    while true {
        let event = cmark_iter_next(iterator)
        if event == CMARK_EVENT_DONE { break }
        guard let node = cmark_iter_get_node(iterator) else { continue }
        let entering = event == CMARK_EVENT_ENTER
        switch cmark_node_get_type(node) {
        case CMARK_NODE_HEADING:
            if entering { found.headings.append(node) }
        case CMARK_NODE_LINK:
            linkDepth += entering ? 1 : -1
            if entering { found.links.append(node) }
        case CMARK_NODE_IMAGE:
            linkDepth += entering ? 1 : -1
            if entering { found.images.append(node) }
        case CMARK_NODE_TEXT:
            if linkDepth == 0, let text = cmark_node_get_literal(node), containsWikiOpening(text) {
                found.wikiTextRuns.append(node)
            }
        default:
            break
        }
    }
    return found
}

/// Whether a C string holds `[[`, without copying it.
private func containsWikiOpening(_ text: UnsafePointer<CChar>) -> Bool {
    var pointer = text
    while pointer.pointee != 0 {
        if pointer.pointee == 0x5B, pointer.successor().pointee == 0x5B { return true }
        pointer = pointer.successor()
    }
    return false
}

/// The text of the edited tree, as a reader sees it: link labels rather than
/// `[[…]]`, blocks separated by spaces.
private func collectPlainText(in root: OpaquePointer) -> String {
    var text = ""
    guard let iterator = cmark_iter_new(root) else { return text }
    defer { cmark_iter_free(iterator) }
    while true {
        let event = cmark_iter_next(iterator)
        if event == CMARK_EVENT_DONE { break }
        guard let node = cmark_iter_get_node(iterator) else { continue }
        switch cmark_node_get_type(node) {
        case CMARK_NODE_TEXT, CMARK_NODE_CODE:
            if event == CMARK_EVENT_ENTER { text += literal(of: node) }
        case CMARK_NODE_CODE_BLOCK:
            text.appendSeparator()
            text += literal(of: node)
            text.appendSeparator()
        case CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK, CMARK_NODE_PARAGRAPH, CMARK_NODE_ITEM, CMARK_NODE_CUSTOM_BLOCK:
            text.appendSeparator()
        default:
            break
        }
    }
    return text
}

/// Edits the tree: heading ids, link destinations, wiki-links.
private struct TreeEditor {
    let source: String
    let lineOffset: Int
    let resolve: (LinkRequest) -> LinkResolution
    private var lines: SourceLines?

    init(source: String, lineOffset: Int, resolve: @escaping (LinkRequest) -> LinkResolution) {
        self.source = source
        self.lineOffset = lineOffset
        self.resolve = resolve
    }

    /// Replaces each heading with a custom block that carries an `id`.
    func anchorHeadings(_ nodes: [OpaquePointer], anchor: (String) -> String, offset: Int) -> [Heading] {
        var used = Set<String>()
        var headings: [Heading] = []
        headings.reserveCapacity(nodes.count)
        for node in nodes {
            let level = min(6, Int(cmark_node_get_heading_level(node)) + offset)
            let text = inlineText(of: node)
            let base = anchor(text)
            var id = base
            var counter = 1
            while used.contains(id) {
                id = "\(base)-\(counter)"
                counter += 1
            }
            used.insert(id)
            headings.append(Heading(level: level, text: text, anchor: id,
                                    line: lineOffset + Int(cmark_node_get_start_line(node))))
            guard let block = cmark_node_new(CMARK_NODE_CUSTOM_BLOCK) else { continue }
            cmark_node_set_on_enter(block, "<h\(level) id=\"\(escapeAttribute(id))\">")
            cmark_node_set_on_exit(block, "</h\(level)>")
            while let child = cmark_node_first_child(node) {
                cmark_node_append_child(block, child)
            }
            cmark_node_replace(node, block)
            cmark_node_free(node)
        }
        return headings
    }

    /// Asks the caller about every link and image destination.
    func resolveLinks(_ links: [OpaquePointer], images: [OpaquePointer]) {
        for (nodes, isImage) in [(links, false), (images, true)] {
            for node in nodes {
                let destination = cmark_node_get_url(node).map { String(cString: $0) } ?? ""
                let form: LinkRequest.Form = isImage ? .image(source: destination) : .link(destination: destination)
                switch resolve(request(form, at: node)) {
                case .keep:
                    break
                case .resolved(let href, _):
                    cmark_node_set_url(node, href)
                case .unresolved:
                    unwrap(node)
                }
            }
        }
    }

    /// Splits text runs at `[[…]]` and inserts a link, or marked text, for each.
    mutating func expandWikiLinks(in runs: [OpaquePointer]) {
        for node in runs {
            let text = literal(of: node)
            guard let pieces = WikiLinkSyntax.split(text) else { continue }
            let bytes = Array(text.utf8)
            let nodeLine = Int(cmark_node_get_start_line(node))
            let nodeColumn = Int(cmark_node_get_start_column(node))
            for piece in pieces {
                switch piece {
                case .text(let string):
                    cmark_node_insert_before(node, makeText(string))
                case .link(let link, let range):
                    let raw = String(decoding: bytes[range], as: UTF8.self)
                    let column = locate(raw, line: nodeLine, from: nodeColumn, hint: range.lowerBound)
                    let request = LinkRequest(form: .wiki(link), line: lineOffset + nodeLine, column: column)
                    cmark_node_insert_before(node, makeNode(for: link, raw: raw, resolution: resolve(request)))
                }
            }
            cmark_node_unlink(node)
            cmark_node_free(node)
        }
    }

    private func request(_ form: LinkRequest.Form, at node: OpaquePointer) -> LinkRequest {
        LinkRequest(form: form,
                    line: lineOffset + Int(cmark_node_get_start_line(node)),
                    column: Int(cmark_node_get_start_column(node)))
    }

    private func makeNode(for link: WikiLink, raw: String, resolution: LinkResolution) -> OpaquePointer? {
        switch resolution {
        case .keep:
            return makeText(raw)
        case .resolved(let href, let title):
            let node = cmark_node_new(CMARK_NODE_LINK)
            cmark_node_set_url(node, href)
            cmark_node_append_child(node, makeText(link.label ?? title))
            return node
        case .unresolved:
            let node = cmark_node_new(CMARK_NODE_CUSTOM_INLINE)
            cmark_node_set_on_enter(node, "<span class=\"missing-link\">")
            cmark_node_set_on_exit(node, "</span>")
            cmark_node_append_child(node, makeText(link.label ?? link.target))
            return node
        }
    }

    /// The 1-based byte column of `raw` on body line `line`, searched from the
    /// text run's column; cmark's inline columns can drift after escapes.
    private mutating func locate(_ raw: String, line: Int, from column: Int, hint: Int) -> Int {
        let lines = self.lines ?? SourceLines(source)
        self.lines = lines
        let (utf8, starts) = (lines.bytes, lines.starts)
        guard line >= 1, line <= starts.count else { return column }
        let lineStart = starts[line - 1]
        let lineEnd = line < starts.count ? starts[line] : utf8.count
        let needle = Array(raw.utf8)
        for origin in [column - 1 + hint, column - 1] {
            var index = lineStart + max(0, origin)
            while index + needle.count <= lineEnd {
                if utf8[index..<(index + needle.count)].elementsEqual(needle) {
                    return index - lineStart + 1
                }
                index += 1
            }
        }
        return column
    }
}

/// A body's bytes and the offset where each of its lines starts.
private struct SourceLines {
    let bytes: [UInt8]
    let starts: [Int]

    init(_ source: String) {
        bytes = Array(source.utf8)
        var starts = [0]
        for (offset, byte) in bytes.enumerated() where byte == UInt8(ascii: "\n") {
            starts.append(offset + 1)
        }
        self.starts = starts
    }
}

/// Replaces a link or image by its children (an image's children are its alt text).
private func unwrap(_ node: OpaquePointer) {
    while let child = cmark_node_first_child(node) {
        cmark_node_insert_before(node, child)
    }
    cmark_node_unlink(node)
    cmark_node_free(node)
}

private func makeText(_ string: String) -> OpaquePointer? {
    let node = cmark_node_new(CMARK_NODE_TEXT)
    cmark_node_set_literal(node, string)
    return node
}

private func literal(of node: OpaquePointer) -> String {
    cmark_node_get_literal(node).map { String(cString: $0) } ?? ""
}

/// The text of a node's inline descendants, without markup.
private func inlineText(of node: OpaquePointer) -> String {
    var text = ""
    guard let iterator = cmark_iter_new(node) else { return text }
    defer { cmark_iter_free(iterator) }
    while true {
        let event = cmark_iter_next(iterator)
        if event == CMARK_EVENT_DONE { break }
        guard event == CMARK_EVENT_ENTER, let child = cmark_iter_get_node(iterator) else { continue }
        switch cmark_node_get_type(child) {
        case CMARK_NODE_TEXT, CMARK_NODE_CODE:
            text += literal(of: child)
        case CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK:
            text += " "
        default:
            break
        }
    }
    return text
}

private func escapeAttribute(_ value: String) -> String {
    var escaped = ""
    for character in value {
        switch character {
        case "&": escaped += "&amp;"
        case "\"": escaped += "&quot;"
        case "<": escaped += "&lt;"
        case ">": escaped += "&gt;"
        default: escaped.append(character)
        }
    }
    return escaped
}

private extension String {
    /// Appends a space unless the text is empty or already ends in one.
    mutating func appendSeparator() {
        if let last = utf8.last, last != UInt8(ascii: " ") { append(" ") }
    }
}
