@testable import Compendium
import Markdown
import Testing

// Unit tests of the index stage: addresses, relative links, references
// between documents, themes and topics, related documents and neighbours.

@Suite struct SitePathUnitTests {
    @Test(arguments: [
        ("meetings/a/", "themes/b/", "../../themes/b/"),
        ("meetings/a/", "meetings/b/", "../b/"),
        ("meetings/a/", "meetings/a/", "./"),
        ("meetings/a/", "meetings/", "../"),
        ("meetings/", "meetings/a/", "a/"),
        ("meetings/a/", "", "../../"),
        ("about/", "", "../"),
        ("", "", "./"),
        ("", "about/", "about/"),
        ("", "meetings/a/", "meetings/a/"),
        ("about/", "privacy/", "../privacy/"),
        ("about/", "meetings/", "../meetings/"),
        ("meetings/a/", "about/", "../../about/"),
        ("meetings/a/", "assets/style.css", "../../assets/style.css"),
        ("", "assets/style.css", "assets/style.css"),
        ("about/", "assets/style.css", "../assets/style.css"),
        ("topics/band-4/", "files/jobs/psw.pdf", "../../files/jobs/psw.pdf"),
        ("files/", "files/jobs/psw.pdf", "jobs/psw.pdf"),
        ("meetings/a/", "meetings/a/slides.pdf", "slides.pdf"),
        ("index.html", "about/", "about/"),
        ("meetings/index.html", "meetings/a/", "a/"),
    ])
    func relativeLinks(_ from: String, _ to: String, _ expected: String) {
        #expect(SitePath.relative(from: from, to: to) == expected)
    }

    @Test(arguments: [
        ("meetings/a/", "themes/b/", "../../themes/b/index.html"),
        ("meetings/a/", "meetings/a/", "index.html"),
        ("meetings/a/", "meetings/", "../index.html"),
        ("", "", "index.html"),
        ("", "about/", "about/index.html"),
        ("about/", "", "../index.html"),
        ("404.html", "", "index.html"),
        ("404.html", "search/", "search/index.html"),
        ("meetings/a/", "assets/style.css", "../../assets/style.css"),
        ("meetings/a/", "feed.xml", "../../feed.xml"),
    ])
    func relativeLinksInTheFilesStyle(_ from: String, _ to: String, _ expected: String) {
        #expect(SitePath.relative(from: from, to: to, style: .files) == expected)
        #expect(SitePath.relative(from: from, to: to, style: .directories) == SitePath.relative(from: from, to: to))
    }

    @Test(arguments: [
        ("a/b/c/d/", "a/b/x/y/", "../../x/y/"),
        ("a/b/c/d/", "a/b/c/d/e/f.pdf", "e/f.pdf"),
        ("a/b/c/d/", "", "../../../../"),
        ("a/b/c/d/", "a/", "../../../"),
        ("a/b/c/d/index.html", "a/b/", "../../"),
        ("404.html", "meetings/a/", "meetings/a/"),
        ("404.html", "feed.xml", "feed.xml"),
        ("a//b/", "a/c/", "../c/"),
        ("a/b/", "a//b//c.css", "c.css"),
        ("/a/", "/", "../"),
        ("meetings/ab/", "meetings/a/", "../a/"),
        ("meetings/a/", "meetings/ab/", "../ab/"),
        ("thèmes/é/", "thèmes/ü/", "../ü/"),
    ])
    func relativeLinksBetweenDeepAndUnusualAddresses(_ from: String, _ to: String, _ expected: String) {
        #expect(SitePath.relative(from: from, to: to) == expected)
    }

