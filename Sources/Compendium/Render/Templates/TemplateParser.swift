/// Why a template cannot be read, and where.
struct TemplateSyntaxError: Error, Sendable, Hashable {
    enum Problem: Sendable, Hashable {
        /// `{{title` with no `}}`.
        case unfinishedTag(closing: String)
        /// `{{/name}}` that does not close the open section.
        case closingTagMismatch
        /// `{{#name}}` with no `{{/name}}`.
        case neverClosed
        /// `{{}}` or `{{#}}`.
        case noName
        /// A name with characters a name cannot hold.
        case invalidName(String)
        /// `{{=<% %>=}}` and the like.
        case unsupportedTag(sigil: Character)
        /// Text or a tag other than `{{$block}}` inside `{{<parent}}`.
        case contentInsideParent
    }

    let problem: Problem
    /// Where the problem is, from 1.
    let line: Int
    let column: Int
}

/// Reads Mustache templates: values, sections, inverted sections, comments,
/// partials, and template inheritance (`{{<parent}}` with `{{$block}}`).
/// Tags alone on their line ("standalone") take the whole line with them,
/// as the Mustache specification says. Set-delimiter tags are not supported.
enum TemplateParser {
    static func parse(_ text: String) -> Result<Template, TemplateSyntaxError> {
        var reader = Reader(bytes: Array(text.utf8))
        do {
            return .success(try reader.read())
        } catch let error as TemplateSyntaxError {
            return .failure(error)
        } catch {
            preconditionFailure("the template reader throws only syntax errors")
        }
    }
}

private let openBrace = UInt8(ascii: "{"), closeBrace = UInt8(ascii: "}")
private let newline = UInt8(ascii: "\n"), carriageReturn = UInt8(ascii: "\r")
private let space = UInt8(ascii: " "), tab = UInt8(ascii: "\t")

/// A section, block or parent being read, or the whole template.
private struct OpenSection {
    let sigil: UInt8?
    let name: String
    let line: Int
    let column: Int
    let indentation: [UInt8]
    var nodes: [TemplateNode] = []
    var overrides: [String: [TemplateNode]] = [:]
}

private struct Reader {
    let bytes: [UInt8]
    var line = 1
    var lineStart = 0
    var tagEarlierOnLine = false
    var open: [OpenSection] = [OpenSection(sigil: nil, name: "", line: 1, column: 1, indentation: [])]
    var tags: [TemplateTag] = []

    init(bytes: [UInt8]) { self.bytes = bytes }

