@testable import Compendium
import Dispatch
import Foundation
import Synchronization
import Testing

// Unit tests of the small value types and helpers: slugs, suggestions,
// dates, bands and the formats checked in front matter.

@Suite struct SlugUnitTests {
    @Test(arguments: [
        ("Banding & Job Evaluation", "banding-job-evaluation"),
        ("Supervision", "supervision"),
        ("PICU", "picu"),
        ("Band 8a", "band-8a"),
        ("Café", "cafe"),
        ("Crème Brûlée", "creme-brulee"),
        ("it's", "its"),
        ("It\u{2019}s a ‘test’", "its-a-test"),
        ("Peer & Support", "peer-support"),
        ("  --Hello, World!--  ", "hello-world"),
        ("(Recovery) college.", "recovery-college"),
        ("a__b  c", "a-b-c"),
        ("2025-11-21", "2025-11-21"),
        ("already-a-slug", "already-a-slug"),
        ("Ωmega 中文 x", "mega-x"),
        ("한국 a", "a"),
        ("ﬁne Zoë", "ne-zoe"),
        ("a-b-c-d-e-f-g-h-i", "a-b-c-d-e-f-g-h-i"),
    ])
    func makesSlugs(_ text: String, _ expected: String) {
        #expect(Slug.make(text) == expected)
    }

    @Test(arguments: ["", "!!!", " - ", "&", "’'"])
    func nothingLeftGivesAnEmptySlug(_ text: String) {
        #expect(Slug.make(text) == "")
    }

    @Test func aMadeSlugIsValid() {
        for text in ["Banding & Job Evaluation", "Café", "it's", "--x--", "Band 8a"] {
            #expect(Slug.isValid(Slug.make(text)), "\(text)")
        }
    }

    @Test(arguments: [
        ("supervision", true),
        ("band-8a", true),
        ("2025-11-21", true),
        ("a", true),
        ("", false),
        ("-a", false),
        ("a-", false),
        ("a--b", false),
        ("A", false),
        ("Supervision", false),
        ("a_b", false),
        ("a b", false),
        ("café", false),
        ("a.md", false),
    ])
    func checksSlugs(_ text: String, _ valid: Bool) {
        #expect(Slug.isValid(text) == valid)
    }
}

@Suite struct SuggestionUnitTests {
    @Test func findsATypo() {
        #expect(Suggestion.closest(to: "sumary", in: ["title", "summary", "slug"]) == "summary")
        #expect(Suggestion.closest(to: "titl", in: ["title", "summary", "slug"]) == "title")
        #expect(Suggestion.closest(to: "supervison", in: ["supervision", "recovery"]) == "supervision")
    }

    @Test func aWordTooFarGivesNil() {
        #expect(Suggestion.closest(to: "colour", in: ["title", "summary", "slug", "draft"]) == nil)
        #expect(Suggestion.closest(to: "xyz", in: ["title"]) == nil)
        // Four letters allow one edit, so two edits are too many.
        #expect(Suggestion.closest(to: "tilt", in: ["title"]) == nil)
        #expect(Suggestion.closest(to: "anything", in: [String]()) == nil)
    }

    @Test func anEmptyWordGivesNil() {
        #expect(Suggestion.closest(to: "", in: ["", "a"]) == nil)
    }

    @Test func ignoresCaseSpacesHyphensAndUnderscores() {
        #expect(Suggestion.closest(to: "Short Name", in: ["short_name", "url"]) == "short_name")
        #expect(Suggestion.closest(to: "REPORTS-TO", in: ["reports_to", "progresses_to"]) == "reports_to")
        #expect(Suggestion.closest(to: "shared in", in: ["shared_in"]) == "shared_in")
        #expect(Suggestion.closest(to: "Contact Publik", in: ["contact_public", "contact"]) == "contact_public")
    }

    @Test func anExactMatchWinsOverAnEarlierCloseOne() {
        #expect(Suggestion.closest(to: "cart", in: ["bart", "cart"]) == "cart")
    }

    @Test func tiesGoToTheFirstInSortedOrder() {
        #expect(Suggestion.closest(to: "dart", in: ["cart", "bart"]) == "bart")
        #expect(Suggestion.closest(to: "dart", in: ["bart", "cart"]) == "bart")
        #expect(Suggestion.closest(to: "dart", in: Set(["cart", "bart", "mart"])) == "bart")
    }