    /// Every pair of a varied set of addresses, in both styles, links as
    /// splitting both addresses into their parts says it should.
    @Test func relativeLinksAgreeWithComparingParts() {
        let addresses = ["", "/", "about/", "404.html", "feed.xml", "index.html", "assets/style.css", "assets/favicon.svg",
                         "meetings/", "meetings/a/", "meetings/a/index.html", "meetings/ab/", "meetings/a/slides.pdf",
                         "topics/band-4/", "files/jobs/psw.pdf", "a//b/", "a/b/c/d/", "a/b/c/d/e", "search/", "x"]
        for from in addresses {
            for to in addresses {
                #expect(SitePath.relative(from: from, to: to) == Self.linkByParts(from: from, to: to), "\(from) → \(to)")
                #expect(SitePath.relative(from: from, to: to, style: .files) == Self.linkByParts(from: from, to: to, files: true),
                        "\(from) → \(to), files")
            }
        }
    }

    @Test func addressesAndFiles() {
        #expect(SitePath.document(kind: .meeting, slug: "2025-11-21") == "meetings/2025-11-21/")
        #expect(SitePath.document(kind: .job, slug: "psw") == "jobs/psw/")
        #expect(SitePath.document(kind: .page, slug: "about") == "about/")
        #expect(SitePath.listing(.series) == "series/")
        #expect(SitePath.listing(.page) == "pages/")
        #expect(SitePath.topic("band-4") == "topics/band-4/")
        #expect(SitePath.file(for: "meetings/a/") == "meetings/a/index.html")
        #expect(SitePath.file(for: "") == "index.html")
        #expect(SitePath.file(for: "assets/style.css") == "assets/style.css")
    }
}

private extension SitePathUnitTests {
    /// The link made plainly: the folders of `from` and the parts of `to`,
    /// less the folders they share, as `..` and the remaining parts.
    static func linkByParts(from: String, to: String, files: Bool = false) -> String {
        var folders = from.split(separator: "/").map(String.init)
        if !from.isEmpty && !from.hasSuffix("/") { folders.removeLast() }
        let parts = to.split(separator: "/").map(String.init)
        let toIsDirectory = to.isEmpty || to.hasSuffix("/")
        let comparable = toIsDirectory ? parts.count : parts.count - 1
        var shared = 0
        while shared < folders.count, shared < comparable, folders[shared] == parts[shared] { shared += 1 }
        var link = (Array(repeating: "..", count: folders.count - shared) + parts[shared...]).joined(separator: "/")
        if toIsDirectory { link += link.isEmpty ? "./" : "/" }
        guard files, toIsDirectory else { return link }
        return link == "./" ? "index.html" : link + "index.html"
    }
}

@Suite struct PathReferenceUnitTests {
    @Test(arguments: ["https://example.org/x.md", "http://example.org", "mailto:team@example.org", "tel:0123",
                      "ftp://x", "data:text/plain,hi", "#heading", "#", ""])
    func webAddressesAndLinksWithinThePageAreNotPaths(_ destination: String) {
        #expect(PathReference(destination) == nil)
    }

    @Test func relativePaths() throws {
        let reference = try #require(PathReference("../resources/handbook.md"))
        #expect(reference.path == "../resources/handbook.md")
        #expect(reference.fragment == nil)
        #expect(reference.isSiteAbsolute == false)
        #expect(reference.fragmentSuffix == "")
        #expect(reference.resolved(against: "meetings/2025-11-21.md") == "resources/handbook.md")
    }

    @Test func fragmentsAndQueries() throws {
        let reference = try #require(PathReference("handbook.md?version=2#Pay%20bands"))
        #expect(reference.path == "handbook.md")
        #expect(reference.fragment == "Pay bands")
        #expect(reference.fragmentSuffix == "#Pay bands")
        #expect(try #require(PathReference("x.md#")).fragment == nil)
    }

    @Test func percentEscapesAreDecoded() throws {
        #expect(try #require(PathReference("my%20file.md")).path == "my file.md")
        #expect(try #require(PathReference("caf%C3%A9.md#caf%C3%A9")).path == "café.md")
        #expect(try #require(PathReference("caf%C3%A9.md#caf%C3%A9")).fragment == "café")
        #expect(try #require(PathReference("100%.md")).path == "100%.md")
        #expect(try #require(PathReference("a%zzb.md")).path == "a%zzb.md")
        #expect(try #require(PathReference("%2E%2E/jobs/psw.md")).resolved(against: "meetings/a.md") == "jobs/psw.md")
    }

    @Test(arguments: [
        ("../resources/handbook.md", "meetings/2025-11-21.md", "resources/handbook.md"),
        ("./other.md", "pages/about.md", "pages/other.md"),
        ("other.md", "pages/about.md", "pages/other.md"),
        ("a/../b.md", "pages/about.md", "pages/b.md"),
        ("../files/jobs/psw.pdf", "jobs/psw.md", "files/jobs/psw.pdf"),
        ("../../jobs/psw.md", "jobs/archive/old.md", "jobs/psw.md"),
        ("..//jobs///psw.md", "pages/about.md", "jobs/psw.md"),
    ])
    func dotDotIsWorkedOut(_ destination: String, _ file: String, _ expected: String) throws {
        #expect(try #require(PathReference(destination)).resolved(against: file) == expected)
    }

