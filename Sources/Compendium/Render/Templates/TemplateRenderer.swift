/// Renders compiled templates with a context, into UTF-8 bytes.
///
/// Names are looked up from the innermost value outwards, as Mustache
/// does; values are HTML-escaped unless the tag says otherwise. A name that
/// is not found renders as nothing (the template set is checked for unknown
/// names when it is loaded).
struct TemplateRenderer {
    private typealias Step = TemplateProgram.Step

    /// The program's steps, text and name parts, for as long as the render lasts.
    private let steps: UnsafeBufferPointer<Step>
    private let text: UnsafeBufferPointer<UInt8>
    private let nameParts: UnsafeBufferPointer<String>
    private let program: TemplateProgram
    /// The rendered bytes so far.
    private(set) var output: [UInt8] = []
    /// The values sections have entered, innermost last.
    private var stack: [TemplateValue] = []
    /// Block contents set by the templates that inherit; for a block, the first wins, as the outermost.
    private var overrides: [TemplateProgram.Override] = []
    /// Where each hole was rendered, in order.
    private(set) var holes: [TemplateHole] = []
    /// Whether a hole was rendered where bytes filled in later would come
    /// out differently from the same bytes rendered there: inside an
    /// indented partial, whose indentation they would not get, or in a tag
    /// that escapes, which would escape them.
    private(set) var holeAltered = false
    /// Writes the bytes of a hole where it is rendered, instead of noting its place.
    private var fill: ((Int, inout [UInt8]) -> Void)?

    private init(program: TemplateProgram, steps: UnsafeBufferPointer<Step>, text: UnsafeBufferPointer<UInt8>,
                 nameParts: UnsafeBufferPointer<String>) {
        self.program = program
        self.steps = steps
        self.text = text
        self.nameParts = nameParts
    }

    /// Renders the template `name` with `context`.
    static func render(_ name: String, context: TemplateRecord, program: TemplateProgram) -> [UInt8] {
        rendered(name, context: context, program: program).bytes
    }

    /// Renders the template `name` with `context`, which may hold holes:
    /// the bytes and where each hole is; `nil` holes when one was inside an
    /// indented partial or in a tag that escapes.
    static func renderWithHoles(_ name: String, context: TemplateRecord, program: TemplateProgram)
        -> (bytes: [UInt8], holes: [TemplateHole]?) {
        rendered(name, context: context, program: program)
    }

    /// Renders the template `name` with `context`, whose holes are written
    /// where they are rendered, with the bytes `fill` appends for each hole's
    /// number: the same bytes as rendering those bytes as text there, escaped
    /// where the tag says so.
    static func render(_ name: String, context: TemplateRecord, program: TemplateProgram,
                       filling fill: (Int, inout [UInt8]) -> Void) -> [UInt8] {
        withoutActuallyEscaping(fill) { fill in rendered(name, context: context, program: program, filling: fill).bytes }
    }

    private static func rendered(_ name: String, context: TemplateRecord, program: TemplateProgram,
                                 filling fill: ((Int, inout [UInt8]) -> Void)? = nil)
        -> (bytes: [UInt8], holes: [TemplateHole]?) {
        guard let number = program.numbers[name] else { return ([], []) }
        return program.steps.withUnsafeBufferPointer { steps in
            program.text.withUnsafeBufferPointer { text in
                program.nameParts.withUnsafeBufferPointer { nameParts in
                    var renderer = TemplateRenderer(program: program, steps: steps, text: text, nameParts: nameParts)
                    renderer.output.reserveCapacity(16_384)
                    renderer.stack = [.record(context)]
                    renderer.fill = fill
                    renderer.run(program.templateSteps[Int(number)])
                    return (renderer.output, renderer.holeAltered ? nil : renderer.holes)
                }
            }
        }
    }

