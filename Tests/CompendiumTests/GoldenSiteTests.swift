@testable import Compendium
import Foundation
import Testing

/// Whole-site golden tests: each fixture project is built in memory and its
/// pages and diagnostics compared byte for byte with the recorded ones.
/// Fixtures with errors record only their diagnostics, since no site is made.
@Suite struct GoldenSiteTests {
    @Test(arguments: Fixture.all)
    func fixtureMatchesRecordedOutput(_ fixture: Fixture) {
        let build = fixture.build()
        Golden.check(build.report, against: fixture.expectedDiagnostics)
        if let files = build.files {
            Golden.check(files: files, against: fixture.expectedSite)
        }
    }

    /// A build renders each body ahead, from the parse that surveys it; the
    /// same site rendered from every text read again and parsed once more
    /// must have the same bytes.
    @Test(arguments: Fixture.all)
    func bodiesRenderedAheadGiveTheSameSiteAsASecondParse(_ fixture: Fixture) throws {
        guard let project = fixture.load().project else { return }
        let built = SiteBuilder.build(content: project.content, configuration: project.configuration,
                                      templates: project.templates, consent: project.consent)
        guard let files = built.files else { return }
        let (again, problems) = SiteRenderer(site: built.site, templates: project.templates).render()
        #expect(problems == [])
        #expect(again.sorted { $0.path < $1.path } == files.sorted { $0.path < $1.path })
    }

    @Test(arguments: Fixture.all)
    func buildingTwiceGivesTheSameBytes(_ fixture: Fixture) {
        let first = fixture.build()
        let second = fixture.build()
        #expect(first.report == second.report)
        #expect(first.files == second.files)
    }
}

/// `compendium build` writes pages as they are rendered, into a staging
/// folder it then swaps in: the folder must hold exactly the files of the
/// in-memory build, byte for byte.
@Suite struct StreamedBuildTests {
    @Test(arguments: Fixture.all)
    func writingPagesAsTheyAreRenderedGivesTheSameFiles(_ fixture: Fixture) throws {
        guard let project = fixture.load().project else { return }
        let inMemory = SiteBuilder.build(content: project.content, configuration: project.configuration,
                                         templates: project.templates, consent: project.consent)
        guard let expected = inMemory.files else { return }
        try ScratchFolder.with { folder in
            let staging = try SiteWriter.Staging(replacing: folder.at("site"))
            let streamed = SiteBuilder.build(content: project.content, configuration: project.configuration,
                                             templates: project.templates, consent: project.consent,
                                             into: staging)
            try staging.commit()
            #expect(streamed.diagnostics == inMemory.diagnostics)
            #expect(streamed.files == nil)
            #expect(staging.counts.files == expected.count + 1)
            #expect(staging.counts.pages == expected.filter { $0.path.hasSuffix(".html") }.count)
            let written = folder.files(under: "site").filter { $0 != SiteWriter.markerName }
            #expect(written == expected.map(\.path).sorted())
            for file in expected {
                #expect(FileManager.default.contents(atPath: folder.at("site/" + file.path)) == Data(file.bytes), "\(file.path)")
            }
        }
    }
}

/// `compendium check` indexes without rendering bodies: it must find
/// exactly the problems a build finds.
@Suite struct CheckWithoutRenderingTests {
    @Test(arguments: Fixture.all)
    func checkingFindsWhatBuildingFinds(_ fixture: Fixture) throws {
        guard let project = fixture.load().project else { return }
        let full = SiteBuilder.check(content: project.content, configuration: project.configuration, consent: project.consent)
        let light = SiteBuilder.check(content: project.content, configuration: project.configuration, consent: project.consent,
                                      extent: .links)
        let problemsOnly = SiteBuilder.check(content: project.content, configuration: project.configuration,
                                             consent: project.consent, extent: .problems)
        for partial in [light, problemsOnly] {
            #expect(partial.diagnostics == full.diagnostics)
            #expect(partial.allowances == full.allowances)
            #expect(partial.site.graph.related.allSatisfy { $0.isEmpty })
        }
        #expect(light.site.graph.incoming.map { $0.map(\.source) } == full.site.graph.incoming.map { $0.map(\.source) })
        #expect(light.site.graph.outgoing.map { $0.map(\.target) } == full.site.graph.outgoing.map { $0.map(\.target) })
        #expect(problemsOnly.site.graph.incoming.allSatisfy { $0.isEmpty })
    }
}

@Suite struct FixtureLinkTests {
    @Test(arguments: Fixture.all)
    func everyInternalLinkInAFixtureSiteResolves(_ fixture: Fixture) {
        guard let files = fixture.build().files else { return }
        #expect(LinkChecker.brokenLinks(in: files).filter { !$0.href.contains("assets/") } == [])
    }
}
