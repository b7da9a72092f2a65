/// Contexts for the pages that list documents: home, each kind's listing,
/// the themes and topics indexes, topic pages and the career framework.
struct ListingPages {
    let frame: PageFrame

    private var site: IndexedSite { frame.site }

    /// What the compendium is, the latest sessions, and ways to browse.
    func home() -> TemplateRecord {
        var context = frame.context(address: "", title: site.configuration.title, description: nil,
                                    section: "", breadcrumbs: [])
        let meetings = site.documents(of: .meeting)
        let sections = [Kind.meeting, .slides, .job, .resource, .organisation, .series].compactMap { kind -> TemplateRecord? in
            let count = site.documents(of: kind).count
            guard count > 0 else { return nil }
            return ["title": kind.pluralTitle, "href": frame.link(from: "", to: SitePath.listing(kind)), "count": count]
        } + (site.topics.isEmpty ? [] : [["title": "Topics A to Z", "href": frame.link(from: "", to: "topics/"),
                                          "count": site.topics.count]])
        var home: TemplateRecord = [:]
        home["latest"] = PageFrame.list(frame.items(Array(meetings.prefix(3)), from: ""))
        home["themes"] = PageFrame.list(themeEntries(from: ""))
        home["series"] = PageFrame.list(frame.items(site.documents(of: .series), from: ""))
        home["sections"] = PageFrame.list(sections)
        context["home"] = home
        return context
    }

    /// A kind's listing: meetings and slides by year, resources by kind, others in one list.
    func listing(_ kind: Kind) -> TemplateRecord {
        let address = SitePath.listing(kind)
        var context = frame.context(address: address, title: kind.pluralTitle, description: nil,
                                    section: address, breadcrumbs: [("Home", "")])
        let members = site.documents(of: kind)
        var groups: [TemplateRecord]
        switch kind {
        case .meeting, .slides:
            let years = Dictionary(grouping: members) { site.documents[$0].date?.year ?? 0 }
            groups = years.keys.sorted(by: >).map { year in
                ["title": year == 0 ? "Undated" : String(year), "items": frame.items(years[year]!, from: address)]
            }
        case .resource:
            groups = resourceGroups(members, from: address)
        default:
            let alphabetical = site.inTitleOrder(members)
            groups = [["items": frame.items(alphabetical, from: address)]]
        }
        var listing: TemplateRecord = ["title": kind.pluralTitle, "count": members.count]
        listing["groups"] = members.isEmpty ? nil : PageFrame.list(groups)
        context["listing"] = listing
        return context
    }

    /// Every theme, with a count of the documents that discuss it.
    func themesIndex() -> TemplateRecord {
        let address = SitePath.listing(.theme)
        var context = frame.context(address: address, title: "Themes", description: nil,
                                    section: address, breadcrumbs: [("Home", "")])
        context["themes"] = PageFrame.list(themeEntries(from: address))
        context["matrix"] = themeMatrix(from: address)
        return context
    }

    /// How many of the latest sessions the themes table shows.
    static let sessionsInThemeTable = 12

    /// Which themes each of the latest sessions discussed, oldest session first.
    private func themeMatrix(from address: String) -> TemplateRecord? {
        let sessions = Array(site.documents(of: .meeting).prefix(ListingPages.sessionsInThemeTable).reversed())
        let themes = site.inTitleOrder(site.documents(of: .theme))
        guard !sessions.isEmpty, !themes.isEmpty else { return nil }
        let discussed = sessions.map { Set(site.taxonomy.themesOfDocument[$0]) }
        return [
            "sessions": sessions.map { session -> TemplateRecord in
                ["label": site.documents[session].date?.short ?? site.documents[session].title,
                 "title": site.documents[session].title, "href": frame.link(from: address, to: site.address(of: session))]
            },
            "rows": themes.map { theme -> TemplateRecord in
                ["title": site.documents[theme].title, "href": frame.link(from: address, to: site.address(of: theme)),
                 "cells": discussed.map { ["discussed": $0.contains(theme)] as TemplateRecord }]
            },
        ]
    }

    /// Topics A to Z, grouped by first letter.
    func topicsIndex() -> TemplateRecord {
        let address = "topics/"
        var context = frame.context(address: address, title: "Topics", description: nil,
                                    section: address, breadcrumbs: [("Home", "")])
        let byLetter = Dictionary(grouping: site.topics) { topic -> String in
            let first = topic.slug.prefix(1).uppercased()
            return first.first?.isLetter == true ? first : "#"
        }
        context["letters"] = PageFrame.list(byLetter.keys.sorted().map { letter -> TemplateRecord in
            let topics = byLetter[letter]!.map { topic -> TemplateRecord in
                ["title": topic.name, "href": frame.link(from: address, to: SitePath.topic(topic.slug)),
                 "count": topic.documents.count]
            }
            return ["letter": letter, "id": letter == "#" ? "other" : letter.lowercased(), "topics": topics]
        })
        context["topicCount"] = site.topics.count
        return context
    }

    /// One topic's documents, grouped by kind, newest first.
    func topic(_ index: Int) -> TemplateRecord {
        let topic = site.topics[index]
        let address = SitePath.topic(topic.slug)
        var context = frame.context(address: address, title: topic.name, description: nil,
                                    section: "topics/", breadcrumbs: [("Home", ""), ("Topics", "topics/")])
        context["topic"] = [
            "title": topic.name,
            "count": topic.documents.count,
            "countLabel": topic.documents.count == 1 ? "1 document" : "\(topic.documents.count) documents",
            "groups": frame.groupedByKind(topic.documents, from: address, order: site.inDisplayOrder),
        ] as TemplateRecord
        return context
    }

