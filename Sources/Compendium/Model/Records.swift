/// A person credited in a document.
public struct Person: Sendable, Hashable {
    public let name: String
    public let role: String?
    public let organisation: Located<String>?
    /// An e-mail address, with where it was written; published only when `contactPublic` is true.
    public let contact: Located<String>?
    public let contactPublic: Bool

    /// The address to publish, if the person agreed to it being published.
    public var publishedContact: String? { contactPublic ? contact?.value : nil }
}

/// Something offered or agreed in a meeting.
public struct Action: Sendable, Hashable {
    public let text: String
    public let owner: String?
    public let status: ActionStatus?
    public let due: Day?
}

/// Where an action stands.
public enum ActionStatus: String, Sendable, Hashable, CaseIterable {
    case open
    case done
    case carriedForward = "carried-forward"

    /// `Carried forward`.
    public var title: String {
        switch self {
        case .open: return "Open"
        case .done: return "Done"
        case .carriedForward: return "Carried forward"
        }
    }
}

/// One line of a session's schedule.
public struct AgendaItem: Sendable, Hashable {
    public let time: String
    public let item: String
}

/// A dated step in an organisation's history.
public struct Milestone: Sendable, Hashable {
    public let year: Int
    public let text: String
}

/// A planned or held session of a series.
public struct Session: Sendable, Hashable {
    public let number: Int
    public let title: String
    public let secondHour: String?
    public let date: Day?
    public let time: String?
    public let line: Int
    public let column: Int
}

/// The kinds of resource.
public enum ResourceKind: String, Sendable, Hashable, CaseIterable, Comparable {
    case article, book, film, form, framework, guide, handbook, infographic, paper, podcast
    case qualification, report, talk, template, training, website, workbook

    /// `Handbook`.
    public var title: String { rawValue.prefix(1).uppercased() + rawValue.dropFirst() }

    /// `Handbooks`, for group headings.
    public var pluralTitle: String {
        switch self {
        case .training: return "Training"
        case .book: return "Books"
        default: return title + "s"
        }
    }

    public static func < (lhs: ResourceKind, rhs: ResourceKind) -> Bool { lhs.rawValue < rhs.rawValue }
}

/// The terms of a role.
public enum Contract: String, Sendable, Hashable, CaseIterable {
    case permanent
    case fixedTerm = "fixed-term"

    /// `Fixed-term`.
    public var title: String { self == .permanent ? "Permanent" : "Fixed-term" }
}
