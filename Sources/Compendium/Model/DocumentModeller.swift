/// The model stage: front matter to a typed `Document`, checking every field.
public enum DocumentModeller {
    /// Reads the fields of `parsed`. `pillars` are the pillar slugs the site
    /// configuration defines. The document is `nil` when a required field is
    /// missing or unusable; every problem found is in the diagnostics.
    public static func model(_ parsed: ParsedDocument, pillars: [String]) -> (Document?, [Diagnostic]) {
        var reader = FieldReader(parsed.frontMatter, file: parsed.file, noun: parsed.kind.noun)
        let title = reader.text("title", required: true)
        let summary = reader.text("summary")
        let slugField = reader.text("slug")
        let draft = reader.flag("draft") ?? false
        let contentNotes = reader.textList("content_notes").map(\.value)
        let takesTaxonomy = Kind.taggedWithThemes.contains(parsed.kind)
        let themes = takesTaxonomy ? reader.textList("themes") : []
        let topics = takesTaxonomy ? reader.textList("topics") : []
        let dateRequired = parsed.kind == .meeting || parsed.kind == .slides
        let date = [.meeting, .slides, .job, .resource].contains(parsed.kind)
            ? reader.date("date", required: dateRequired) : nil
        let details = readDetails(of: parsed.kind, from: &reader, pillars: pillars)
        let slug = makeSlug(field: slugField, baseName: parsed.baseName, reader: &reader)
        let diagnostics = reader.finish()

        guard let title, let details, let slug, !(dateRequired && date == nil) else { return (nil, diagnostics) }
        let document = Document(
            file: parsed.file, relativePath: parsed.relativePath, kind: parsed.kind, slug: slug, title: title.value, summary: summary?.value,
            date: date?.value, draft: draft, themes: themes, topics: topics, contentNotes: contentNotes,
            bodyFingerprint: Fingerprint(text: parsed.body), bodyFirstLine: parsed.bodyFirstLine, details: details
        )
        return (document, diagnostics)
    }
}

private extension DocumentModeller {
    static func makeSlug(field: Located<String>?, baseName: String, reader: inout FieldReader) -> String? {
        if let field {
            guard Slug.isValid(field.value) else {
                reader.report(.invalidSlug(value: field.value, suggestion: Slug.make(field.value)),
                              line: field.line, column: field.column)
                return nil
            }
            guard !isReserved(slug: field.value) else {
                reader.report(.reservedName(name: field.value), line: field.line, column: field.column)
                return nil
            }
            return field.value
        }
        if Slug.isValid(baseName) {
            guard !isReserved(slug: baseName) else {
                reader.report(.reservedName(name: baseName), line: 1, column: 1)
                return nil
            }
            return baseName
        }
        let slug = Slug.make(baseName)
        guard !isReserved(slug: slug) else {
            reader.report(.reservedName(name: baseName), line: 1, column: 1)
            return nil
        }
        guard !slug.isEmpty else {
            reader.report(.invalidSlug(value: baseName, suggestion: "my-document"), line: 1, column: 1)
            return nil
        }
        reader.report(.fileNameNotSlug(name: baseName + ".md", slug: slug), line: 1, column: 1)
        return slug
    }

    /// Whether a slug is a name Windows reserves: a slug has no dot and no
    /// capital, so it is one exactly when it is among `FileNames.reserved`.
    static func isReserved(slug: String) -> Bool {
        FileNames.reserved.contains(slug)
    }

    static func readDetails(of kind: Kind, from reader: inout FieldReader, pillars: [String]) -> Document.Details? {
        switch kind {
        case .meeting: return readMeeting(&reader).map(Document.Details.meeting)
        case .slides: return .slides(readSlides(&reader))
        case .job: return .job(readJob(&reader, pillars: pillars))
        case .resource: return readResource(&reader).map(Document.Details.resource)
        case .theme: return .theme(Theme(synonyms: reader.textList("synonyms").map(\.value)))
        case .organisation:
            return .organisation(Organisation(shortName: reader.text("short_name")?.value,
                                              url: readWebAddress("url", &reader)))
        case .series:
            return .series(Series(sessions: reader.records("sessions", noun: "session", read: readSession)))
        case .page: return .page
        }
    }

    static func readMeeting(_ reader: inout FieldReader) -> Meeting? {
        let time = readTime("time", &reader)
        let venue = reader.text("venue")?.value
        let series = reader.text("series")
        let session = reader.number("session", minimum: 1)
        if let session, series == nil {
            reader.report(.sessionWithoutSeries, line: session.line, column: session.column)
        }
        return Meeting(
            time: time, venue: venue, series: series, session: session,
            presenters: reader.records("presenters", noun: "presenter", read: readPerson),
            organisations: reader.textList("organisations"),
            resources: reader.textList("resources"),
            actions: reader.records("actions", noun: "action", read: readAction)
        )
    }

