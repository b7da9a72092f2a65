@testable import Compendium
import Testing

// Unit tests of the parse stage: bytes to text, text to front matter and
// body, front matter to YAML nodes with their positions.

@Suite struct TextDecodingUnitTests {
    private func decode(_ text: String) -> Result<String, TextDecoding.Failure> {
        TextDecoding.decode(Array(text.utf8))
    }

    @Test func plainUTF8IsKept() {
        #expect(decode("title: Café\n") == .success("title: Café\n"))
        #expect(TextDecoding.decode([]) == .success(""))
    }

    @Test func stripsTheUTF8ByteOrderMark() {
        #expect(TextDecoding.decode([0xEF, 0xBB, 0xBF] + Array("---\nx".utf8)) == .success("---\nx"))
        // Only one mark is removed; a second is text.
        #expect(TextDecoding.decode([0xEF, 0xBB, 0xBF, 0xEF, 0xBB, 0xBF]) == .success("\u{FEFF}"))
    }

    @Test func windowsAndOldMacLineEndingsBecomeLineFeeds() {
        #expect(decode("a\r\nb\r\n") == .success("a\nb\n"))
        #expect(decode("a\rb\rc") == .success("a\nb\nc"))
        #expect(decode("a\r\n\r\nb\n\rc") == .success("a\n\nb\n\nc"))
        #expect(decode("\r\r\n") == .success("\n\n"))
        #expect(decode("é\r\n") == .success("é\n"))
    }

    @Test func utf16IsRefused() {
        #expect(TextDecoding.decode([0xFF, 0xFE, 0x2D, 0x00]) == .failure(.utf16))
        #expect(TextDecoding.decode([0xFE, 0xFF, 0x00, 0x2D]) == .failure(.utf16))
    }

    @Test func invalidBytesArePlacedByLineAndColumn() {
        #expect(TextDecoding.decode(Array("ab\ncd".utf8) + [0xFF]) == .failure(.invalidUTF8(line: 2, column: 3)))
        #expect(TextDecoding.decode([0xFF]) == .failure(.invalidUTF8(line: 1, column: 1)))
        #expect(TextDecoding.decode(Array("abc".utf8) + [0xC3]) == .failure(.invalidUTF8(line: 1, column: 4)))
        // Columns count characters, not bytes.
        #expect(TextDecoding.decode(Array("x\néé".utf8) + [0x80, 0x41]) == .failure(.invalidUTF8(line: 2, column: 3)))
        // An encoded surrogate is not valid UTF-8.
        #expect(TextDecoding.decode(Array("a\nb\nc".utf8) + [0xED, 0xA0, 0x80]) == .failure(.invalidUTF8(line: 3, column: 2)))
    }

    @Test func invalidBytesAmongOtherScriptsArePlaced() {
        // An overlong encoding after a four-byte scalar.
        #expect(TextDecoding.decode(Array("😀 ok".utf8) + [0xC0, 0x80]) == .failure(.invalidUTF8(line: 1, column: 5)))
        // Beyond U+10FFFF.
        #expect(TextDecoding.decode([0xF4, 0x90, 0x80, 0x80]) == .failure(.invalidUTF8(line: 1, column: 1)))
        // A cut-off scalar followed by ASCII.
        #expect(TextDecoding.decode(Array("é".utf8) + [0xE2, 0x82] + Array("a".utf8)) == .failure(.invalidUTF8(line: 1, column: 2)))
        #expect(decode("中文 ✓ Zoë 👍🏽\nok") == .success("中文 ✓ Zoë 👍🏽\nok"))
    }

    @Test func positionsCountFromAfterTheByteOrderMark() {
        let bytes: [UInt8] = [0xEF, 0xBB, 0xBF] + Array("ab\ncd".utf8) + [0xFF]
        #expect(TextDecoding.decode(bytes) == .failure(.invalidUTF8(line: 2, column: 3)))
        #expect(TextDecoding.decode([0xEF, 0xBB, 0xBF, 0xFF]) == .failure(.invalidUTF8(line: 1, column: 1)))
    }
}

