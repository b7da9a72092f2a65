/// `value` with `& " < >` written as character references, for an attribute.
func escapeAttribute(_ value: String) -> String {
    let special = { (byte: UInt8) in
        byte == UInt8(ascii: "&") || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "<") || byte == UInt8(ascii: ">")
    }
    guard value.utf8.contains(where: special) else { return value }
    var escaped: [UInt8] = []
    escaped.reserveCapacity(value.utf8.count + 16)
    for byte in value.utf8 {
        switch byte {
        case UInt8(ascii: "&"): escaped += "&amp;".utf8
        case UInt8(ascii: "\""): escaped += "&quot;".utf8
        case UInt8(ascii: "<"): escaped += "&lt;".utf8
        case UInt8(ascii: ">"): escaped += "&gt;".utf8
        default: escaped.append(byte)
        }
    }
    return String(decoding: escaped, as: UTF8.self)
}
