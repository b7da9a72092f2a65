@testable import Compendium
import Testing

// Unit tests of the model stage: front matter to typed documents, and the
// site configuration. Documents are written as text and parsed first.

private let meetingFields = ["actions", "content_notes", "date", "draft", "organisations", "presenters", "resources", "series",
                             "session", "slug", "summary", "themes", "time", "title", "topics", "venue"]
private let pageFields = ["content_notes", "draft", "slug", "summary", "title"]

private func located(_ value: String, _ line: Int, _ column: Int) -> Located<String> {
    Located(value, line: line, column: column)
}

@Suite struct DocumentModellerUnitTests {
    // MARK: Required fields

    @Test(arguments: [
        ("meetings/2025-11-21.md", ["title", "date"], "meeting"),
        ("slides/2025-11-21.md", ["title", "date"], "slide deck"),
        ("jobs/psw.md", ["title"], "role profile"),
        ("resources/handbook.md", ["title", "kind"], "resource"),
        ("themes/supervision.md", ["title"], "theme"),
        ("organisations/mpft.md", ["title"], "organisation"),
        ("series/peer-support.md", ["title"], "series"),
        ("pages/about.md", ["title"], "page"),
    ])
    func requiredFieldsAreReported(_ path: String, _ fields: [String], _ noun: String) {
        let (document, diagnostics) = Unit.model(path, Unit.text("summary: Something"))
        #expect(document == nil)
        #expect(diagnostics == fields.map {
            Unit.diagnostic(.missingField(field: $0, kind: noun), "content/" + path, 2, 1)
        })
    }

    @Test func emptyFrontMatterIsMissingItsTitleAtTheTop() {
        let (document, diagnostics) = Unit.model("pages/about.md", "---\n---\nText\n")
        #expect(document == nil)
        #expect(diagnostics == [Unit.diagnostic(.missingField(field: "title", kind: "page"), "content/pages/about.md", 1, 1)])
    }

    @Test func frontMatterThatIsNotAMappingIsRefused() {
        let (document, diagnostics) = Unit.model("pages/about.md", "---\n- title\n- About\n---\n")
        #expect(document == nil)
        #expect(diagnostics == [
            Unit.diagnostic(.notFieldList, "content/pages/about.md", 2, 1),
            Unit.diagnostic(.missingField(field: "title", kind: "page"), "content/pages/about.md", 2, 1),
        ])
    }

    @Test func aBlankRequiredFieldIsMissing() {
        let (document, diagnostics) = Unit.model("pages/about.md", Unit.text("title:\nsummary: x"))
        #expect(document == nil)
        #expect(diagnostics == [Unit.diagnostic(.missingField(field: "title", kind: "page"), "content/pages/about.md", 2, 1)])
    }

    // MARK: Common fields

    @Test func aMinimalPage() throws {
        let page = try Unit.document("pages/about.md", Unit.text("title: About us\nsummary: Who we are.", body: "Text\n"))
        #expect(page.kind == .page)
        #expect(page.slug == "about")
        #expect(page.title == "About us")
        #expect(page.summary == "Who we are.")
        #expect(page.file == "content/pages/about.md")
        #expect(page.relativePath == "pages/about.md")
        #expect(page.draft == false)
        #expect(page.date == nil)
        #expect(page.themes == [])
        #expect(page.bodyFingerprint == Fingerprint(text: "Text\n"))
        #expect(page.bodyFirstLine == 5)
        #expect(page.details == .page)
    }

    @Test func textIsTrimmed() throws {
        let page = try Unit.document("pages/about.md", Unit.text("title: \"  About  \""))
        #expect(page.title == "About")
    }

    @Test func unknownFieldsAreReportedWithASuggestion() throws {
        let (document, diagnostics) = Unit.model("meetings/2025-11-21.md", Unit.text("title: M\ndate: 2025-11-21\nvenu: Teams"))
        #expect(document != nil)
        #expect(diagnostics == [Unit.diagnostic(
            .unknownField(field: "venu", kind: "meeting", suggestion: "venue", allowed: meetingFields),
            "content/meetings/2025-11-21.md", 4, 1)])
    }

    @Test func unknownFieldsWithoutALikelyNameListTheFields() throws {
        let (document, diagnostics) = Unit.model("pages/about.md", Unit.text("title: About\ncolour: red\nthemes: [a]"))
        #expect(document?.title == "About")
        #expect(diagnostics == [
            Unit.diagnostic(.unknownField(field: "colour", kind: "page", suggestion: nil, allowed: pageFields),
                            "content/pages/about.md", 3, 1),
            Unit.diagnostic(.unknownField(field: "themes", kind: "page", suggestion: nil, allowed: pageFields),
                            "content/pages/about.md", 4, 1),
        ])
        #expect(diagnostics.first?.reason.hint == "fields a page can have: content_notes, draft, slug, summary, title")
    }

    @Test(arguments: ["no", "No", "yes", "Y", "off", "ON", "true", "FALSE"])
    func yesNoWordsAreAmbiguousAsText(_ word: String) {
        let (document, diagnostics) = Unit.model("pages/about.md", Unit.text("title: \(word)"))
        #expect(document == nil)
        #expect(diagnostics == [Unit.diagnostic(.ambiguousScalar(field: "title", value: word, readAs: "a yes/no value"),
                                                "content/pages/about.md", 2, 8)])
    }

    @Test func quotedYesNoWordsAreText() throws {
        #expect(try Unit.document("pages/about.md", Unit.text("title: \"no\"")).title == "no")
        #expect(try Unit.document("pages/about.md", Unit.text("title: 'Yes'")).title == "Yes")
        #expect(try Unit.document("pages/about.md", Unit.text("title: Norway")).title == "Norway")
    }

    @Test func anAmbiguousOptionalFieldIsLeftOut() {
        let (document, diagnostics) = Unit.model("pages/about.md", Unit.text("title: About\nsummary: yes"))
        #expect(document?.summary == nil)
        #expect(document?.title == "About")
        #expect(diagnostics.map(\.reason) == [.ambiguousScalar(field: "summary", value: "yes", readAs: "a yes/no value")])
    }

    @Test func aListWhereTextIsExpected() {
        let (document, diagnostics) = Unit.model("pages/about.md", Unit.text("title: [About]"))
        #expect(document == nil)
        #expect(diagnostics == [Unit.diagnostic(.wrongType(field: "title", expected: "text", found: "a list"),
                                                "content/pages/about.md", 2, 8)])
    }

    // MARK: Lists

    @Test func aSingleValueIsAListOfOneWithAWarning() throws {
        let (document, diagnostics) = Unit.model("meetings/2025-11-21.md",
                                                 Unit.text("title: M\ndate: 2025-11-21\nthemes: supervision"))
        #expect(try #require(document).themes == [located("supervision", 4, 9)])
        #expect(diagnostics == [Unit.diagnostic(.singleValueForList(field: "themes", value: "supervision"),
                                                "content/meetings/2025-11-21.md", 4, 9)])
        #expect(diagnostics.map(\.severity) == [.warning])
    }

    @Test func aCommaSeparatedValueIsNotAList() throws {
        let (document, diagnostics) = Unit.model("meetings/2025-11-21.md",
                                                 Unit.text("title: M\ndate: 2025-11-21\ntopics: Band 4, PICU"))
        #expect(try #require(document).topics == [])
        #expect(diagnostics == [Unit.diagnostic(
            .wrongType(field: "topics", expected: "a list such as [first, second]", found: "'Band 4, PICU'"),
            "content/meetings/2025-11-21.md", 4, 9)])
        #expect(diagnostics.map(\.severity) == [.error])
    }

    @Test func listItemsKeepTheirPositions() throws {
        let meeting = try Unit.document("meetings/2025-11-21.md", Unit.text("""
            title: M
            date: 2025-11-21
            themes: [supervision, banding]
            topics:
              - Band 4
              -
              - "PICU"
            """))
        #expect(meeting.themes == [located("supervision", 4, 10), located("banding", 4, 23)])
        #expect(meeting.topics == [located("Band 4", 6, 5), located("PICU", 8, 5)])
    }

    // MARK: Values

    @Test func invalidBand() throws {
        let (document, diagnostics) = Unit.model("jobs/psw.md", Unit.text("title: PSW\nband: 10"))
        guard case .job(let job)? = document?.details else {
            Issue.record("no job")
            return
        }
        #expect(job.band == nil)
        #expect(diagnostics == [Unit.diagnostic(.invalidBand(value: "10"), "content/jobs/psw.md", 3, 7)])
    }

    @Test(arguments: [("4", "4"), ("8A", "8a"), ("Band 8c", "8c"), ("\"9\"", "9")])
    func validBands(_ written: String, _ name: String) throws {
        let job = try Unit.document("jobs/psw.md", Unit.text("title: PSW\nband: \(written)"))
        guard case .job(let details) = job.details else {
            Issue.record("not a job")
            return
        }
        #expect(details.band?.name == name)
    }

    @Test func invalidDateOfAMeetingLeavesNoDocument() {
        let (document, diagnostics) = Unit.model("meetings/2025-02-29.md", Unit.text("title: M\ndate: 2025-02-29"))
        #expect(document == nil)
        #expect(diagnostics == [Unit.diagnostic(.invalidDate(field: "date", value: "2025-02-29"),
                                                "content/meetings/2025-02-29.md", 3, 7)])
    }

    @Test func invalidDateOfAResourceIsReportedButKeepsTheDocument() throws {
        let (document, diagnostics) = Unit.model("resources/guide.md",
                                                 Unit.text("title: Guide\nkind: guide\ndate: 21/11/2025"))
        #expect(try #require(document).date == nil)
        #expect(diagnostics == [Unit.diagnostic(.invalidDate(field: "date", value: "21/11/2025"),
                                                "content/resources/guide.md", 4, 7)])
    }

    @Test func datesMayBeQuoted() throws {
        let meeting = try Unit.document("meetings/2025-11-21.md", Unit.text("title: M\ndate: \"2025-11-21\""))
        #expect(meeting.date == Day(iso: "2025-11-21"))
    }

    @Test func times() throws {
        let (document, diagnostics) = Unit.model("meetings/2025-11-21.md",
                                                 Unit.text("title: M\ndate: 2025-11-21\ntime: 25:00"))
        guard case .meeting(let meeting)? = document?.details else {
            Issue.record("no meeting")
            return
        }
        #expect(meeting.time == nil)
        #expect(diagnostics == [Unit.diagnostic(.invalidTime(field: "time", value: "25:00"),
                                                "content/meetings/2025-11-21.md", 4, 7)])

        let valid = try Unit.document("meetings/2025-11-21.md", Unit.text("title: M\ndate: 2025-11-21\ntime: 14:00 - 16:00"))
        guard case .meeting(let details) = valid.details else {
            Issue.record("not a meeting")
            return
        }
        #expect(details.time == "14:00–16:00")
    }

    @Test func webAddresses() throws {
        let (organisation, problems) = Unit.model("organisations/mpft.md", Unit.text("title: MPFT\nurl: www.mpft.nhs.uk"))
        #expect(organisation?.details == .organisation(Organisation(shortName: nil, url: nil)))
        #expect(problems == [Unit.diagnostic(.invalidWebAddress(field: "url", value: "www.mpft.nhs.uk"),
                                             "content/organisations/mpft.md", 3, 6)])

        let (resource, resourceProblems) = Unit.model("resources/guide.md",
                                                      Unit.text("title: Guide\nkind: guide\nlink: example.org/guide"))
        #expect(resource != nil)
        #expect(resourceProblems == [Unit.diagnostic(.invalidWebAddress(field: "link", value: "example.org/guide"),
                                                     "content/resources/guide.md", 4, 7)])

        let valid = try Unit.document("organisations/mpft.md",
                                      Unit.text("title: Midlands Partnership\nshort_name: MPFT\nurl: https://www.mpft.nhs.uk"))
        #expect(valid.details == .organisation(Organisation(shortName: "MPFT", url: "https://www.mpft.nhs.uk")))
    }

    @Test func pillarsAreCheckedAgainstTheConfiguredOnes() throws {
        let pillars = ["clinical-practice", "leadership"]
        let job = try Unit.document("jobs/psw.md", Unit.text("title: PSW\npillar: leadership"), pillars: pillars)
        guard case .job(let details) = job.details else {
            Issue.record("not a job")
            return
        }
        #expect(details.pillar == located("leadership", 3, 9))

        let (misspelt, problems) = Unit.model("jobs/psw.md", Unit.text("title: PSW\npillar: leadershp"), pillars: pillars)
        guard case .job(let misspeltJob)? = misspelt?.details else {
            Issue.record("no job")
            return
        }
        #expect(misspeltJob.pillar == nil)
        #expect(problems == [Unit.diagnostic(
            .unknownPillar(value: "leadershp", suggestion: "leadership", defined: pillars),
            "content/jobs/psw.md", 3, 9)])

        let (_, noPillars) = Unit.model("jobs/psw.md", Unit.text("title: PSW\npillar: leadership"), pillars: [])
        #expect(noPillars.map(\.reason) == [.unknownPillar(value: "leadership", suggestion: nil, defined: [])])
    }

    @Test func aJobWithEveryField() throws {
        let job = try Unit.document("jobs/senior-psw.md", Unit.text("""
            title: Senior peer support worker
            band: 5
            organisation: mpft
            pillar: leadership
            setting: community mental health teams
            contract: Fixed-Term
            reports_to: team-lead
            progresses_to: [lead-psw]
            date: 2025-06-01
            file: files/jobs/senior-psw.pdf
            themes: [supervision]
            topics: [Band 5]
            """), pillars: ["leadership"])
        #expect(job.slug == "senior-psw")
        #expect(job.date == Day(iso: "2025-06-01"))
        #expect(job.themes.map(\.value) == ["supervision"])
        #expect(job.topics.map(\.value) == ["Band 5"])
        #expect(job.details == .job(Job(
            band: Band("5"), organisation: located("mpft", 4, 15), pillar: located("leadership", 5, 9),
            setting: "community mental health teams", contract: .fixedTerm, reportsTo: located("team-lead", 8, 13),
            progressesTo: [located("lead-psw", 9, 17)], file: located("files/jobs/senior-psw.pdf", 11, 7))))
    }

    @Test func invalidChoicesAndPaths() {
        let (document, diagnostics) = Unit.model("jobs/psw.md", Unit.text("title: PSW\ncontract: temporary\nfile: ../psw.pdf"))
        #expect(document != nil)
        #expect(diagnostics == [
            Unit.diagnostic(.invalidChoice(field: "contract", value: "temporary", allowed: ["permanent", "fixed-term"],
                                           suggestion: nil), "content/jobs/psw.md", 3, 11),
            Unit.diagnostic(.invalidFilePath(field: "file", value: "../psw.pdf"), "content/jobs/psw.md", 4, 7),
        ])
    }

    @Test func resourceKinds() throws {
        let resource = try Unit.document("resources/handbook.md", Unit.text("""
            title: The handbook
            kind: Handbook
            link: https://example.org/handbook
            file: files/handbook.pdf
            publisher: nhs-employers
            authors: [A. Writer, B. Writer]
            shared_in: [2025-11-21]
            """))
        #expect(resource.details == .resource(Resource(
            kind: .handbook, link: "https://example.org/handbook", file: located("files/handbook.pdf", 5, 7),
            publisher: located("nhs-employers", 6, 12), authors: ["A. Writer", "B. Writer"],
            sharedIn: [located("2025-11-21", 8, 13)])))

        let (misspelt, diagnostics) = Unit.model("resources/handbook.md", Unit.text("title: H\nkind: handbok"))
        #expect(misspelt == nil)
        #expect(diagnostics == [Unit.diagnostic(
            .invalidChoice(field: "kind", value: "handbok", allowed: ResourceKind.allCases.map(\.rawValue), suggestion: "handbook"),
            "content/resources/handbook.md", 3, 7)])
    }

    // MARK: Slugs

    @Test func theSlugComesFromTheFileName() throws {
        #expect(try Unit.document("jobs/senior-psw.md", Unit.text("title: Senior PSW")).slug == "senior-psw")
        #expect(try Unit.document("meetings/2025-11-21.md", Unit.text("title: M\ndate: 2025-11-21")).slug == "2025-11-21")
    }

    @Test func aSlugFieldOverridesTheFileName() throws {
        #expect(try Unit.document("jobs/senior-psw.md", Unit.text("title: Senior PSW\nslug: senior-peer-support-worker")).slug
            == "senior-peer-support-worker")
        // A slug field also saves a file name that is not a slug.
        #expect(try Unit.document("jobs/Senior PSW.md", Unit.text("title: Senior PSW\nslug: senior")).slug == "senior")
    }

    @Test func anInvalidSlugFieldLeavesNoDocument() {
        let (document, diagnostics) = Unit.model("jobs/psw.md", Unit.text("title: PSW\nslug: Not Valid"))
        #expect(document == nil)
        #expect(diagnostics == [Unit.diagnostic(.invalidSlug(value: "Not Valid", suggestion: "not-valid"),
                                                "content/jobs/psw.md", 3, 7)])
    }

    @Test func aFileNameThatIsNotASlugIsSanitisedWithAWarning() throws {
        let (document, diagnostics) = Unit.model("jobs/Senior PSW (Band 5).md", Unit.text("title: Senior PSW"))
        #expect(try #require(document).slug == "senior-psw-band-5")
        #expect(diagnostics == [Unit.diagnostic(.fileNameNotSlug(name: "Senior PSW (Band 5).md", slug: "senior-psw-band-5"),
                                                "content/jobs/Senior PSW (Band 5).md", 1, 1)])
        #expect(diagnostics.map(\.severity) == [.warning])
    }

    @Test func aFileNameWithNothingToMakeASlugFrom() {
        let (document, diagnostics) = Unit.model("pages/!!!.md", Unit.text("title: Bang"))
        #expect(document == nil)
        #expect(diagnostics == [Unit.diagnostic(.invalidSlug(value: "!!!", suggestion: "my-document"),
                                                "content/pages/!!!.md", 1, 1)])
    }

    // MARK: Drafts

    @Test(arguments: [("", false), ("draft: true", true), ("draft: yes", true), ("draft: false", false),
                      ("draft: no", false), ("draft: True", true), ("draft:", false)])
    func draftFlag(_ line: String, _ draft: Bool) throws {
        #expect(try Unit.document("pages/about.md", Unit.text("title: About\n" + line)).draft == draft)
    }

    @Test func aDraftFlagThatIsNotYesOrNo() throws {
        let (document, diagnostics) = Unit.model("pages/about.md", Unit.text("title: About\ndraft: maybe"))
        #expect(try #require(document).draft == false)
        #expect(diagnostics == [Unit.diagnostic(.wrongType(field: "draft", expected: "true or false", found: "'maybe'"),
                                                "content/pages/about.md", 3, 8)])
    }

    // MARK: People and actions

    @Test func presentersAndWhoseContactIsPublished() throws {
        let meeting = try Unit.document("meetings/2025-11-21.md", Unit.text("""
            title: M
            date: 2025-11-21
            presenters:
              - name: Ann Smith
                role: Peer support worker
                organisation: mpft
                contact: ann@example.org
                contact_public: true
              - name: Bob Jones
                contact: bob@example.org
              - name: Cat Brown
                contact: cat@example.org
                contact_public: false
            """))
        guard case .meeting(let details) = meeting.details else {
            Issue.record("not a meeting")
            return
        }
        #expect(details.presenters.map(\.name) == ["Ann Smith", "Bob Jones", "Cat Brown"])
        #expect(details.presenters.map(\.role) == ["Peer support worker", nil, nil])
        #expect(details.presenters.map(\.organisation) == [located("mpft", 7, 19), nil, nil])
        #expect(details.presenters.map(\.contact?.value) == ["ann@example.org", "bob@example.org", "cat@example.org"])
        #expect(details.presenters.map(\.contactPublic) == [true, false, false])
        #expect(details.presenters.map(\.publishedContact) == ["ann@example.org", nil, nil])
    }

    @Test func presenterProblems() throws {
        let (document, diagnostics) = Unit.model("meetings/2025-11-21.md", Unit.text("""
            title: M
            date: 2025-11-21
            presenters:
              - role: PSW
              - name: Dan
                contact: dan at example
                email: dan@example.org
              - Eve
            """))
        guard case .meeting(let details)? = document?.details else {
            Issue.record("no meeting")
            return
        }
        #expect(details.presenters.map(\.name) == ["Dan"])
        #expect(details.presenters.first?.contact == nil)
        let file = "content/meetings/2025-11-21.md"
        #expect(diagnostics == [
            Unit.diagnostic(.missingField(field: "name", kind: "presenter"), file, 5, 5),
            Unit.diagnostic(.invalidEmail(field: "contact", value: "dan at example"), file, 7, 14),
            Unit.diagnostic(.unknownField(field: "email", kind: "presenter", suggestion: nil,
                                          allowed: ["contact", "contact_public", "name", "organisation", "role"]), file, 8, 5),
            Unit.diagnostic(.wrongType(field: "presenters", expected: "a list of presenters, each with its own fields",
                                       found: "'Eve'"), file, 9, 5),
        ])
    }

    @Test func presentersGivenAsOneName() {
        let (_, diagnostics) = Unit.model("meetings/2025-11-21.md", Unit.text("title: M\ndate: 2025-11-21\npresenters: Ann"))
        #expect(diagnostics == [Unit.diagnostic(
            .wrongType(field: "presenters", expected: "a list of presenters, each with its own fields", found: "'Ann'"),
            "content/meetings/2025-11-21.md", 4, 13)])
    }

    @Test func actionsWithStatus() throws {
        let (document, diagnostics) = Unit.model("meetings/2025-11-21.md", Unit.text("""
            title: M
            date: 2025-11-21
            actions:
              - text: Share the handbook
                owner: Ann
                status: done
                due: 2025-12-01
              - text: Draft a role profile
                status: Carried-Forward
              - text: Book a room
                status: open
              - text: Ask the trust
                status: Don
            """))
        guard case .meeting(let details)? = document?.details else {
            Issue.record("no meeting")
            return
        }
        #expect(details.actions.map(\.text) == ["Share the handbook", "Draft a role profile", "Book a room", "Ask the trust"])
        #expect(details.actions.map(\.owner) == ["Ann", nil, nil, nil])
        #expect(details.actions.map(\.status) == [.done, .carriedForward, .open, nil])
        #expect(details.actions.map(\.due) == [Day(iso: "2025-12-01"), nil, nil, nil])
        #expect(diagnostics == [Unit.diagnostic(
            .invalidChoice(field: "status", value: "Don", allowed: ["open", "done", "carried-forward"], suggestion: "done"),
            "content/meetings/2025-11-21.md", 14, 13)])
    }

    // MARK: Meetings, series and slides

    @Test func aSessionWithoutASeries() throws {
        let (document, diagnostics) = Unit.model("meetings/2025-11-21.md", Unit.text("title: M\ndate: 2025-11-21\nsession: 3"))
        guard case .meeting(let details)? = document?.details else {
            Issue.record("no meeting")
            return
        }
        #expect(details.session == Located(3, line: 4, column: 10))
        #expect(details.series == nil)
        #expect(diagnostics == [Unit.diagnostic(.sessionWithoutSeries, "content/meetings/2025-11-21.md", 4, 10)])
    }

    @Test func sessionNumbers() throws {
        let meeting = try Unit.document("meetings/2025-11-21.md",
                                        Unit.text("title: M\ndate: 2025-11-21\nseries: peer-support\nsession: 3\nvenue: MS Teams"))
        #expect(meeting.details == .meeting(Meeting(
            time: nil, venue: "MS Teams", series: located("peer-support", 4, 9), session: Located(3, line: 5, column: 10),
            presenters: [], organisations: [], resources: [], actions: [])))

        let file = "content/meetings/2025-11-21.md"
        let (_, zero) = Unit.model("meetings/2025-11-21.md", Unit.text("title: M\ndate: 2025-11-21\nseries: s\nsession: 0"))
        #expect(zero == [Unit.diagnostic(.numberOutOfRange(field: "session", value: 0, minimum: 1), file, 5, 10)])
        let (_, words) = Unit.model("meetings/2025-11-21.md", Unit.text("title: M\ndate: 2025-11-21\nseries: s\nsession: three"))
        #expect(words == [Unit.diagnostic(.wrongType(field: "session", expected: "a whole number", found: "'three'"), file, 5, 10)])
    }

    @Test func seriesSessions() throws {
        let series = try Unit.document("series/peer-support.md", Unit.text("""
            title: Peer support
            sessions:
              - number: 1
                title: Introductions
                second_hour: Peer supervision
                date: 2025-11-21
                time: 14:00-16:00
              - number: 2
                title: Banding
            """))
        #expect(series.details == .series(Series(sessions: [
            Session(number: 1, title: "Introductions", secondHour: "Peer supervision", date: Day(iso: "2025-11-21"),
                    time: "14:00–16:00", line: 4, column: 13),
            Session(number: 2, title: "Banding", secondHour: nil, date: nil, time: nil, line: 9, column: 13),
        ])))
    }

    @Test func aSessionWithoutANumber() {
        let (document, diagnostics) = Unit.model("series/peer-support.md",
                                                 Unit.text("title: Peer support\nsessions:\n  - title: Introductions"))
        #expect(document?.details == .series(Series(sessions: [])))
        #expect(diagnostics == [Unit.diagnostic(.missingField(field: "number", kind: "session"),
                                                "content/series/peer-support.md", 4, 5)])
    }

    @Test func slidesWithAgendaAndMilestones() throws {
        let slides = try Unit.document("slides/2025-11-21.md", Unit.text("""
            title: Slides
            date: 2025-11-21
            meeting: 2025-11-21
            agenda:
              - time: "14:00"
                item: Housekeeping
              - time: 14:10
                item: Talk
            milestones:
              - year: 2019
                text: Founded
            """))
        #expect(slides.details == .slides(Slides(
            meeting: located("2025-11-21", 4, 10), presenters: [], organisations: [],
            agenda: [AgendaItem(time: "14:00", item: "Housekeeping"), AgendaItem(time: "14:10", item: "Talk")],
            milestones: [Milestone(year: 2019, text: "Founded")])))
    }

    @Test func themesHaveSynonymsAndNoTaxonomy() throws {
        let theme = try Unit.document("themes/supervision.md", Unit.text("title: Supervision\nsynonyms: [reflective practice, clinical supervision]"))
        #expect(theme.details == .theme(Theme(synonyms: ["reflective practice", "clinical supervision"])))
        let (_, diagnostics) = Unit.model("themes/supervision.md", Unit.text("title: Supervision\ntopics: [x]"))
        #expect(diagnostics.map(\.reason) == [.unknownField(field: "topics", kind: "theme", suggestion: nil,
                                                             allowed: ["content_notes", "draft", "slug", "summary", "synonyms", "title"])])
    }
}

