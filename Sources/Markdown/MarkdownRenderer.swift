import CCmark
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads and renders CommonMark bodies with libcmark.
///
/// This is the only code that holds cmark pointers. Each call parses one
/// body, works on the tree inside a single scope and frees everything cmark
/// allocated before it returns; only Swift values leave it.
///
/// `survey` finds a body's headings and links before anything is known
/// about other documents; `render`, once every link has its answer, gives
/// every heading an `id`, turns `[[wiki-links]]` in text runs into links,
/// rewrites or drops link and image destinations, and renders the one tree
/// for each place the body is shown. A build parses each body once:
/// `surveyAndMark` surveys it and renders it with marks that a `MarkedBody`
/// fills in as `render` would. Text inside code spans, code blocks and
/// existing links is never touched. Raw HTML is omitted and unsafe URLs are
/// dropped (cmark's safe default).
public enum MarkdownRenderer {
    /// The headings (with anchors from `anchor`, duplicates numbered `-1`,
    /// `-2`…) and links of `source`, a body that starts on line `firstLine` of its file.
    public static func survey(_ source: String, firstLine: Int = 1, anchor: (String) -> String) -> BodySurvey {
        withTree(of: source) { root in
            guard let root else { return BodySurvey(headings: [], links: []) }
            return survey(of: collectNodes(in: root), source: source, firstLine: firstLine, anchor: anchor)
        }
    }

    /// The survey of `source`, as `survey` gives it, and the body rendered
    /// once from the same parse with marks where each placement's headings
    /// and links go (see `MarkedBody`). The marked body is `nil` when the
    /// body cannot be rendered ahead: it has an image, a link with a title,
    /// or the byte marks start with in its text.
    public static func surveyAndMark(_ source: String, firstLine: Int = 1, anchor: (String) -> String)
        -> (survey: BodySurvey, marked: MarkedBody?) {
        withTree(of: source) { root in
            guard let root else { return (BodySurvey(headings: [], links: []), nil) }
            let found = collectNodes(in: root)
            let runs = splitRuns(found)
            let survey = survey(of: found, runs: runs, source: source, firstLine: firstLine, anchor: anchor)
            return (survey, marked(root, found: found, runs: runs, headings: survey.headings))
        }
    }

    /// Renders `source` once for each of `placements`, from one parse.
    ///
    /// - Parameters:
    ///   - anchor: turns a heading's text into an `id`, as given to `survey`.
    ///   - answers: what each link of the body's survey turned out to be, in survey order.
    ///   - placements: where the body is shown; a link answered `.missing` is dropped in every one.
    public static func render(_ source: String, firstLine: Int = 1, anchor: (String) -> String,
                              answers: [LinkAnswer], placements: [BodyPlacement]) -> RenderedBody {
        withTree(of: source) { root in
            guard let root else { return RenderedBody(pages: placements.map { _ in [] }, plainText: "") }
            let found = collectNodes(in: root)
            let headingList = headings(of: found.headings, anchor: anchor, lineOffset: firstLine - 1)
            let blocks = zip(found.headings, headingList).compactMap { node, heading in
                headingBlock(replacing: node).map { (block: $0, heading: heading) }
            }
            var editor = LinkEditor(answers: answers)
            editor.settle(found.links + found.images)
            editor.expandWikiLinks(in: found.wikiTextRuns)
            let plainText = collectPlainText(in: root)
            var html: [[UInt8]] = []
            for placement in placements {
                for (block, heading) in blocks {
                    let level = min(6, heading.level + placement.headingOffset)
                    cmark_node_set_on_enter(block, "<h\(level) id=\"\(escapeAttribute(placement.anchorPrefix + heading.anchor))\">")
                    cmark_node_set_on_exit(block, "</h\(level)>")
                }
                editor.point(at: placement.destinations)
                guard let rendered = cmark_render_html(root, CMARK_OPT_DEFAULT) else {
                    html.append([])
                    continue
                }
                html.append(taken(rendered))
            }
            return RenderedBody(pages: html, plainText: plainText)
        }
    }
}

private extension MarkdownRenderer {
    /// The headings and links of a parsed body, from the nodes found in it.
    static func survey(of found: FoundNodes, source: String, firstLine: Int, anchor: (String) -> String) -> BodySurvey {
        survey(of: found, runs: splitRuns(found), source: source, firstLine: firstLine, anchor: anchor)
    }

