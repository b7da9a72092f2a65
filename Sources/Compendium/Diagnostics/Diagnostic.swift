/// A position in a file: the path as the user knows it, a 1-based line and column.
public struct SourceLocation: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The file's path, relative to where the command runs (`content/meetings/2025-11-21.md`).
    public let file: String
    /// The 1-based line.
    public let line: Int
    /// The 1-based column, counted in characters.
    public let column: Int

    /// Creates a location.
    public init(file: String, line: Int = 1, column: Int = 1) {
        self.file = file
        self.line = line
        self.column = column
    }

    /// `file:line:column`.
    public var description: String { "\(file):\(line):\(column)" }

    public static func < (lhs: SourceLocation, rhs: SourceLocation) -> Bool {
        (lhs.file, lhs.line, lhs.column) < (rhs.file, rhs.line, rhs.column)
    }
}

/// How serious a diagnostic is. Errors stop the site being published.
public enum Severity: String, Sendable, Hashable, Comparable {
    case warning
    case error

    public static func < (lhs: Severity, rhs: Severity) -> Bool {
        lhs == .warning && rhs == .error
    }
}

/// A problem found in the content, the configuration or the template set.
public struct Diagnostic: Sendable, Hashable, Comparable {
    /// Where the problem is.
    public let location: SourceLocation
    /// What the problem is.
    public let reason: DiagnosticReason
    /// How serious it is: the reason's own severity, or error under `--strict`.
    public let severity: Severity

    /// Creates a diagnostic with the severity its reason carries.
    public init(_ reason: DiagnosticReason, at location: SourceLocation) {
        self.reason = reason
        self.location = location
        self.severity = reason.severity
    }

    private init(_ reason: DiagnosticReason, at location: SourceLocation, severity: Severity) {
        self.reason = reason
        self.location = location
        self.severity = severity
    }

    /// The same diagnostic as an error, for `--strict`.
    public var asError: Diagnostic {
        Diagnostic(reason, at: location, severity: .error)
    }

    public static func < (lhs: Diagnostic, rhs: Diagnostic) -> Bool {
        if lhs.location != rhs.location { return lhs.location < rhs.location }
        if lhs.severity != rhs.severity { return lhs.severity > rhs.severity }
        return lhs.reason.message < rhs.reason.message
    }
}

extension Array where Element == Diagnostic {
    /// Whether any diagnostic is an error.
    public var hasErrors: Bool { contains { $0.severity == .error } }
}

/// A diagnostic can be the failure of a step that stops at its first problem.
extension Diagnostic: Error {}
