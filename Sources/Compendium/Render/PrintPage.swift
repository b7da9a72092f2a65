/// The whole compendium on one page, to print or save as a PDF: contents,
/// then every meeting, slide deck, resource and role in order, each starting
/// on a new page. Links between documents on the page go to their sections.
struct PrintPage: Sendable {
    let frame: PageFrame
    /// The kinds the page holds, in order, each with its documents in the order shown.
    private let groups: [(kind: Kind, positions: [Int])]

    private var site: IndexedSite { frame.site }
    static let address = "print/"

    init(frame: PageFrame) {
        self.frame = frame
        let site = frame.site
        let chronological: ([Int]) -> [Int] = { positions in
            positions.sorted { (site.documents[$0].date ?? Day.distantPast, site.documents[$0].slug)
                < (site.documents[$1].date ?? Day.distantPast, site.documents[$1].slug) }
        }
        groups = [(.meeting, chronological(site.documents(of: .meeting))), (.slides, chronological(site.documents(of: .slides))),
                  (.resource, site.inTitleOrder(site.documents(of: .resource))),
                  (.job, site.inTitleOrder(site.documents(of: .job)))]
            .filter { !$0.positions.isEmpty }
    }

    /// The kinds of documents the page holds.
    static let kinds: [Kind] = [.meeting, .slides, .resource, .job]

    /// The id of each held document's section, by position: `meeting-2025-11-21`.
    static func sectionIDs(_ documents: [Document]) -> [String?] {
        documents.indices.map { kinds.contains(documents[$0].kind) ? "\(documents[$0].kind.rawValue)-\(documents[$0].slug)" : nil }
    }

    /// The documents the page holds, in the order it shows them.
    var order: [Int] { groups.flatMap(\.positions) }

    /// The page's context; `body` gives each document's body by its place in `order`.
    func context(body: (Int) -> TemplateValue) -> TemplateRecord {
        let address = PrintPage.address
        var context = frame.context(address: address, title: "The whole compendium", description: nil,
                                    section: address, breadcrumbs: [("Home", "")])
        let groups = self.groups
        let sections = PrintPage.sectionIDs(site.documents)
        var place = 0
        context["print"] = [
            "contents": groups.map { group in
                ["title": group.kind.pluralTitle,
                 "items": group.positions.map { ["title": site.documents[$0].title, "anchor": sections[$0]!] as TemplateRecord }] as TemplateRecord
            },
            "sections": groups.map { group in
                ["title": group.kind.pluralTitle, "id": group.kind.folder,
                 "documents": group.positions.map { position in
                     defer { place += 1 }
                     return document(position, anchor: sections[position]!, body: body(place))
                 }] as TemplateRecord
            },
        ] as TemplateRecord
        return context
    }

    private func document(_ position: Int, anchor: String, body: TemplateValue) -> TemplateRecord {
        let document = site.documents[position]
        var entry = frame.item(position, from: PrintPage.address)
        entry["anchor"] = anchor
        entry["body"] = body
        if !document.contentNotes.isEmpty {
            entry["contentNote"] = ["subjects": document.contentNotes.joined(separator: ", "),
                                    "signposting": site.configuration.signposting] as TemplateRecord
        }
        return entry
    }
}