    @Test func theCloserCandidateWins() {
        // "handbok" is one edit from "handbook" and two from "notebook".
        #expect(Suggestion.closest(to: "handbok", in: ["notebook", "handbook"]) == "handbook")
    }

    @Test func editDistance() {
        #expect(Suggestion.editDistance(Array("kitten"), Array("sitting"), limit: 5) == 3)
        #expect(Suggestion.editDistance(Array(""), Array("abc"), limit: 5) == 3)
        #expect(Suggestion.editDistance(Array("abc"), Array("abc"), limit: 0) == 0)
        // Gives up once every path exceeds the limit.
        #expect(Suggestion.editDistance(Array("aaaa"), Array("bbbb"), limit: 1) == 2)
    }
}

@Suite struct DayUnitTests {
    @Test(arguments: ["2025-11-21", "2024-02-29", "2000-02-29", "2025-12-31", "2025-01-01", "2025-04-30"])
    func acceptsRealDays(_ text: String) throws {
        let day = try #require(Day(iso: text))
        #expect(day.iso == text)
        #expect(day.description == text)
    }

    @Test(arguments: [
        "2025-02-29", "1900-02-29", "2025-13-01", "2025-00-10", "2025-04-31", "2025-01-00", "2025-01-32",
        "2025-1-01", "2025-01-1", "25-01-01", "2025/01/01", "2025-01-01 ", " 2025-01-01", "2025-0a-01",
        "20250101xx", "", "21 November 2025",
    ])
    func rejectsOtherText(_ text: String) {
        #expect(Day(iso: text) == nil)
    }

    @Test func readsTheParts() throws {
        let day = try #require(Day(iso: "2026-01-08"))
        #expect(day.year == 2026)
        #expect(day.month == 1)
        #expect(day.day == 8)
    }

    @Test(arguments: [
        ("2025-11-21", "Friday"),
        ("2026-01-08", "Thursday"),
        ("2024-02-29", "Thursday"),
        ("2000-01-01", "Saturday"),
        ("2025-03-02", "Sunday"),
        ("2025-12-29", "Monday"),
        ("2025-12-30", "Tuesday"),
        ("2025-12-31", "Wednesday"),
    ])
    func weekdays(_ text: String, _ weekday: String) throws {
        #expect(try #require(Day(iso: text)).weekday == weekday)
    }

    @Test func formats() throws {
        let day = try #require(Day(iso: "2025-11-21"))
        #expect(day.long == "21 November 2025")
        #expect(day.withWeekday == "Friday 21 November 2025")
        #expect(day.monthAndYear == "November 2025")
        let january = try #require(Day(iso: "2026-01-08"))
        #expect(january.long == "8 January 2026")
        #expect(january.withWeekday == "Thursday 8 January 2026")
        #expect(january.iso == "2026-01-08")
    }

    @Test func ordersByYearThenMonthThenDay() throws {
        let texts = ["2026-01-08", "2025-11-21", "2025-02-01", "2025-11-03", "2024-12-31"]
        let days = try texts.map { try #require(Day(iso: $0)) }
        #expect(days.sorted().map(\.iso) == ["2024-12-31", "2025-02-01", "2025-11-03", "2025-11-21", "2026-01-08"])
        let friday = try #require(Day(iso: "2025-11-21"))
        let thursday = try #require(Day(iso: "2026-01-08"))
        #expect(friday < thursday)
        #expect(!(thursday < friday))
        #expect(!(friday < friday))
        #expect(Day(iso: "2025-11-21") == Day(iso: "2025-11-21"))
    }
}

@Suite struct BandUnitTests {
    @Test func everyBandInOrder() {
        #expect(Band.all.map(\.name) == ["2", "3", "4", "5", "6", "7", "8a", "8b", "8c", "8d", "9"])
    }

    @Test(arguments: ["2", "3", "4", "5", "6", "7", "8a", "8b", "8c", "8d", "9"])
    func acceptsEveryBandName(_ name: String) throws {
        let band = try #require(Band(name))
        #expect(band.name == name)
        #expect(band.description == name)
        #expect(band.title == "Band \(name)")
    }

    @Test(arguments: [("8A", "8a"), ("Band 8a", "8a"), ("band 4", "4"), ("BAND 8D", "8d"), (" 6 ", "6"), ("Band4", "4")])
    func acceptsOtherSpellings(_ text: String, _ name: String) {
        #expect(Band(text)?.name == name)
    }

