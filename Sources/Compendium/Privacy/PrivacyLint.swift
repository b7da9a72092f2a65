/// The privacy and consent lint: looks through every line of a document
/// (front matter, text, link addresses, alt text, HTML comments) and its file
/// name for e-mail addresses, UK phone numbers, NHS numbers and names, and
/// reports them with the values masked.
///
/// Not reported: a person's `contact` when `contact_public: true`; role
/// addresses from the site configuration; names of the document's own
/// presenters; registered names where the register records consent; and
/// findings allowed by a comment that gives a reason.
struct PrivacyLint: Sendable {
    /// Role addresses that may appear anywhere, lower-cased.
    let roleAddresses: Set<String>
    /// The consent register.
    let consent: ConsentRegistry

    /// Findings for one file. `document` is its model when it has one.
    func check(_ source: SourceFile, text: String, document: Document?) -> ([Diagnostic], [PrivacyAllowance]) {
        var scan = FileScan(lint: self, file: source.displayPath, document: document)
        let lines = TextLines(text)
        let (comments, commentProblems) = AllowComments.find(in: lines, file: source.displayPath)
        scan.allowComments = comments
        scan.diagnostics += commentProblems
        scan.scanFileName(source.relativePath)
        lines.bytes.withUnsafeBufferPointer { bytes in
            var inFence = false
            for index in lines.ranges.indices {
                let number = index + 1, line = UnsafeBufferPointer(rebasing: bytes[lines.ranges[index]])
                if Self.isFence(line, lines, index) { inFence.toggle() }
                let isProse = !inFence && number >= (document?.bodyFirstLine ?? Int.max)
                scan.scan(line, number: number, prose: isProse)
            }
        }
        scan.reportUnusedComments()
        return (scan.diagnostics, scan.allowances)
    }

    /// Whether a line, the one at `index` in `lines`, opens or closes a fenced code block: ```` ``` ```` or `~~~`
    /// after any spaces. Only a line whose first byte after its spaces is a backtick, a tilde or part of a
    /// non-ASCII character can be one, so only such a line is compared Character by Character.
    private static func isFence(_ line: UnsafeBufferPointer<UInt8>, _ lines: TextLines, _ index: Int) -> Bool {
        guard let first = line.first(where: { $0 != UInt8(ascii: " ") }),
              first == UInt8(ascii: "`") || first == UInt8(ascii: "~") || first >= 0x80 else { return false }
        let trimmed = lines.line(index).drop(while: { $0 == " " })
        return trimmed.hasPrefix("```") || trimmed.hasPrefix("~~~")
    }
}

/// The findings of one file, with the comments that allow some of them.
private struct FileScan {
    let lint: PrivacyLint
    let file: String
    let document: Document?
    var allowComments: [AllowComment] = []
    var diagnostics: [Diagnostic] = []
    var allowances: [PrivacyAllowance] = []
    private var usedComments: Set<AllowComment> = []
    /// The document's presenters.
    private let presenters: [Person]
    /// The names of the document's presenters.
    private let ownNames: Set<String>
    /// Each word of a presenter's or a registered person's name.
    private let knownWords: Set<String>
    /// Every name and spelling in the consent register.
    private let registeredNames: [String]
    /// `meetings/2025-11-21`, how the consent register names this document; `nil` when the register
    /// is empty or the document has no model, so no line needs a look for registered names.
    private let consentReference: String?
    /// The story markers, packed once for the whole file.
    private let markers = StoryMarkers.prepared

    init(lint: PrivacyLint, file: String, document: Document?) {
        self.lint = lint
        self.file = file
        self.document = document
        switch document?.details {
        case .meeting(let meeting)?: presenters = meeting.presenters
        case .slides(let slides)?: presenters = slides.presenters
        default: presenters = []
        }
        ownNames = Set(presenters.map(\.name))
        registeredNames = lint.consent.allNames
        knownWords = Set((Array(ownNames) + registeredNames).flatMap { $0.split(separator: " ").map(String.init) })
        consentReference = registeredNames.isEmpty ? nil : document.map { "\($0.kind.folder)/\($0.slug)" }
    }

