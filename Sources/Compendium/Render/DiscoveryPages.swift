/// Contexts for the pages that cut across documents: the timeline of
/// sessions and milestones, the register of actions, search, and the page
/// for addresses that do not exist.
struct DiscoveryPages {
    let frame: PageFrame

    private var site: IndexedSite { frame.site }

    /// Sessions held, sessions planned and milestones, oldest first, by year.
    func timeline() -> TemplateRecord {
        let address = "timeline/"
        var context = frame.context(address: address, title: "Timeline", description: nil,
                                    section: address, breadcrumbs: [("Home", "")])
        var events: [(year: Int, day: Day?, order: Int, entry: TemplateRecord)] = []
        var recordedSessions: Set<String> = []
        for meeting in site.documents(of: .meeting) {
            let document = site.documents[meeting]
            guard let date = document.date else { continue }
            if case .meeting(let details) = document.details, let series = details.series, let number = details.session {
                recordedSessions.insert("\(series.value)#\(number.value)")
            }
            var entry = frame.item(meeting, from: address)
            entry["label"] = "Session"
            events.append((date.year, date, 1, entry))
        }
        for series in site.documents(of: .series) {
            guard case .series(let details) = site.documents[series].details else { continue }
            for session in details.sessions {
                guard let date = session.date, !recordedSessions.contains("\(site.documents[series].slug)#\(session.number)")
                else { continue }
                let entry: TemplateRecord = [
                    "label": "Planned session", "title": "Session \(session.number): \(session.title)",
                    "href": frame.link(from: address, to: site.address(of: series)), "date": frame.dateContext(date),
                    "details": site.documents[series].title,
                ]
                events.append((date.year, date, 1, entry))
            }
        }
        for slides in site.documents(of: .slides) {
            guard case .slides(let details) = site.documents[slides].details else { continue }
            for milestone in details.milestones {
                let entry: TemplateRecord = [
                    "label": "Milestone", "title": milestone.text,
                    "href": frame.link(from: address, to: site.address(of: slides)),
                    "details": "from " + site.documents[slides].title,
                ]
                events.append((milestone.year, nil, 0, entry))
            }
        }
        events.sort { ($0.year, $0.day ?? Day.distantPast, $0.order) < ($1.year, $1.day ?? Day.distantPast, $1.order) }
        let years = Dictionary(grouping: events, by: \.year)
        context["timeline"] = PageFrame.list(years.keys.sorted().map { year in
            ["year": String(year), "events": years[year]!.map(\.entry)] as TemplateRecord
        })
        return context
    }

    /// Every action from every meeting, by status, newest meeting first.
    func actions() -> TemplateRecord {
        let address = "actions/"
        var context = frame.context(address: address, title: "Actions", description: nil,
                                    section: address, breadcrumbs: [("Home", "")])
        var byStatus: [String: [TemplateRecord]] = [:]
        for meeting in site.documents(of: .meeting) {
            guard case .meeting(let details) = site.documents[meeting].details else { continue }
            for action in details.actions {
                var entry: TemplateRecord = ["text": action.text, "meeting": frame.item(meeting, from: address)]
                if let owner = action.owner { entry["owner"] = owner }
                if let due = action.due { entry["due"] = frame.dateContext(due) }
                byStatus[action.status?.title ?? "Status not recorded", default: []].append(entry)
            }
        }
        let order = ActionStatus.allCases.map(\.title) + ["Status not recorded"]
        context["actions"] = PageFrame.list(order.compactMap { status in
            byStatus[status].map { ["title": status, "id": "actions_" + Slug.make(status).replacing("-", with: "_"),
                                     "items": $0, "count": $0.count] as TemplateRecord }
        })
        return context
    }

    /// The search form, with the kinds and themes to filter by.
    func search() -> TemplateRecord {
        let address = "search/"
        var context = frame.context(address: address, title: "Search", description: nil,
                                    section: address, breadcrumbs: [("Home", "")])
        context["search"] = [
            "action": frame.link(from: address, to: address),
            "index": SitePath.relative(from: address, to: SearchIndex.path),
            "count": site.documents.count,
            "kinds": Kind.allCases.filter { !site.documents(of: $0).isEmpty }
                .map { ["id": $0.rawValue, "title": $0.pluralTitle] as TemplateRecord },
            "themes": site.documents(of: .theme).sorted { site.documents[$0].title < site.documents[$1].title }
                .map { ["id": site.documents[$0].slug, "title": site.documents[$0].title] as TemplateRecord },
            "browse": [Kind.meeting, .theme, .job, .resource].map {
                frame.link($0.pluralTitle, from: address, to: SitePath.listing($0))
            } + [frame.link("Topics A to Z", from: address, to: "topics/")],
        ] as TemplateRecord
        return context
    }

    /// The page a server shows for an address that does not exist. Its links
    /// are absolute, since it may be served at any depth.
    func notFound() -> TemplateRecord {
        var context = frame.context(address: "404.html", title: "Page not found", description: nil,
                                    section: nil, breadcrumbs: [])
        context["notFound"] = [
            "searchAction": frame.link(from: "404.html", to: "search/"),
            "browse": [Kind.meeting, .theme, .job, .resource].map {
                frame.link($0.pluralTitle, from: "404.html", to: SitePath.listing($0))
            },
        ] as TemplateRecord
        return context
    }
}
