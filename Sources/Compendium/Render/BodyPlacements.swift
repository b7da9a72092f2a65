import Markdown

/// How the links and headings of each document's body are written on the
/// pages that show it: its own page, and the print page, where links to
/// documents on the page go to their sections and heading ids carry the
/// section's id.
struct BodyPlacements: Sendable {
    let site: IndexedSite
    /// The print page's section id of each document, by position; `nil` for those it does not hold.
    let sections: [String?]

    init(site: IndexedSite) {
        self.site = site
        sections = PrintPage.sectionIDs(site.documents)
    }

    /// What each link of the body turned out to be, wherever it is shown.
    func answers(_ position: Int) -> [LinkAnswer] {
        site.links[position].targets.map { target in
            switch target {
            case .asWritten: return .asWritten
            case .missing: return .missing
            case .document(let other, _): return .found(title: site.documents[other].title)
            case .ownHeading, .page, .file: return .found(title: "")
            }
        }
    }

    /// The body on the document's own page.
    func ownPage(_ position: Int) -> BodyPlacement {
        let address = site.address(of: position)
        return BodyPlacement(destinations: site.links[position].targets.map { pageDestination($0, from: address) })
    }

    /// The body on the print page, for a document the page holds: links
    /// within it, and to documents on the page, go to their sections.
    func printPage(_ position: Int) -> BodyPlacement? {
        guard let section = sections[position] else { return nil }
        return BodyPlacement(headingOffset: 2, anchorPrefix: section + "-", destinations: site.links[position].targets.map { target in
            switch target {
            case .ownHeading(let fragment):
                return "#" + section + "-" + LinkResolver.anchor(fragment)
            case .document(let other, let anchor) where sections[other] != nil:
                return "#" + sections[other]! + (anchor.map { "-" + $0 } ?? "")
            default:
                return pageDestination(target, from: PrintPage.address)
            }
        })
    }

    /// Where `target` is from the page at `address`; `nil` keeps the link as written.
    private func pageDestination(_ target: LinkTarget, from address: String) -> String? {
        let style = site.configuration.linkStyle
        switch target {
        case .asWritten, .ownHeading, .missing:
            return nil
        case .document(let other, let anchor):
            return SitePath.relative(from: address, to: site.address(of: other), style: style) + (anchor.map { "#" + $0 } ?? "")
        case .page(let path, let suffix):
            return SitePath.relative(from: address, to: path, style: style) + suffix
        case .file(let path, let suffix):
            return SitePath.relative(from: address, to: path) + suffix
        }
    }
}