    @Test(arguments: [
        ("../../secret.md", "meetings/2025-11-21.md"),
        ("../../../etc/passwd", "pages/about.md"),
        ("..", "pages/about.md"),
        ("../x/../../y.md", "pages/about.md"),
    ])
    func leavingTheContentFolderGivesNil(_ destination: String, _ file: String) throws {
        #expect(try #require(PathReference(destination)).resolved(against: file) == nil)
    }

    @Test(arguments: [
        ("/meetings/x", "meetings/x/"),
        ("/meetings/x/", "meetings/x/"),
        ("/meetings/x/index.html", "meetings/x/"),
        ("/about/#team", "about/"),
        ("/", ""),
        ("/index.html", ""),
        ("//meetings/x", "meetings/x/"),
        ("/topics/band%204", "topics/band 4/"),
    ])
    func siteAbsolutePathsBecomeAddresses(_ destination: String, _ address: String) throws {
        let reference = try #require(PathReference(destination))
        #expect(reference.isSiteAbsolute)
        #expect(reference.path == address)
    }
}

/// Builds an index from documents written as text.
private struct IndexFixture {
    let site: IndexedSite
    /// The diagnostics, without the theme-hygiene warnings (theme.none,
    /// theme.unused), which most fixtures here would raise and which
    /// `themeHygiene` tests on their own.
    let diagnostics: [Diagnostic]
    /// Every diagnostic.
    let allDiagnostics: [Diagnostic]

    init(_ files: [(String, String)], drafts: Set<String> = [], attachments: [String] = []) throws {
        for (path, text) in files { _ = try Unit.document(path, text) }
        let documents = Unit.checked(files.map { Unit.source($0.0, $0.1) })
        let attachmentFiles = attachments.map { SourceFile(relativePath: $0, displayPath: "content/" + $0, bytes: []) }
        (site, allDiagnostics) = Unit.index(documents, drafts: drafts, attachments: attachmentFiles)
        diagnostics = allDiagnostics.filter { !$0.reason.ruleID.hasPrefix("theme.none") && $0.reason.ruleID != "theme.unused" }
    }

    /// The position of the `kind` document with `slug`.
    func position(_ kind: Kind, _ slug: String) throws -> Int {
        try #require(site.book.find(slug, kind: kind), "\(kind)/\(slug)")
    }

    /// The body of the document at `position` as its own page shows it.
    func html(of position: Int) throws -> String {
        let placements = BodyPlacements(site: site)
        let body = try site.texts[position].read().get()
        return MarkdownRenderer.render(body, firstLine: site.documents[position].bodyFirstLine, anchor: LinkResolver.anchor,
                                       answers: placements.answers(position), placements: [placements.ownPage(position)]).html[0]
    }
}

private func meeting(_ date: String, _ extra: String = "", body: String = "") -> (String, String) {
    ("meetings/\(date).md", Unit.text("title: Meeting \(date)\ndate: \(date)" + (extra.isEmpty ? "" : "\n" + extra), body: body))
}

private func resource(_ slug: String, _ extra: String = "", title: String? = nil) -> (String, String) {
    ("resources/\(slug).md", Unit.text("title: \(title ?? slug.capitalized)\nkind: guide" + (extra.isEmpty ? "" : "\n" + extra)))
}

private func theme(_ slug: String, _ extra: String = "", title: String? = nil) -> (String, String) {
    ("themes/\(slug).md", Unit.text("title: \(title ?? slug.capitalized)" + (extra.isEmpty ? "" : "\n" + extra)))
}

private func page(_ slug: String, title: String? = nil) -> (String, String) {
    ("pages/\(slug).md", Unit.text("title: \(title ?? slug.capitalized)"))
}

