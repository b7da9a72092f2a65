@testable import Compendium
import Foundation
import Testing

// Unit tests of diagnostics: their order, their text, and the words for
// every reason.

/// One example of every reason. `caseNumber` below has no `default`, so a new
/// reason does not compile until it is added there and here.
private let everyReason: [DiagnosticReason] = [
    .unreadable(detail: "content/x.md: Permission denied"),
    .outsideKnownFolders(folders: ["meetings", "pages"]),
    .ignoredFile,
    .symbolicLink,
    .invalidUTF8,
    .utf16,
    .fileTooLarge(bytes: 2_000_000, limit: 1_000_000),
    .missingFrontMatter,
    .unclosedFrontMatter,
    .yamlSyntax(problem: "mapping values are not allowed in this context", context: nil),
    .duplicateKey("title"),
    .anchorOrAlias,
    .notFieldList,
    .nestedTooDeeply(limit: 16),
    .missingField(field: "title", kind: "meeting"),
    .unknownField(field: "venu", kind: "meeting", suggestion: "venue", allowed: ["title", "venue"]),
    .wrongType(field: "session", expected: "a whole number", found: "'three'"),
    .ambiguousScalar(field: "title", value: "no", readAs: "a yes/no value"),
    .emptyValue(field: "title"),
    .singleValueForList(field: "themes", value: "supervision"),
    .invalidDate(field: "date", value: "2025-02-29"),
    .invalidBand(value: "10"),
    .invalidChoice(field: "kind", value: "handbok", allowed: ["handbook"], suggestion: "handbook"),
    .unknownPillar(value: "leadershp", suggestion: "leadership", defined: ["leadership"]),
    .invalidTime(field: "time", value: "25:00"),
    .invalidWebAddress(field: "url", value: "example.org"),
    .invalidEmail(field: "contact", value: "someone"),
    .invalidLanguage(value: "English"),
    .invalidSlug(value: "Not Valid", suggestion: "not-valid"),
    .fileNameNotSlug(name: "Senior PSW.md", slug: "senior-psw"),
    .numberOutOfRange(field: "session", value: 0, minimum: 1),
    .invalidFilePath(field: "file", value: "../x.pdf"),
    .sessionWithoutSeries,
    .duplicateAddress(url: "/meetings/a/", otherFile: "content/meetings/a.md"),
    .reservedAddress(url: "/themes/", owner: "the themes listing"),
    .unknownReference(field: "reports_to", value: "lead", kind: "role profile", suggestion: nil, foundKind: "theme"),
    .draftReference(field: "resources", value: "guide"),
    .draftLink(target: "guide"),
    .unknownTheme(value: "supervison", suggestion: "supervision"),
    .topicSpelling(written: "band 4", preferred: "Band 4"),
    .duplicateSession(series: "peer-support", number: 1, otherFile: "content/meetings/a.md"),
    .sessionNotInSeries(series: "peer-support", number: 2),
    .missingFile(path: "files/x.pdf"),
    .brokenWikiLink(target: "handbok", suggestion: "handbook"),
    .ambiguousWikiLink(target: "supervision", candidates: ["themes/supervision", "pages/supervision"]),
    .brokenFileLink(destination: "../x.md"),
    .unknownAnchor(target: "handbook", fragment: "Pay", suggestion: "pay-bands"),
    .templateSyntax(problem: "a section is never closed"),
    .missingTemplate(name: "home.mustache"),
    .unknownTemplateName(name: "titel"),
    .unusedTheme,
    .noTheme(kind: "meeting"),
    .privacyEmail(masked: "m***@nhs.net"),
    .privacyPhone(masked: "07*******23"),
    .privacyNHSNumber(masked: "94******19", certain: true),
    .privacyNameWithoutConsent(masked: "M*** A***"),
    .privacyPossibleName(masked: "S***"),
    .privacyInFileName(kind: "a phone number", masked: "07*******23"),
    .privacyAllowWithoutReason,
    .privacyUnknownAllowKind(kind: "postcode"),
    .privacyUnusedAllow(kind: "email"),
    .invalidDocumentReference(value: "meetings"),
    .nulCharacter,
    .tooManyDocuments(count: 3, limit: 2),
    .markdownNestedTooDeeply(depth: 40, limit: 32),
    .tooManyOpenBrackets(count: 257, limit: 256),
    .renderTooSlow(seconds: 10),
    .reservedName(name: "con"),
    .unsafeFileName(name: "a\\b.txt"),
    .attachmentCollision(otherFile: "content/files/Report.pdf"),
    .changedWhileBuilding,
]