    @Test(arguments: ["5a", "1", "10", "8", "8e", "", "band", "Band 1", "four"])
    func rejectsOtherValues(_ text: String) {
        #expect(Band(text) == nil)
    }

    @Test func ordersBands() throws {
        let band = { (name: String) throws -> Band in try #require(Band(name)) }
        #expect(try band("7") < band("8a"))
        #expect(try band("8a") < band("8d"))
        #expect(try band("8d") < band("9"))
        #expect(try band("2") < band("3"))
        #expect(try !(band("9") < band("8d")))
        let shuffled = try ["9", "8d", "2", "8a", "7"].map(band)
        #expect(shuffled.sorted().map(\.name) == ["2", "7", "8a", "8d", "9"])
    }
}

@Suite struct ValueSyntaxUnitTests {
    @Test(arguments: [
        ("14:00-16:00", "14:00–16:00"),
        ("14:00–16:00", "14:00–16:00"),
        ("14:00—16:00", "14:00–16:00"),
        ("14:00 to 16:00", "14:00–16:00"),
        ("14:00 - 16:00", "14:00–16:00"),
        ("14:00", "14:00"),
        ("9:30", "9:30"),
        ("09:30-10:00", "09:30–10:00"),
        ("00:00–23:59", "00:00–23:59"),
    ])
    func readsTimesAndRanges(_ text: String, _ expected: String) {
        #expect(ValueSyntax.timeRange(text) == expected)
    }

    @Test(arguments: [
        "25:00", "24:00", "14:60", "14:00-25:00", "14", "2pm", "14.00", "14:0", "14:000", "",
        "14:00-15:00-16:00", "-14:00", "14:00-", "14:00 until 16:00", "ab:cd",
    ])
    func rejectsOtherTimes(_ text: String) {
        #expect(ValueSyntax.timeRange(text) == nil)
    }

    @Test(arguments: ["14:+5", "+9:30", "14:00-+9:30"])
    func rejectsSignedNumbersInTimes(_ text: String) {
        #expect(ValueSyntax.timeRange(text) == nil)
    }

    @Test(arguments: [
        ("https://example.org", true),
        ("http://example.org/path?q=1#x", true),
        ("HTTPS://WWW.NHS.UK/jobs", true),
        ("https://sub.example.co.uk:8080/a", true),
        ("ftp://example.org", false),
        ("example.org", false),
        ("www.example.org", false),
        ("https://", false),
        ("https://localhost/", false),
        ("https://.example.org", false),
        ("https://example.org/a b", false),
        ("https://example.org/\"x\"", false),
        ("https://example.org/<script>", false),
        ("mailto:team@example.org", false),
    ])
    func webAddresses(_ text: String, _ valid: Bool) {
        #expect(ValueSyntax.isWebAddress(text) == valid)
    }

    @Test(arguments: [
        ("team@example.org", true),
        ("first.last+tag@mpft.nhs.uk", true),
        ("team@example", false),
        ("@example.org", false),
        ("team@", false),
        ("team", false),
        ("a@b@example.org", false),
        ("team@.example.org", false),
        ("team@example.org.", false),
        ("team member@example.org", false),
        ("<team@example.org>", false),
        ("\"team\"@example.org", false),
    ])
    func emailAddresses(_ text: String, _ valid: Bool) {
        #expect(ValueSyntax.isEmailAddress(text) == valid)
    }

    @Test(arguments: [
        ("en-GB", true),
        ("en", true),
        ("cym", true),
        ("zh-Hant-TW", true),
        ("es-419", true),
        ("e", false),
        ("english", false),
        ("en_GB", false),
        ("en-", false),
        ("-GB", false),
        ("12-GB", false),
        ("en-GB-toolongpart", false),
        ("", false),
        ("é-GB", false),
    ])
    func languageTags(_ text: String, _ valid: Bool) {
        #expect(ValueSyntax.isLanguageTag(text) == valid)
    }

