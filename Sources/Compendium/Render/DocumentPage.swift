/// The context for a document's own page: its facts, body, people, links in
/// both directions, related documents and neighbours.
struct DocumentPage {
    let frame: PageFrame
    let position: Int
    private let document: Document
    private let address: String

    init(frame: PageFrame, position: Int) {
        self.frame = frame
        self.position = position
        document = frame.site.documents[position]
        address = frame.site.address(of: position)
    }

    private var site: IndexedSite { frame.site }

    /// The full context for the kind's template, with `body`, the document's text as HTML (or a hole for it).
    func context(body: TemplateValue) -> TemplateRecord {
        var context = frame.documentContext(kind: document.kind, address: address, title: document.title,
                                            description: PageFrame.summary(of: document))
        var page: TemplateRecord = [
            "title": document.title,
            "kind": PageFrame.kindLabel(document),
            "body": body,
        ]
        if let summary = document.summary { page["summary"] = summary }
        if !document.contentNotes.isEmpty {
            page["contentNote"] = ["subjects": document.contentNotes.joined(separator: ", "),
                                   "signposting": site.configuration.signposting] as TemplateRecord
        }
        if let date = document.date { page["date"] = frame.dateContext(date) }
        page["facts"] = PageFrame.list(facts())
        let themes = site.taxonomy.themesOfDocument[position].map { theme in
            frame.link(site.documents[theme].title, from: address, to: site.address(of: theme))
        }
        page["themes"] = PageFrame.list(themes)
        let topics = site.taxonomy.topicsOfDocument[position].map { index in
            let topic = site.topics[index]
            return frame.link(topic.name, from: address, to: SitePath.topic(topic.slug))
        }
        page["topics"] = PageFrame.list(topics)
        let headings = site.contents[position]
        if headings.count >= 3 { page["contents"] = PageFrame.list(headings.map { ["text": $0.text, "anchor": $0.anchor] }) }
        page["referencedBy"] = PageFrame.list(referencedBy())
        page["related"] = PageFrame.list(frame.items(site.graph.related[position], from: address))
        if let neighbours = self.neighbours() { page["neighbours"] = neighbours }
        addDetails(to: &page)
        context["document"] = page
        return context
    }

    /// Groups of documents that refer to this one, by how they refer. A
    /// theme's page leaves out mentions by documents it already lists as
    /// discussing the theme.
    private func referencedBy() -> [TemplateRecord] {
        let listed = document.kind == .theme ? Set(site.taxonomy.documentsOfTheme[position] ?? []) : []
        // Incoming edges are sorted by relation, so each relation's sources come as one run, in the relations' order.
        var groups: [TemplateRecord] = []
        var relation: Relation?
        var sources: [Int] = []
        func addGroup() {
            guard let relation, !sources.isEmpty else { return }
            groups.append(["title": relation.incomingTitle, "items": frame.items(sources, from: address)])
        }
        for edge in site.graph.incoming[position] where !(edge.relation == .mentions && listed.contains(edge.source)) {
            if edge.relation != relation {
                addGroup()
                relation = edge.relation
                sources.removeAll(keepingCapacity: true)
            }
            sources.append(edge.source)
        }
        addGroup()
        return groups
    }

    private func neighbours() -> TemplateRecord? {
        let pair = site.graph.neighbours[position]
        guard pair.previous != nil || pair.next != nil else { return nil }
        let noun = document.kind == .meeting ? "session" : document.kind.noun
        var context: TemplateRecord = [:]
        if let previous = pair.previous {
            context["previous"] = frame.item(previous, from: address).merging(["label": "Previous \(noun)"])
        }
        if let next = pair.next {
            context["next"] = frame.item(next, from: address).merging(["label": "Next \(noun)"])
        }
        return context
    }

    /// Links to the documents this one refers to through `relation`.
    private func targets(_ relation: Relation) -> [TemplateRecord] {
        site.graph.outgoing[position].filter { $0.relation == relation }.map { edge in
            frame.link(site.documents[edge.target].title, from: address, to: site.address(of: edge.target))
        }
    }

    /// The definition list of the document's facts, in a fixed order per kind.
    private func facts() -> [TemplateRecord] {
        var facts = FactList()
        switch document.details {
        case .meeting(let meeting):
            facts.text("Time", meeting.time)
            facts.text("Venue", meeting.venue)
            facts.links("Series", targets(.partOf), note: meeting.session.map { "session \($0.value)" })
            facts.links("Organisations", targets(.involves))
        case .slides:
            facts.links("Presented at", targets(.presentedAt))
            facts.links("Organisations", targets(.involves))
        case .job(let job):
            facts.text("Band", job.band?.title ?? "Not stated in the source")
            let pillar = job.pillar.flatMap { slug in site.configuration.pillars.first { $0.slug == slug.value } }
            facts.text("Pillar", pillar.map { [$0.title, $0.summary].compactMap { $0 }.joined(separator: ": ") })
            facts.links("Organisation", targets(.employedBy))
            facts.text("Setting", job.setting)
            facts.text("Contract", job.contract?.title)
            facts.links("Reports to", targets(.reportsTo))
            facts.links("Leads on to", targets(.progressesTo))
            facts.links("Job description", attachmentLink(job.file))
        case .resource(let resource):
            facts.text("Kind", resource.kind.title)
            facts.links("Where to find it", resource.link.map { [["title": $0, "href": $0, "external": true]] } ?? [])
            facts.links("File", attachmentLink(resource.file))
            facts.links("Published by", targets(.publishedBy))
            facts.text("Authors", resource.authors.isEmpty ? nil : resource.authors.joined(separator: ", "))
            facts.links("Shared in", targets(.sharedIn))
        case .organisation(let organisation):
            facts.text("Short name", organisation.shortName)
            facts.links("Website", organisation.url.map { [["title": $0, "href": $0, "external": true]] } ?? [])
        case .theme(let theme):
            facts.text("Also called", theme.synonyms.isEmpty ? nil : theme.synonyms.joined(separator: ", "))
        case .series, .page:
            break
        }
        return facts.entries
    }