/// Decoding's quick passes find NUL and `\r` wherever they are, and problems keep their order.
@Suite struct TextDecodingBytePassUnitTests {
    @Test func aNulIsPlacedWhereverItIs() {
        for length in 0..<20 {
            let bytes = Array(String(repeating: "a", count: length).utf8) + [0] + Array("bc".utf8)
            #expect(TextDecoding.decode(bytes) == .failure(.nul(line: 1, column: length + 1)), "\(length)")
        }
        #expect(TextDecoding.decode(Array("é\nxyé".utf8) + [0]) == .failure(.nul(line: 2, column: 4)))
        #expect(TextDecoding.decode([0xEF, 0xBB, 0xBF, 0x61, 0]) == .failure(.nul(line: 1, column: 2)))
    }

    @Test func invalidUTF8IsReportedBeforeANul() {
        #expect(TextDecoding.decode([0x61, 0, 0x62, 0xFF]) == .failure(.invalidUTF8(line: 1, column: 4)))
        #expect(TextDecoding.decode([0, 0xC3]) == .failure(.invalidUTF8(line: 1, column: 2)))
    }

    @Test func carriageReturnsAnywhereAreMadeLineFeeds() {
        for length in 0..<20 {
            let text = String(repeating: "é", count: length % 3) + String(repeating: "a", count: length)
            #expect(TextDecoding.decode(Array((text + "\r\nb\rc").utf8)) == .success(text + "\nb\nc"), "\(length)")
        }
        #expect(TextDecoding.decode([0xEF, 0xBB, 0xBF] + Array("a\r\n".utf8)) == .success("a\n"))
    }

    @Test func longValidTextIsKept() {
        let ascii = String(repeating: "The quick brown fox. ", count: 200)
        #expect(TextDecoding.decode(Array(ascii.utf8)) == .success(ascii))
        let mixed = String(repeating: "Zoë 中文 👍🏽 ok ", count: 100)
        #expect(TextDecoding.decode(Array(mixed.utf8)) == .success(mixed))
    }
}

/// The Markdown shape check: nesting, open brackets and fences.
@Suite struct MarkdownShapeUnitTests {
    private let limits: Limits = {
        var limits = Limits()
        limits.nesting = 3
        limits.openBrackets = 4
        return limits
    }()

    private func problem(_ body: String, firstLine: Int = 10) -> MarkdownShape.Problem? {
        MarkdownShape.check(body, firstLine: firstLine, limits: limits)
    }

    @Test func tooManyOpenBracketsArePlacedAtTheOneTooMany() {
        #expect(problem("a [[[[") == nil)
        #expect(problem("a [[[[[") == MarkdownShape.Problem(reason: .tooManyOpenBrackets(count: 5, limit: 4), line: 10, column: 7))
        #expect(problem("x\n[[\n[[[") == MarkdownShape.Problem(reason: .tooManyOpenBrackets(count: 5, limit: 4), line: 12, column: 3))
        #expect(problem("é[[[[[") == MarkdownShape.Problem(reason: .tooManyOpenBrackets(count: 5, limit: 4), line: 10, column: 7))
    }