    @Test(arguments: [
        ("files/jobs/psw.pdf", true),
        ("files/referral-form.txt", true),
        ("files/a b/c.pdf", true),
        ("files/../secret.txt", false),
        ("files/jobs/../../x.pdf", false),
        ("files/./x.pdf", false),
        ("files/.hidden/x.pdf", false),
        ("files/jobs/.env", false),
        ("files", false),
        ("files/", false),
        ("files//x.pdf", false),
        ("/files/x.pdf", false),
        ("content/files/x.pdf", false),
        ("jobs/psw.pdf", false),
        ("../files/x.pdf", false),
        ("files\\x.pdf", false),
        ("files/a\\b.pdf", false),
    ])
    func attachmentPaths(_ text: String, _ valid: Bool) {
        #expect(ValueSyntax.isAttachmentPath(text) == valid)
    }
}

/// Slugs without hyphens, the keys topics are grouped by.
@Suite struct SlugLettersUnitTests {
    @Test(arguments: [
        ("Band 4", "band4"), ("band-4", "band4"), ("BAND4", "band4"), ("Crème Brûlée", "cremebrulee"),
        ("It\u{2019}s a ‘test’", "itsatest"), ("  --x--  ", "x"), ("", ""), ("!!!", ""),
    ])
    func keepsOnlyTheLettersAndDigits(_ text: String, _ expected: String) {
        #expect(Slug.letters(text) == expected)
    }

    @Test(arguments: ["Banding & Job Evaluation", "Café au lait", "a__b  c", "2025-11-21", "Zoë’s 8a", "Ω-3", "x\u{301}y"])
    func areTheSlugWithoutItsHyphens(_ text: String) {
        #expect(Slug.letters(text) == String(Slug.make(text).filter { $0 != "-" }))
    }
}

/// Trimming keeps text that needs none whole, and trims the rest as Unicode does.
@Suite struct TrimmingUnitTests {
    @Test(arguments: [
        ("abc", "abc"), (" abc", "abc"), ("abc\t", "abc"), ("\n a b \r\n", "a b"), ("", ""), ("   ", ""),
        ("\u{A0}x\u{2003}", "x"), ("é", "é"), ("x\u{301}", "x\u{301}"), ("\u{2028}é ", "é"), ("a\u{A0}", "a"),
    ])
    func trims(_ text: String, _ expected: String) {
        #expect(text.trimmingSpaces == expected)
        #expect(text[...].trimmingSpaces == expected)
    }
}

/// The byte readings of times and web addresses agree with the Character readings on ASCII text.
@Suite struct ValueSyntaxBytesUnitTests {
    /// Times, ranges and near misses built from the pieces a time is written with.
    private static let texts: [String] = {
        let pieces = ["1", "4", "9", "0", "2", "5", "6", ":", "-", " ", " to ", "to", "\t", "x", "+", ".", "\r\n"]
        var texts: [String] = ["14:00 to 16:00", " 9:30 - 10:00 ", "14:00 to  to 15:00", "00:00-23:59", "1:00to2:00"]
        var seed: UInt64 = 7
        for length in 1...14 {
            for _ in 0..<300 {
                var text = ""
                for _ in 0..<length {
                    seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
                    text += pieces[Int(seed >> 58) % pieces.count]
                }
                texts.append(text)
            }
        }
        return texts
    }()

    @Test func timesReadAsCharactersDo() {
        for text in Self.texts {
            #expect(ValueSyntax.timeRange(text) == ValueSyntax.unicodeTimeRange(text), "\(text)")
        }
        #expect(Self.texts.contains { ValueSyntax.timeRange($0) != nil })
    }

    @Test(arguments: [
        "https://example.org", "HTTP://a.b", "http://.org", "https://host", "https://a.b/c d", "https://a.b/\"",
        "https://a.b<", "ftp://a.b", "https:/a.b", "http://a.b?x.y", "https://ab/c.d", "https://a.b\r\n", "HtTpS://x.y#z",
        "", "https://", "http://a.b\t",
    ])
    func webAddressesReadAsCharactersDo(_ text: String) {
        #expect(ValueSyntax.isWebAddress(text) == ValueSyntax.isUnicodeWebAddress(text), "\(text)")
    }
}

@Suite struct ByteSearchUnitTests {
    @Test func findsBytesAnywhereInTheText() {
        #expect("<!-- privacy: allow email -->".containsBytes("privacy:"))
        #expect("privacy:".containsBytes("privacy:"))
        #expect("x privacy:".dropFirst(2).containsBytes("privacy:"), "in a substring")
        #expect(!"privacy".containsBytes("privacy:"))
        #expect(!"privac privacy :".containsBytes("privacy:"))
        #expect(!"".containsBytes("privacy:"))
        #expect("café privacy: é".containsBytes("privacy:"))
    }