@Suite struct IndexerUnitTests {
    @Test func themeHygiene() throws {
        let index = try IndexFixture([
            theme("supervision"),
            theme("unused"),
            meeting("2025-11-21", "themes: [supervision]"),
            meeting("2025-12-12"),
            page("about"),
        ])
        #expect(index.allDiagnostics.map { "\($0.location) \($0.reason.ruleID)" }.sorted() == [
            "content/meetings/2025-12-12.md:1:1 theme.none",
            "content/themes/unused.md:1:1 theme.unused",
        ])
    }

    // MARK: Addresses

    @Test func duplicateAndReservedAddresses() throws {
        let index = try IndexFixture([
            meeting("2025-11-21"),
            ("meetings/copy.md", Unit.text("title: Copy\ndate: 2025-11-22\nslug: 2025-11-21")),
            page("about"), page("themes"), page("topics"), page("files"), page("assets"), page("jobs"),
        ])
        #expect(index.diagnostics.sorted() == [
            Unit.diagnostic(.duplicateAddress(url: "/meetings/2025-11-21/", otherFile: "content/meetings/2025-11-21.md"),
                            "content/meetings/copy.md"),
            Unit.diagnostic(.reservedAddress(url: "/assets/", owner: "the template set's files"), "content/pages/assets.md"),
            Unit.diagnostic(.reservedAddress(url: "/files/", owner: "the files to download"), "content/pages/files.md"),
            Unit.diagnostic(.reservedAddress(url: "/jobs/", owner: "the roles listing"), "content/pages/jobs.md"),
            Unit.diagnostic(.reservedAddress(url: "/themes/", owner: "the themes listing"), "content/pages/themes.md"),
            Unit.diagnostic(.reservedAddress(url: "/topics/", owner: "the topics index"), "content/pages/topics.md"),
        ])
        #expect(index.site.documents.map(\.file) == ["content/meetings/2025-11-21.md", "content/pages/about.md"])
        #expect(index.site.documents.indices.map(index.site.address) == ["meetings/2025-11-21/", "about/"])
    }

    @Test func documentsOfDifferentKindsMayShareASlug() throws {
        let index = try IndexFixture([theme("supervision"), page("supervision"), resource("supervision")])
        #expect(index.diagnostics == [])
        #expect(index.site.documents.indices.map(index.site.address)
            == ["resources/supervision/", "themes/supervision/", "supervision/"])
    }

    // MARK: Themes and topics

    @Test func themesResolveBySlugTitleOrSynonym() throws {
        let index = try IndexFixture([
            theme("supervision", "synonyms: [reflective practice]", title: "Clinical Supervision"),
            theme("banding", title: "Banding and job evaluation"),
            meeting("2025-11-21", "themes: [supervision, Clinical Supervision, reflective-practice, Reflective Practice]"),
            meeting("2025-12-05", "themes: [Banding and Job Evaluation, banding]"),
        ])
        #expect(index.diagnostics == [])
        let first = try index.position(.meeting, "2025-11-21")
        let second = try index.position(.meeting, "2025-12-05")
        let supervision = try index.position(.theme, "supervision")
        let banding = try index.position(.theme, "banding")
        #expect(index.site.taxonomy.themesOfDocument[first] == [supervision])
        #expect(index.site.taxonomy.themesOfDocument[second] == [banding])
        #expect(index.site.taxonomy.documentsOfTheme[supervision] == [first])
        #expect(index.site.taxonomy.documentsOfTheme[banding] == [second])
    }

    @Test func unknownThemesAreReportedWithTheNearestTheme() throws {
        let index = try IndexFixture([
            theme("supervision"),
            meeting("2025-11-21", "themes: [supervison, Something new]"),
        ])
        #expect(index.diagnostics == [
            Unit.diagnostic(.unknownTheme(value: "supervison", suggestion: "supervision"), "content/meetings/2025-11-21.md", 4, 10),
            Unit.diagnostic(.unknownTheme(value: "Something new", suggestion: nil), "content/meetings/2025-11-21.md", 4, 22),
        ])
        #expect(index.site.taxonomy.themesOfDocument[try index.position(.meeting, "2025-11-21")] == [])
    }

    @Test func topicSpellingsAreMergedUnderTheMostFrequent() throws {
        let index = try IndexFixture([
            resource("a", "topics: [Band 4]"),
            resource("b", "topics: [Band 4, PICU]"),
            resource("c", "topics: [band 4]"),
            resource("d", "topics: [BAND-4, Band4]"),
        ])
        #expect(index.diagnostics == [
            Unit.diagnostic(.topicSpelling(written: "band 4", preferred: "Band 4"), "content/resources/c.md", 4, 10),
            Unit.diagnostic(.topicSpelling(written: "BAND-4", preferred: "Band 4"), "content/resources/d.md", 4, 10),
            Unit.diagnostic(.topicSpelling(written: "Band4", preferred: "Band 4"), "content/resources/d.md", 4, 18),
        ])
        #expect(index.diagnostics.allSatisfy { $0.severity == .warning })
        #expect(index.site.topics == [
            Topic(name: "Band 4", slug: "band-4", documents: [0, 1, 2, 3]),
            Topic(name: "PICU", slug: "picu", documents: [1]),
        ])
        #expect(index.site.taxonomy.topicsOfDocument == [[0], [0, 1], [0], [0]])
    }

    @Test func equallyFrequentSpellingsTieByTheirBytes() throws {
        let index = try IndexFixture([
            resource("a", "topics: [music groups]"),
            resource("b", "topics: [Music Groups]"),
        ])
        #expect(index.site.topics.map(\.name) == ["Music Groups"])
        #expect(index.diagnostics.map(\.reason) == [.topicSpelling(written: "music groups", preferred: "Music Groups")])
    }

    // MARK: References

    @Test func sharedInIsOneEdgeFromEitherSide() throws {
        let index = try IndexFixture([
            meeting("2025-11-21", "resources: [handbook, film]"),
            resource("handbook", "shared_in: [2025-11-21]"),
            resource("guide", "shared_in: [2025-11-21]"),
            resource("film"),
        ])
        #expect(index.diagnostics == [])
        let session = try index.position(.meeting, "2025-11-21")
        let handbook = try index.position(.resource, "handbook")
        let guide = try index.position(.resource, "guide")
        let film = try index.position(.resource, "film")
        let graph = index.site.graph
        #expect(graph.incoming[session] == [
            Edge(source: film, target: session, relation: .sharedIn),
            Edge(source: guide, target: session, relation: .sharedIn),
            Edge(source: handbook, target: session, relation: .sharedIn),
        ])
        #expect(graph.outgoing[handbook] == [Edge(source: handbook, target: session, relation: .sharedIn)])
        #expect(graph.outgoing[film] == [Edge(source: film, target: session, relation: .sharedIn)])
        #expect(graph.outgoing[session] == [])
        #expect(graph.incoming[handbook] == [])
    }

    @Test func otherDeclaredRelations() throws {
        let index = try IndexFixture([
            ("organisations/mpft.md", Unit.text("title: MPFT")),
            ("series/peer-support.md", Unit.text("title: Peer support\nsessions:\n  - number: 1\n    title: One")),
            ("jobs/psw.md", Unit.text("title: PSW\norganisation: mpft\nreports_to: lead\nprogresses_to: [lead]")),
            ("jobs/lead.md", Unit.text("title: Lead")),
            meeting("2025-11-21", "series: peer-support\nsession: 1\norganisations: [mpft]"),
            ("slides/2025-11-21.md", Unit.text("title: Slides\ndate: 2025-11-21\nmeeting: 2025-11-21")),
            resource("handbook", "publisher: mpft"),
        ])
        #expect(index.diagnostics == [])
        let psw = try index.position(.job, "psw")
        let lead = try index.position(.job, "lead")
        let mpft = try index.position(.organisation, "mpft")
        let session = try index.position(.meeting, "2025-11-21")
        let slides = try index.position(.slides, "2025-11-21")
        let series = try index.position(.series, "peer-support")
        let handbook = try index.position(.resource, "handbook")
        let graph = index.site.graph
        #expect(graph.outgoing[psw] == [
            Edge(source: psw, target: lead, relation: .reportsTo),
            Edge(source: psw, target: lead, relation: .progressesTo),
            Edge(source: psw, target: mpft, relation: .employedBy),
        ])
        #expect(graph.outgoing[session] == [
            Edge(source: session, target: series, relation: .partOf),
            Edge(source: session, target: mpft, relation: .involves),
        ])
        #expect(graph.outgoing[slides] == [Edge(source: slides, target: session, relation: .presentedAt)])
        #expect(graph.outgoing[handbook] == [Edge(source: handbook, target: mpft, relation: .publishedBy)])
        #expect(graph.incoming[mpft].map(\.relation) == [.employedBy, .publishedBy, .involves])
    }

    @Test func aReferenceToTheWrongKindSaysWhatItFound() throws {
        let index = try IndexFixture([
            theme("supervision"),
            ("jobs/psw.md", Unit.text("title: PSW\nreports_to: supervision")),
        ])
        #expect(index.diagnostics == [Unit.diagnostic(
            .unknownReference(field: "reports_to", value: "supervision", kind: "role profile", suggestion: nil, foundKind: "theme"),
            "content/jobs/psw.md", 3, 13)])
        #expect(index.diagnostics.first?.reason.hint == "that slug is a theme, but 'reports_to' needs a role profile")
        #expect(index.site.graph.outgoing[try index.position(.job, "psw")] == [])
    }

    @Test func anUnknownReferenceSuggestsTheNearestSlugOfTheRightKind() throws {
        let index = try IndexFixture([
            ("jobs/team-lead.md", Unit.text("title: Team lead")),
            ("jobs/psw.md", Unit.text("title: PSW\nreports_to: team-lad")),
        ])
        #expect(index.diagnostics.map(\.reason) == [
            .unknownReference(field: "reports_to", value: "team-lad", kind: "role profile", suggestion: "team-lead", foundKind: nil),
        ])
    }

    @Test func aReferenceToADraftIsAWarning() throws {
        let index = try IndexFixture([
            meeting("2025-11-21", "resources: [draft-guide]", body: "See [[draft-guide]].\n"),
        ], drafts: ["resources/draft-guide"])
        #expect(index.diagnostics == [
            Unit.diagnostic(.draftReference(field: "resources", value: "draft-guide"), "content/meetings/2025-11-21.md", 4, 13),
            Unit.diagnostic(.draftLink(target: "draft-guide"), "content/meetings/2025-11-21.md", 6, 5),
        ])
        #expect(index.diagnostics.allSatisfy { $0.severity == .warning })
    }

    @Test func sessionsAndAttachmentsAreChecked() throws {
        let index = try IndexFixture([
            ("series/peer-support.md", Unit.text("title: Peer support\nsessions:\n  - number: 1\n    title: One")),
            meeting("2025-11-21", "series: peer-support\nsession: 1"),
            meeting("2025-11-28", "series: peer-support\nsession: 1"),
            meeting("2025-12-05", "series: peer-support\nsession: 2"),
            ("jobs/psw.md", Unit.text("title: PSW\nfile: files/jobs/psw.pdf")),
            ("jobs/lead.md", Unit.text("title: Lead\nfile: files/jobs/lead.pdf")),
        ], attachments: ["files/jobs/psw.pdf"])
        #expect(index.diagnostics.sorted() == [
            Unit.diagnostic(.missingFile(path: "files/jobs/lead.pdf"), "content/jobs/lead.md", 3, 7),
            Unit.diagnostic(.duplicateSession(series: "peer-support", number: 1, otherFile: "content/meetings/2025-11-21.md"),
                            "content/meetings/2025-11-28.md", 5, 10),
            Unit.diagnostic(.sessionNotInSeries(series: "peer-support", number: 2), "content/meetings/2025-12-05.md", 5, 10),
        ])
    }

    // MARK: Related documents and neighbours

    @Test func relatedDocumentsCountSharedTopicsDouble() throws {
        let index = try IndexFixture([
            theme("t1"), theme("t2"),
            resource("a", "themes: [t1, t2]\ntopics: [x]"),
            resource("b", "themes: [t1]"),
            resource("c", "topics: [x]"),
            resource("d", "themes: [t1, t2]\ntopics: [x]"),
            resource("e", "topics: [z]"),
        ])
        #expect(index.diagnostics == [])
        let position = { (slug: String) in try index.position(.resource, slug) }
        let related = index.site.graph.related
        #expect(try related[position("a")] == [position("d"), position("c"), position("b")])
        #expect(try related[position("b")] == [position("a"), position("d")])
        #expect(try related[position("c")] == [position("a"), position("d")])
        #expect(try related[position("e")] == [])
        #expect(try related[index.position(.theme, "t1")] == [])
    }

    @Test func relatedDocumentsAreLimitedAndTieByDisplayOrder() throws {
        let slugs = ["a", "b", "c", "d", "e", "f", "g"]
        let index = try IndexFixture(slugs.map { resource($0, "topics: [x]") }
            + [resource("newest", "topics: [x]\ndate: 2025-01-01", title: "Zebra")])
        let related = index.site.graph.related[try index.position(.resource, "a")]
        #expect(related.count == LinkGraph.relatedLimit)
        #expect(related.map { index.site.documents[$0].slug } == ["newest", "b", "c", "d", "e"])
    }

    @Test func titleOrderIgnoresCaseAndTiesInDisplayOrder() throws {
        let index = try IndexFixture([
            resource("b", title: "beta"),
            resource("a-old", "date: 2024-01-01", title: "alpha"),
            resource("a-new", "date: 2025-01-01", title: "Alpha"),
            resource("c", title: "Gamma"),
        ])
        let slugs = { (positions: [Int]) in positions.map { index.site.documents[$0].slug } }
        let resources = index.site.documents(of: .resource)
        #expect(slugs(resources) == ["a-new", "a-old", "b", "c"], "display order: newest first, then by title")
        #expect(slugs(index.site.inTitleOrder(resources.reversed())) == ["a-new", "a-old", "b", "c"])
        #expect(slugs(index.site.inTitleOrder(try [index.position(.resource, "c"), index.position(.resource, "b")])) == ["b", "c"])
    }

    @Test func neighboursFollowTheDateWithinASeries() throws {
        let index = try IndexFixture([
            ("series/peer-support.md", Unit.text("title: Peer support")),
            meeting("2025-01-10", "series: peer-support"),
            meeting("2025-03-10", "series: peer-support"),
            meeting("2025-02-10"),
            meeting("2025-02-01", "series: peer-support"),
            meeting("2025-04-01"),
            ("slides/2025-03-10.md", Unit.text("title: Later slides\ndate: 2025-03-10")),
            ("slides/2025-01-10.md", Unit.text("title: Earlier slides\ndate: 2025-01-10")),
        ])
        #expect(index.diagnostics == [])
        let neighbours = index.site.graph.neighbours
        let m = { (slug: String) in try index.position(.meeting, slug) }
        #expect(try neighbours[m("2025-01-10")] == Neighbours(previous: nil, next: m("2025-02-01")))
        #expect(try neighbours[m("2025-02-01")] == Neighbours(previous: m("2025-01-10"), next: m("2025-03-10")))
        #expect(try neighbours[m("2025-03-10")] == Neighbours(previous: m("2025-02-01"), next: nil))
        #expect(try neighbours[m("2025-02-10")] == Neighbours(previous: nil, next: m("2025-04-01")))
        #expect(try neighbours[m("2025-04-01")] == Neighbours(previous: m("2025-02-10"), next: nil))
        let early = try index.position(.slides, "2025-01-10")
        let late = try index.position(.slides, "2025-03-10")
        #expect(neighbours[early] == Neighbours(previous: nil, next: late))
        #expect(neighbours[late] == Neighbours(previous: early, next: nil))
        #expect(neighbours[try index.position(.series, "peer-support")] == Neighbours())
    }

    // MARK: Links in the text

    @Test func aWikiLinkToASlugTwoKindsShareIsAmbiguous() throws {
        let index = try IndexFixture([
            theme("supervision"),
            page("supervision", title: "About supervision"),
            meeting("2025-11-21", body: "See [[supervision]], [[themes/supervision]] and [[page/supervision|the page]].\n"),
        ])
        let file = "content/meetings/2025-11-21.md"
        #expect(index.diagnostics == [
            Unit.diagnostic(.ambiguousWikiLink(target: "supervision", candidates: ["themes/supervision", "pages/supervision"]),
                            file, 5, 5),
        ])
        let session = try index.position(.meeting, "2025-11-21")
        let theme = try index.position(.theme, "supervision")
        let page = try index.position(.page, "supervision")
        #expect(index.site.graph.outgoing[session] == [
            // Same relation: in display order, so "About supervision" before "Supervision".
            Edge(source: session, target: page, relation: .mentions),
            Edge(source: session, target: theme, relation: .mentions),
        ])
        let html = try index.html(of: session)
        #expect(html.contains("<a href=\"../../themes/supervision/\">Supervision</a>"))
        #expect(html.contains("<a href=\"../../supervision/\">the page</a>"))
    }

    /// However often a text names a document, and whichever side declares a reference, each edge is counted once.
    @Test func repeatedReferencesAreOneEdgeEachWay() throws {
        let index = try IndexFixture([
            resource("handbook", "shared_in: [2025-11-21]"),
            meeting("2025-11-21", "resources: [handbook]",
                    body: "Read [[handbook]], then [[resources/handbook|the handbook]] and [[handbook]] again.\n"),
        ])
        #expect(index.diagnostics == [])
        let session = try index.position(.meeting, "2025-11-21")
        let handbook = try index.position(.resource, "handbook")
        let graph = index.site.graph
        #expect(graph.outgoing[session] == [Edge(source: session, target: handbook, relation: .mentions)])
        #expect(graph.outgoing[handbook] == [Edge(source: handbook, target: session, relation: .sharedIn)])
        #expect(graph.incoming[handbook] == [Edge(source: session, target: handbook, relation: .mentions)])
        #expect(graph.incoming[session] == [Edge(source: handbook, target: session, relation: .sharedIn)])
    }

    @Test
    func aSiteAbsoluteLinkToAnAttachment() throws {
        let index = try IndexFixture([
            meeting("2025-11-21", body: "[form](/files/form.pdf)\n"),
        ], attachments: ["files/form.pdf"])
        #expect(index.diagnostics == [])
        let html = try index.html(of: try index.position(.meeting, "2025-11-21"))
        #expect(html == "<p><a href=\"../../files/form.pdf\">form</a></p>\n")
    }

    @Test func linksToFilesAndAddresses() throws {
        let index = try IndexFixture([
            resource("handbook"),
            meeting("2025-11-21", body: """
                [a](../resources/handbook.md) [b](../files/form.pdf) [c](/resources/handbook) [d](/themes/)
                [e](../resources/missing.md) [f](https://example.org) [[handbok]]
                """),
        ], attachments: ["files/form.pdf"])
        let file = "content/meetings/2025-11-21.md"
        #expect(index.diagnostics == [
            Unit.diagnostic(.brokenFileLink(destination: "../resources/missing.md"), file, 6, 1),
            Unit.diagnostic(.brokenWikiLink(target: "handbok", suggestion: "handbook"), file, 6, 55),
        ])
        let html = try index.html(of: try index.position(.meeting, "2025-11-21"))
        #expect(html.contains("<a href=\"../../resources/handbook/\">a</a>"))
        #expect(html.contains("<a href=\"../../files/form.pdf\">b</a>"))
        #expect(html.contains("<a href=\"../../resources/handbook/\">c</a>"))
        #expect(html.contains("<a href=\"../../themes/\">d</a>"))
        #expect(html.contains("<a href=\"https://example.org\">f</a>"))
    }
}