    mutating func scanFileName(_ path: String) {
        let findings = PersonalDataScanner.emailAddresses(in: path) + PersonalDataScanner.phoneNumbers(in: path)
            + PersonalDataScanner.nhsNumbers(in: path)
        for finding in findings {
            let kind: String
            switch finding.kind {
            case .email: kind = "an e-mail address"
            case .phone: kind = "a phone number"
            case .nhsNumber: kind = "what looks like an NHS number"
            case .name: kind = "a name"
            }
            diagnostics.append(Diagnostic(.privacyInFileName(kind: kind, masked: finding.masked), at: SourceLocation(file: file)))
        }
    }

    /// Scans a line, whose number is `number`. Only a line that has a clue for some scanner (an `@`, ten digits,
    /// a given name and a story marker in prose) or that may name a registered person is looked at closely.
    mutating func scan(_ line: UnsafeBufferPointer<UInt8>, number: Int, prose: Bool) {
        let clues = LineClues(line, prose: prose, markers: markers)
        guard clues.mayHoldPersonalData || consentReference != nil else { return }
        if clues.hasAtSign || clues.hasTenDigits || consentReference != nil {
            scanForContacts(line, number: number, clues: clues)
        }
        guard clues.mayNameSomeone else { return }
        for finding in PersonalDataScanner.possibleNames(in: line, markers: markers) {
            let words = substring(line, finding.range).split(separator: " ").map(String.init)
            if words.contains(where: knownWords.contains) { continue }
            report(finding, .privacyPossibleName(masked: finding.masked), in: line, line: number)
        }
    }

    /// Looks for e-mail addresses, phone and NHS numbers and registered names in a line.
    private mutating func scanForContacts(_ line: UnsafeBufferPointer<UInt8>, number: Int, clues: LineClues) {
        let bytes = Array(line)
        for finding in clues.hasAtSign ? PersonalDataScanner.emailAddresses(in: bytes) : [] {
            let address = substring(line, finding.range).lowercased()
            if lint.roleAddresses.contains(address) || isPublicContact(line: number, bytes: line, range: finding.range) {
                continue
            }
            report(finding, .privacyEmail(masked: finding.masked), in: line, line: number)
        }
        if clues.hasTenDigits {
            for finding in PersonalDataScanner.phoneNumbers(in: bytes) {
                report(finding, .privacyPhone(masked: finding.masked), in: line, line: number)
            }
            for finding in PersonalDataScanner.nhsNumbers(in: bytes) {
                report(finding, .privacyNHSNumber(masked: finding.masked, certain: finding.isCertain), in: line, line: number)
            }
        }
        if let consentReference {
            for finding in PersonalDataScanner.occurrences(of: registeredNames, in: bytes) {
                let name = substring(line, finding.range)
                guard !ownNames.contains(name), lint.consent.permits(name, in: consentReference) == false else { continue }
                report(finding, .privacyNameWithoutConsent(masked: finding.masked), in: line, line: number)
            }
        }
    }

    /// Records the finding as allowed if a comment covers it, or reports it.
    private mutating func report(_ finding: PersonalDataFinding, _ reason: DiagnosticReason,
                                 in bytes: UnsafeBufferPointer<UInt8>, line: Int) {
        let column = String(decoding: bytes.prefix(finding.range.lowerBound), as: UTF8.self).count + 1
        let location = SourceLocation(file: file, line: line, column: column)
        if let comment = allowComments.first(where: { $0.kind == finding.kind && $0.lines.contains(line) }) {
            usedComments.insert(comment)
            allowances.append(PrivacyAllowance(location: location, kind: finding.kind.rawValue, reason: comment.reason))
        } else {
            diagnostics.append(Diagnostic(reason, at: location))
        }
    }

    /// Whether the address is the value of a `contact` field whose person set `contact_public: true`.
    private func isPublicContact(line: Int, bytes: UnsafeBufferPointer<UInt8>, range: Range<Int>) -> Bool {
        presenters.contains { person in
            guard person.contactPublic, let contact = person.contact, contact.line == line else { return false }
            return substring(bytes, range).lowercased() == contact.value.lowercased()
        }
    }

    mutating func reportUnusedComments() {
        for comment in allowComments where !usedComments.contains(comment) {
            diagnostics.append(Diagnostic(.privacyUnusedAllow(kind: comment.kind.rawValue),
                                          at: SourceLocation(file: file, line: comment.line, column: comment.column)))
        }
    }

    /// The text of `range` in a line's bytes.
    private func substring(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> String {
        guard range.lowerBound >= 0, range.upperBound <= bytes.count else { return "" }
        return String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self)
    }
}
