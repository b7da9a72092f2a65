@testable import Compendium
import Testing

// Unit tests of the privacy lint on whole documents: which lines are prose,
// where findings are placed, and how allow comments and the consent register
// apply, on lines that are easy to get wrong.

@Suite struct PrivacyLintUnitTests {
    private static let path = "meetings/2025-11-21.md"
    private static let file = "content/" + path

    /// The lint's diagnostics and allowances for a document written as text.
    private func lint(_ text: String, document: Document?) -> ([Diagnostic], [PrivacyAllowance]) {
        let consent = ConsentRegistry(people: [.init(names: ["Mark Allan"], namedIn: ["slides/2025-11-21"], everywhere: false)])
        let lint = PrivacyLint(roleAddresses: ["team@trust.nhs.uk"], consent: consent)
        return lint.check(Unit.source(Self.path, text), text: text, document: document)
    }

    /// A diagnostic in the document.
    private func at(_ line: Int, _ column: Int, _ reason: DiagnosticReason) -> Diagnostic {
        Unit.diagnostic(reason, Self.file, line, column)
    }

    /// Columns count Characters; fences of backticks or tildes, after spaces or written with
    /// characters equivalent to backticks, end prose until they close; a comment alone on its line
    /// allows the next line's finding.
    @Test func findsPersonalDataOnTrickyLines() throws {
        let body = """
            👍🏽 Sarah said she was scared.
            Café owner Tom told me. Mel was there.
            ```text
            He said Sarah was late.
            ```
              ~~~
            Sarah said I’m fine.
            ~~~
            \u{1FEF}\u{1FEF}\u{1FEF}
            Tom said he was tired.
            ```
            Call 07700 900123 or jo@nhs.net; Tom told me about Jo Bloggs.
            <!-- privacy: allow name reason="a public figure" -->
            I know Sarah Jones.
             ```Sarah said she was there.
            Mel said he was there.
            ```
            He met Fi again.
            Mark Allan spoke, and team@trust.nhs.uk answered.
            """
        let text = Unit.text("title: Tricky lines\ndate: 2025-11-21", body: body)
        let document = try Unit.document(Self.path, text)
        let (diagnostics, allowances) = lint(text, document: document)
        #expect(diagnostics == [
            at(5, 3, .privacyPossibleName(masked: "S***")),
            at(6, 12, .privacyPossibleName(masked: "T***")),
            at(16, 22, .privacyEmail(masked: "j***@nhs.net")),
            at(16, 6, .privacyPhone(masked: "07*******23")),
            at(16, 34, .privacyPossibleName(masked: "T***")),
            at(16, 52, .privacyPossibleName(masked: "J*** B***")),
            at(22, 8, .privacyPossibleName(masked: "F***")),
            at(23, 1, .privacyNameWithoutConsent(masked: "M*** A***")),
        ])
        let allowed = Compendium.SourceLocation(file: Self.file, line: 18, column: 8)
        #expect(allowances == [PrivacyAllowance(location: allowed, kind: "name", reason: "a public figure")])
    }

    /// `\r\n` is one Character, not a line break; the lines are those of `\n` alone.
    @Test func aCarriageReturnBeforeALineFeedKeepsTheLine() {
        let (diagnostics, _) = lint("a\r\njo@nhs.net\nb@nhs.net", document: nil)
        #expect(diagnostics == [
            at(1, 3, .privacyEmail(masked: "j***@nhs.net")),
            at(2, 1, .privacyEmail(masked: "b***@nhs.net")),
        ])
    }

    /// Without a document, no line is prose and nobody is looked up in the register.
    @Test func withoutADocumentNamesAreNotLookedFor() {
        let (diagnostics, allowances) = lint("Sarah said she was scared. Mark Allan spoke.", document: nil)
        #expect(diagnostics == [])
        #expect(allowances == [])
    }
}
