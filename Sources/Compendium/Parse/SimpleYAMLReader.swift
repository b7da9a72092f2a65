/// Reads the YAML that front matter nearly always is, without libyaml:
/// block mappings of `key: value` lines, block lists (`- item`, including
/// lists of mappings), one-line flow lists (`[a, "b"]`), plain scalars and
/// one-line double-quoted scalars whose only escapes are `\"` and `\\`.
///
/// It gives up, returning `nil`, on anything else (comments, tabs, single
/// quotes, block scalars, anchors, tags, multi-line scalars, empty values,
/// repeated keys, unusual characters), and `YAMLReader` then reads the text
/// with libyaml. Whatever it does read is the same `YAMLNode`, positions
/// included, that libyaml's reading would give.
enum SimpleYAMLReader {
    /// The node `bytes` hold, `.some(nil)` when they hold only blank lines, or
    /// `nil` when the text is not in the shape this reader knows.
    static func read(_ bytes: UnsafeBufferPointer<UInt8>, lineOffset: Int) -> YAMLNode?? {
        guard hasOnlySimpleBytes(bytes) else { return nil }
        var reader = LineReader(bytes: bytes, lineOffset: lineOffset)
        guard let first = reader.currentLine else { return .some(nil) }
        guard first.indent == 0, let root = reader.mapping(at: 0, depth: 0) else { return nil }
        return reader.currentLine == nil ? .some(root) : nil
    }

    /// Whether `bytes` are free of what this reader leaves to libyaml: tabs,
    /// carriage returns, other control characters, and the characters
    /// libyaml treats specially (NEL, the line and paragraph separators, the
    /// byte-order mark, the C1 controls and the non-characters U+FFFE and U+FFFF).
    private static func hasOnlySimpleBytes(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var index = 0
        let count = bytes.count
        while index < count {
            let byte = bytes[index]
            if byte < 0x80 {
                guard (byte >= 0x20 && byte != 0x7F) || byte == 0x0A else { return false }
                index += 1
                continue
            }
            let next = index + 1 < count ? bytes[index + 1] : 0
            switch byte {
            case 0xC2 where next < 0xA0: return false
            case 0xE2 where next == 0x80 && index + 2 < count && (bytes[index + 2] == 0xA8 || bytes[index + 2] == 0xA9):
                return false
            case 0xEF where (next == 0xBB && index + 2 < count && bytes[index + 2] == 0xBF)
                || (next == 0xBF && index + 2 < count && bytes[index + 2] >= 0xBE):
                return false
            default: break
            }
            index += 1
        }
        return true
    }
}

/// One line of the text: where its content starts and ends.
private struct Line {
    /// The offset of the line's first byte.
    let start: Int
    /// The offset just past its last byte (before the line feed).
    let end: Int
    /// Its spaces before the content.
    let indent: Int
    /// Its 1-based number in the text.
    let number: Int
}

/// Reads the text line by line; every method returns `nil` to give up.
private struct LineReader {
    let bytes: UnsafeBufferPointer<UInt8>
    let lineOffset: Int
    /// The next line with content, or `nil` at the end.
    private(set) var currentLine: Line?
    /// The offset at which the line after `currentLine` starts.
    private var nextStart = 0
    private var nextNumber = 1

    /// The deepest nesting read; deeper text is left to libyaml, which reports it.
    private static let depthLimit = 8
    /// The longest key read: libyaml refuses a key longer than 1,024 characters, so long ones are left to it.
    private static let keyLengthLimit = 128

    init(bytes: UnsafeBufferPointer<UInt8>, lineOffset: Int) {
        self.bytes = bytes
        self.lineOffset = lineOffset
        advance()
    }

    /// Moves to the next line that is not blank.
    mutating func advance() {
        currentLine = nil
        while nextStart < bytes.count {
            let start = nextStart, number = nextNumber
            var end = start
            while end < bytes.count && bytes[end] != UInt8(ascii: "\n") { end += 1 }
            nextStart = end + 1
            nextNumber += 1
            var content = start
            while content < end && bytes[content] == UInt8(ascii: " ") { content += 1 }
            if content < end {
                currentLine = Line(start: start, end: end, indent: content - start, number: number)
                return
            }
        }
    }