    @Test func closedEscapedAndSeparatedBracketsDoNotCount() {
        #expect(problem("[a] [b] [c] [d] [e] [f]") == nil)
        #expect(problem("\\[\\[\\[\\[\\[\\[ [[[[") == nil)
        #expect(problem("\\\\[[[[[") != nil, "an escaped backslash escapes nothing more")
        #expect(problem("[[[\n\n[[[") == nil, "a blank line ends the paragraph")
        #expect(problem("[[[\n \t \n[[[") == nil, "a line of spaces is blank")
        #expect(problem("]]]]]]]]]][[[[") == nil)
        #expect(problem("[[[\\") == nil, "a backslash at the end of a line")
        #expect(problem("[[[\\\n[[") == MarkdownShape.Problem(reason: .tooManyOpenBrackets(count: 5, limit: 4), line: 11, column: 2),
                "a backslash escapes nothing on the next line")
    }

    @Test func fencedCodeIsSkipped() {
        #expect(problem("```\n[[[[[[\n```") == nil)
        #expect(problem("  ~~~ swift\n[[[[[[\n~~~\n[[[[[") != nil)
        #expect(problem("``\n[[[[[") != nil, "two backticks open no fence")
        #expect(problem("~`~\n[[[[[") != nil)
    }

    @Test func deepBlockQuotesAndListsAreRefused() {
        #expect(problem("> > > a") == nil)
        #expect(problem("> > > > a") == MarkdownShape.Problem(reason: .markdownNestedTooDeeply(depth: 4, limit: 3), line: 10, column: 7))
        #expect(problem("        - a") == MarkdownShape.Problem(reason: .markdownNestedTooDeeply(depth: 4, limit: 3), line: 10, column: 9))
        #expect(problem("\t\t3. a") == MarkdownShape.Problem(reason: .markdownNestedTooDeeply(depth: 4, limit: 3), line: 10, column: 9))
        #expect(problem("        text") == nil, "indented text that is no list item")
    }

    @Test func linesAreCountedFromTheBodysFirstLine() {
        #expect(problem("\n\n\n[[[[[", firstLine: 1)?.line == 4)
        #expect(problem("a\n", firstLine: 1) == nil)
        #expect(problem("", firstLine: 1) == nil)
    }
}

@Suite struct FrontMatterSplitUnitTests {
    private func split(_ text: String) throws -> FrontMatterSplit {
        try FrontMatterSplit.split(text).get()
    }

    @Test func splitsYAMLAndBody() throws {
        let split = try split("---\ntitle: A\nsummary: B\n---\n# Heading\n\nText\n")
        #expect(split.yaml == "title: A\nsummary: B\n")
        #expect(split.yamlFirstLine == 2)
        #expect(split.body == "# Heading\n\nText\n")
        #expect(split.bodyFirstLine == 5)
    }

    @Test func closesWithThreeDots() throws {
        let split = try split("---\ntitle: A\n...\nBody")
        #expect(split.yaml == "title: A\n")
        #expect(split.body == "Body")
        #expect(split.bodyFirstLine == 4)
    }

    @Test func threeDotsDoNotOpen() {
        #expect(FrontMatterSplit.split("...\ntitle: A\n---\n") == .failure(.missing))
    }

    @Test func delimitersMayHaveTrailingSpaces() throws {
        let split = try split("---  \ntitle: A\n--- \t\nBody\n")
        #expect(split.yaml == "title: A\n")
        #expect(split.body == "Body\n")
        #expect(split.bodyFirstLine == 4)
    }

    @Test func delimitersMayNotHaveLeadingSpacesOrMoreHyphens() {
        #expect(FrontMatterSplit.split(" ---\ntitle: A\n---\n") == .failure(.missing))
        #expect(FrontMatterSplit.split("----\ntitle: A\n---\n") == .failure(.missing))
        #expect(FrontMatterSplit.split("---\ntitle: A\n ---\n") == .failure(.unclosed))
        #expect(FrontMatterSplit.split("---\ntitle: A\n----\n") == .failure(.unclosed))
    }

    @Test func aFileWithoutFrontMatter() {
        #expect(FrontMatterSplit.split("title: A\n---\n") == .failure(.missing))
        #expect(FrontMatterSplit.split("# Heading\n") == .failure(.missing))
        #expect(FrontMatterSplit.split("\n---\ntitle: A\n---\n") == .failure(.missing))
        #expect(FrontMatterSplit.split("") == .failure(.missing))
    }

    @Test func frontMatterThatIsNeverClosed() {
        #expect(FrontMatterSplit.split("---\ntitle: A\n") == .failure(.unclosed))
        #expect(FrontMatterSplit.split("---") == .failure(.unclosed))
        #expect(FrontMatterSplit.split("---\n") == .failure(.unclosed))
    }

    @Test func emptyFrontMatter() throws {
        let split = try split("---\n---\nText\n")
        #expect(split.yaml == "")
        #expect(split.body == "Text\n")
        #expect(split.bodyFirstLine == 3)
    }

