/// What a line's bytes show about the personal data scanners' chances:
/// a scanner whose clue is missing finds nothing in the line.
struct LineClues {
    /// An `@`, which every e-mail address has.
    let hasAtSign: Bool
    /// Ten ASCII digits or more, the fewest a phone or NHS number has.
    let hasTenDigits: Bool
    /// In prose only, a capital letter that may begin a given name and a story
    /// marker's letters, which a line that names a person in a story has. The
    /// markers, the dearer look, are sought only once a name may be there.
    let mayNameSomeone: Bool

    /// Reads a line's bytes.
    init(_ bytes: ArraySlice<UInt8>, prose: Bool, markers: StoryMarkers = .prepared) {
        self = bytes.withUnsafeBufferPointer { LineClues($0, prose: prose, markers: markers) }
    }

    /// Reads a line's bytes from a buffer.
    init(_ bytes: UnsafeBufferPointer<UInt8>, prose: Bool, markers: StoryMarkers) {
        let (atSign, digits) = bytes.contains(UInt8(ascii: "@"), counting: UInt8(ascii: "0")...UInt8(ascii: "9"), upTo: 10)
        hasAtSign = atSign
        hasTenDigits = digits == 10
        mayNameSomeone = prose && GivenNames.mayOccur(in: bytes) && markers.mayTellAStory(bytes)
    }

    /// Whether any scanner may find something.
    var mayHoldPersonalData: Bool {
        hasAtSign || hasTenDigits || mayNameSomeone
    }
}
