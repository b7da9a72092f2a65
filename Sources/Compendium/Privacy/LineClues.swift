/// What a line's bytes show about the personal data scanners' chances:
/// a scanner whose clue is missing finds nothing in the line.
struct LineClues {
    /// An `@`, which every e-mail address has.
    let hasAtSign: Bool
    /// Ten ASCII digits or more, the fewest a phone or NHS number has.
    let hasTenDigits: Bool
    /// A story marker's letters, which a sentence that may name a person has.
    let mayTellAStory: Bool

    /// Reads a line's bytes.
    init(_ bytes: ArraySlice<UInt8>, markers: StoryMarkers = .prepared) {
        hasAtSign = bytes.contains(UInt8(ascii: "@"))
        hasTenDigits = PersonalDataScanner.hasTenDigits(bytes)
        mayTellAStory = markers.mayTellAStory(bytes)
    }

    /// Whether any scanner may find something: names only count in prose.
    func mayHoldPersonalData(prose: Bool) -> Bool {
        hasAtSign || hasTenDigits || (prose && mayTellAStory)
    }
}