    /// Each wiki-link text run's bytes and wiki-links.
    static func splitRuns(_ found: FoundNodes) -> [SplitRun] {
        found.wikiTextRuns.map { run in
            let bytes = literalBytes(of: run)
            return SplitRun(bytes: bytes, links: WikiLinkSyntax.links(in: bytes))
        }
    }

    /// The survey, from the nodes found and the wiki-link text runs split.
    static func survey(of found: FoundNodes, runs: [SplitRun], source: String,
                       firstLine: Int, anchor: (String) -> String) -> BodySurvey {
        var positions = SourcePositions(source: source, lineOffset: firstLine - 1)
        var links: [LinkRequest] = []
        for node in found.links { links.append(positions.request(.link(destination: url(of: node)), at: place(of: node))) }
        for node in found.images { links.append(positions.request(.image(source: url(of: node)), at: place(of: node))) }
        for (run, split) in zip(found.wikiTextRuns, runs) {
            for (link, range) in split.links {
                links.append(positions.wikiRequest(link, raw: split.bytes[range], inRunAt: place(of: run), offset: range.lowerBound))
            }
        }
        return BodySurvey(headings: headings(of: found.headings, anchor: anchor, lineOffset: firstLine - 1), links: links)
    }

    /// Edits the tree so that each heading, link and wiki-link is a mark,
    /// and renders it with its plain text; `nil` when the body cannot be
    /// rendered ahead. The tree is left edited either way.
    static func marked(_ root: OpaquePointer, found: FoundNodes, runs: [SplitRun],
                       headings: [Heading]) -> MarkedBody? {
        guard found.images.isEmpty, !found.holdsMarkStart else { return nil }
        var open: [CChar] = [], close: [CChar] = []
        open.reserveCapacity(256)
        close.reserveCapacity(16)
        for (node, heading) in zip(found.headings, headings) {
            guard Mark.make(Mark.headingOpen, [String(heading.level), heading.anchor], into: &open),
                  Mark.make(Mark.headingClose, [String(heading.level)], into: &close),
                  let block = headingBlock(replacing: node) else { return nil }
            cmark_node_set_on_enter(block, open)
            cmark_node_set_on_exit(block, close)
        }
        var index = 0
        for node in found.links {
            guard cmark_node_get_title(node).map({ $0.pointee == 0 }) ?? true,
                  Mark.make(Mark.linkOpen, [String(index), url(of: node)], into: &open),
                  Mark.make(Mark.linkClose, [String(index)], into: &close),
                  let inline = custom(CMARK_NODE_CUSTOM_INLINE, replacing: node) else { return nil }
            cmark_node_set_on_enter(inline, open)
            cmark_node_set_on_exit(inline, close)
            index += 1
        }
        for (run, split) in zip(found.wikiTextRuns, runs) {
            guard !split.links.isEmpty else { continue }
            let bytes = split.bytes
            for piece in WikiLinkSyntax.pieces(of: bytes, links: split.links) {
                switch piece {
                case .text(let string):
                    cmark_node_insert_before(run, makeText(string))
                case .link(let link, let range):
                    let fields = [String(index), String(decoding: bytes[range], as: UTF8.self),
                                  link.label.map { "1" + $0 } ?? "0", link.target]
                    guard Mark.make(Mark.wikiLink, fields, into: &open),
                          let node = cmark_node_new_with_mem(CMARK_NODE_CUSTOM_INLINE, parseMemory) else { return nil }
                    cmark_node_set_on_enter(node, open)
                    cmark_node_insert_before(run, node)
                    index += 1
                }
            }
            cmark_node_unlink(run)
            cmark_node_free(run)
        }
        let plainText = collectPlainText(in: root, keepingWikiMarks: true)
        guard let rendered = cmark_render_html(root, CMARK_OPT_DEFAULT) else { return nil }
        return MarkedBody(html: taken(rendered), plainText: Array(plainText.utf8))
    }

    /// The bytes of HTML cmark rendered, copied out before its memory is freed.
    static func taken(_ rendered: UnsafeMutablePointer<CChar>) -> [UInt8] {
        defer { parseMemory.pointee.free(rendered) }
        return rendered.withMemoryRebound(to: UInt8.self, capacity: 1) { start in
            Array(UnsafeBufferPointer(start: start, count: strlen(rendered)))
        }
    }