    @Test func findsBytesInAByteSlice() {
        let bytes = Array("café privacy: é".utf8)
        #expect(bytes[...].containsBytes("privacy:"))
        #expect(bytes[6...].containsBytes("privacy:"))
        #expect(!bytes[7...].containsBytes("privacy:"))
        #expect(!bytes[..<13].containsBytes("privacy:"))
        #expect(!bytes[0..<0].containsBytes("privacy:"))
    }

    @Test func escapesJSONForScripts() {
        #expect(JSONFormat.string("a</script>b") == "\"a</script>b\"")
        #expect(JSONFormat.string("a</script>b", inScript: true) == "\"a<\\/script>b\"")
        #expect(JSONFormat.string("<</ /\u{2028}\u{2029}", inScript: true) == "\"<<\\/ /\\u2028\\u2029\"")
        #expect(JSONFormat.string("\"\\\n\u{1}") == "\"\\\"\\\\\\n\\u0001\"")
    }

    /// The byte-level escaper gives what escaping scalar by scalar gives, on text made of the awkward pieces.
    @Test func escapingJSONByBytesMatchesEscapingByScalars() {
        let pieces = ["a", " ", "\"", "\\", "\n", "\r", "\t", "\u{1}", "\u{1F}", "<", "/", "</", "\u{2028}", "\u{2029}",
                      "\u{2027}", "’", "é", "–", "€", "😀", "x\u{301}"]
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<2_000 {
            let text = (0..<Int.random(in: 0...12, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined()
            for inScript in [false, true] {
                #expect(JSONFormat.string(text, inScript: inScript) == Self.escapedByScalars(text, inScript: inScript),
                        "\(text.debugDescription)")
            }
        }
    }

    private static func escapedByScalars(_ text: String, inScript: Bool) -> String {
        var escaped = "\""
        var previous: Unicode.Scalar = " "
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": escaped += "\\\""
            case "\\": escaped += "\\\\"
            case "\n": escaped += "\\n"
            case "\r": escaped += "\\r"
            case "\t": escaped += "\\t"
            case let control where control.value < 0x20:
                let hex = String(control.value, radix: 16)
                escaped += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            case "/" where inScript && previous == "<": escaped += "\\/"
            case "\u{2028}" where inScript: escaped += "\\u2028"
            case "\u{2029}" where inScript: escaped += "\\u2029"
            default: escaped.unicodeScalars.append(scalar)
            }
            previous = scalar
        }
        return escaped + "\""
    }

    /// Counting characters by bytes in ASCII text gives what counting them one by one gives.
    @Test(arguments: ["", "abc", "abcdef", "ab\r\ncd", "abc\u{301}def", "ab😀cdef", "abcd\u{301}", "abcde", "abc de f"])
    func theIndexAfterSomeCharacters(_ text: String) {
        for count in 0...7 {
            let expected = text.index(text.startIndex, offsetBy: count, limitedBy: text.endIndex).flatMap { $0 < text.endIndex ? $0 : nil }
            #expect(text.index(afterCharacters: count) == expected, "\(text.debugDescription) after \(count)")
        }
    }

    /// Counting characters a byte at a time where it can gives what counting them one by one gives, for text
    /// mixing ASCII with bytes that join characters: combining marks, joiners, flags, prepended and Hangul letters.
    @Test func theIndexAfterSomeCharactersInMixedText() {
        let pieces = ["a", " ", "\r", "\n", "\u{301}", "\u{200D}", "😀", "🇬", "🇧", "\u{600}", "1", "é", "\u{1100}",
                      "\u{1161}", "’", "\t", "e\u{301}"]
        var state: UInt64 = 0x2545_F491_4F6C_DD1D
        func next(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int(state >> 33) % bound
        }
        for _ in 0..<2_000 {
            let text = (0..<next(16)).map { _ in pieces[next(pieces.count)] }.joined()
            for count in 0...text.count + 1 {
                let expected = text.index(text.startIndex, offsetBy: count, limitedBy: text.endIndex).flatMap { $0 < text.endIndex ? $0 : nil }
                #expect(text.index(afterCharacters: count) == expected, "\(text.debugDescription) after \(count)")
            }
        }
    }
}

@Suite struct MarkupEscapingUnitTests {
    @Test(arguments: [
        ("", ""),
        ("plain text", "plain text"),
        ("&", "&amp;"),
        ("<b>", "&lt;b&gt;"),
        ("&&''\"\"", "&amp;&amp;&#39;&#39;&quot;&quot;"),
        ("a & b", "a &amp; b"),
        ("ends with <", "ends with &lt;"),
        ("> starts", "&gt; starts"),
        ("café <é> ü", "café &lt;é&gt; ü"),
        ("../../meetings/a-long-slug-of-a-meeting/?q=1&x=2", "../../meetings/a-long-slug-of-a-meeting/?q=1&amp;x=2"),
        ("=?;:/.-0123456789 @[]^_`{|}~", "=?;:/.-0123456789 @[]^_`{|}~"),
    ])
    func escapesEachByteThatNeedsAReferenceAndCopiesTheRuns(_ text: String, _ expected: String) {
        var output: [UInt8] = Array("before|".utf8)
        var text = text
        text.withUTF8 { output.appendEscapingMarkup($0) }
        #expect(String(decoding: output, as: UTF8.self) == "before|" + expected)
    }