/// A number for each case, ignoring what it carries.
private func caseNumber(_ reason: DiagnosticReason) -> Int {
    switch reason {
    case .unreadable: return 0
    case .outsideKnownFolders: return 1
    case .ignoredFile: return 2
    case .symbolicLink: return 3
    case .invalidUTF8: return 4
    case .utf16: return 5
    case .fileTooLarge: return 6
    case .missingFrontMatter: return 7
    case .unclosedFrontMatter: return 8
    case .yamlSyntax: return 9
    case .duplicateKey: return 10
    case .anchorOrAlias: return 11
    case .notFieldList: return 12
    case .nestedTooDeeply: return 13
    case .missingField: return 14
    case .unknownField: return 15
    case .wrongType: return 16
    case .ambiguousScalar: return 17
    case .emptyValue: return 18
    case .singleValueForList: return 19
    case .invalidDate: return 20
    case .invalidBand: return 21
    case .invalidChoice: return 22
    case .unknownPillar: return 23
    case .invalidTime: return 24
    case .invalidWebAddress: return 25
    case .invalidEmail: return 26
    case .invalidLanguage: return 27
    case .invalidSlug: return 28
    case .fileNameNotSlug: return 29
    case .numberOutOfRange: return 30
    case .invalidFilePath: return 31
    case .sessionWithoutSeries: return 32
    case .duplicateAddress: return 33
    case .reservedAddress: return 34
    case .unknownReference: return 35
    case .draftReference: return 36
    case .draftLink: return 37
    case .unknownTheme: return 38
    case .topicSpelling: return 39
    case .duplicateSession: return 40
    case .sessionNotInSeries: return 41
    case .missingFile: return 42
    case .brokenWikiLink: return 43
    case .ambiguousWikiLink: return 44
    case .brokenFileLink: return 45
    case .unknownAnchor: return 46
    case .templateSyntax: return 47
    case .missingTemplate: return 48
    case .unknownTemplateName: return 49
    case .unusedTheme: return 50
    case .noTheme: return 51
    case .privacyEmail: return 52
    case .privacyPhone: return 53
    case .privacyNHSNumber: return 54
    case .privacyNameWithoutConsent: return 55
    case .privacyPossibleName: return 56
    case .privacyInFileName: return 57
    case .privacyAllowWithoutReason: return 58
    case .privacyUnknownAllowKind: return 59
    case .privacyUnusedAllow: return 60
    case .invalidDocumentReference: return 61
    case .nulCharacter: return 62
    case .tooManyDocuments: return 63
    case .markdownNestedTooDeeply: return 64
    case .tooManyOpenBrackets: return 65
    case .renderTooSlow: return 66
    case .reservedName: return 67
    case .unsafeFileName: return 68
    case .attachmentCollision: return 69
    case .changedWhileBuilding: return 70
    }
}
private let numberOfCases = 71

@Suite struct DiagnosticReasonUnitTests {
    @Test func theListHasOneOfEveryCase() {
        #expect(everyReason.map(caseNumber) == Array(0..<numberOfCases))
    }

    /// docs/diagnostics.md explains every rule a user can meet.
    @Test func everyRuleIsDocumented() throws {
        let documentation = try String(contentsOfFile: Repository.root + "/docs/diagnostics.md", encoding: .utf8)
        for rule in Set(everyReason.map(\.ruleID)).sorted() {
            #expect(documentation.contains("`\(rule)`"), "docs/diagnostics.md does not describe \(rule)")
        }
    }