    @Test func closingLineAtTheEndOfTheFile() throws {
        let split = try split("---\ntitle: A\n---")
        #expect(split.yaml == "title: A\n")
        #expect(split.body == "")
        #expect(split.bodyFirstLine == 4)
    }

    @Test func laterDelimitersBelongToTheBody() throws {
        let split = try split("---\ntitle: A\n---\nOne\n---\nTwo\n")
        #expect(split.body == "One\n---\nTwo\n")
        #expect(split.bodyFirstLine == 4)
    }
}

@Suite struct YAMLReaderUnitTests {
    private func parse(_ yaml: String, firstLine: Int = 2) throws -> YAMLNode {
        try #require(try YAMLReader.parse(yaml, firstLine: firstLine).get())
    }

    private func entries(_ node: YAMLNode) -> [YAMLEntry] {
        guard case .mapping(let entries) = node.value else { return [] }
        return entries
    }

    private func items(_ node: YAMLNode) -> [YAMLNode] {
        guard case .sequence(let items) = node.value else { return [] }
        return items
    }

    @Test func emptyFrontMatterIsNil() throws {
        #expect(try YAMLReader.parse("", firstLine: 2).get() == nil)
        #expect(try YAMLReader.parse("# only a comment\n", firstLine: 2).get() == nil)
    }