@Suite struct MarkedBodiesTests {
    /// Bodies of different lengths, each marked as a build marks it.
    private static let bodies: [MarkedBody] = (0..<40).map { index in
        let text = "## Part \(index)\n\n" + String(repeating: "Words of body \(index) see [[other-\(index)]]. ", count: index + 1)
        return MarkdownRenderer.surveyAndMark(text, anchor: { $0 }).marked!
    }

    @Test(arguments: [0, 2_000, 1 << 30])
    func everyBodyComesBackAsKeptWhetherHeldInMemoryOrInTheFile(budget: Int) throws {
        let kept = try #require(MarkedBodies(count: Self.bodies.count, memoryBudget: budget))
        _ = Array(Self.bodies.indices).parallelMap { kept.keep(Self.bodies[$0], at: $0) }
        for (position, body) in Self.bodies.enumerated().reversed() {
            #expect(kept.body(at: position) == body, "body \(position) with a budget of \(budget) bytes")
        }
    }

    @Test func aBodyHeldInMemoryIsGivenBackOnceAndAFileBodyAgain() throws {
        let kept = try #require(MarkedBodies(count: 2, memoryBudget: Self.bodies[0].byteCount))
        kept.keep(Self.bodies[0], at: 0)
        kept.keep(Self.bodies[1], at: 1)
        #expect(kept.body(at: 0) == Self.bodies[0])
        #expect(kept.body(at: 0) == nil)
        #expect(kept.body(at: 1) == Self.bodies[1])
        #expect(kept.body(at: 1) == Self.bodies[1])
    }
}