    /// Runs the steps in `range`.
    private mutating func run(_ range: Range<Int32>) {
        var index = Int(range.lowerBound)
        let end = Int(range.upperBound)
        while index < end {
            switch steps[index] {
            case .text(let start, let end):
                output.append(contentsOf: UnsafeBufferPointer(rebasing: text[Int(start)..<Int(end)]))
                index += 1
            case .value(let name, let escaped):
                index += 1
                guard let value = lookUp(name) else { continue }
                switch value {
                case .text(let text): escaped ? appendEscaped(text) : output.append(contentsOf: text.utf8)
                case .flag(let flag): output.append(contentsOf: (flag ? "true" : "false").utf8)
                case .hole(let number):
                    guard let fill else {
                        if escaped { holeAltered = true }
                        holes.append(TemplateHole(offset: output.count, number: number))
                        break
                    }
                    guard escaped else {
                        fill(number, &output)
                        break
                    }
                    var filled: [UInt8] = []
                    fill(number, &filled)
                    filled.withUnsafeBufferPointer { output.appendEscapingMarkup($0) }
                case .list, .record: break
                }
            case .section(let name, let sectionEnd, let inverted):
                let body = Int32(index + 1)..<sectionEnd
                let value = lookUp(name)
                if inverted {
                    if !value.isTruthy { run(body) }
                } else {
                    runSection(body, for: value)
                }
                index = Int(sectionEnd)
            case .partial(let template, let indentation):
                index += 1
                guard template >= 0 else { continue }
                let steps = program.templateSteps[Int(template)]
                runIndented(indentation) { $0.run(steps) }
            case .parent(let template, let list, let indentation, let parentEnd):
                index = Int(parentEnd)
                guard template >= 0 else { continue }
                let saved = overrides.count
                overrides += program.overrideLists[Int(list)]
                let steps = program.templateSteps[Int(template)]
                runIndented(indentation) { $0.run(steps) }
                overrides.removeSubrange(saved...)
            case .block(let block, let blockEnd):
                run(overrides.first { $0.block == block }?.steps ?? Int32(index + 1)..<blockEnd)
                index = Int(blockEnd)
            }
        }
    }

    private mutating func runSection(_ body: Range<Int32>, for value: TemplateValue?) {
        switch value {
        case nil, .flag(false)?:
            return
        case .flag(true)?:
            run(body)
        case .list(let elements)?:
            for element in elements {
                stack.append(element)
                run(body)
                stack.removeLast()
            }
        case let value?:
            stack.append(value)
            run(body)
            stack.removeLast()
        }
    }

    /// Runs `body` with every line it writes starting with the indentation numbered `indentation`.
    private mutating func runIndented(_ indentation: Int32, _ body: (inout TemplateRenderer) -> Void) {
        guard indentation > 0 else { return body(&self) }
        let start = output.count
        let holesBefore = holes.count
        body(&self)
        if holes.count > holesBefore { holeAltered = true }
        let prefix = program.indentations[Int(indentation)]
        var indented: [UInt8] = []
        var atLineStart = true
        for byte in output[start...] {
            if atLineStart { indented.append(contentsOf: prefix) }
            indented.append(byte)
            atLineStart = byte == UInt8(ascii: "\n")
        }
        output.replaceSubrange(start..., with: indented)
    }

    private func lookUp(_ name: TemplateProgram.NameReference) -> TemplateValue? {
        guard name.count > 0 else { return stack.last }
        let first = nameParts[Int(name.start)]
        var found: TemplateValue?
        if name.anchored {
            found = stack.last?.field(first)
        } else {
            for index in stack.indices.reversed() {
                if let child = stack[index].field(first) {
                    found = child
                    break
                }
            }
        }
        for part in Int(name.start) + 1..<Int(name.start + name.count) {
            found = found?.field(nameParts[part])
        }
        return found
    }

    /// Appends `text` with `& < > " '` written as character references.
    private mutating func appendEscaped(_ text: String) {
        if let copied: Void = text.utf8.withContiguousStorageIfAvailable({ output.appendEscapingMarkup($0) }) { return copied }
        var text = text
        text.withUTF8 { output.appendEscapingMarkup($0) }
    }
}

/// A hole's place in rendered bytes.
struct TemplateHole: Sendable, Hashable {
    /// How many bytes come before it.
    let offset: Int
    /// The number the hole was given.
    let number: Int
}

private extension Optional where Wrapped == TemplateValue {
    /// Whether a section shows: not missing, not `false`, not an empty list.
    var isTruthy: Bool {
        switch self {
        case nil, .flag(false)?: return false
        case .list(let elements)?: return !elements.isEmpty
        default: return true
        }
    }
}
