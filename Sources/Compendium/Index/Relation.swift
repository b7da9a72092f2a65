/// How one document refers to another.
public enum Relation: String, Sendable, Hashable, CaseIterable, Comparable {
    /// A resource was shared in a meeting (from either side's front matter).
    case sharedIn = "shared-in"
    /// Slides were presented at a meeting.
    case presentedAt = "presented-at"
    /// A meeting belongs to a series.
    case partOf = "part-of"
    /// A role reports to another role.
    case reportsTo = "reports-to"
    /// A role leads on to another role.
    case progressesTo = "progresses-to"
    /// An organisation employs the people in a role.
    case employedBy = "employed-by"
    /// An organisation published a resource.
    case publishedBy = "published-by"
    /// An organisation presented at or took part in a session.
    case involves
    /// The text links to the document.
    case mentions

    /// The heading over the documents that refer to a page this way.
    public var incomingTitle: String {
        switch self {
        case .sharedIn: return "Resources shared in this session"
        case .presentedAt: return "Slides presented at this session"
        case .partOf: return "Sessions in this series"
        case .reportsTo: return "Roles that report to this role"
        case .progressesTo: return "Roles that lead on to this role"
        case .employedBy: return "Roles at this organisation"
        case .publishedBy: return "Published by this organisation"
        case .involves: return "Sessions and slides involving this organisation"
        case .mentions: return "Mentioned in"
        }
    }

    /// The label for the documents a page refers to this way.
    public var outgoingTitle: String {
        switch self {
        case .sharedIn: return "Shared in"
        case .presentedAt: return "Presented at"
        case .partOf: return "Series"
        case .reportsTo: return "Reports to"
        case .progressesTo: return "Leads on to"
        case .employedBy: return "Organisation"
        case .publishedBy: return "Published by"
        case .involves: return "Organisations"
        case .mentions: return "Mentions"
        }
    }

    public static func < (lhs: Relation, rhs: Relation) -> Bool {
        lhs.order < rhs.order
    }

    /// The relation's place in the order of declaration, which is the order relations sort in.
    private var order: Int {
        switch self {
        case .sharedIn: 0
        case .presentedAt: 1
        case .partOf: 2
        case .reportsTo: 3
        case .progressesTo: 4
        case .employedBy: 5
        case .publishedBy: 6
        case .involves: 7
        case .mentions: 8
        }
    }
}

/// A directed link between two documents, by their positions in the index.
public struct Edge: Sendable, Hashable {
    /// The document that refers.
    public let source: Int
    /// The document referred to.
    public let target: Int
    /// How it refers.
    public let relation: Relation
}
