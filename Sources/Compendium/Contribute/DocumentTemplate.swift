/// The starting file `compendium new` writes: front matter with every field
/// the kind has, each explained in a comment, required ones filled in,
/// optional ones left blank (a blank field counts as absent).
public enum DocumentTemplate {
    /// The file's text for a new document.
    ///
    /// - Parameters:
    ///   - date: `YYYY-MM-DD`, for kinds that carry a date.
    ///   - resourceKind: a resource's kind, left blank (and so reported by `check`) when `nil`.
    ///   - themes: the slugs of the existing themes, listed in the comment above `themes:`.
    public static func text(kind: Kind, title: String, date: Day?, resourceKind: ResourceKind? = nil,
                            themes: [String] = []) -> String {
        var lines = ["---", "# The name, shown as the page heading.", "title: \(quoted(title))"]
        switch kind {
        case .meeting:
            lines += dated(date, "The day of the session")
            lines += ["# When it ran, such as 14:00–16:00.", "time:", "# Where it was held, such as MS Teams.", "venue:",
                      "# The series it belongs to (a slug from content/series/) and its number in the series.",
                      "series:", "session:"]
            lines += summary + taxonomy(themes)
            lines += ["# Organisations that presented or took part (slugs from content/organisations/).", "organisations: []",
                      "# Resources shared in the session (slugs from content/resources/).", "resources: []"]
            lines += presenters
            lines += ["# Offers and agreements, each with text, owner, status (open, done, carried-forward) and due date:",
                      "# actions:", "#   - text: Share the job descriptions", "#     owner: A Person", "#     status: open"]
        case .slides:
            lines += dated(date, "The day the slides were presented")
            lines += ["# The session they were presented at (a slug from content/meetings/).", "meeting:"]
            lines += summary + taxonomy(themes)
            lines += ["# Organisations named on the slides (slugs from content/organisations/).", "organisations: []"]
            lines += presenters
            lines += ["# The schedule, each item with a time and what happened:", "# agenda:",
                      "#   - time: \"14:00\"", "#     item: Housekeeping",
                      "# A history, each step with a year and what happened:", "# milestones:",
                      "#   - year: 2010", "#     text: The first peer support workers"]
        case .job:
            lines += ["# Agenda for Change band: 2 to 9, or 8a to 8d. Leave it blank if the source gives none.", "band:",
                      "# The employer whose structure the role belongs to (a slug from content/organisations/).",
                      "organisation:", "# The career framework pillar (see pillars in compendium.yml).", "pillar:",
                      "# Where the role works, such as community mental health teams.", "setting:",
                      "# permanent or fixed-term.", "contract:", "# The role it reports to (a slug from content/jobs/).",
                      "reports_to:", "# Roles it leads on to (slugs from content/jobs/).", "progresses_to: []",
                      "# A job description to download, such as files/jobs/role.pdf (put the file in content/files/).",
                      "file:"]
            lines += summary + taxonomy(themes)
        case .resource:
            lines += ["# What it is: " + ResourceKind.allCases.map(\.rawValue).joined(separator: ", ") + ".",
                      "kind:" + (resourceKind.map { " \($0.rawValue)" } ?? ""),
                      "# Its web address, starting with https://.", "link:",
                      "# Or a file to download in content/files/, such as files/guide.pdf.", "file:",
                      "# Who published it (a slug from content/organisations/).", "publisher:",
                      "# The people who wrote it, as credited.", "authors: []",
                      "# Sessions where it was shared (slugs from content/meetings/).", "shared_in: []",
                      "# When it was published, as YYYY-MM-DD, if known.", "date:"]
            lines += summary + taxonomy(themes)
        case .theme:
            lines += summary + ["# Other words people use for this theme.", "synonyms: []"]
        case .organisation:
            lines += ["# A short name or abbreviation, such as MPFT.", "short_name:",
                      "# Its website, starting with https://.", "url:"] + summary
        case .series:
            lines += summary + ["# The sessions, each with number, title, second_hour, date and time:", "# sessions:",
                                "#   - number: 1", "#     title: Opening the space"]
        case .page:
            lines += summary
        }
        lines += ["---", "<!-- Write the text here in Markdown. Link to another document with [[its-slug]].",
                  "     Record what was learned, not people's stories. This comment is not published. -->", ""]
        return lines.joined(separator: "\n")
    }

    /// The file name (without folder) for a new document.
    public static func fileName(kind: Kind, title: String, date: Day?) -> String {
        if kind == .meeting || kind == .slides, let date { return date.iso + ".md" }
        let slug = Slug.make(title)
        return (slug.isEmpty ? "untitled" : slug) + ".md"
    }

    private static let summary = ["# One or two plain sentences, shown in lists and search results.", "summary:"]

    private static let presenters = [
        "# Who presented. An e-mail address is published only with contact_public: true and their agreement.",
        "# presenters:", "#   - name: A Person", "#     role: Their job title", "#     organisation: an-organisation-slug",
    ]

    private static func dated(_ date: Day?, _ what: String) -> [String] {
        ["# \(what), as YYYY-MM-DD.", "date:" + (date.map { " \($0.iso)" } ?? "")]
    }

    private static func taxonomy(_ themes: [String]) -> [String] {
        let list = themes.isEmpty ? "see content/themes/" : themes.sorted().joined(separator: ", ")
        return ["# Themes it discusses, as slugs: \(list).", "themes: []",
                "# Free tags, such as Band 4 or PICU.", "topics: []"]
    }

    /// A YAML double-quoted string.
    private static func quoted(_ text: String) -> String {
        "\"" + text.replacing("\\", with: "\\\\").replacing("\"", with: "\\\"") + "\""
    }
}
