/// Diagnostics as GitHub Actions workflow commands
/// (`::error file=…,line=…,col=…,title=…::message`), which GitHub shows as
/// annotations on the lines of a pull request.
public enum GitHubFormat {
    /// The whole report, one command per diagnostic, then the summary as plain text.
    public static func render(_ report: DiagnosticReport) -> String {
        var lines = report.diagnostics.map(command)
        for allowance in report.allowances {
            lines.append("::notice file=\(property(allowance.location.file)),line=\(allowance.location.line),"
                         + "title=privacy allowed::\(data("\(allowance.kind) allowed: \(allowance.reason)"))")
        }
        lines.append(report.summary)
        return lines.joined(separator: "\n") + "\n"
    }

    /// One diagnostic as a workflow command.
    public static func command(_ diagnostic: Diagnostic) -> String {
        let level = diagnostic.severity == .error ? "error" : "warning"
        let location = diagnostic.location
        var message = diagnostic.reason.message
        if let hint = diagnostic.reason.hint { message += " (\(hint))" }
        return "::\(level) file=\(property(location.file)),line=\(location.line),col=\(location.column),"
            + "title=\(property(diagnostic.reason.ruleID))::\(data(message))"
    }

    /// Escapes a command's message as GitHub requires.
    private static func data(_ text: String) -> String {
        text.replacing("%", with: "%25").replacing("\r", with: "%0D").replacing("\n", with: "%0A")
    }

    /// Escapes a property value, which also may not hold `:` or `,`.
    private static func property(_ text: String) -> String {
        data(text).replacing(":", with: "%3A").replacing(",", with: "%2C")
    }
}
