/// What a document is. The folder a file sits in decides its kind.
public enum Kind: String, Sendable, Hashable, CaseIterable, Comparable {
    case meeting
    case slides
    case job
    case resource
    case theme
    case organisation
    case series
    case page

    /// The kind whose documents live in `folder` (`meetings` → `.meeting`).
    public init?(folder: String) {
        guard let kind = Kind.byFolder[folder] else { return nil }
        self = kind
    }

    /// Each kind by its folder.
    private static let byFolder = Dictionary(uniqueKeysWithValues: allCases.map { ($0.folder, $0) })

    /// The folder under `content/` that holds this kind.
    public var folder: String {
        switch self {
        case .meeting: return "meetings"
        case .slides: return "slides"
        case .job: return "jobs"
        case .resource: return "resources"
        case .theme: return "themes"
        case .organisation: return "organisations"
        case .series: return "series"
        case .page: return "pages"
        }
    }

    /// The kinds whose documents take `themes` and `topics`.
    public static let taggedWithThemes: Set<Kind> = [.meeting, .slides, .job, .resource]

    /// The first part of the address of this kind's pages; empty for pages,
    /// which are published at the top level (`/about/`).
    public var section: String {
        self == .page ? "" : folder
    }

    /// The name used in messages: "a meeting needs a 'date' field".
    public var noun: String {
        switch self {
        case .meeting: return "meeting"
        case .slides: return "slide deck"
        case .job: return "role profile"
        case .resource: return "resource"
        case .theme: return "theme"
        case .organisation: return "organisation"
        case .series: return "series"
        case .page: return "page"
        }
    }

    /// The heading of the kind's listing page, and of groups in theme pages.
    public var pluralTitle: String {
        switch self {
        case .meeting: return "Meetings"
        case .slides: return "Slides"
        case .job: return "Roles"
        case .resource: return "Resources"
        case .theme: return "Themes"
        case .organisation: return "Organisations"
        case .series: return "Series"
        case .page: return "Pages"
        }
    }

    /// The order kinds are listed in.
    public static func < (lhs: Kind, rhs: Kind) -> Bool {
        lhs.order < rhs.order
    }

    /// The kind's place in the order of declaration, which is the order kinds are listed in.
    private var order: Int {
        switch self {
        case .meeting: 0
        case .slides: 1
        case .job: 2
        case .resource: 3
        case .theme: 4
        case .organisation: 5
        case .series: 6
        case .page: 7
        }
    }
}
