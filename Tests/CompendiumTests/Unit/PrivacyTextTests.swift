@testable import Compendium
import Testing

// Unit tests of the byte-level reading the privacy lint does before its
// scanners look closely: lines, words and sentences, scalars, story markers
// and the clues that let a line be skipped.

/// Lines as byte ranges.
@Suite struct TextLinesUnitTests {
    /// The same lines as splitting the text at `"\n"` Characters, with `\r\n` kept whole.
    @Test(arguments: ["", "\n", "\n\n", "a", "a\nb", "a\nb\n", "a\r\nb\r\n\r\nc", "a\rb\n", "\r\n", "\r\r\n\n",
                      "é\n\u{301}x", "Café 👍🏽\n\nZoë\u{2028}Tom\n", "```\n~~~\n"])
    func splitsAsCharactersDo(_ text: String) {
        let lines = TextLines(text)
        let expected = text.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.ranges.indices.map(lines.line) == expected)
        #expect(lines.ranges.map { String(decoding: lines.bytes[$0], as: UTF8.self) } == expected.map(String.init))
    }

    /// Ranges are UTF-8 byte offsets into the whole text.
    @Test func rangesAreByteOffsets() {
        #expect(TextLines("a\nb\r\nc\n").ranges == [0..<1, 2..<6, 7..<7])
        #expect(TextLines("é\nx").ranges == [0..<2, 3..<4])
    }
}

/// Words, with the sentences they are in.
@Suite struct TextWordUnitTests {
    /// The words' texts and sentence numbers.
    private func words(_ text: String) -> [String] {
        let bytes = Array(text.utf8)
        return TextWord.split(bytes).map { "\($0.text(in: bytes))/\($0.sentence)" }
    }

    /// Apostrophes, straight or curly, join letters; at a word's end they are left out, and none starts a word.
    @Test func apostrophesInsideWordsOnly() {
        #expect(words("Don’t stop. Sarah's") == ["Don’t/0", "stop/0", "Sarah's/1"])
        #expect(words("dogs' ’x’ y''z ''") == ["dogs/0", "x/0", "y''z/0"])
        #expect(words("Fran’s and Jo's") == ["Fran’s/0", "and/0", "Jo's/0"])
    }

    /// Letters and digits of any script make words; other characters split them.
    @Test func nonASCIILettersAndDigitsAreWordCharacters() {
        #expect(words("naïve 中文 ΩMega R2D2 ٣٤") == ["naïve/0", "中文/0", "ΩMega/0", "R2D2/0", "٣٤/0"])
        #expect(words("a—b «c» 👍🏽d") == ["a/0", "b/0", "c/0", "d/0"])
    }

    /// `.`, `!` or `?` before white space ends a sentence; so does each line break.
    @Test func sentencesEndAtStopsBeforeWhiteSpaceAndAtLineBreaks() {
        #expect(words("a.b c! d? e.\nf\u{2028}g\rh") == ["a/0", "b/0", "c/0", "d/1", "e/2", "f/3", "g/4", "h/5"])
        #expect(words("a.\u{A0}b. \tc") == ["a/0", "b/1", "c/2"])
        #expect(words("a .b ...c") == ["a/0", "b/0", "c/0"])
        #expect(words("a.) b") == ["a/0", "b/0"])
    }

    /// Ranges are UTF-8 byte offsets, without trailing apostrophes.
    @Test func rangesAreByteOffsets() {
        #expect(TextWord.split(Array("é x’ Tom".utf8)).map(\.range) == [0..<2, 3..<4, 8..<11])
        #expect(TextWord.split([]) == [])
    }
}

/// Reading one Unicode scalar from UTF-8 bytes.
@Suite struct ScalarAtUnitTests {
    /// One-, two-, three- and four-byte scalars.
    @Test func readsEveryWidth() {
        let bytes = Array("aé€😀".utf8)
        #expect(bytes.scalar(at: 0) == ("a", 1))
        #expect(bytes.scalar(at: 1) == ("é", 2))
        #expect(bytes.scalar(at: 3) == ("€", 3))
        #expect(bytes.scalar(at: 6) == ("😀", 4))
    }

    /// A byte that starts no scalar, or a cut-off scalar, reads as one replacement character.
    @Test func invalidBytesReadAsReplacementCharacters() {
        #expect([UInt8]([0x80]).scalar(at: 0) == ("\u{FFFD}", 1))
        #expect([UInt8]([0xE2, 0x82]).scalar(at: 0) == ("\u{FFFD}", 1))
    }
}

/// Story markers.
@Suite struct StoryMarkersUnitTests {
    private let markers = StoryMarkers.prepared