    @Test(arguments: everyReason)
    func everyReasonHasWords(_ reason: DiagnosticReason) {
        #expect(!reason.message.isEmpty)
        #expect(reason.message.trimmingSpaces == reason.message)
        #expect(reason.ruleID.contains("."))
        #expect(!reason.ruleID.contains(" "))
        #expect(reason.ruleID == reason.ruleID.lowercased())
        if let hint = reason.hint { #expect(!hint.isEmpty) }
    }

    @Test func warningsAreTheReasonsThatDoNotStopABuild() {
        let warnings = everyReason.filter { $0.severity == .warning }.map(\.ruleID)
        #expect(warnings == ["load.ignored-file", "field.single-value", "slug.file-name", "reference.draft", "reference.draft",
                             "topic.spelling", "series.unknown-session", "link.broken", "link.broken-file", "link.anchor",
                             "theme.unused", "theme.none", "privacy.possible-name", "privacy.unused-allow"])
        // An NHS number is an error when the word NHS is near it, otherwise a warning.
        #expect(DiagnosticReason.privacyNHSNumber(masked: "x", certain: true).severity == .error)
        #expect(DiagnosticReason.privacyNHSNumber(masked: "x", certain: false).severity == .warning)
    }

    @Test func messagesUseTheRightArticle() {
        #expect(DiagnosticReason.missingField(field: "title", kind: "organisation").message
            == "an organisation needs a 'title' field")
        #expect(DiagnosticReason.missingField(field: "date", kind: "meeting").message == "a meeting needs a 'date' field")
        #expect(DiagnosticReason.unknownField(field: "x", kind: "page", suggestion: nil, allowed: ["draft", "title"]).hint
            == "fields a page can have: draft, title")
    }

    @Test func hintsPreferASuggestion() {
        #expect(DiagnosticReason.unknownField(field: "venu", kind: "meeting", suggestion: "venue", allowed: []).hint
            == "did you mean 'venue'?")
        #expect(DiagnosticReason.unknownReference(field: "f", value: "v", kind: "resource", suggestion: "w", foundKind: "theme").hint
            == "did you mean 'w'?")
        #expect(DiagnosticReason.unknownReference(field: "f", value: "v", kind: "resource", suggestion: nil, foundKind: nil).hint
            == "check the slug, or add the resource it names")
        #expect(DiagnosticReason.invalidChoice(field: "status", value: "x", allowed: ["open", "done"], suggestion: nil).hint
            == "choose one of: open, done")
        #expect(DiagnosticReason.brokenWikiLink(target: "x", suggestion: nil).hint
            == "link to a document by its slug, the file name without .md")
        #expect(DiagnosticReason.ambiguousWikiLink(target: "s", candidates: ["themes/s", "pages/s"]).message
            == "wiki-link [[s]] could mean [[themes/s]] or [[pages/s]]")
        #expect(DiagnosticReason.yamlSyntax(problem: "p", context: "while parsing").message
            == "the front matter is not valid YAML: p (while parsing)")
    }
}

@Suite struct HumanFormatUnitTests {
    private let file = "content/meetings/2025-11-21.md"

    /// One diagnostic as the human format prints it, without the summary line.
    private func text(_ diagnostic: Diagnostic) -> String {
        let lines = HumanFormat().render(DiagnosticReport(diagnostics: [diagnostic])).split(separator: "\n")
        return lines.dropLast().joined(separator: "\n")
    }

    private func summary(_ diagnostics: [Diagnostic]) -> String {
        DiagnosticReport(diagnostics: diagnostics).summary
    }