    @Test func keysAndValuesKeepTheirPositionsInTheFile() throws {
        let root = try parse("title: Supervision\nsummary: \"Quoted text\"\ndraft: no\n", firstLine: 2)
        #expect(root.line == 2)
        #expect(root.column == 1)
        let fields = entries(root)
        #expect(fields.map(\.key) == ["title", "summary", "draft"])
        #expect(fields.map(\.keyLine) == [2, 3, 4])
        #expect(fields.map(\.keyColumn) == [1, 1, 1])
        #expect(fields.map(\.value.line) == [2, 3, 4])
        #expect(fields.map(\.value.column) == [8, 10, 8])
        #expect(fields.map(\.value.value) == [
            .scalar("Supervision", plain: true),
            .scalar("Quoted text", plain: false),
            .scalar("no", plain: true),
        ])
    }

    @Test func theFirstLineShiftsEveryPosition() throws {
        let root = try parse("a: 1\nb: 2\n", firstLine: 10)
        #expect(entries(root).map(\.keyLine) == [10, 11])
        #expect(entries(root).map(\.value.line) == [10, 11])
    }

    @Test func quotedAndPlainScalars() throws {
        let fields = entries(try parse("a: no\nb: \"no\"\nc: 'no'\nd: |\n  block\ne:\nf: ~\ng: 2025-11-21\n"))
        #expect(fields.map(\.value.value) == [
            .scalar("no", plain: true),
            .scalar("no", plain: false),
            .scalar("no", plain: false),
            .scalar("block\n", plain: false),
            .scalar("", plain: true),
            .scalar("~", plain: true),
            .scalar("2025-11-21", plain: true),
        ])
        #expect(fields.map(\.value.isBlank) == [false, false, false, false, true, true, false])
    }

    @Test func nestedListsAndMappings() throws {
        let root = try parse("presenters:\n  - name: Ann\n    role: PSW\nthemes: [a, b]\n", firstLine: 2)
        let fields = entries(root)
        let presenters = items(fields[0].value)
        #expect(presenters.count == 1)
        let person = entries(try #require(presenters.first))
        #expect(person.map(\.key) == ["name", "role"])
        #expect(person.map(\.keyLine) == [3, 4])
        #expect(person.map(\.keyColumn) == [5, 5])
        #expect(person.map(\.value.column) == [11, 11])
        let themes = items(fields[1].value)
        #expect(themes.map(\.value) == [.scalar("a", plain: true), .scalar("b", plain: true)])
        #expect(themes.map(\.line) == [5, 5])
        #expect(themes.map(\.column) == [10, 13])
    }

    @Test func duplicateKeysAreReportedWhereTheyAreRepeated() {
        #expect(YAMLReader.parse("title: A\nsummary: B\ntitle: C\n", firstLine: 2)
            == .failure(.duplicateKey("title", line: 4, column: 1)))
        #expect(YAMLReader.parse("summary: S\ntitle: A\ndate: x\ntitle: C\n", firstLine: 2)
            == .failure(.duplicateKey("title", line: 5, column: 1)))
        #expect(YAMLReader.parse("presenters:\n  - name: A\n    role: R\n    name: B\n", firstLine: 2)
            == .failure(.duplicateKey("name", line: 5, column: 5)))
    }

    @Test func ofSeveralRepeatedKeysTheFirstInTextOrderIsReported() {
        #expect(YAMLReader.parse("b: 1\nb: 2\na: 1\na: 2\n", firstLine: 2)
            == .failure(.duplicateKey("a", line: 5, column: 1)))
    }

    @Test func aRepeatedTextKeyIsReportedBeforeARepeatedListKey() {
        #expect(YAMLReader.parse("? [a]\n: 1\n? [a]\n: 2\nb: 1\nb: 2\n", firstLine: 2)
            == .failure(.duplicateKey("b", line: 7, column: 1)))
        #expect(YAMLReader.parse("? [a]\n: 1\n? [a]\n: 2\n", firstLine: 2)
            == .failure(.duplicateKey("<uncovertable>", line: 2, column: 3)))
    }

    @Test func aRepeatAmongManyKeysIsFound() {
        let yaml = (0..<20).map { "k\($0): v\n" }.joined() + "k3: again\n"
        #expect(YAMLReader.parse(yaml, firstLine: 2) == .failure(.duplicateKey("k3", line: 22, column: 1)))
        #expect(YAMLReader.parse((0..<20).map { "k\($0): v\n" }.joined(), firstLine: 2).map { _ in true } == .success(true))
    }

    @Test func quotedAndPlainKeysAreTheSameKey() {
        #expect(YAMLReader.parse("\"a\": 1\na: 2\n", firstLine: 2) == .failure(.duplicateKey("a", line: 3, column: 1)))
        #expect(YAMLReader.parse("!!str a: 1\na: 2\n", firstLine: 2) == .failure(.duplicateKey("a", line: 3, column: 1)))
    }

    @Test func keysWithDifferentTagsAreDifferentKeys() throws {
        #expect(entries(try parse("!local a: 1\na: 2\n")).map(\.key) == ["a", "a"])
    }

    @Test func anAliasUsedAsARepeatedKeyIsARepeatedKey() {
        #expect(YAMLReader.parse("&k x: 1\n*k : 2\n", firstLine: 2) == .failure(.duplicateKey("x", line: 2, column: 1)))
    }

    @Test func repeatedKeysAreFoundAfterCarriageReturns() {
        #expect(YAMLReader.parse("title: A\r\rtitle: B\r", firstLine: 2)
            == .failure(.duplicateKey("title", line: 4, column: 1)))
    }

    @Test func anUndefinedAliasIsASyntaxError() {
        #expect(YAMLReader.parse("a: *nowhere\n", firstLine: 2)
            == .failure(.syntax(problem: "found undefined alias", context: nil, line: 2, column: 4)))
        #expect(YAMLReader.parse("a: &x [*x]\n", firstLine: 2)
            == .failure(.syntax(problem: "found undefined alias", context: nil, line: 2, column: 8)))
    }

    @Test func aSecondDocumentIsASyntaxError() {
        #expect(YAMLReader.parse("a: 1\n---\nb: 2\n", firstLine: 2) == .failure(.syntax(
            problem: "but found another document",
            context: "expected a single document in the stream that starts at line 2, column 1", line: 3, column: 1)))
    }

    @Test func aSyntaxErrorAfterAnAnchorIsReportedFirst() {
        guard case .failure(.syntax(_, _, let line, _)) = YAMLReader.parse("a: &x 1\nb: [2\n", firstLine: 2) else {
            Issue.record("expected a syntax error")
            return
        }
        #expect(line == 4)
    }

    @Test func aByteOrderMarkAtTheStartOfAValueIsDropped() throws {
        #expect(entries(try parse("x: \u{FEFF}value\n")).map(\.value.value) == [.scalar("value", plain: true)])
    }

    @Test func anchorsAndAliasesAreRefused() {
        #expect(YAMLReader.parse("a: &x 1\nb: *x\n", firstLine: 2) == .failure(.anchor(line: 2, column: 4)))
        #expect(YAMLReader.parse("title: A\nsummary: &s Text\n", firstLine: 2) == .failure(.anchor(line: 3, column: 10)))
        #expect(YAMLReader.parse("&k title: A\n", firstLine: 2) == .failure(.anchor(line: 2, column: 1)))
    }

    @Test func syntaxErrorsGiveTheLineInTheFile() throws {
        let result = YAMLReader.parse("title: Supervision\nsummary: one: two\n", firstLine: 2)
        guard case .failure(.syntax(let problem, _, let line, let column)) = result else {
            Issue.record("expected a syntax error, got \(result)")
            return
        }
        #expect(problem == "mapping values are not allowed in this context")
        #expect(line == 3)
        #expect(column == 13)
    }

    @Test func unclosedQuotesGiveTheirStartAsContext() throws {
        let result = YAMLReader.parse("title: A\nsummary: \"never closed\n", firstLine: 2)
        guard case .failure(.syntax(_, let context, let line, _)) = result else {
            Issue.record("expected a syntax error, got \(result)")
            return
        }
        #expect(context == "while scanning a quoted scalar that starts at line 3, column 10")
        #expect(line == 4)
    }

    @Test func nonScalarKeysAreRefused() {
        #expect(YAMLReader.parse("? [a, b]\n: c\n", firstLine: 2) == .failure(.nonScalarKey(line: 2, column: 3)))
    }

    /// `a: [[…[x]…]]` with `count` brackets: the scalar is at depth `count + 1`.
    private func nested(_ count: Int) -> String {
        "a: " + String(repeating: "[", count: count) + "x" + String(repeating: "]", count: count) + "\n"
    }

    @Test func nestingUpToTheLimitIsAccepted() throws {
        var node = try parse(nested(YAMLReader.depthLimit - 1))
        var depth = 0
        while true {
            if case .mapping(let fields) = node.value { node = fields[0].value }
            else if case .sequence(let list) = node.value { node = list[0] }
            else { break }
            depth += 1
        }
        #expect(depth == YAMLReader.depthLimit)
        #expect(node.value == .scalar("x", plain: true))
    }

    @Test func nestingDeeperThanTheLimitIsRefused() {
        let limit = YAMLReader.depthLimit
        #expect(YAMLReader.parse(nested(limit), firstLine: 2) == .failure(.tooDeep(line: 2, column: 4 + limit)))
        #expect(YAMLReader.parse(nested(200), firstLine: 2) == .failure(.tooDeep(line: 2, column: 4 + limit)))
    }
}

