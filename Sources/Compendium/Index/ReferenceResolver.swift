/// Resolves the references written in front matter (`meeting:`, `shared_in:`,
/// `reports_to:` …) into edges, and checks sessions and attachments.
struct ReferenceResolver {
    let book: AddressBook
    /// `kind/slug` of every draft left out of the build.
    let drafts: Set<String>
    /// Paths of the attachments, such as `files/jobs/psw.pdf`.
    let attachments: Set<String>

    /// The edges every document's front matter declares, and the problems found.
    func resolve() -> ([Edge], [Diagnostic]) {
        var edges: Set<Edge> = []
        var diagnostics: [Diagnostic] = []
        for (position, document) in book.documents.enumerated() {
            var context = DocumentContext(resolver: self, position: position, document: document)
            context.collect()
            edges.formUnion(context.edges)
            diagnostics += context.diagnostics
        }
        diagnostics += checkSessions()
        let sorted = edges.sorted { ($0.source, $0.target, $0.relation) < ($1.source, $1.target, $1.relation) }
        return (sorted, diagnostics)
    }

    /// Two meetings claiming one session number of a series, or a number the series does not list.
    private func checkSessions() -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        var claimed: [String: String] = [:]
        for document in book.documents {
            guard case .meeting(let meeting) = document.details,
                  let series = meeting.series, let session = meeting.session,
                  let seriesPosition = book.find(series.value, kind: .series) else { continue }
            let location = session.location(in: document.file)
            let key = "\(series.value)#\(session.value)"
            if let other = claimed[key] {
                diagnostics.append(Diagnostic(.duplicateSession(series: series.value, number: session.value,
                                                                otherFile: other), at: location))
            } else {
                claimed[key] = document.file
            }
            if case .series(let details) = book.documents[seriesPosition].details,
               !details.sessions.contains(where: { $0.number == session.value }) {
                diagnostics.append(Diagnostic(.sessionNotInSeries(series: series.value, number: session.value),
                                              at: location))
            }
        }
        return diagnostics
    }
}

/// The references of one document.
private struct DocumentContext {
    let resolver: ReferenceResolver
    let position: Int
    let document: Document
    var edges: [Edge] = []
    var diagnostics: [Diagnostic] = []

    init(resolver: ReferenceResolver, position: Int, document: Document) {
        self.resolver = resolver
        self.position = position
        self.document = document
    }

    mutating func collect() {
        switch document.details {
        case .meeting(let meeting):
            link(meeting.series, field: "series", kind: .series, relation: .partOf)
            for resource in meeting.resources {
                link(resource, field: "resources", kind: .resource, relation: .sharedIn, reversed: true)
            }
            linkOrganisations(meeting.organisations, presenters: meeting.presenters)
        case .slides(let slides):
            link(slides.meeting, field: "meeting", kind: .meeting, relation: .presentedAt)
            linkOrganisations(slides.organisations, presenters: slides.presenters)
        case .job(let job):
            link(job.organisation, field: "organisation", kind: .organisation, relation: .employedBy)
            link(job.reportsTo, field: "reports_to", kind: .job, relation: .reportsTo)
            for target in job.progressesTo {
                link(target, field: "progresses_to", kind: .job, relation: .progressesTo)
            }
            checkAttachment(job.file)
        case .resource(let resource):
            link(resource.publisher, field: "publisher", kind: .organisation, relation: .publishedBy)
            for meeting in resource.sharedIn {
                link(meeting, field: "shared_in", kind: .meeting, relation: .sharedIn)
            }
            checkAttachment(resource.file)
        case .theme, .organisation, .series, .page:
            break
        }
    }

    private mutating func linkOrganisations(_ organisations: [Located<String>], presenters: [Person]) {
        for organisation in organisations {
            link(organisation, field: "organisations", kind: .organisation, relation: .involves)
        }
        for presenter in presenters {
            link(presenter.organisation, field: "organisation", kind: .organisation, relation: .involves)
        }
    }

    /// Adds the edge to the document `slug` names, or reports why there is none.
    private mutating func link(_ slug: Located<String>?, field: String, kind: Kind,
                               relation: Relation, reversed: Bool = false) {
        guard let slug else { return }
        let book = resolver.book
        if let target = book.find(slug.value, kind: kind) {
            edges.append(reversed ? Edge(source: target, target: position, relation: relation)
                                  : Edge(source: position, target: target, relation: relation))
            return
        }
        let location = slug.location(in: document.file)
        if resolver.drafts.contains("\(kind.folder)/\(slug.value)") {
            diagnostics.append(Diagnostic(.draftReference(field: field, value: slug.value), at: location))
            return
        }
        let suggestion = Suggestion.closest(to: slug.value, in: book.slugs(of: kind))
        let foundKind = book.bySlug[slug.value]?.first.map { book.documents[$0].kind.noun }
        diagnostics.append(Diagnostic(.unknownReference(field: field, value: slug.value, kind: kind.noun,
                                                        suggestion: suggestion, foundKind: foundKind), at: location))
    }

    private mutating func checkAttachment(_ path: Located<String>?) {
        guard let path, !resolver.attachments.contains(path.value) else { return }
        diagnostics.append(Diagnostic(.missingFile(path: path.value), at: path.location(in: document.file)))
    }
}