    @Test func anErrorWithItsHint() {
        let diagnostic = Unit.diagnostic(.missingField(field: "title", kind: "meeting"), file, 2, 1)
        #expect(text(diagnostic) == """
            content/meetings/2025-11-21.md:2:1: error: a meeting needs a 'title' field [field.missing]
                hint: add a line such as 'title: …' to the front matter
            """)
    }

    @Test func aWarningWithItsHint() {
        let diagnostic = Unit.diagnostic(.topicSpelling(written: "band 4", preferred: "Band 4"), file, 4, 10)
        #expect(text(diagnostic) == """
            content/meetings/2025-11-21.md:4:10: warning: topic 'band 4' is spelled 'Band 4' elsewhere [topic.spelling]
                hint: write 'Band 4' everywhere so the topic has one name
            """)
    }

    @Test func aDiagnosticWithoutAHint() {
        let diagnostic = Unit.diagnostic(.wrongType(field: "session", expected: "a whole number", found: "'three'"), file, 5, 10)
        #expect(text(diagnostic)
            == "content/meetings/2025-11-21.md:5:10: error: 'session' should be a whole number, not 'three' [field.type]")
    }

    @Test func summaries() {
        let error = Unit.diagnostic(.invalidUTF8, file)
        let warning = Unit.diagnostic(.ignoredFile, file)
        #expect(summary([]) == "no problems found")
        #expect(summary([error]) == "1 error, 0 warnings")
        #expect(summary([warning]) == "0 errors, 1 warning")
        #expect(summary([error, warning]) == "1 error, 1 warning")
        #expect(summary([error, error, warning, warning, warning]) == "2 errors, 3 warnings")
    }

    @Test func anEmptyReport() {
        #expect(HumanFormat().render(DiagnosticReport(diagnostics: [])) == "no problems found\n")
    }

    @Test func aReportIsSortedAndEndsWithTheSummary() {
        let report = HumanFormat().render(DiagnosticReport(diagnostics: [
            Unit.diagnostic(.ignoredFile, "content/b.txt"),
            Unit.diagnostic(.invalidBand(value: "10"), "content/jobs/psw.md", 3, 7),
            Unit.diagnostic(.sessionWithoutSeries, "content/jobs/psw.md", 2, 1),
        ]))
        #expect(report == """
            content/b.txt:1:1: warning: this file is not Markdown and not in content/files/, so it is not published [load.ignored-file]
                hint: put files to download in content/files/, or remove this one
            content/jobs/psw.md:2:1: error: 'session' is given without a 'series' [meeting.session-without-series]
                hint: add 'series:' with the slug of the series
            content/jobs/psw.md:3:7: error: band '10' is not an Agenda for Change band (2–9, 8a–8d) [field.band]
                hint: write the band as a number from 2 to 9, or 8a, 8b, 8c or 8d
            2 errors, 1 warning

            """)
    }

    @Test func sortingByFileLineAndColumnThenErrorsFirst() {
        let warningHere = Unit.diagnostic(.brokenFileLink(destination: "x"), "b.md", 2, 5)
        let errorHere = Unit.diagnostic(.missingFile(path: "files/x"), "b.md", 2, 5)
        let secondErrorHere = Unit.diagnostic(.invalidBand(value: "1"), "b.md", 2, 5)
        let earlierColumn = Unit.diagnostic(.brokenFileLink(destination: "y"), "b.md", 2, 4)
        let laterLine = Unit.diagnostic(.ignoredFile, "b.md", 10, 1)
        let earlierLine = Unit.diagnostic(.ignoredFile, "b.md", 9, 80)
        let otherFile = Unit.diagnostic(.invalidUTF8, "a.md", 99, 99)
        let shuffled = [laterLine, warningHere, errorHere, otherFile, earlierColumn, secondErrorHere, earlierLine]
        // Same place and severity: by message ("band …" before "the file …").
        #expect(shuffled.sorted() == [otherFile, earlierColumn, secondErrorHere, errorHere, warningHere, earlierLine, laterLine])
        #expect(errorHere < warningHere)
        #expect(!(warningHere < errorHere))
    }

    @Test func severitiesAndLocations() {
        #expect(Severity.warning < Severity.error)
        #expect([Unit.diagnostic(.ignoredFile, file)].hasErrors == false)
        #expect([Unit.diagnostic(.ignoredFile, file), Unit.diagnostic(.utf16, file)].hasErrors == true)
        #expect(Compendium.SourceLocation(file: "a.md", line: 2, column: 3).description == "a.md:2:3")
        #expect(Compendium.SourceLocation(file: "a.md", line: 2, column: 3) < Compendium.SourceLocation(file: "a.md", line: 10, column: 1))
        #expect(Compendium.SourceLocation(file: "a.md", line: 10, column: 1) < Compendium.SourceLocation(file: "b.md", line: 1, column: 1))
    }
}

@Suite struct HumanFormatColourTests {
    private let report = DiagnosticReport(diagnostics: [
        Diagnostic(.invalidBand(value: "5a"), at: Compendium.SourceLocation(file: "content/jobs/a.md", line: 2, column: 7)),
    ])

    @Test func plainWithoutColour() {
        #expect(!HumanFormat(colour: false).render(report).contains("\u{1B}["))
    }

    @Test func colouredSeverityLocationAndHint() {
        let text = HumanFormat(colour: true) { _ in "---\nband: 5a\n---\n" }.render(report)
        #expect(text.contains("\u{1B}[1mcontent/jobs/a.md:2:7:\u{1B}[0m \u{1B}[31;1merror:\u{1B}[0m band '5a'"))
        #expect(text.contains("  2 | band: 5a\n    |       \u{1B}[32;1m^\u{1B}[0m\n"))
        #expect(text.contains("\u{1B}[36mhint:\u{1B}[0m write the band"))
    }
}
