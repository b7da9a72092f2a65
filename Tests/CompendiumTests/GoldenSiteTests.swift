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

    @Test(arguments: Fixture.all)
    func buildingTwiceGivesTheSameBytes(_ fixture: Fixture) {
        let first = fixture.build()
        let second = fixture.build()
        #expect(first.report == second.report)
        #expect(first.files == second.files)
    }
}

@Suite struct FixtureLinkTests {
    @Test(arguments: Fixture.all)
    func everyInternalLinkInAFixtureSiteResolves(_ fixture: Fixture) {
        guard let files = fixture.build().files else { return }
        #expect(LinkChecker.brokenLinks(in: files).filter { !$0.href.contains("assets/") } == [])
    }
}
