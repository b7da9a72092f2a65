/// Writes the print page, which holds every document's body, without holding
/// them all: the page is rendered once with a hole for each body, then
/// streamed out as the bodies arrive, in the page's order.
///
/// A template set that puts the bodies inside an indented partial would
/// indent each line of them, which bytes filled into a hole would not be;
/// for such a set the bodies are kept and the page is rendered whole at the end.
struct PrintPageWriter {
    private let page: PrintPage
    private let templates: TemplateSet
    private let output: any SiteOutput
    private let path = SitePath.file(for: PrintPage.address)
    /// The page rendered with holes, and where they are, when bodies can be streamed.
    private var skeleton: (bytes: [UInt8], holes: [TemplateHole])?
    private var pieces: (any FilePieces)?
    /// How many bytes of the skeleton are written.
    private var written = 0
    /// How many bodies have arrived.
    private var received = 0
    /// The bodies, kept only when they cannot be streamed.
    private var kept: [String] = []

    init(page: PrintPage, templates: TemplateSet, output: any SiteOutput) {
        self.page = page
        self.templates = templates
        self.output = output
        let (bytes, holes) = templates.renderWithHoles("print", page.context(body: { .hole($0) }))
        if let holes, holes.map(\.number) == Array(holes.indices) {
            skeleton = (bytes, holes)
        }
    }

    /// Adds the body of the next document in the page's order.
    mutating func add(_ body: String) {
        defer { received += 1 }
        guard let skeleton, received < skeleton.holes.count else {
            kept.append(body)
            return
        }
        let pieces = self.pieces ?? output.addInPieces(path)
        self.pieces = pieces
        let offset = skeleton.holes[received].offset
        pieces.append(Array(skeleton.bytes[written..<offset]))
        pieces.append(Array(body.utf8))
        written = offset
    }

    /// Writes the rest of the page.
    mutating func finish() {
        guard let skeleton else {
            let kept = self.kept
            output.add(OutputFile(path: path, bytes: templates.render("print", page.context(body: { .text(kept[$0]) }))))
            return
        }
        let pieces = self.pieces ?? output.addInPieces(path)
        pieces.append(Array(skeleton.bytes[written...]))
        pieces.close()
    }
}
