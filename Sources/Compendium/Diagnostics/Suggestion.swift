/// Finds the "did you mean" candidate for a misspelt name.
enum Suggestion {
    /// The candidate closest to `word`, if it is close enough to be a likely typo.
    ///
    /// Case and the difference between spaces, hyphens and underscores are
    /// ignored. A candidate qualifies within an edit distance of a third of
    /// the word's length (at least 1, at most 3); ties go to the first in
    /// sorted order, so the answer is stable.
    static func closest<Candidates: Sequence<String>>(to word: String, in candidates: Candidates) -> String? {
        let target = normalise(word)
        guard !target.isEmpty else { return nil }
        let limit = min(3, max(1, target.count / 3))
        var best: (distance: Int, candidate: String)?
        for candidate in candidates.sorted() {
            let normalised = normalise(candidate)
            if normalised == target { return candidate }
            guard abs(normalised.count - target.count) <= limit else { continue }
            let distance = editDistance(target, normalised, limit: limit)
            if distance <= limit, distance < (best?.distance ?? Int.max) {
                best = (distance, candidate)
            }
        }
        return best?.candidate
    }

    private static func normalise(_ word: String) -> [Character] {
        word.lowercased().map { $0 == "_" || $0 == " " ? "-" : $0 }
    }

    /// Levenshtein distance, giving up early (returning `limit + 1`) once every
    /// path is longer than `limit`.
    static func editDistance(_ a: [Character], _ b: [Character], limit: Int) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            var rowMinimum = current[0]
            for j in 1...b.count {
                let substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)
                current[j] = min(previous[j] + 1, current[j - 1] + 1, substitution)
                rowMinimum = min(rowMinimum, current[j])
            }
            if rowMinimum > limit { return limit + 1 }
            swap(&previous, &current)
        }
        return previous[b.count]
    }
}