@Suite struct SiteConfigurationUnitTests {
    private let file = "compendium.yml"

    private func read(_ text: String) -> (SiteConfiguration?, [Diagnostic]) {
        SiteConfiguration.read(Array(text.utf8), file: file)
    }

    @Test func theRequiredFieldsAndDefaults() throws {
        let (configuration, diagnostics) = read("title: Peer support compendium\ndescription: What we share.\n")
        #expect(diagnostics == [])
        let read = try #require(configuration)
        #expect(read == SiteConfiguration(title: "Peer support compendium", description: "What we share."))
        #expect(read.language == "en-GB")
        #expect(read.baseURL == nil)
        #expect(read.contact == nil)
        #expect(read.pillars == [])
    }

    @Test func missingRequiredFields() {
        #expect(read("title: T\n") == (nil, [
            Unit.diagnostic(.missingField(field: "description", kind: "site configuration"), file, 1, 1),
        ]))
        #expect(read("") == (nil, [
            Unit.diagnostic(.missingField(field: "title", kind: "site configuration"), file, 1, 1),
            Unit.diagnostic(.missingField(field: "description", kind: "site configuration"), file, 1, 1),
        ]))
    }

    @Test func unknownFields() {
        let (configuration, diagnostics) = read("title: T\ndescripton: D\n")
        #expect(configuration == nil)
        #expect(diagnostics == [
            Unit.diagnostic(.missingField(field: "description", kind: "site configuration"), file, 1, 1),
            Unit.diagnostic(.unknownField(field: "descripton", kind: "site configuration", suggestion: "description",
                                          allowed: ["base_url", "contact", "description", "language", "limits", "pillars", "role_addresses", "signposting", "title"]),
                            file, 2, 1),
        ])
    }

    @Test func language() throws {
        #expect(try #require(read("title: T\ndescription: D\nlanguage: cy\n").0).language == "cy")
        let (configuration, diagnostics) = read("title: T\ndescription: D\nlanguage: English\n")
        #expect(try #require(configuration).language == "en-GB")
        #expect(diagnostics == [Unit.diagnostic(.invalidLanguage(value: "English"), file, 3, 11)])
    }

    @Test func contact() throws {
        #expect(try #require(read("title: T\ndescription: D\ncontact: team@nhs.net\n").0).contact == "team@nhs.net")
        let (configuration, diagnostics) = read("title: T\ndescription: D\ncontact: the team\n")
        #expect(try #require(configuration).contact == nil)
        #expect(diagnostics == [Unit.diagnostic(.invalidEmail(field: "contact", value: "the team"), file, 3, 10)])
    }

    @Test(arguments: [
        ("https://example.org/compendium", "https://example.org/compendium/"),
        ("https://example.org/", "https://example.org/"),
        ("https://example.org", "https://example.org/"),
        ("/compendium", "/compendium/"),
    ])
    func baseURLEndsWithASlash(_ written: String, _ expected: String) throws {
        let (configuration, diagnostics) = read("title: T\ndescription: D\nbase_url: \(written)\n")
        #expect(diagnostics == [])
        #expect(try #require(configuration).baseURL == expected)
    }

    @Test func anInvalidBaseURL() throws {
        let (configuration, diagnostics) = read("title: T\ndescription: D\nbase_url: example.org\n")
        #expect(try #require(configuration).baseURL == nil)
        #expect(diagnostics == [Unit.diagnostic(.invalidWebAddress(field: "base_url", value: "example.org"), file, 3, 11)])
    }

    @Test func pillars() throws {
        let (configuration, diagnostics) = read("""
            title: T
            description: D
            pillars:
              - slug: clinical-practice
                title: Clinical practice
                summary: Working alongside people.
              - slug: leadership
                title: Leadership
              - slug: Not A Slug
                title: Bad
              - title: No slug
            """)
        #expect(try #require(configuration).pillars == [
            SiteConfiguration.Pillar(slug: "clinical-practice", title: "Clinical practice", summary: "Working alongside people."),
            SiteConfiguration.Pillar(slug: "leadership", title: "Leadership", summary: nil),
        ])
        #expect(diagnostics == [
            Unit.diagnostic(.invalidSlug(value: "Not A Slug", suggestion: "not-a-slug"), file, 9, 11),
            Unit.diagnostic(.missingField(field: "slug", kind: "pillar"), file, 11, 5),
        ])
    }

    @Test func unreadableConfigurations() {
        #expect(SiteConfiguration.read([0xFF, 0xFE, 0x74, 0x00], file: file) == (nil, [Unit.diagnostic(.utf16, file)]))
        #expect(SiteConfiguration.read(Array("title: T\ndescription: ".utf8) + [0xFF], file: file)
            == (nil, [Unit.diagnostic(.invalidUTF8, file, 2, 14)]))
        #expect(read("title: T\ntitle: U\ndescription: D\n") == (nil, [Unit.diagnostic(.duplicateKey("title"), file, 2, 1)]))
    }
}