    /// Parses `source` and hands the tree (`nil` if cmark could not make one)
    /// to `body`, freeing it afterwards.
    static func withTree<Result>(of source: String, _ body: (OpaquePointer?) -> Result) -> Result {
        var source = source
        let arena = threadArena()
        let mark = arena.pointee.mark()
        defer { arena.pointee.release(to: mark) }
        let root: OpaquePointer? = source.withUTF8 { bytes in
            bytes.withMemoryRebound(to: CChar.self) { chars in
                // No CMARK_OPT_VALIDATE_UTF8: a Swift string is valid UTF-8 already.
                guard let parser = cmark_parser_new_with_mem(CMARK_OPT_SMART, parseMemory) else {
                    return nil
                }
                defer { cmark_parser_free(parser) }
                cmark_parser_feed(parser, chars.baseAddress, chars.count)
                return cmark_parser_finish(parser)
            }
        }
        // The tree is not walked to free its nodes one by one: every node comes from the arena,
        // whose release above gives them all back at once.
        if let root { cmark_consolidate_text_nodes(root) }
        return body(root)
    }

    /// Each heading's level, text, unique anchor and line.
    static func headings(of nodes: [OpaquePointer], anchor: (String) -> String, lineOffset: Int) -> [Heading] {
        var used = Set<String>()
        var headings: [Heading] = []
        headings.reserveCapacity(nodes.count)
        for node in nodes {
            let text = inlineText(of: node)
            let base = anchor(text)
            var id = base
            var counter = 1
            while used.contains(id) {
                id = "\(base)-\(counter)"
                counter += 1
            }
            used.insert(id)
            headings.append(Heading(level: Int(cmark_node_get_heading_level(node)), text: text, anchor: id,
                                    line: lineOffset + Int(cmark_node_get_start_line(node))))
        }
        return headings
    }

    /// Replaces a heading with a custom block, whose tags each placement sets.
    static func headingBlock(replacing node: OpaquePointer) -> OpaquePointer? {
        custom(CMARK_NODE_CUSTOM_BLOCK, replacing: node)
    }

    /// Replaces `node` with a custom node of `type` (block or inline) that
    /// holds its children, and whose tags are set afterwards.
    static func custom(_ type: cmark_node_type, replacing node: OpaquePointer) -> OpaquePointer? {
        guard let custom = cmark_node_new_with_mem(type, parseMemory) else { return nil }
        while let child = cmark_node_first_child(node) {
            cmark_node_append_child(custom, child)
        }
        cmark_node_replace(node, custom)
        cmark_node_free(node)
        return custom
    }
}

/// cmark's allocator for every tree: the calling thread's `ParseArena`.
/// Freeing does nothing; `withTree` gives the parse's memory back at once.
nonisolated(unsafe) private let parseMemory: UnsafeMutablePointer<cmark_mem> = {
    let memory = UnsafeMutablePointer<cmark_mem>.allocate(capacity: 1)
    memory.initialize(to: cmark_mem(
        calloc: { count, size in
            let (bytes, overflow) = count.multipliedReportingOverflow(by: size)
            guard !overflow else { return nil }
            let block = threadArena().pointee.allocate(Int(bytes))
            block.initializeMemory(as: UInt8.self, repeating: 0, count: Int(bytes))
            return block
        },
        realloc: { pointer, size in threadArena().pointee.reallocate(pointer, to: Int(size)) },
        free: { _ in }
    ))
    return memory
}()

/// The key of each thread's arena, which is given back when the thread ends.
private let arenaKey: pthread_key_t = {
    var key = pthread_key_t()
    pthread_key_create(&key) { pointer in destroyArena(pointer) }
    return key
}()

private func destroyArena(_ pointer: UnsafeMutableRawPointer?) {
    guard let arena = pointer?.assumingMemoryBound(to: ParseArena.self) else { return }
    arena.pointee.destroy()
    arena.deinitialize(count: 1)
    arena.deallocate()
}

/// The calling thread's arena, made on its first parse. It is found through
/// a C thread-local variable; the key only gives it back when the thread ends.
private func threadArena() -> UnsafeMutablePointer<ParseArena> {
    if let arena = compendium_thread_arena().pointee { return arena.assumingMemoryBound(to: ParseArena.self) }
    let arena = UnsafeMutablePointer<ParseArena>.allocate(capacity: 1)
    arena.initialize(to: ParseArena())
    pthread_setspecific(arenaKey, arena)
    compendium_thread_arena().pointee = UnsafeMutableRawPointer(arena)
    return arena
}

