/// A document of any kind, with the fields every kind shares and the details of its own.
///
/// A class of constant fields, so that passing a document from stage to
/// stage (and keeping it in several tables) shares one copy instead of
/// copying every field; two documents are equal when every field is.
public final class Document: Sendable, Hashable {
    /// The file it came from, as shown in messages.
    public let file: String
    /// The file's path inside the content folder: `meetings/2025-11-21.md`.
    public let relativePath: String
    /// What kind of document it is.
    public let kind: Kind
    /// The last part of its address.
    public let slug: String
    /// Its name.
    public let title: String
    /// One or two sentences about it.
    public let summary: String?
    /// Its date: a meeting's day, a resource's publication date.
    public let date: Day?
    /// Whether it is a draft.
    public let draft: Bool
    /// Theme names as written (slugs, titles or synonyms).
    public let themes: [Located<String>]
    /// Topic names as written.
    public let topics: [Located<String>]
    /// Subjects readers may want warning of (self-harm, restraint); the page
    /// shows a notice first, and its text stays out of feeds and search snippets.
    public let contentNotes: [String]
    /// The length and a hash of the Markdown text after the front matter
    /// (the text itself is read from the file when its page is rendered).
    let bodyFingerprint: Fingerprint
    /// The file line on which the body starts.
    public let bodyFirstLine: Int
    /// The fields only this kind has.
    public let details: Details

    init(file: String, relativePath: String, kind: Kind, slug: String, title: String, summary: String?, date: Day?,
         draft: Bool, themes: [Located<String>], topics: [Located<String>], contentNotes: [String],
         bodyFingerprint: Fingerprint, bodyFirstLine: Int, details: Details) {
        self.file = file
        self.relativePath = relativePath
        self.kind = kind
        self.slug = slug
        self.title = title
        self.summary = summary
        self.date = date
        self.draft = draft
        self.themes = themes
        self.topics = topics
        self.contentNotes = contentNotes
        self.bodyFingerprint = bodyFingerprint
        self.bodyFirstLine = bodyFirstLine
        self.details = details
    }

    public static func == (left: Document, right: Document) -> Bool {
        left === right || (left.file == right.file && left.hasSameContent(as: right))
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(file)
        hasher.combine(relativePath)
        hasher.combine(kind)
        hasher.combine(slug)
        hasher.combine(title)
        hasher.combine(summary)
        hasher.combine(date)
        hasher.combine(draft)
        hasher.combine(themes)
        hasher.combine(topics)
        hasher.combine(contentNotes)
        hasher.combine(bodyFingerprint)
        hasher.combine(bodyFirstLine)
        hasher.combine(details)
    }

    /// Whether `other` says the same: every field and the text equal,
    /// wherever the two files were read from.
    public func hasSameContent(as other: Document) -> Bool {
        differsOnlyInText(from: other) && bodyFingerprint == other.bodyFingerprint
    }

    /// Whether `other` has every field this document has; only the text may differ.
    func differsOnlyInText(from other: Document) -> Bool {
        (relativePath, kind, slug, title, summary, date) == (other.relativePath, other.kind, other.slug, other.title,
                                                             other.summary, other.date)
            && (draft, bodyFirstLine) == (other.draft, other.bodyFirstLine)
            && details == other.details && themes == other.themes && topics == other.topics
            && contentNotes == other.contentNotes
    }

    /// The fields that belong to one kind.
    public enum Details: Sendable, Hashable {
        case meeting(Meeting)
        case slides(Slides)
        case job(Job)
        case resource(Resource)
        case theme(Theme)
        case organisation(Organisation)
        case series(Series)
        case page
    }
}

/// A session's meeting overview.
public struct Meeting: Sendable, Hashable {
    public let time: String?
    public let venue: String?
    public let series: Located<String>?
    public let session: Located<Int>?
    public let presenters: [Person]
    public let organisations: [Located<String>]
    public let resources: [Located<String>]
    public let actions: [Action]
}

/// Notes of a slide deck.
public struct Slides: Sendable, Hashable {
    public let meeting: Located<String>?
    public let presenters: [Person]
    public let organisations: [Located<String>]
    public let agenda: [AgendaItem]
    public let milestones: [Milestone]
}

/// A role profile or job description.
public struct Job: Sendable, Hashable {
    public let band: Band?
    public let organisation: Located<String>?
    public let pillar: Located<String>?
    public let setting: String?
    public let contract: Contract?
    public let reportsTo: Located<String>?
    public let progressesTo: [Located<String>]
    public let file: Located<String>?
}

/// A handbook, film, paper, course or other resource.
public struct Resource: Sendable, Hashable {
    public let kind: ResourceKind
    public let link: String?
    public let file: Located<String>?
    public let publisher: Located<String>?
    public let authors: [String]
    public let sharedIn: [Located<String>]
}

/// A theme of discussion.
public struct Theme: Sendable, Hashable {
    /// Other words people use for the theme.
    public let synonyms: [String]
}

/// An organisation.
public struct Organisation: Sendable, Hashable {
    public let shortName: String?
    public let url: String?
}

/// A series of sessions.
public struct Series: Sendable, Hashable {
    public let sessions: [Session]
}
