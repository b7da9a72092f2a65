/// Why a diagnostic was raised. Each case carries the facts; `DiagnosticText`
/// turns them into words in one place.
public enum DiagnosticReason: Sendable, Hashable {
    // Loading files
    case unreadable(detail: String)
    case changedWhileBuilding
    case outsideKnownFolders(folders: [String])
    case ignoredFile
    case symbolicLink
    case invalidUTF8
    case utf16
    case fileTooLarge(bytes: Int, limit: Int)
    case nulCharacter
    case tooManyDocuments(count: Int, limit: Int)
    case markdownNestedTooDeeply(depth: Int, limit: Int)
    case tooManyOpenBrackets(count: Int, limit: Int)
    case renderTooSlow(seconds: Int)
    case reservedName(name: String)
    case unsafeFileName(name: String)
    case attachmentCollision(otherFile: String)

    // Front matter syntax
    case missingFrontMatter
    case unclosedFrontMatter
    case yamlSyntax(problem: String, context: String?)
    case duplicateKey(String)
    case anchorOrAlias
    case notFieldList
    case nestedTooDeeply(limit: Int)

    // Fields
    case missingField(field: String, kind: String)
    case unknownField(field: String, kind: String, suggestion: String?, allowed: [String])
    case wrongType(field: String, expected: String, found: String)
    case ambiguousScalar(field: String, value: String, readAs: String)
    case emptyValue(field: String)
    case singleValueForList(field: String, value: String)
    case invalidDate(field: String, value: String)
    case invalidBand(value: String)
    case invalidChoice(field: String, value: String, allowed: [String], suggestion: String?)
    case unknownPillar(value: String, suggestion: String?, defined: [String])
    case invalidTime(field: String, value: String)
    case invalidWebAddress(field: String, value: String)
    case invalidEmail(field: String, value: String)
    case invalidLanguage(value: String)
    case invalidSlug(value: String, suggestion: String)
    case fileNameNotSlug(name: String, slug: String)
    case numberOutOfRange(field: String, value: Int, minimum: Int)
    case invalidFilePath(field: String, value: String)
    case sessionWithoutSeries

    // References and the index
    case duplicateAddress(url: String, otherFile: String)
    case reservedAddress(url: String, owner: String)
    case unknownReference(field: String, value: String, kind: String, suggestion: String?, foundKind: String?)
    case draftReference(field: String, value: String)
    case draftLink(target: String)
    case unknownTheme(value: String, suggestion: String?)
    case unusedTheme
    case noTheme(kind: String)
    case topicSpelling(written: String, preferred: String)
    case duplicateSession(series: String, number: Int, otherFile: String)
    case sessionNotInSeries(series: String, number: Int)
    case missingFile(path: String)
    case brokenWikiLink(target: String, suggestion: String?)
    case ambiguousWikiLink(target: String, candidates: [String])
    case brokenFileLink(destination: String)
    case unknownAnchor(target: String, fragment: String, suggestion: String?)

    // Privacy: values are masked before they are stored, so no report can show them.
    case privacyEmail(masked: String)
    case privacyPhone(masked: String)
    case privacyNHSNumber(masked: String, certain: Bool)
    case privacyNameWithoutConsent(masked: String)
    case privacyPossibleName(masked: String)
    case privacyInFileName(kind: String, masked: String)
    case privacyAllowWithoutReason
    case privacyUnknownAllowKind(kind: String)
    case privacyUnusedAllow(kind: String)
    case invalidDocumentReference(value: String)

    // Templates
    case templateSyntax(problem: String)
    case missingTemplate(name: String)
    case unknownTemplateName(name: String)
}
