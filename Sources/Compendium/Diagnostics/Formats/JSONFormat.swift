/// Diagnostics as JSON, schema `compendium-diagnostics/1`, documented in
/// docs/diagnostics.md. Keys are always written in the same order.
public enum JSONFormat {
    /// The schema name written into every report.
    public static let schema = "compendium-diagnostics/1"

    /// The whole report as one JSON object, ending with a line break.
    public static func render(_ report: DiagnosticReport) -> String {
        var json = "{\n"
        json += "  \"schema\": \(string(schema)),\n"
        json += "  \"summary\": {\"errors\": \(report.errorCount), \"warnings\": \(report.warningCount), "
        json += "\"allowed\": \(report.allowances.count)},\n"
        json += "  \"diagnostics\": [" + list(report.diagnostics.map(object)) + "],\n"
        json += "  \"allowed\": [" + list(report.allowances.map(object)) + "]\n"
        return json + "}\n"
    }

    private static func object(_ diagnostic: Diagnostic) -> String {
        let location = diagnostic.location
        let reason = diagnostic.reason
        return "{\"file\": \(string(location.file)), \"line\": \(location.line), \"column\": \(location.column), "
            + "\"severity\": \(string(diagnostic.severity.rawValue)), \"rule\": \(string(reason.ruleID)), "
            + "\"message\": \(string(reason.message)), \"hint\": \(reason.hint.map { string($0) } ?? "null")}"
    }

    private static func object(_ allowance: PrivacyAllowance) -> String {
        "{\"file\": \(string(allowance.location.file)), \"line\": \(allowance.location.line), "
            + "\"kind\": \(string(allowance.kind)), \"reason\": \(string(allowance.reason))}"
    }

    private static func list(_ items: [String]) -> String {
        items.isEmpty ? "" : "\n    " + items.joined(separator: ",\n    ") + "\n  "
    }

    /// A JSON string literal. `inScript` also makes it safe inside an HTML
    /// `<script>` and as JavaScript source: `</` becomes `<\/`, and the line
    /// and paragraph separators are escaped.
    public static func string(_ text: String, inScript: Bool = false) -> String {
        if !needsEscaping(text, inScript: inScript) { return "\"" + text + "\"" }
        var escaped = "\""
        escaped.reserveCapacity(text.utf8.count + 2)
        var previous: Unicode.Scalar = " "
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": escaped += "\\\""
            case "\\": escaped += "\\\\"
            case "\n": escaped += "\\n"
            case "\r": escaped += "\\r"
            case "\t": escaped += "\\t"
            case let control where control.value < 0x20:
                let hex = String(control.value, radix: 16)
                escaped += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            case "/" where inScript && previous == "<": escaped += "\\/"
            case "\u{2028}" where inScript: escaped += "\\u2028"
            case "\u{2029}" where inScript: escaped += "\\u2029"
            default: escaped.unicodeScalars.append(scalar)
            }
            previous = scalar
        }
        return escaped + "\""
    }

    /// Whether any byte of `text` is one `string(_:inScript:)` would escape:
    /// most text has none and is copied whole.
    private static func needsEscaping(_ text: String, inScript: Bool) -> Bool {
        text.utf8.contains { byte in
            byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\")
                || (inScript && (byte == UInt8(ascii: "<") || byte == 0xE2))
        }
    }
}