    mutating func read() throws -> Template {
        var index = 0
        var textStart = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte == newline {
                line += 1
                lineStart = index + 1
                tagEarlierOnLine = false
                index += 1
                continue
            }
            guard byte == openBrace, index + 1 < bytes.count, bytes[index + 1] == openBrace else {
                index += 1
                continue
            }
            let tagStart = index
            let triple = index + 2 < bytes.count && bytes[index + 2] == openBrace
            let contentStart = index + (triple ? 3 : 2)
            let closing: [UInt8] = triple ? [closeBrace, closeBrace, closeBrace] : [closeBrace, closeBrace]
            guard let contentEnd = find(closing, from: contentStart) else {
                throw error(.unfinishedTag(closing: triple ? "}}}" : "}}"), at: tagStart)
            }
            let tagEnd = contentEnd + closing.count
            var nameStart = skipSpaces(from: contentStart, to: contentEnd)
            var sigil: UInt8? = triple ? UInt8(ascii: "&") : nil
            if !triple, nameStart < contentEnd, Array("#^/>!<$&=%".utf8).contains(bytes[nameStart]) {
                sigil = bytes[nameStart]
                nameStart = skipSpaces(from: nameStart + 1, to: contentEnd)
            }
            var nameEnd = contentEnd
            while nameEnd > nameStart, bytes[nameEnd - 1] == space || bytes[nameEnd - 1] == tab { nameEnd -= 1 }
            let name = String(decoding: bytes[nameStart..<nameEnd], as: UTF8.self)
            let tagColumn = column(at: tagStart)

            // A tag other than a value, alone on its line, takes the line with it.
            var lineEnd = tagEnd
            var standalone = false
            if sigil.map({ Array("#^/>!<$=%".utf8).contains($0) }) ?? false, !tagEarlierOnLine,
               bytes[lineStart..<tagStart].allSatisfy({ $0 == space || $0 == tab }) {
                var after = tagEnd
                while after < bytes.count, bytes[after] == space || bytes[after] == tab { after += 1 }
                if after == bytes.count {
                    (standalone, lineEnd) = (true, after)
                } else if bytes[after] == newline {
                    (standalone, lineEnd) = (true, after + 1)
                } else if bytes[after] == carriageReturn, after + 1 < bytes.count, bytes[after + 1] == newline {
                    (standalone, lineEnd) = (true, after + 2)
                }
            }
            let textEnd = standalone ? lineStart : tagStart
            if textEnd > textStart { try addText(bytes[textStart..<textEnd], at: textStart) }
            let indentation = standalone ? Array(bytes[lineStart..<tagStart]) : []
            let nameColumn = column(at: nameStart)
            for position in tagStart..<lineEnd where bytes[position] == newline {
                line += 1
                lineStart = position + 1
            }
            tagEarlierOnLine = !standalone
            index = lineEnd
            textStart = lineEnd

            if sigil != UInt8(ascii: "!") {
                tags.append(TemplateTag(sigil: sigil, name: name, line: line(of: tagStart), column: tagColumn))
            }
            try handle(sigil: sigil, name: name, tagStart: tagStart, nameStart: nameStart, nameColumn: nameColumn,
                       indentation: indentation)
        }
        if bytes.count > textStart { try addText(bytes[textStart...], at: textStart) }
        if open.count > 1, let unclosed = open.last {
            throw TemplateSyntaxError(problem: .neverClosed, line: unclosed.line, column: unclosed.column)
        }
        return Template(nodes: open[0].nodes, tags: tags)
    }

    private mutating func handle(sigil: UInt8?, name: String, tagStart: Int, nameStart: Int, nameColumn: Int,
                                 indentation: [UInt8]) throws {
        let insideParent = open.last?.sigil == UInt8(ascii: "<")
        switch sigil {
        case UInt8(ascii: "!"):
            return
        case UInt8(ascii: "="), UInt8(ascii: "%"):
            throw error(.unsupportedTag(sigil: Character(UnicodeScalar(sigil!))), at: tagStart)
        case UInt8(ascii: "/"):
            guard open.count > 1, open[open.count - 1].name == name else {
                throw TemplateSyntaxError(problem: .closingTagMismatch, line: line(of: nameStart), column: nameColumn)
            }
            close()
            return
        default:
            break
        }
        if insideParent, sigil != UInt8(ascii: "$") { throw error(.contentInsideParent, at: tagStart) }
        let isTemplateName = sigil == UInt8(ascii: ">") || sigil == UInt8(ascii: "<")
        guard !name.isEmpty else { throw error(.noName, at: tagStart) }
        guard Reader.isValid(name, template: isTemplateName) else { throw error(.invalidName(name), at: nameStart) }
        switch sigil {
        case nil, UInt8(ascii: "&"):
            open[open.count - 1].nodes.append(.value(TemplateName(name), escaped: sigil == nil))
        case UInt8(ascii: ">"):
            open[open.count - 1].nodes.append(.partial(name, indentation: indentation))
        default:
            open.append(OpenSection(sigil: sigil, name: name, line: line(of: tagStart), column: column(at: tagStart),
                                    indentation: indentation))
        }
    }

    /// Ends the innermost open section and adds it to the one around it.
    private mutating func close() {
        let section = open.removeLast()
        let node: TemplateNode
        switch section.sigil {
        case UInt8(ascii: "$") where open[open.count - 1].sigil == UInt8(ascii: "<"):
            open[open.count - 1].overrides[section.name] = section.nodes
            return
        case UInt8(ascii: "$"): node = .block(section.name, section.nodes)
        case UInt8(ascii: "<"): node = .parent(section.name, overrides: section.overrides, indentation: section.indentation)
        case UInt8(ascii: "^"): node = .section(TemplateName(section.name), section.nodes, inverted: true)
        default: node = .section(TemplateName(section.name), section.nodes, inverted: false)
        }
        open[open.count - 1].nodes.append(node)
    }

    private mutating func addText(_ text: ArraySlice<UInt8>, at offset: Int) throws {
        if open[open.count - 1].sigil == UInt8(ascii: "<") {
            guard let first = text.firstIndex(where: { $0 != space && $0 != tab && $0 != newline && $0 != carriageReturn })
            else { return }
            throw error(.contentInsideParent, at: first)
        }
        open[open.count - 1].nodes.append(.text(Array(text)))
    }

    /// Letters, digits, `_` and `-`, in parts joined by dots; a template's
    /// name may also hold `/`.
    private static func isValid(_ name: String, template: Bool) -> Bool {
        if name == "." { return !template }
        return name.utf8.allSatisfy { byte in
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
                 UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "_"), UInt8(ascii: "-"): return true
            case UInt8(ascii: "."): return !template
            case UInt8(ascii: "/"): return template
            default: return false
            }
        }
    }

    private func find(_ needle: [UInt8], from start: Int) -> Int? {
        var index = start
        while index + needle.count <= bytes.count {
            if bytes[index] == needle[0], bytes[index..<(index + needle.count)].elementsEqual(needle) { return index }
            index += 1
        }
        return nil
    }

    private func skipSpaces(from start: Int, to end: Int) -> Int {
        var index = start
        while index < end, bytes[index] == space || bytes[index] == tab || bytes[index] == newline { index += 1 }
        return index
    }

    /// The line of `offset`, counting from the start of the current line backwards when needed.
    private func line(of offset: Int) -> Int {
        guard offset < lineStart else { return line }
        return line - bytes[offset..<lineStart].reduce(0) { $0 + ($1 == newline ? 1 : 0) }
    }

    /// The column of `offset` on its line, counting characters (not bytes) from 1.
    private func column(at offset: Int) -> Int {
        var start = offset
        while start > 0, bytes[start - 1] != newline { start -= 1 }
        return bytes[start..<offset].reduce(1) { $0 + ($1 & 0xC0 == 0x80 ? 0 : 1) }
    }

    private func error(_ problem: TemplateSyntaxError.Problem, at offset: Int) -> TemplateSyntaxError {
        TemplateSyntaxError(problem: problem, line: line(of: offset), column: column(at: offset))
    }
}