    /// Every byte that needs no reference is copied as it is, wherever it
    /// stands between those that do.
    @Test func escapingAgreesWithOneByteAtATime() {
        let references: [UInt8: String] = [0x26: "&amp;", 0x3C: "&lt;", 0x3E: "&gt;", 0x22: "&quot;", 0x27: "&#39;"]
        for byte in UInt8(0)...UInt8(127) {
            for text in [[byte], [byte, 0x26], [0x3C, byte], [0x61, byte, 0x62, byte]] {
                var output: [UInt8] = []
                text.withUnsafeBufferPointer { output.appendEscapingMarkup($0) }
                let expected = text.flatMap { references[$0].map { Array($0.utf8) } ?? [$0] }
                #expect(output == expected, "\(text)")
            }
        }
    }

    /// Long text is looked at eight bytes at a time: a byte that needs a
    /// reference is found at every place in those eight, and in the bytes
    /// left over at the end, among bytes of every value.
    @Test func escapingLongTextFindsEveryReferenceWhereverItStands() {
        let references: [UInt8: String] = [0x26: "&amp;", 0x3C: "&lt;", 0x3E: "&gt;", 0x22: "&quot;", 0x27: "&#39;"]
        let fillers: [UInt8] = [0x61, 0x00, 0x21, 0x23, 0x3D, 0x7F, 0xA2, 0xFF]
        for special in references.keys.sorted() {
            for filler in fillers {
                for length in [8, 9, 15, 16, 23, 40] {
                    for place in 0..<length {
                        var text = [UInt8](repeating: filler, count: length)
                        text[place] = special
                        var output: [UInt8] = []
                        text.withUnsafeBufferPointer { output.appendEscapingMarkup($0) }
                        let expected = text.flatMap { references[$0].map { Array($0.utf8) } ?? [$0] }
                        #expect(output == expected, "\(special) at \(place) of \(length) among \(filler)")
                    }
                }
            }
        }
    }
}

@Suite struct ParallelMapUnitTests {
    @Test func resultsKeepTheOrderOfTheElementsAndTheOtherWorkRunsOnce() {
        let runs = Mutex(0)
        for count in [0, 1, 2, 1_000] {
            let elements = Array(0..<count)
            let (squares, other) = elements.parallelMap({ $0 * $0 }, alongside: { () -> String in
                runs.withLock { $0 += 1 }
                return "done"
            })
            #expect(squares == elements.map { $0 * $0 }, "\(count) elements")
            #expect(other == "done")
        }
        #expect(runs.withLock { $0 } == 4)
    }