    /// The 1-based column of the byte at `offset` on `line`, counted in characters as libyaml counts them.
    private func column(_ offset: Int, on line: Line) -> Int {
        1 + characters(in: line.start..<offset)
    }

    /// How many characters the bytes in `range` hold.
    private func characters(in range: Range<Int>) -> Int {
        range.reduce(0) { count, index in bytes[index] & 0xC0 != 0x80 ? count + 1 : count }
    }

    private func text(_ range: Range<Int>) -> String {
        String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self)
    }

    /// The block mapping whose keys start `indent` spaces in, beginning at the
    /// current line (whose key may start further in than its spaces, after a `- `).
    mutating func mapping(at indent: Int, depth: Int, firstKeyAt firstKey: Int? = nil) -> YAMLNode? {
        guard depth <= Self.depthLimit, let first = currentLine else { return nil }
        var entries: [YAMLEntry] = []
        var keyStart = firstKey ?? first.start + first.indent
        let node = (line: first.number + lineOffset, column: column(keyStart, on: first))
        while let line = currentLine {
            guard let entry = self.entry(on: line, keyAt: keyStart, depth: depth),
                  !entries.contains(where: { $0.key == entry.key }) else { return nil }
            entries.append(entry)
            guard let next = currentLine, next.indent >= indent else { break }
            guard next.indent == indent else { return nil }
            keyStart = next.start + next.indent
        }
        return YAMLNode(value: .mapping(entries), line: node.line, column: node.column)
    }

    /// The `key: value` entry whose key starts at `keyStart` on `line`; it
    /// moves past the lines the value takes.
    private mutating func entry(on line: Line, keyAt keyStart: Int, depth: Int) -> YAMLEntry? {
        guard let colon = keyColon(on: line, from: keyStart) else { return nil }
        let key = text(keyStart..<colon)
        let keyLine = line.number + lineOffset, keyColumn = column(keyStart, on: line)
        let index = skipSpaces(from: colon + 1, before: line.end)
        if index == line.end {
            advance()
            guard let next = currentLine else { return nil }
            let keyIndent = keyStart - line.start
            let value: YAMLNode?
            if next.indent > keyIndent {
                value = startsItem(next) ? list(at: next.indent, depth: depth + 1) : mapping(at: next.indent, depth: depth + 1)
            } else if next.indent == keyIndent && startsItem(next) {
                value = list(at: next.indent, depth: depth + 1)
            } else {
                value = nil  // an empty value: left to libyaml
            }
            return value.map { YAMLEntry(key: key, keyLine: keyLine, keyColumn: keyColumn, value: $0) }
        }
        guard let value = inlineValue(on: line, at: index, depth: depth + 1) else { return nil }
        advance()
        return YAMLEntry(key: key, keyLine: keyLine, keyColumn: keyColumn, value: value)
    }

    /// Whether `line` is a list item: a `-` and a space.
    private func startsItem(_ line: Line) -> Bool {
        let dash = line.start + line.indent
        return bytes[dash] == UInt8(ascii: "-") && dash + 1 < line.end && bytes[dash + 1] == UInt8(ascii: " ")
    }

    /// The block list whose dashes are `indent` spaces in, beginning at the current line.
    private mutating func list(at indent: Int, depth: Int) -> YAMLNode? {
        guard depth <= Self.depthLimit, let first = currentLine else { return nil }
        let node = (line: first.number + lineOffset, column: first.indent + 1)
        var items: [YAMLNode] = []
        while let line = currentLine, line.indent == indent, startsItem(line) {
            let start = skipSpaces(from: line.start + indent + 1, before: line.end)
            guard start < line.end else { return nil }
            let item: YAMLNode?
            if keyColon(on: line, from: start) != nil {
                item = mapping(at: start - line.start, depth: depth + 1, firstKeyAt: start)
            } else {
                item = inlineValue(on: line, at: start, depth: depth + 1)
                if item != nil { advance() }
            }
            guard let item else { return nil }
            items.append(item)
        }
        if let next = currentLine, next.indent > indent { return nil }
        return YAMLNode(value: .sequence(items), line: node.line, column: node.column)
    }

    /// Where the colon is when a key starts at `start` on `line`: a key no
    /// longer than the limit, then `:` at the end of the line or before a space.
    private func keyColon(on line: Line, from start: Int) -> Int? {
        guard start < line.end, Self.isKeyStart(bytes[start]) else { return nil }
        var index = start
        while index < line.end && Self.isKeyByte(bytes[index]) { index += 1 }
        guard index < line.end, bytes[index] == UInt8(ascii: ":"), index - start <= Self.keyLengthLimit,
              index + 1 == line.end || bytes[index + 1] == UInt8(ascii: " ") else { return nil }
        return index
    }

    /// A value that ends on its line: a quoted or plain scalar, or a flow list.
    private func inlineValue(on line: Line, at start: Int, depth: Int) -> YAMLNode? {
        let first = bytes[start]
        let position = (line: line.number + lineOffset, column: column(start, on: line))
        if first == UInt8(ascii: "\"") {
            guard let (value, end) = quoted(from: start, before: line.end), isBlank(end..<line.end) else { return nil }
            return YAMLNode(value: value, line: position.line, column: position.column)
        }
        if first == UInt8(ascii: "[") {
            guard depth <= Self.depthLimit, let (items, end) = flowItems(on: line, from: start + 1),
                  isBlank(end..<line.end) else { return nil }
            return YAMLNode(value: .sequence(items), line: position.line, column: position.column)
        }
        guard Self.mayStartPlain(first) else { return nil }
        var end = line.end
        while bytes[end - 1] == UInt8(ascii: " ") { end -= 1 }
        for index in start..<end {
            switch bytes[index] {
            case UInt8(ascii: "["), UInt8(ascii: "]"), UInt8(ascii: "{"), UInt8(ascii: "}"), UInt8(ascii: "\\"): return nil
            case UInt8(ascii: ":") where index + 1 == end || bytes[index + 1] == UInt8(ascii: " "): return nil
            case UInt8(ascii: "#") where bytes[index - 1] == UInt8(ascii: " "): return nil
            default: continue
            }
        }
        return YAMLNode(value: .scalar(text(start..<end), plain: true), line: position.line, column: position.column)
    }

    /// The items of a one-line flow list whose `[` is just before `start`,
    /// and the offset just past its `]`.
    private func flowItems(on line: Line, from start: Int) -> ([YAMLNode], Int)? {
        var items: [YAMLNode] = []
        var index = skipSpaces(from: start, before: line.end)
        if index < line.end && bytes[index] == UInt8(ascii: "]") { return (items, index + 1) }
        // Each item's column is counted on from the one before, so a long list takes one pass over its line.
        var counted = (offset: line.start, column: 1)
        while index < line.end {
            let itemStart = index
            counted = (itemStart, counted.column + characters(in: counted.offset..<itemStart))
            let value: YAMLNode.Value
            if bytes[index] == UInt8(ascii: "\"") {
                guard let (quotedValue, end) = quoted(from: index, before: line.end) else { return nil }
                value = quotedValue
                index = end
            } else {
                guard Self.mayStartPlain(bytes[index]) else { return nil }
                while index < line.end && !Self.endsFlowPlain(bytes[index]) {
                    if bytes[index] == UInt8(ascii: "#") && bytes[index - 1] == UInt8(ascii: " ") { return nil }
                    index += 1
                }
                guard index < line.end, bytes[index] == UInt8(ascii: ",") || bytes[index] == UInt8(ascii: "]") else {
                    return nil
                }
                var end = index
                while bytes[end - 1] == UInt8(ascii: " ") { end -= 1 }
                value = .scalar(text(itemStart..<end), plain: true)
            }
            items.append(YAMLNode(value: value, line: line.number + lineOffset, column: counted.column))
            index = skipSpaces(from: index, before: line.end)
            guard index < line.end else { return nil }
            if bytes[index] == UInt8(ascii: "]") { return (items, index + 1) }
            guard bytes[index] == UInt8(ascii: ",") else { return nil }
            index = skipSpaces(from: index + 1, before: line.end)
        }
        return nil
    }

    /// A double-quoted scalar that starts at `start` and closes before
    /// `end`, and the offset just past its closing quote.
    private func quoted(from start: Int, before end: Int) -> (YAMLNode.Value, Int)? {
        var index = start + 1
        var unescaped: [UInt8]?
        while index < end && bytes[index] != UInt8(ascii: "\"") {
            if bytes[index] == UInt8(ascii: "\\") {
                guard index + 1 < end, bytes[index + 1] == UInt8(ascii: "\"") || bytes[index + 1] == UInt8(ascii: "\\") else {
                    return nil
                }
                if unescaped == nil { unescaped = Array(bytes[start + 1..<index]) }
                index += 1
            }
            unescaped?.append(bytes[index])
            index += 1
        }
        guard index < end else { return nil }
        let value = unescaped.map { String(decoding: $0, as: UTF8.self) } ?? text(start + 1..<index)
        return (.scalar(value, plain: false), index + 1)
    }

    private func skipSpaces(from start: Int, before end: Int) -> Int {
        var index = start
        while index < end && bytes[index] == UInt8(ascii: " ") { index += 1 }
        return index
    }

    private func isBlank(_ range: Range<Int>) -> Bool {
        range.allSatisfy { bytes[$0] == UInt8(ascii: " ") }
    }

    /// A key is letters, digits, `_` and `-`, and starts with a letter, a digit or `_`.
    private static func isKeyStart(_ byte: UInt8) -> Bool {
        (byte | 0x20 >= UInt8(ascii: "a") && byte | 0x20 <= UInt8(ascii: "z"))
            || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")) || byte == UInt8(ascii: "_")
    }

    private static func isKeyByte(_ byte: UInt8) -> Bool {
        isKeyStart(byte) || byte == UInt8(ascii: "-")
    }

    /// Whether a plain scalar may start with `byte`: not with a YAML indicator or a quote.
    private static func mayStartPlain(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "-"), UInt8(ascii: "?"), UInt8(ascii: ":"), UInt8(ascii: ","), UInt8(ascii: "["),
             UInt8(ascii: "]"), UInt8(ascii: "{"), UInt8(ascii: "}"), UInt8(ascii: "#"), UInt8(ascii: "&"),
             UInt8(ascii: "*"), UInt8(ascii: "!"), UInt8(ascii: "|"), UInt8(ascii: ">"), UInt8(ascii: "'"),
             UInt8(ascii: "\""), UInt8(ascii: "%"), UInt8(ascii: "@"), UInt8(ascii: "`"): false
        default: true
        }
    }

    /// What ends a plain scalar in a flow list (all but `,` and `]` end it only to give up).
    private static func endsFlowPlain(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: ","), UInt8(ascii: "]"), UInt8(ascii: "["), UInt8(ascii: "{"), UInt8(ascii: "}"),
             UInt8(ascii: ":"), UInt8(ascii: "\""), UInt8(ascii: "\\"): true
        default: false
        }
    }
}

/// For the fuzz targets, which hold the simple reader to libyaml.
@_spi(Fuzzing) public enum SimpleYAMLCheck {
    /// Whether, for `text` read as a settings file and for its front matter
    /// (when it has some), the simple reader either gives up or reads what libyaml reads.
    public static func agreesWithLibyaml(_ text: String) -> Bool {
        var texts = [(text, 1)]
        if case .success(let split) = FrontMatterSplit.split(text) { texts.append((split.yaml, split.yamlFirstLine)) }
        return texts.allSatisfy { yaml, firstLine in
            var bytes = yaml
            guard let simple = bytes.withUTF8({ SimpleYAMLReader.read($0, lineOffset: firstLine - 1) }) else { return true }
            return YAMLReader.parseWithLibyaml(yaml, firstLine: firstLine) == .success(simple)
        }
    }
}
