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
        var text = text
        return text.withUTF8 { bytes in
            var escaped: [UInt8] = []
            escaped.reserveCapacity(bytes.count + 2)
            escaped.append(UInt8(ascii: "\""))
            var runStart = 0
            var index = 0
            while index < bytes.count {
                let byte = bytes[index]
                let replacement: String?
                switch byte {
                case UInt8(ascii: "\""): replacement = "\\\""
                case UInt8(ascii: "\\"): replacement = "\\\\"
                case UInt8(ascii: "\n"): replacement = "\\n"
                case UInt8(ascii: "\r"): replacement = "\\r"
                case UInt8(ascii: "\t"): replacement = "\\t"
                case 0..<0x20:
                    let hex = String(byte, radix: 16)
                    replacement = "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                case UInt8(ascii: "/") where inScript && index > 0 && bytes[index - 1] == UInt8(ascii: "<"):
                    replacement = "\\/"
                case 0xE2 where inScript && index + 2 < bytes.count && bytes[index + 1] == 0x80
                    && (bytes[index + 2] == 0xA8 || bytes[index + 2] == 0xA9):
                    replacement = bytes[index + 2] == 0xA8 ? "\\u2028" : "\\u2029"
                default:
                    replacement = nil
                }
                guard let replacement else {
                    index += 1
                    continue
                }
                escaped.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<index]))
                escaped.append(contentsOf: replacement.utf8)
                index += byte == 0xE2 ? 3 : 1
                runStart = index
            }
            escaped.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart...]))
            escaped.append(UInt8(ascii: "\""))
            return String(decoding: escaped, as: UTF8.self)
        }
    }
}
