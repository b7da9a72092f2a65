/// Finding given names in sentences that tell a story about a person.
extension PersonalDataScanner {
    /// Given names from `GivenNames.all` in story-like sentences: those with a personal pronoun
    /// (he, she, her, I, my, me…). A capitalised word right after the name is taken as its surname.
    static func possibleNames(in text: String) -> [PersonalDataFinding] {
        possibleNames(in: Array(text.utf8))
    }

    /// Given names in story-like sentences of UTF-8 bytes.
    static func possibleNames(in bytes: [UInt8]) -> [PersonalDataFinding] {
        let markers = StoryMarkers.prepared
        return bytes.withUnsafeBufferPointer { bytes in
            GivenNames.mayOccur(in: bytes) && markers.mayTellAStory(bytes) ? possibleNames(in: bytes, markers: markers) : []
        }
    }

    /// Given names in story-like sentences of a buffer of UTF-8 bytes. Only a word that starts with
    /// a capital letter, in a sentence with a story marker, is made a `String` and looked up.
    /// Bytes for which `GivenNames.mayOccur` or `markers.mayTellAStory` is false have no such
    /// word, so a caller should skip the call for them (as `LineClues.mayNameSomeone` tells).
    static func possibleNames(in bytes: UnsafeBufferPointer<UInt8>, markers: StoryMarkers) -> [PersonalDataFinding] {
        let words = TextWord.split(bytes)
        var stories = [Bool](repeating: false, count: (words.last?.sentence ?? 0) + 1)
        for word in words where word.range.count <= 9 && !stories[word.sentence]
            && markers.isMarker(UnsafeBufferPointer(rebasing: bytes[word.range])) {
            stories[word.sentence] = true
        }
        var findings: [PersonalDataFinding] = [], index = 0
        while index < words.count {
            let word = words[index]
            index += 1
            guard stories[word.sentence], (0x41...0x5A).contains(bytes[word.range.lowerBound]) else { continue }
            let text = word.text(in: bytes), stem = withoutPossessive(text)
            guard GivenNames.all.contains(stem), !followsNameTitle(words, at: index - 1, bytes) else { continue }
            var range = word.range.lowerBound..<(word.range.lowerBound + stem.utf8.count)
            if stem == text, let next = nextWord(words, at: index, after: range.upperBound, bytes),
               bytes.scalar(at: next.range.lowerBound).0.properties.isUppercase,
               !markers.isMarker(UnsafeBufferPointer(rebasing: bytes[next.range])) {
                range = range.lowerBound..<(next.range.lowerBound + withoutPossessive(next.text(in: bytes)).utf8.count)
                index += 1
            }
            if let next = nextWord(words, at: index, after: range.upperBound, bytes), placeWords.contains(next.text(in: bytes)) {
                continue
            }
            let name = String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self)
            findings.append(PersonalDataFinding(kind: .name, range: range, masked: maskName(name), isCertain: false))
        }
        return findings
    }

    /// A word without a possessive `'s`. A word whose last byte is not `s` has none, so only
    /// the others are compared Character by Character.
    private static func withoutPossessive(_ word: String) -> String {
        guard word.utf8.last == UInt8(ascii: "s") else { return word }
        return word.hasSuffix("'s") || word.hasSuffix("\u{2019}s") ? String(word.dropLast(2)) : word
    }

    /// Whether the word at `index` comes two bytes or fewer after a word that makes it part of a place's name.
    private static func followsNameTitle(_ words: [TextWord], at index: Int, _ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard index > 0 else { return false }
        let title = words[index - 1]
        return words[index].range.lowerBound - title.range.upperBound <= 2 && nameTitles.contains(title.text(in: bytes))
    }

    /// The word at `index` when it comes right after byte `end` and one space.
    private static func nextWord(_ words: [TextWord], at index: Int, after end: Int, _ bytes: UnsafeBufferPointer<UInt8>) -> TextWord? {
        index < words.count && words[index].range.lowerBound == end + 1 && bytes[end] == 0x20 ? words[index] : nil
    }

    /// Words before a given name that make it part of a place's name (St Mary's, Queen Elizabeth).
    private static let nameTitles: Set<String> = ["St", "Saint", "King", "Queen", "Prince", "Princess"]
    /// Words after a name that make it the name of a place (John Radcliffe Hospital).
    private static let placeWords: Set<String> = ["Hospital", "Infirmary", "Centre", "Clinic", "Unit", "Ward", "Wing",
                                                  "House", "Lodge", "Building", "Trust", "Foundation", "Road", "Street"]
}
