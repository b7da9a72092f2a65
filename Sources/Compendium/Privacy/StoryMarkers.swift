/// The words that make a sentence about a person: personal pronouns such as
/// he, she, her, I, my and me, compared lower-cased with apostrophes straight.
///
/// An instance holds the markers packed into numbers for quick comparison of
/// ASCII words. Reading a static property costs a check each time, so a scan
/// takes `StoryMarkers.prepared` once and keeps it for a whole line or text.
struct StoryMarkers: Sendable {
    /// The markers, lower-cased, with straight apostrophes.
    static let words: Set<String> = ["he", "she", "his", "her", "hers", "him", "himself", "herself",
                                     "i", "i'm", "i've", "my", "me", "mine"]

    /// The markers, packed.
    static let prepared = StoryMarkers()

    /// The markers' bytes, packed.
    private let packedWords: [UInt64]
    /// The markers' letters before any apostrophe (`i` for `i'm`), packed.
    private let packedCores: [UInt64]
    /// The `filterBit` of each packed marker: a word whose bit is not set is no marker.
    private let wordFilter: UInt64
    /// The `filterBit` of each marker's packed letters.
    private let coreFilter: UInt64
    /// A `letterBit` for the first letter of each marker: an ASCII word that starts otherwise is no marker.
    private let initials: UInt64
    /// The number of bytes of the longest marker: longer words are no marker.
    private let longestWord: Int
    /// The number of letters of the longest marker: longer runs of letters are no marker's letters.
    private let longestCore: Int

    /// Packs `words`.
    private init() {
        let cores = Set(Self.words.map { Array($0.utf8.prefix { $0 != UInt8(ascii: "'") }) })
        packedWords = Self.words.map { Self.packed($0.utf8) }
        packedCores = cores.map(Self.packed)
        wordFilter = packedWords.reduce(0) { $0 | Self.filterBit($1) }
        coreFilter = packedCores.reduce(0) { $0 | Self.filterBit($1) }
        initials = Self.words.reduce(0) { $0 | Self.letterBit($1.utf8.first!) }
        longestWord = Self.words.map(\.utf8.count).max()!
        longestCore = cores.map(\.count).max()!
    }

    /// Whether a word, given as its UTF-8 bytes, is a marker once lower-cased and with curly apostrophes made straight.
    /// A word with a non-ASCII byte is compared as a `String`.
    func isMarker(_ word: ArraySlice<UInt8>) -> Bool {
        word.withUnsafeBufferPointer(isMarker)
    }

    /// Whether a word, given as a buffer of its UTF-8 bytes, is a marker.
    func isMarker(_ word: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let first = word.first, first >= 0x80 || initials & Self.letterBit(first) != 0 else { return false }
        guard word.count <= longestWord || !word.isASCII else { return false }
        var letters: UInt64 = 0
        for byte in word {
            guard byte < 0x80 else {
                let text = String(decoding: word, as: UTF8.self)
                return Self.words.contains(String(text.lowercased().map { $0 == "\u{2019}" ? "'" : $0 }))
            }
            letters = letters << 8 | UInt64(Self.lowercased(byte))
        }
        return wordFilter & Self.filterBit(letters) != 0 && packedWords.contains(letters)
    }

    /// Whether `bytes` have a run of ASCII letters that, lower-cased, is a
    /// marker or the `i` of `I'm` and `I've`: without one, no sentence of
    /// them tells a story.
    func mayTellAStory(_ bytes: ArraySlice<UInt8>) -> Bool {
        bytes.withUnsafeBufferPointer(mayTellAStory)
    }

    /// Whether a buffer of bytes has a run of ASCII letters that is a marker's letters.
    /// Each run is packed as it is read, so every byte is looked at once.
    func mayTellAStory(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var index = 0
        while index < bytes.count {
            guard Self.isLetter(bytes[index]) else {
                index += 1
                continue
            }
            let start = index
            var letters: UInt64 = 0
            while index < bytes.count, Self.isLetter(bytes[index]) {
                letters = letters << 8 | UInt64(bytes[index] | 0x20)
                index += 1
            }
            if index - start <= longestCore, coreFilter & Self.filterBit(letters) != 0, packedCores.contains(letters) {
                return true
            }
        }
        return false
    }

    /// Whether a byte is an ASCII letter.
    private static func isLetter(_ byte: UInt8) -> Bool {
        (byte | 0x20) &- UInt8(ascii: "a") < 26
    }

    /// One of 64 bits for an ASCII byte, the same for a letter in either case.
    private static func letterBit(_ byte: UInt8) -> UInt64 {
        1 << (lowercased(byte) & 63)
    }

    /// An ASCII byte lower-cased.
    private static func lowercased(_ byte: UInt8) -> UInt8 {
        byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") ? byte | 0x20 : byte
    }

    /// One of 64 bits, chosen by mixing the bits of a packed word: a quick test that rules out most words.
    private static func filterBit(_ packed: UInt64) -> UInt64 {
        1 << ((packed &* 0x9E37_79B9_7F4A_7C15) >> 58)
    }

    /// Bytes (eight at most) as one number, one a byte, the last lowest.
    private static func packed<Bytes: Sequence<UInt8>>(_ bytes: Bytes) -> UInt64 {
        bytes.reduce(0) { $0 << 8 | UInt64($1) }
    }
}
