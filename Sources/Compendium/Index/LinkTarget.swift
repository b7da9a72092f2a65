import Markdown

/// What a link in a body leads to, decided once when the site is indexed;
/// how it is written depends on the page that shows the body.
enum LinkTarget: Sendable, Hashable {
    /// Left as written: a web address, or a destination that is not a path.
    case asWritten
    /// A heading of the same document, written `#heading`.
    case ownHeading(String)
    /// Another document's page, at the heading with `anchor` when there is one.
    case document(Int, anchor: String?)
    /// A generated page at a site address (`topics/`), then `#fragment` or nothing.
    case page(String, suffix: String)
    /// An attachment at an encoded site path (`files/form.pdf`), then `#fragment` or nothing.
    case file(String, suffix: String)
    /// Nothing: the text is shown without a link.
    case missing
}

/// A body's links as the index resolved them.
struct BodyLinks: Sendable, Hashable {
    /// What each link of the body's survey leads to, in survey order.
    var targets: [LinkTarget]
    /// Broken and ambiguous links.
    let diagnostics: [Diagnostic]
    /// Positions of the documents the text links to, in order, without repeats.
    let mentions: [Int]
    /// Links to headings of other documents, checked once every body is surveyed.
    let anchorChecks: [AnchorCheck]

    static let none = BodyLinks(targets: [], diagnostics: [], mentions: [], anchorChecks: [])
}

/// A link to a heading, to check against the target's headings.
struct AnchorCheck: Sendable, Hashable {
    let target: Int
    let fragment: String
    let location: SourceLocation
}

extension BodyLinks {
    /// The links with every link to a heading in `missing` (as `position#anchor`) pointing at the page instead.
    func pointingAtPages(for missing: Set<String>) -> BodyLinks {
        var links = self
        links.targets = targets.map { target in
            guard case .document(let position, let anchor?) = target, missing.contains("\(position)#\(anchor)") else {
                return target
            }
            return .document(position, anchor: nil)
        }
        return links
    }
}
