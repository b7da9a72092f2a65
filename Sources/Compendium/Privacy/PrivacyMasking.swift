/// Masks personal data in text that is about to be printed, such as a
/// source line shown under a diagnostic.
enum PrivacyMasking {
    /// `text` with every e-mail address, phone number and NHS number masked.
    static func maskAll(in text: String) -> String {
        let findings = PersonalDataScanner.emailAddresses(in: text) + PersonalDataScanner.phoneNumbers(in: text)
            + PersonalDataScanner.nhsNumbers(in: text)
        guard !findings.isEmpty else { return text }
        var bytes = Array(text.utf8)
        var end = bytes.count
        for finding in findings.sorted(by: { $0.range.lowerBound > $1.range.lowerBound }) where finding.range.upperBound <= end {
            bytes.replaceSubrange(finding.range, with: Array(finding.masked.utf8))
            end = finding.range.lowerBound
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