    /// Results that own memory (text, arrays) are made once each, in place, and hold what the transform made.
    @Test func resultsThatOwnMemoryAreMadeOnceEach() {
        let made = Mutex(0)
        for count in [0, 1, 2, 3_000] {
            let elements = Array(0..<count)
            let results = elements.parallelMap { element -> (String, [Int]) in
                made.withLock { $0 += 1 }
                return ("element number \(element), long enough to be kept apart from its record", Array(0..<(element % 17)))
            }
            #expect(results.map(\.0) == elements.map { "element number \($0), long enough to be kept apart from its record" })
            #expect(results.map(\.1) == elements.map { Array(0..<($0 % 17)) })
        }
        #expect(made.withLock { $0 } == 3_003)
    }
}

@Suite struct StageTimesUnitTests {
    /// Times counted from many threads at once are all kept, each under its own stage.
    @Test func timesCountedOnEveryCoreAreAllKept() {
        let times = StageTimes()
        let millisecond: UInt64 = 1_000_000
        DispatchQueue.concurrentPerform(iterations: 400) { index in
            // A start one millisecond ago counts at least a millisecond.
            let start = DispatchTime.now().uptimeNanoseconds - millisecond
            times.add(index.isMultiple(of: 4) ? .render : .parse, since: start)
        }
        let seconds = Dictionary(uniqueKeysWithValues: times.timings.map { ($0.stage, $0.seconds) })
        #expect(Set(seconds.keys) == ["parse", "render"])
        #expect(seconds["parse"]! >= 0.300 && seconds["parse"]! < 30)
        #expect(seconds["render"]! >= 0.100 && seconds["render"]! < 10)
    }
}

@Suite struct ReadAheadTests {
    @Test func everyFileReadsAsItWouldAloneFromManyWorkersAndMoreFilesThanTheWindow() throws {
        try ScratchFolder.with { folder in
            let count = 300
            let contents = (0..<count).map { index in Array("file \(index)\n".utf8) + [UInt8](repeating: UInt8(index % 251), count: index * 37) }
            for index in 0..<count { try folder.write("f\(index).md", bytes: contents[index]) }
            // Every fifth file is not asked for (remembered from an earlier check), and is never read;
            // every seventh is held in memory, and read from there.
            let sources: [SourceFile?] = (0..<count).map { index in
                if index % 5 == 4 { return nil }
                if index % 7 == 6 { return SourceFile(relativePath: "f\(index).md", displayPath: "f\(index).md", bytes: contents[index]) }
                return SourceFile(relativePath: "f\(index).md", displayPath: "f\(index).md", path: folder.at("f\(index).md"))
            }
            let reader = ReadAhead(sources, window: 8)
            let read = Array(0..<count).parallelMap { index -> [UInt8]? in
                sources[index] == nil ? nil : try? reader.read(index)
            }
            reader.stop()
            for index in 0..<count {
                #expect(read[index] == (sources[index] == nil ? nil : contents[index]), "file \(index)")
            }
        }
    }

    @Test func filesOpenedAheadAndNeverReadAreClosedWhenTheReaderGoes() throws {
        try ScratchFolder.with { folder in
            for index in 0..<40 { try folder.write("f\(index).md", "file \(index)\n") }
            // Only descriptors open on this test's own files count: other tests open files at the same time.
            let folderPath = URL(fileURLWithPath: folder.path).resolvingSymlinksInPath().path + "/"
            let openDescriptors = {
                let names = (try? FileManager.default.contentsOfDirectory(atPath: "/proc/self/fd")) ?? []
                return names.filter { name in
                    let target = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/fd/" + name)
                    return target?.hasPrefix(folderPath) == true
                }.count
            }
            /// Waits up to five seconds for the reader's thread to bring `condition` about.
            func waitUntil(_ condition: () -> Bool) {
                let deadline = Date().addingTimeInterval(5)
                while !condition() && Date() < deadline { usleep(10_000) }
            }
            #expect(openDescriptors() == 0)
            do {
                let reader = ReadAhead((0..<40).map { SourceFile(relativePath: "f\($0).md", displayPath: "f\($0).md", path: folder.at("f\($0).md")) },
                                       window: 6)
                for index in 0..<10 { #expect(try reader.read(index) == Array("file \(index)\n".utf8)) }
                // The thread opens files past the tenth, up to the window.
                waitUntil { openDescriptors() > 0 }
                #expect((1...6).contains(openDescriptors()))
                reader.stop()
            }
            // The thread lets the reader go once it sees the stop.
            waitUntil { openDescriptors() == 0 }
            #expect(openDescriptors() == 0)
        }
    }

    @Test func aFileThatCannotBeOpenedGivesTheErrorOfReadingIt() throws {
        try ScratchFolder.with { folder in
            try folder.write("here.md", "here\n")
            let reader = ReadAhead(["missing.md", "here.md"].map { SourceFile(relativePath: $0, displayPath: $0, path: folder.at($0)) })
            #expect(throws: FileSystem.Failure.self) { try reader.read(0) }
            #expect(try reader.read(1) == Array("here\n".utf8))
            reader.stop()
        }
    }
}
