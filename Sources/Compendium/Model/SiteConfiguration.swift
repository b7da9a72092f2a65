/// The site's own settings, from `compendium.yml`.
public struct SiteConfiguration: Sendable, Hashable {
    /// The site's name.
    public var title: String
    /// What the compendium is, for the home page and search engines.
    public var description: String
    /// Where the site is published, ending in `/`, if known.
    public var baseURL: String?
    /// The language of the content, such as `en-GB`.
    public var language: String
    /// The programme team's role e-mail address.
    public var contact: String?
    /// The career framework's pillars, in order.
    public var pillars: [Pillar]
    /// Role e-mail addresses (a team's, not a person's) that content may publish.
    public var roleAddresses: [String]
    /// Where to turn for support, shown with every content note.
    public var signposting: String
    /// How links between pages are written; set by the build, not the file.
    public var linkStyle: LinkStyle = .directories
    /// The largest inputs accepted.
    public var limits = Limits.standard

    /// The signposting shown when the configuration gives none.
    public static let defaultSignposting =
        "If anything here affects you, you can call Samaritans free on 116 123 at any time, or NHS 111."

    /// Creates a configuration.
    public init(title: String, description: String, baseURL: String? = nil, language: String = "en-GB",
                contact: String? = nil, pillars: [Pillar] = [], roleAddresses: [String] = [],
                signposting: String = SiteConfiguration.defaultSignposting) {
        self.title = title
        self.description = description
        self.baseURL = baseURL.map(SiteConfiguration.withTrailingSlash)
        self.language = language
        self.contact = contact
        self.pillars = pillars
        self.roleAddresses = roleAddresses
        self.signposting = signposting
    }

    /// A pillar of the career framework.
    public struct Pillar: Sendable, Hashable {
        public let slug: String
        public let title: String
        public let summary: String?
    }

    /// Reads `compendium.yml`'s bytes; `file` names it in messages.
    public static func read(_ bytes: [UInt8], file: String) -> (SiteConfiguration?, [Diagnostic]) {
        let root: YAMLNode?
        switch YAMLReader.parseFile(bytes, file: file) {
        case .success(let node): root = node
        case .failure(let diagnostic): return (nil, [diagnostic])
        }
        var reader = FieldReader(root, file: file, noun: "site configuration")
        let title = reader.text("title", required: true)
        let description = reader.text("description", required: true)
        let baseURL = reader.formatted("base_url", ValueSyntax.keep { ValueSyntax.isWebAddress($0) || $0.hasPrefix("/") }) {
            .invalidWebAddress(field: "base_url", value: $0)
        }
        let language = reader.formatted("language", ValueSyntax.keep(if: ValueSyntax.isLanguageTag)) {
            .invalidLanguage(value: $0)
        }
        let contact = reader.formatted("contact", ValueSyntax.keep(if: ValueSyntax.isEmailAddress)) {
            .invalidEmail(field: "contact", value: $0)
        }
        let roleAddresses = reader.textList("role_addresses").compactMap { address -> String? in
            guard ValueSyntax.isEmailAddress(address.value) else {
                reader.report(.invalidEmail(field: "role_addresses", value: address.value), line: address.line, column: address.column)
                return nil
            }
            return address.value
        }
        let signposting = reader.text("signposting")?.value ?? defaultSignposting
        var limits = Limits.standard
        if let node = reader.node("limits") {
            var fields = FieldReader(node, file: file, noun: "limits section")
            let read = { (key: String, fields: inout FieldReader) in fields.number(key, minimum: 1)?.value }
            limits.fileSize = read("file_size", &fields) ?? limits.fileSize
            limits.documents = read("documents", &fields) ?? limits.documents
            limits.nesting = read("nesting", &fields) ?? limits.nesting
            limits.openBrackets = read("open_brackets", &fields) ?? limits.openBrackets
            limits.renderSeconds = read("render_seconds", &fields) ?? limits.renderSeconds
            for diagnostic in fields.finish() { reader.report(diagnostic.reason, line: diagnostic.location.line, column: diagnostic.location.column) }
        }
        let pillars = reader.records("pillars", noun: "pillar") { item -> Pillar? in
            let slug = item.text("slug", required: true)
            let title = item.text("title", required: true)
            let summary = item.text("summary")?.value
            if let slug, !Slug.isValid(slug.value) {
                item.report(.invalidSlug(value: slug.value, suggestion: Slug.make(slug.value)),
                            line: slug.line, column: slug.column)
                return nil
            }
            guard let slug, let title else { return nil }
            return Pillar(slug: slug.value, title: title.value, summary: summary)
        }
        let diagnostics = reader.finish()
        guard let title, let description else { return (nil, diagnostics) }
        var configuration = SiteConfiguration(title: title.value, description: description.value, baseURL: baseURL?.value,
                                              language: language?.value ?? "en-GB", contact: contact?.value, pillars: pillars,
                                              roleAddresses: roleAddresses, signposting: signposting)
        configuration.limits = limits
        return (configuration, diagnostics)
    }

    private static func withTrailingSlash(_ url: String) -> String {
        url.hasSuffix("/") ? url : url + "/"
    }
}