    private func attachmentLink(_ path: Located<String>?) -> [TemplateRecord] {
        guard let path else { return [] }
        let name = path.value.split(separator: "/").last.map(String.init) ?? path.value
        return [frame.link(name, from: address, to: SitePath.encoded(path.value))]
    }

    /// Presenters, actions, agenda, milestones, sessions, and a theme's documents.
    private func addDetails(to page: inout TemplateRecord) {
        switch document.details {
        case .meeting(let meeting):
            addPeople(meeting.presenters, to: &page)
            page["actions"] = PageFrame.list(meeting.actions.map { action -> TemplateRecord in
                    var item: TemplateRecord = ["text": action.text]
                    if let owner = action.owner { item["owner"] = owner }
                    if let status = action.status { item["status"] = status.title; item["statusSlug"] = status.rawValue }
                    if let due = action.due { item["due"] = frame.dateContext(due) }
                    return item
                })
        case .slides(let slides):
            addPeople(slides.presenters, to: &page)
            page["agenda"] = PageFrame.list(slides.agenda.map { ["time": $0.time, "item": $0.item] })
            page["milestones"] = PageFrame.list(slides.milestones.map { ["year": String($0.year), "text": $0.text] })
        case .series(let series):
            let (held, toCome) = sessions(of: series)
            page["sessionsHeld"] = PageFrame.list(held).map { $0.merging(["caption": "Sessions held"]) }
            page["sessionsToCome"] = PageFrame.list(toCome).map { $0.merging(["caption": "Sessions to come"]) }
        case .theme:
            let members = site.taxonomy.documentsOfTheme[position] ?? []
            page["members"] = PageFrame.list(frame.groupedByKind(members, from: address, order: chronological))
            page["memberCount"] = members.count
        default:
            break
        }
    }

    private func addPeople(_ people: [Person], to page: inout TemplateRecord) {
        page["presenters"] = PageFrame.list(people.map { person -> TemplateRecord in
            var item: TemplateRecord = ["name": person.name]
            if let role = person.role { item["role"] = role }
            if let slug = person.organisation?.value, let organisation = site.book.find(slug, kind: .organisation) {
                item["organisation"] = ["title": site.documents[organisation].title,
                                        "href": frame.link(from: address, to: site.address(of: organisation))] as TemplateRecord
            }
            if let contact = person.publishedContact { item["contact"] = contact }
            return item
        })
    }

    /// A series' sessions, split into those held and those to come. A session
    /// is held when a meeting records it, or when it is dated no later than
    /// the latest meeting recorded for the series; so the page reads "as of
    /// the latest session in the compendium" and never depends on the clock.
    private func sessions(of series: Series) -> (held: [TemplateRecord], toCome: [TemplateRecord]) {
        var meetingOfSession: [Int: Int] = [:]
        var latest: Day?
        for edge in site.graph.incoming[position] where edge.relation == .partOf {
            let meetingDocument = site.documents[edge.source]
            if let date = meetingDocument.date, latest.map({ date > $0 }) ?? true { latest = date }
            if case .meeting(let meeting) = meetingDocument.details, let number = meeting.session?.value {
                meetingOfSession[number] = edge.source
            }
        }
        var held: [TemplateRecord] = []
        var toCome: [TemplateRecord] = []
        for session in series.sessions.sorted(by: { $0.number < $1.number }) {
            var item: TemplateRecord = ["number": session.number, "title": session.title]
            if let secondHour = session.secondHour { item["secondHour"] = secondHour }
            if let date = session.date { item["date"] = frame.dateContext(date) }
            if let time = session.time { item["time"] = time }
            if let meeting = meetingOfSession[session.number] {
                item["meeting"] = ["title": site.documents[meeting].title,
                                   "href": frame.link(from: address, to: site.address(of: meeting))] as TemplateRecord
                held.append(item)
            } else if let date = session.date, let latest, date <= latest {
                held.append(item)
            } else {
                toCome.append(item)
            }
        }
        return (held, toCome)
    }

    /// Oldest first, so a theme's page reads as the story of the sessions; undated documents by title.
    private func chronological(_ positions: [Int]) -> [Int] {
        positions.sorted { a, b in
            let (x, y) = (site.documents[a], site.documents[b])
            switch (x.date, y.date) {
            case let (left?, right?) where left != right: return left < right
            case (nil, _?): return false
            case (_?, nil): return true
            default: return site.rank[a] < site.rank[b]
            }
        }
    }
}

/// Label–value pairs, skipping empty values.
private struct FactList {
    var entries: [TemplateRecord] = []

    mutating func text(_ label: String, _ value: String?) {
        guard let value, !value.isEmpty else { return }
        entries.append(["label": label, "text": value])
    }

    mutating func links(_ label: String, _ links: [TemplateRecord], note: String? = nil) {
        guard !links.isEmpty else { return }
        var entry: TemplateRecord = ["label": label, "links": PageFrame.list(links)!]
        if let note { entry["note"] = note }
        entries.append(entry)
    }
}