/// A text run that may hold wiki-links: its bytes, still in the tree, and the links found in them.
private struct SplitRun {
    let bytes: UnsafeBufferPointer<UInt8>
    let links: [(link: WikiLink, range: Range<Int>)]
}

/// Nodes of interest, gathered in one walk before any edit.
private struct FoundNodes {
    var headings: [OpaquePointer] = []
    var links: [OpaquePointer] = []
    var images: [OpaquePointer] = []
    var wikiTextRuns: [OpaquePointer] = []
    /// Whether a text, code span or code block holds the byte marks start with (`MarkedBody`).
    var holdsMarkStart = false
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
            guard let text = cmark_node_get_literal(node) else { break }
            if linkDepth == 0, containsWikiOpening(text) { found.wikiTextRuns.append(node) }
            if strchr(text, Int32(Mark.start)) != nil { found.holdsMarkStart = true }
        case CMARK_NODE_CODE, CMARK_NODE_CODE_BLOCK, CMARK_NODE_HTML_INLINE, CMARK_NODE_HTML_BLOCK:
            if let literal = cmark_node_get_literal(node), strchr(literal, Int32(Mark.start)) != nil { found.holdsMarkStart = true }
            if let info = cmark_node_get_fence_info(node), strchr(info, Int32(Mark.start)) != nil { found.holdsMarkStart = true }
        default:
            break
        }
    }
    return found
}

/// Whether a C string holds `[[`, without copying it.
private func containsWikiOpening(_ text: UnsafePointer<CChar>) -> Bool {
    strstr(text, "[[") != nil
}

/// The text of the edited tree, as a reader sees it: link labels rather than
/// `[[…]]`, blocks separated by spaces.
private func collectPlainText(in root: OpaquePointer, keepingWikiMarks: Bool = false) -> String {
    var text = PlainText()
    guard let iterator = cmark_iter_new(root) else { return "" }
    defer { cmark_iter_free(iterator) }
    while true {
        let event = cmark_iter_next(iterator)
        if event == CMARK_EVENT_DONE { break }
        guard let node = cmark_iter_get_node(iterator) else { continue }
        switch cmark_node_get_type(node) {
        case CMARK_NODE_TEXT, CMARK_NODE_CODE:
            if event == CMARK_EVENT_ENTER { text.append(literalOf: node) }
        case CMARK_NODE_CODE_BLOCK:
            text.appendSeparator()
            text.append(literalOf: node)
            text.appendSeparator()
        case CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK, CMARK_NODE_PARAGRAPH, CMARK_NODE_ITEM, CMARK_NODE_CUSTOM_BLOCK:
            text.appendSeparator()
        case CMARK_NODE_CUSTOM_INLINE where keepingWikiMarks && event == CMARK_EVENT_ENTER:
            // A wiki-link's mark stands for its text, which is known only once the link is answered.
            if let mark = cmark_node_get_on_enter(node), UInt8(bitPattern: mark[0]) == Mark.start,
               UInt8(bitPattern: mark[1]) == Mark.wikiLink {
                text.append(cString: mark)
            }
        default:
            break
        }
    }
    return text.string
}

/// Text gathered from nodes' literals as UTF-8, made a string once at the end.
private struct PlainText {
    private var bytes: [UInt8] = []

    var string: String { String(decoding: bytes, as: UTF8.self) }

    /// Appends the node's literal, if it has one.
    mutating func append(literalOf node: OpaquePointer) {
        guard let literal = cmark_node_get_literal(node) else { return }
        literal.withMemoryRebound(to: UInt8.self, capacity: 1) { start in
            bytes.append(contentsOf: UnsafeBufferPointer(start: start, count: strlen(literal)))
        }
    }

    mutating func append(_ byte: UInt8) {
        bytes.append(byte)
    }

    mutating func append(cString: UnsafePointer<CChar>) {
        cString.withMemoryRebound(to: UInt8.self, capacity: 1) { start in
            bytes.append(contentsOf: UnsafeBufferPointer(start: start, count: strlen(cString)))
        }
    }

    /// Appends a space unless the text is empty or already ends in one.
    mutating func appendSeparator() {
        if let last = bytes.last, last != UInt8(ascii: " ") { bytes.append(UInt8(ascii: " ")) }
    }
}