    static func readSlides(_ reader: inout FieldReader) -> Slides {
        Slides(
            meeting: reader.text("meeting"),
            presenters: reader.records("presenters", noun: "presenter", read: readPerson),
            organisations: reader.textList("organisations"),
            agenda: reader.records("agenda", noun: "agenda item") { item in
                let time = readTime("time", &item)
                let text = item.text("item", required: true)
                guard let time, let text else { return nil }
                return AgendaItem(time: time, item: text.value)
            },
            milestones: reader.records("milestones", noun: "milestone") { item in
                let year = item.number("year", minimum: 1, required: true)
                let text = item.text("text", required: true)
                guard let year, let text else { return nil }
                return Milestone(year: year.value, text: text.value)
            }
        )
    }

    static func readJob(_ reader: inout FieldReader, pillars: [String]) -> Job {
        var band: Band?
        if let node = reader.node("band"), let text = reader.textValue(node, field: "band") {
            band = Band(text.value)
            if band == nil { reader.report(.invalidBand(value: text.value), at: node) }
        }
        var pillar: Located<String>?
        if let node = reader.node("pillar"), let text = reader.textValue(node, field: "pillar") {
            if pillars.contains(text.value) {
                pillar = text
            } else {
                reader.report(.unknownPillar(value: text.value, suggestion: Suggestion.closest(to: text.value, in: pillars),
                                             defined: pillars), at: node)
            }
        }
        return Job(
            band: band,
            organisation: reader.text("organisation"),
            pillar: pillar,
            setting: reader.text("setting")?.value,
            contract: reader.choice("contract", as: Contract.self),
            reportsTo: reader.text("reports_to"),
            progressesTo: reader.textList("progresses_to"),
            file: readAttachment("file", &reader)
        )
    }

    static func readResource(_ reader: inout FieldReader) -> Resource? {
        let kind = reader.choice("kind", as: ResourceKind.self, required: true)
        let resource = Resource(
            kind: kind ?? .website,
            link: readWebAddress("link", &reader),
            file: readAttachment("file", &reader),
            publisher: reader.text("publisher"),
            authors: reader.textList("authors").map(\.value),
            sharedIn: reader.textList("shared_in")
        )
        return kind == nil ? nil : resource
    }

    static func readSession(_ reader: inout FieldReader) -> Session? {
        let number = reader.number("number", minimum: 1, required: true)
        let title = reader.text("title", required: true)
        let secondHour = reader.text("second_hour")?.value
        let date = reader.date("date")?.value
        let time = readTime("time", &reader)
        guard let number, let title else { return nil }
        return Session(number: number.value, title: title.value, secondHour: secondHour, date: date,
                       time: time, line: number.line, column: number.column)
    }

    static func readPerson(_ reader: inout FieldReader) -> Person? {
        let name = reader.text("name", required: true)
        let role = reader.text("role")?.value
        let organisation = reader.text("organisation")
        let contact = reader.formatted("contact", ValueSyntax.keep(if: ValueSyntax.isEmailAddress)) {
            .invalidEmail(field: "contact", value: $0)
        }
        let contactPublic = reader.flag("contact_public") ?? false
        guard let name else { return nil }
        return Person(name: name.value, role: role, organisation: organisation,
                      contact: contact, contactPublic: contactPublic)
    }

    static func readAction(_ reader: inout FieldReader) -> Action? {
        let text = reader.text("text", required: true)
        let owner = reader.text("owner")?.value
        let status = reader.choice("status", as: ActionStatus.self)
        let due = reader.date("due")?.value
        guard let text else { return nil }
        return Action(text: text.value, owner: owner, status: status, due: due)
    }

    static func readTime(_ key: String, _ reader: inout FieldReader) -> String? {
        reader.formatted(key, ValueSyntax.timeRange) { .invalidTime(field: key, value: $0) }?.value
    }

    static func readWebAddress(_ key: String, _ reader: inout FieldReader) -> String? {
        reader.formatted(key, ValueSyntax.keep(if: ValueSyntax.isWebAddress)) { .invalidWebAddress(field: key, value: $0) }?.value
    }

    static func readAttachment(_ key: String, _ reader: inout FieldReader) -> Located<String>? {
        reader.formatted(key, ValueSyntax.keep(if: ValueSyntax.isAttachmentPath)) { .invalidFilePath(field: key, value: $0) }
    }
}
