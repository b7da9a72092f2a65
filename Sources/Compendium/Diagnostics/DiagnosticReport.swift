/// A privacy finding that a comment in the file allows, with its reason.
public struct PrivacyAllowance: Sendable, Hashable, Comparable {
    /// Where the allowed finding is.
    public let location: SourceLocation
    /// What kind of personal data it is: `email`, `phone`, `nhs-number` or `name`.
    public let kind: String
    /// The reason the comment gives.
    public let reason: String

    /// Creates an allowance.
    public init(location: SourceLocation, kind: String, reason: String) {
        self.location = location
        self.kind = kind
        self.reason = reason
    }

    public static func < (lhs: PrivacyAllowance, rhs: PrivacyAllowance) -> Bool {
        (lhs.location, lhs.kind) < (rhs.location, rhs.kind)
    }
}

/// Everything a check found, ready to print in any format.
public struct DiagnosticReport: Sendable {
    /// The problems, sorted by file and position.
    public let diagnostics: [Diagnostic]
    /// Privacy findings allowed by comments, sorted.
    public let allowances: [PrivacyAllowance]

    /// Creates a report; with `strict`, warnings count as errors.
    public init(diagnostics: [Diagnostic], allowances: [PrivacyAllowance] = [], strict: Bool = false) {
        self.diagnostics = (strict ? diagnostics.map(\.asError) : diagnostics).sorted()
        self.allowances = allowances.sorted()
    }

    /// How many errors.
    public var errorCount: Int { diagnostics.filter { $0.severity == .error }.count }

    /// How many warnings.
    public var warningCount: Int { diagnostics.count - errorCount }

    /// `2 errors, 1 warning`, or `no problems found`, then allowed privacy findings if any.
    public var summary: String {
        var text = errorCount == 0 && warningCount == 0
            ? "no problems found" : "\(count(errorCount, "error")), \(count(warningCount, "warning"))"
        if !allowances.isEmpty { text += "; \(count(allowances.count, "privacy finding")) allowed by comments" }
        return text
    }

    private func count(_ number: Int, _ noun: String) -> String {
        "\(number) \(noun)\(number == 1 ? "" : "s")"
    }
}

/// The formats `check` can print.
public enum DiagnosticFormat: String, Sendable, CaseIterable {
    /// For people: source line, caret and hint; colour on a terminal.
    case human
    /// GitHub Actions workflow commands, shown as annotations on the pull request.
    case github
    /// Machine-readable, schema `compendium-diagnostics/1` (see docs/diagnostics.md).
    case json
}