@Suite struct DocumentParserUnitTests {
    @Test func splitsADocument() throws {
        let (parsed, diagnostics) = Unit.parse("meetings/2025-11-21.md", "---\ntitle: A\ndate: 2025-11-21\n---\nBody\n")
        #expect(diagnostics == [])
        let document = try #require(parsed)
        #expect(document.kind == .meeting)
        #expect(document.relativePath == "meetings/2025-11-21.md")
        #expect(document.file == "content/meetings/2025-11-21.md")
        #expect(document.baseName == "2025-11-21")
        #expect(document.body == "Body\n")
        #expect(document.bodyFirstLine == 5)
        let root = try #require(document.frontMatter)
        guard case .mapping(let fields) = root.value else {
            Issue.record("front matter is not a mapping")
            return
        }
        #expect(fields.map(\.key) == ["title", "date"])
        #expect(fields.map(\.keyLine) == [2, 3])
    }

    @Test(arguments: [
        ("meetings", Kind.meeting), ("slides", .slides), ("jobs", .job), ("resources", .resource),
        ("themes", .theme), ("organisations", .organisation), ("series", .series), ("pages", .page),
    ])
    func theFolderGivesTheKind(_ folder: String, _ kind: Kind) throws {
        let (parsed, _) = Unit.parse("\(folder)/x.md", "---\ntitle: X\n---\n")
        #expect(try #require(parsed).kind == kind)
    }