    /// Roles as a career framework: a table of bands by pillar, then every role by organisation.
    func careerFramework() -> TemplateRecord {
        let address = SitePath.listing(.job)
        var context = frame.context(address: address, title: Kind.job.pluralTitle, description: nil,
                                    section: address, breadcrumbs: [("Home", "")])
        let roles = site.inTitleOrder(site.documents(of: .job))
        let pillars = site.configuration.pillars
        var cells: [String: [Int]] = [:]
        var someRoleHasNoPillar = false
        for role in roles {
            guard case .job(let job) = site.documents[role].details else { continue }
            cells["\(job.band?.name ?? "-")|\(job.pillar?.value ?? "-")", default: []].append(role)
            if job.pillar == nil { someRoleHasNoPillar = true }
        }
        let columns: [String?] = pillars.map(\.slug) + (someRoleHasNoPillar ? [nil] : [])
        let rows: [Band?] = Band.all.reversed() + [nil]
        guard !roles.isEmpty else { return context }
        context["framework"] = [
            "columns": pillars.map { pillar -> TemplateRecord in
                var column: TemplateRecord = ["title": pillar.title]
                if let summary = pillar.summary { column["summary"] = summary }
                return column
            } + (someRoleHasNoPillar ? [["title": "No pillar stated"]] : []),
            "rows": rows.compactMap { band -> TemplateRecord? in
                let rowCells = columns.map { pillar in cells["\(band?.name ?? "-")|\(pillar ?? "-")"] ?? [] }
                guard rowCells.contains(where: { !$0.isEmpty }) else { return nil }
                return [
                    "title": band?.title ?? "Band not stated",
                    "cells": rowCells.map { cell -> TemplateRecord in
                        var entry: TemplateRecord = [:]
                        entry["roles"] = PageFrame.list(frame.items(cell, from: address))
                        return entry
                    },
                ]
            },
            "count": roles.count,
        ] as TemplateRecord
        // Highest band first, roles without a band last, then by title.
        context["comparison"] = PageFrame.list(roles.sorted { a, b in
            switch (band(of: a), band(of: b)) {
            case let (x?, y?) where x != y: return x > y
            case (nil, _?): return false
            case (_?, nil): return true
            default: return site.titleRank[a] < site.titleRank[b]
            }
        }.map { comparisonRow($0, from: address) })
        let byOrganisation = Dictionary(grouping: roles) { role -> Int in
            guard case .job(let job) = site.documents[role].details, let slug = job.organisation?.value else { return -1 }
            return site.book.find(slug, kind: .organisation) ?? -1
        }
        context["organisations"] = PageFrame.list(byOrganisation.keys.sorted { organisationOrder($0) < organisationOrder($1) }.map { key in
            ["title": key < 0 ? "No organisation stated" : site.documents[key].title,
             "items": frame.items(byOrganisation[key]!, from: address)] as TemplateRecord
        })
        return context
    }

    private func band(of role: Int) -> Band? {
        if case .job(let job) = site.documents[role].details { return job.band }
        return nil
    }

    /// One role's facts for the side-by-side table; "Not stated" where the source gives none.
    private func comparisonRow(_ role: Int, from address: String) -> TemplateRecord {
        guard case .job(let job) = site.documents[role].details else { return [:] }
        let target: (Relation) -> TemplateRecord? = { relation in
            site.graph.outgoing[role].first { $0.relation == relation }.map { edge in
                frame.link(site.documents[edge.target].title, from: address, to: site.address(of: edge.target))
            }
        }
        var row: TemplateRecord = [
            "title": site.documents[role].title, "href": frame.link(from: address, to: site.address(of: role)),
            "band": job.band?.title ?? "Not stated",
            "pillar": job.pillar.flatMap { slug in site.configuration.pillars.first { $0.slug == slug.value }?.title } ?? "Not stated",
            "setting": job.setting ?? "Not stated",
            "contract": job.contract?.title ?? "Not stated",
        ]
        row["organisation"] = target(.employedBy)
        row["reportsTo"] = target(.reportsTo)
        return row
    }

    private func organisationOrder(_ position: Int) -> String {
        position < 0 ? "\u{10FFFF}" : site.documents[position].title.lowercased()
    }

    private func themeEntries(from address: String) -> [TemplateRecord] {
        site.inTitleOrder(site.documents(of: .theme))
            .map { theme in
                var entry = frame.item(theme, from: address)
                let count = site.taxonomy.documentsOfTheme[theme]?.count ?? 0
                entry["count"] = count
                entry["countLabel"] = count == 1 ? "1 document" : "\(count) documents"
                return entry
            }
    }

    /// Resources by kind, each with the sessions it was shared in.
    private func resourceGroups(_ members: [Int], from address: String) -> [TemplateRecord] {
        let byKind = Dictionary(grouping: members) { position -> ResourceKind in
            if case .resource(let resource) = site.documents[position].details { return resource.kind }
            return .website
        }
        return byKind.keys.sorted().map { kind in
            let items = site.inTitleOrder(byKind[kind]!)
                .map { position -> TemplateRecord in
                    var item = frame.item(position, from: address)
                    let sessions = site.graph.outgoing[position].filter { $0.relation == .sharedIn }.map { edge in
                        ["title": site.documents[edge.target].title,
                         "href": frame.link(from: address, to: site.address(of: edge.target))] as TemplateRecord
                    }
                    item["sharedIn"] = PageFrame.list(sessions)
                    return item
                }
            return ["title": kind.pluralTitle, "items": items]
        }
    }
}
