#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Positions of nodes in the body's file, with cmark's byte columns turned
/// into character columns.
struct SourcePositions {
    let source: String
    let lineOffset: Int
    private var lines: SourceLines?
    /// Where the last column was counted: line, byte offset, characters before it.
    private var cursor = (line: 0, byte: 0, characters: 0)

    init(source: String, lineOffset: Int) {
        self.source = source
        self.lineOffset = lineOffset
    }

    private mutating func sourceLines() -> SourceLines {
        if let lines { return lines }
        let made = SourceLines(source)
        lines = made
        return made
    }

    /// A request for a link or image that starts at `place` (a body line and byte column).
    mutating func request(_ form: LinkRequest.Form, at place: (line: Int, column: Int)) -> LinkRequest {
        LinkRequest(form: form, line: lineOffset + place.line,
                    column: characterColumn(line: place.line, byteColumn: place.column))
    }

    /// A request for a wiki-link written as `raw`, found `offset` bytes into a text run that starts at `place`.
    mutating func wikiRequest(_ link: WikiLink, raw: Slice<UnsafeBufferPointer<UInt8>>, inRunAt place: (line: Int, column: Int),
                              offset: Int) -> LinkRequest {
        let column = locate(raw, line: place.line, from: place.column, hint: offset)
        return LinkRequest(form: .wiki(link), line: lineOffset + place.line,
                           column: characterColumn(line: place.line, byteColumn: column))
    }

    /// The 1-based byte column of `raw` on body line `line`, searched from the
    /// text run's column; cmark's inline columns can drift after escapes.
    private mutating func locate(_ raw: Slice<UnsafeBufferPointer<UInt8>>, line: Int, from column: Int, hint: Int) -> Int {
        let lines = sourceLines()
        guard line >= 1, line <= lines.starts.count else { return column }
        let lineStart = lines.starts[line - 1]
        let lineEnd = lines.end(ofLine: line)
        for origin in [column - 1 + hint, column - 1] {
            var index = lineStart + max(0, origin)
            while index + raw.count <= lineEnd {
                if lines.bytes[index..<(index + raw.count)].elementsEqual(raw) {
                    return index - lineStart + 1
                }
                index += 1
            }
        }
        return column
    }

    /// The 1-based character column of a byte column on body line `line`.
    /// Columns on one line come in order, so counting continues from the
    /// previous one: linear however many links a line has.
    private mutating func characterColumn(line: Int, byteColumn: Int) -> Int {
        let lines = sourceLines()
        guard line >= 1, line <= lines.starts.count else { return byteColumn }
        let lineStart = lines.starts[line - 1]
        let lineEnd = lines.end(ofLine: line)
        let target = min(byteColumn - 1, lineEnd - lineStart)
        if cursor.line != line || cursor.byte > target { cursor = (line, 0, 0) }
        let counted = lines.bytes[(lineStart + cursor.byte)..<(lineStart + target)]
        let characters = counted.allSatisfy { $0 < 0x80 } ? counted.count : String(decoding: counted, as: UTF8.self).count
        cursor = (line, target, cursor.characters + characters)
        return cursor.characters + 1
    }
}

/// A body's bytes and the offset where each of its lines starts.
struct SourceLines {
    let bytes: [UInt8]
    let starts: [Int]

    init(_ source: String) {
        bytes = Array(source.utf8)
        var starts = [0]
        bytes.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return }
            var offset = 0
            while offset < buffer.count, let found = memchr(base + offset, Int32(UInt8(ascii: "\n")), buffer.count - offset) {
                offset = UnsafeRawPointer(base).distance(to: UnsafeRawPointer(found)) + 1
                starts.append(offset)
            }
        }
        self.starts = starts
    }

    /// The offset just past the last byte of line `line` (1-based), before its line break.
    func end(ofLine line: Int) -> Int {
        line < starts.count ? starts[line] - 1 : bytes.count
    }
}