    @Test func theKindComesFromTheFirstFolderOnly() throws {
        let (parsed, _) = Unit.parse("jobs/archive/old-role.md", "---\ntitle: X\n---\n")
        let document = try #require(parsed)
        #expect(document.kind == .job)
        #expect(document.baseName == "old-role")
    }

    @Test func filesOutsideKindFoldersAreNotParsed() {
        #expect(Unit.parse("notes/a.md", "---\ntitle: A\n---\n") == (nil, []))
        #expect(Unit.parse("a.md", "---\ntitle: A\n---\n") == (nil, []))
        #expect(Unit.parse("themes", "---\ntitle: A\n---\n") == (nil, []))
    }

    @Test func emptyFrontMatterHasNoNode() throws {
        let (parsed, diagnostics) = Unit.parse("pages/about.md", "---\n---\nText")
        #expect(diagnostics == [])
        #expect(try #require(parsed).frontMatter == nil)
        #expect(try #require(parsed).bodyFirstLine == 3)
    }

    @Test func windowsLineEndingsAndAByteOrderMarkAreAccepted() throws {
        let (parsed, diagnostics) = Unit.parse("pages/about.md", "\u{FEFF}---\r\ntitle: About\r\n---\r\nBody\r\n")
        #expect(diagnostics == [])
        let document = try #require(parsed)
        #expect(document.body == "Body\n")
        #expect(document.bodyFirstLine == 4)
        #expect(document.frontMatter?.value == .mapping([
            YAMLEntry(key: "title", keyLine: 2, keyColumn: 1,
                      value: YAMLNode(value: .scalar("About", plain: true), line: 2, column: 8)),
        ]))
    }

    @Test func failuresBecomeDiagnosticsWithTheirPosition() {
        let file = "content/pages/about.md"
        func problems(_ bytes: [UInt8]) -> [Diagnostic] {
            let (parsed, diagnostics) = DocumentParser.parse(SourceFile(relativePath: "pages/about.md", displayPath: file, bytes: bytes))
            #expect(parsed == nil)
            return diagnostics
        }
        func problems(_ text: String) -> [Diagnostic] { problems(Array(text.utf8)) }

        #expect(problems("# About\n") == [Unit.diagnostic(.missingFrontMatter, file, 1, 1)])
        #expect(problems("---\ntitle: About\n") == [Unit.diagnostic(.unclosedFrontMatter, file, 1, 1)])
        #expect(problems([0xFF, 0xFE, 0x2D, 0x00]) == [Unit.diagnostic(.utf16, file, 1, 1)])
        #expect(problems(Array("---\ntitle: Caf".utf8) + [0xE9] + Array("\n---\n".utf8))
            == [Unit.diagnostic(.invalidUTF8, file, 2, 11)])
        #expect(problems("---\ntitle: A\nsummary: B\ntitle: C\n---\n") == [Unit.diagnostic(.duplicateKey("title"), file, 4, 1)])
        #expect(problems("---\ntitle: A\nsummary: &s B\n---\n") == [Unit.diagnostic(.anchorOrAlias, file, 3, 10)])
        #expect(problems("---\n? [a]\n: b\n---\n") == [Unit.diagnostic(.notFieldList, file, 2, 3)])
        let deep = "---\ntitle: A\nx: " + String(repeating: "[", count: 20) + String(repeating: "]", count: 20) + "\n---\n"
        #expect(problems(deep) == [Unit.diagnostic(.nestedTooDeeply(limit: YAMLReader.depthLimit), file, 3, 4 + YAMLReader.depthLimit)])
    }

    @Test func yamlSyntaxErrorsNameTheLineInTheFile() throws {
        let (parsed, diagnostics) = Unit.parse("pages/about.md", "---\ntitle: About\nsummary: one: two\n---\n")
        #expect(parsed == nil)
        let diagnostic = try #require(diagnostics.first)
        #expect(diagnostics.count == 1)
        #expect(diagnostic.location.description == "content/pages/about.md:3:13")
        #expect(diagnostic.reason == .yamlSyntax(problem: "mapping values are not allowed in this context", context: nil))
    }
}
