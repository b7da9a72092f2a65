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
        var literal: [UInt8] = []
        literal.reserveCapacity(text.utf8.count + 2)
        append(text, inScript: inScript, to: &literal)
        return String(decoding: literal, as: UTF8.self)
    }

    /// Appends `text` to `json` as a JSON string literal, escaped as `string(_:inScript:)` escapes it.
    static func append(_ text: String, inScript: Bool = false, to json: inout [UInt8]) {
        var text = text
        text.withUTF8 { appendLiteral($0, inScript: inScript, to: &json) }
    }

    private static func appendLiteral(_ bytes: UnsafeBufferPointer<UInt8>, inScript: Bool, to json: inout [UInt8]) {
        json.append(UInt8(ascii: "\""))
        // Only these bytes may need escaping: controls, `"`, `\\`, and in a script `/` and the first byte of
        // U+2028 and U+2029. They are sought eight bytes at a time.
        let controls = ByteWord.RangeTest(0...0x1F)
        let quotes = ByteWord.repeated(UInt8(ascii: "\"")), backslashes = ByteWord.repeated(UInt8(ascii: "\\"))
        let slashes = ByteWord.repeated(UInt8(ascii: "/")), separatorStarts = ByteWord.repeated(0xE2)
        let marking = { (word: UInt64) -> UInt64 in
            var marks = controls.marks(word) | ByteWord.zeroBytes(word ^ quotes) | ByteWord.zeroBytes(word ^ backslashes)
            if inScript { marks |= ByteWord.zeroBytes(word ^ slashes) | ByteWord.zeroBytes(word ^ separatorStarts) }
            return marks
        }
        let matching = { (byte: UInt8) -> Bool in
            byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\")
                || (inScript && (byte == UInt8(ascii: "/") || byte == 0xE2))
        }
        var runStart = 0
        var index = 0
        while let found = bytes.firstOffset(from: index, marking: marking, matching: matching) {
            guard let (replacement, length) = escape(bytes, at: found, inScript: inScript) else {
                index = found + 1
                continue
            }
            json.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<found]))
            json.append(contentsOf: replacement.utf8)
            index = found + length
            runStart = index
        }
        json.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart...]))
        json.append(UInt8(ascii: "\""))
    }

    /// What the bytes at `index` are written as, and how many bytes that replaces; `nil` to keep them.
    private static func escape(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int, inScript: Bool) -> (String, Int)? {
        let byte = bytes[index]
        switch byte {
        case UInt8(ascii: "\""): return ("\\\"", 1)
        case UInt8(ascii: "\\"): return ("\\\\", 1)
        case UInt8(ascii: "\n"): return ("\\n", 1)
        case UInt8(ascii: "\r"): return ("\\r", 1)
        case UInt8(ascii: "\t"): return ("\\t", 1)
        case 0..<0x20:
            let hex = String(byte, radix: 16)
            return ("\\u" + String(repeating: "0", count: 4 - hex.count) + hex, 1)
        case UInt8(ascii: "/") where inScript && index > 0 && bytes[index - 1] == UInt8(ascii: "<"):
            return ("\\/", 1)
        case 0xE2 where inScript && index + 2 < bytes.count && bytes[index + 1] == 0x80
            && (bytes[index + 2] == 0xA8 || bytes[index + 2] == 0xA9):
            return (bytes[index + 2] == 0xA8 ? "\\u2028" : "\\u2029", 3)
        default:
            return nil
        }
    }
}