    /// Whole markers, in any case, with straight or curly apostrophes.
    @Test(arguments: ["he", "He", "HIMSELF", "herself", "hers", "I", "i", "I'm", "I’m", "i've", "I’VE", "my", "Me", "mine"])
    func markersAreFound(_ word: String) {
        #expect(markers.isMarker(Array(word.utf8)[...]))
    }

    /// Other words, longer words and markers with something more.
    @Test(arguments: ["the", "hi", "herselfs", "hershe", "I’ll", "Me’", "m", "", "mé", "h e", "Iʼm"])
    func otherWordsAreNot(_ word: String) {
        #expect(!markers.isMarker(Array(word.utf8)[...]))
    }

    /// A run of ASCII letters that is a marker's letters, `i` of `I'm` included; runs end at any other byte.
    @Test(arguments: [
        ("Then I'm off", true), ("This is the theme", false), ("HERSELF", true), ("herselves", false),
        ("m y", false), ("xhe", false), ("he3", true), ("héhe", true), ("Sarah’s", false), ("", false), ("my", true),
    ])
    func mayTellAStory(_ text: String, _ expected: Bool) {
        #expect(markers.mayTellAStory(Array(text.utf8)[...]) == expected)
    }
}

/// The clues that let the lint skip a line.
@Suite struct LineCluesUnitTests {
    private func clues(_ text: String, prose: Bool = true) -> LineClues { LineClues(Array(text.utf8)[...], prose: prose) }

    @Test func readsEachClue() {
        #expect(clues("mail jo@nhs.net").hasAtSign)
        #expect(!clues("mail jo at nhs.net").hasAtSign)
        #expect(clues("01234 56789").hasTenDigits)
        #expect(clues("phone 0123-456-789 or 0").hasTenDigits)
        #expect(!clues("2025-11-21 at 1pm").hasTenDigits)
        #expect(!clues("٠١٢٣٤٥٦٧٨٩").hasTenDigits)
        #expect(clues("and he said Sarah").mayNameSomeone)
        #expect(clues("Tom, I'm off").mayNameSomeone)
        #expect(!clues("and the theme Sarah").mayNameSomeone)
        #expect(!clues("and he said SARAH").mayNameSomeone)
        #expect(!clues("and he said sarah").mayNameSomeone)
    }

    /// Names count only in prose; addresses and numbers count everywhere.
    @Test func namesCountInProseOnly() {
        #expect(clues("Sarah said he").mayHoldPersonalData)
        #expect(!clues("Sarah said he", prose: false).mayHoldPersonalData)
        #expect(clues("jo@nhs.net", prose: false).mayHoldPersonalData)
        #expect(clues("0123456789", prose: false).mayHoldPersonalData)
        #expect(!clues("Nothing at all").mayHoldPersonalData)
    }
}

/// The quick look for given names, which lets the names scanner skip a line.
@Suite struct GivenNamesUnitTests {
    private func mayOccur(_ text: String) -> Bool {
        Array(text.utf8).withUnsafeBufferPointer(GivenNames.mayOccur)
    }

    @Test func everyNameIsFoundAloneInPossessivesAndAfterOtherBytes() {
        for name in GivenNames.all {
            #expect(mayOccur(name), "\(name)")
            #expect(mayOccur("we met \(name)'s team"), "\(name)")
            #expect(mayOccur("é—\(name)’s"), "\(name)")
            #expect(mayOccur("(\(name)) and"), "\(name)")
        }
    }

    @Test func otherWordsAreNot() {
        #expect(!mayOccur(""))
        #expect(!mayOccur("the team met on Tuesday"))
        #expect(!mayOccur("sarah and SARAH"))
        #expect(!mayOccur("Sarahs"), "a longer word")
        #expect(!mayOccur("Sa\u{301}rah"), "an accent inside makes another word")
    }

    /// Lines that the quick looks rule out give no names when scanned in full.
    @Test func skippedLinesHaveNoNames() {
        let lines = [
            "She said Sarah Jones was there.", "I met Tom.", "Tom met them.", "my friend Alexandra Smith", "He and sarah",
            "Queen Elizabeth Hospital, she said", "her Sarahs", "HE SAID SARAH", "Zoë told me", "I’m with Jo’s team",
            "Christopher Robin and me", "“Fiona,” he said.\u{2028}Gemma", "", "me", "Ali",
        ]
        let markers = StoryMarkers.prepared
        for line in lines {
            let bytes = Array(line.utf8)
            let full = bytes.withUnsafeBufferPointer { PersonalDataScanner.possibleNames(in: $0, markers: markers) }
            #expect(PersonalDataScanner.possibleNames(in: bytes) == full, "\(line)")
            let clues = LineClues(bytes[...], prose: true)
            #expect(clues.mayNameSomeone || full.isEmpty, "\(line)")
        }
    }
}
