extension String {
    /// The text with `&`, `<`, `>`, `"` and `'` written as entities, safe in
    /// HTML and XML text and in quoted attributes.
    public var escapedForMarkup: String {
        var escaped = ""
        escaped.reserveCapacity(utf8.count)
        for character in self {
            switch character {
            case "&": escaped += "&amp;"
            case "<": escaped += "&lt;"
            case ">": escaped += "&gt;"
            case "\"": escaped += "&quot;"
            case "'": escaped += "&apos;"
            default: escaped.append(character)
            }
        }
        return escaped
    }
}