/// Applies the answers to the tree's links and wiki-links, and keeps the
/// links that stay, so each placement can point them where it needs.
private struct LinkEditor {
    let answers: [LinkAnswer]
    /// Links that stay in the tree, with their index in the survey and their destination as written.
    private var kept: [(node: OpaquePointer, index: Int, written: String)] = []
    private var next = 0

    init(answers: [LinkAnswer]) {
        self.answers = answers
    }

    private mutating func nextAnswer() -> LinkAnswer {
        defer { next += 1 }
        return answers.indices.contains(next) ? answers[next] : .asWritten
    }

    /// Drops missing links and images, keeping their text, and keeps the rest.
    mutating func settle(_ nodes: [OpaquePointer]) {
        for node in nodes {
            let index = next
            if nextAnswer() == .missing {
                unwrap(node)
            } else {
                kept.append((node, index, url(of: node)))
            }
        }
    }

    /// Splits text runs at `[[…]]` and inserts a link, or marked text, for each.
    mutating func expandWikiLinks(in runs: [OpaquePointer]) {
        for run in runs {
            let bytes = literalBytes(of: run)
            let links = WikiLinkSyntax.links(in: bytes)
            guard !links.isEmpty else { continue }
            for piece in WikiLinkSyntax.pieces(of: bytes, links: links) {
                switch piece {
                case .text(let string):
                    cmark_node_insert_before(run, makeText(string))
                case .link(let link, let range):
                    let index = next
                    switch nextAnswer() {
                    case .asWritten:
                        cmark_node_insert_before(run, makeText(String(decoding: bytes[range], as: UTF8.self)))
                    case .found(let title):
                        guard let node = cmark_node_new_with_mem(CMARK_NODE_LINK, parseMemory) else { continue }
                        cmark_node_append_child(node, makeText(link.label ?? title))
                        cmark_node_insert_before(run, node)
                        kept.append((node, index, ""))
                    case .missing:
                        let node = cmark_node_new_with_mem(CMARK_NODE_CUSTOM_INLINE, parseMemory)
                        cmark_node_set_on_enter(node, "<span class=\"missing-link\">")
                        cmark_node_set_on_exit(node, "</span>")
                        cmark_node_append_child(node, makeText(link.label ?? link.target))
                        cmark_node_insert_before(run, node)
                    }
                }
            }
            cmark_node_unlink(run)
            cmark_node_free(run)
        }
    }

    /// Sets every kept link's destination for one placement.
    func point(at destinations: [String?]) {
        for link in kept {
            let destination = destinations.indices.contains(link.index) ? destinations[link.index] : nil
            cmark_node_set_url(link.node, destination ?? link.written)
        }
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
    let node = cmark_node_new_with_mem(CMARK_NODE_TEXT, parseMemory)
    cmark_node_set_literal(node, string)
    return node
}

/// The bytes of a node's literal, where cmark keeps them: valid until the
/// node's literal is set again or the node is freed.
private func literalBytes(of node: OpaquePointer) -> UnsafeBufferPointer<UInt8> {
    guard let literal = cmark_node_get_literal(node) else { return UnsafeBufferPointer(start: nil, count: 0) }
    return UnsafeBufferPointer(start: UnsafeRawPointer(literal).assumingMemoryBound(to: UInt8.self), count: strlen(literal))
}

/// Where a node starts: its 1-based line in the body and byte column.
private func place(of node: OpaquePointer) -> (line: Int, column: Int) {
    (Int(cmark_node_get_start_line(node)), Int(cmark_node_get_start_column(node)))
}

private func url(of node: OpaquePointer) -> String {
    cmark_node_get_url(node).map { String(cString: $0) } ?? ""
}

/// The text of a node's inline descendants, without markup.
private func inlineText(of node: OpaquePointer) -> String {
    var text = PlainText()
    guard let iterator = cmark_iter_new(node) else { return "" }
    defer { cmark_iter_free(iterator) }
    while true {
        let event = cmark_iter_next(iterator)
        if event == CMARK_EVENT_DONE { break }
        guard event == CMARK_EVENT_ENTER, let child = cmark_iter_get_node(iterator) else { continue }
        switch cmark_node_get_type(child) {
        case CMARK_NODE_TEXT, CMARK_NODE_CODE:
            text.append(literalOf: child)
        case CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK:
            text.append(UInt8(ascii: " "))
        default:
            break
        }
    }
    return text.string
}
