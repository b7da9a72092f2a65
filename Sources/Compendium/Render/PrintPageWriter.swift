/// The print page rendered with a hole where each document's body goes, so
/// that the page can be written out body by body, in the page's order,
/// without holding every body at once.
///
/// A template set that puts the bodies inside an indented partial would
/// indent each line of them, and one that shows them with an escaping tag
/// would escape them, which bytes filled into a hole would not be; for
/// such a set there is no skeleton and the page is rendered whole.
struct PrintSkeleton: Sendable {
    /// The page's bytes without the bodies.
    let bytes: [UInt8]
    /// Where each body goes, in the page's order.
    let holes: [TemplateHole]

    /// The skeleton of `page`, or `nil` when `templates` cannot have one.
    init?(page: PrintPage, templates: TemplateSet) {
        let (bytes, holes) = templates.renderWithHoles("print", page.context(body: { .hole($0) }))
        guard let holes, holes.map(\.number) == Array(holes.indices) else { return nil }
        self.bytes = bytes
        self.holes = holes
    }

    /// The bytes before body `number`, after the one before it; `nil` past the last body: the rest of the page.
    func segment(before number: Int?) -> ArraySlice<UInt8> {
        let start = number.map { $0 == 0 ? 0 : holes[$0 - 1].offset } ?? (holes.last?.offset ?? 0)
        let end = number.map { holes[$0].offset } ?? bytes.count
        return bytes[start..<end]
    }

    /// The page with `bodies`, one for each hole, in order.
    func filled(with bodies: [[UInt8]]) -> [UInt8] {
        var page: [UInt8] = []
        page.reserveCapacity(bytes.count + bodies.reduce(0) { $0 + $1.count })
        for (number, body) in bodies.prefix(holes.count).enumerated() {
            page += segment(before: number)
            page += body
        }
        page += segment(before: nil)
        return page
    }
}

/// Writes the print page as the bodies arrive, in the page's order, through
/// its skeleton; without one, the bodies are kept and the page is rendered
/// whole at the end.
struct PrintPageWriter {
    private let page: PrintPage
    private let templates: TemplateSet
    private let output: any SiteOutput
    private let skeleton: PrintSkeleton?
    private var pieces: (any FilePieces)?
    /// How many bodies have arrived.
    private var received = 0
    /// The bodies, kept only without a skeleton.
    private var kept: [[UInt8]] = []
    /// The page's bytes not yet written: gathered into large writes, not one for each body.
    private var pending: [UInt8] = []

    /// How many bytes are gathered before they are written.
    private static let writeSize = 1 << 20

    static let path = SitePath.file(for: PrintPage.address)

    /// `page` rendered whole with `bodies`, one for each document in its order.
    static func wholePage(_ page: PrintPage, bodies: [[UInt8]], templates: TemplateSet) -> OutputFile {
        OutputFile(path: path, bytes: templates.render("print", page.context(body: { .hole($0) })) { number, bytes in
            bytes += bodies[number]
        })
    }

    /// A writer of `page` into `output`, through `skeleton`, the page's
    /// skeleton as `PrintSkeleton(page:templates:)` makes it.
    init(page: PrintPage, skeleton: PrintSkeleton?, templates: TemplateSet, output: any SiteOutput) {
        self.page = page
        self.templates = templates
        self.output = output
        self.skeleton = skeleton
    }

    /// Adds the body of the next document in the page's order.
    mutating func add(_ body: [UInt8]) {
        defer { received += 1 }
        guard let skeleton, received < skeleton.holes.count else {
            kept.append(body)
            return
        }
        if pending.isEmpty { pending.reserveCapacity(Self.writeSize + 65_536) }
        pending += skeleton.segment(before: received)
        pending += body
        if pending.count >= Self.writeSize { writePending() }
    }

    private mutating func writePending() {
        let pieces = self.pieces ?? output.addInPieces(Self.path)
        self.pieces = pieces
        pieces.append(pending)
        pending.removeAll(keepingCapacity: true)
    }

    /// Writes the rest of the page.
    mutating func finish() {
        guard let skeleton else {
            output.add(Self.wholePage(page, bodies: kept, templates: templates))
            return
        }
        pending += skeleton.segment(before: nil)
        writePending()
        pieces?.close()
    }
}
