/// A template set's parsed templates compiled into one flat list of steps,
/// ready to render many times.
///
/// The contents of a section, a block or the blocks an inheriting template
/// replaces follow the step that opens them, which says where they end, so
/// rendering walks an array of plain numbers rather than a tree of boxes;
/// text, names and indentations are kept in tables the steps point into.
final class TemplateProgram: Sendable {
    /// One step of rendering. Every number is a place in one of the program's tables.
    enum Step: Sendable {
        /// Copies `text[start..<end]`.
        case text(start: Int32, end: Int32)
        /// The value named by `name`, escaped unless the tag said otherwise.
        case value(name: NameReference, escaped: Bool)
        /// A section over the steps after this one up to `end`; with `inverted`, shown when the value is not.
        case section(name: NameReference, end: Int32, inverted: Bool)
        /// The template numbered `template` (nothing when it is -1), each line indented by `indentations[indentation]`.
        case partial(template: Int32, indentation: Int32)
        /// The template numbered `template` (nothing when it is -1), with the blocks of
        /// `overrideLists[overrides]` replaced; their steps follow this one up to `end`.
        case parent(template: Int32, overrides: Int32, indentation: Int32, end: Int32)
        /// The block numbered `block`; its default steps follow this one up to `end`.
        case block(block: Int32, end: Int32)
    }

    /// A name as `count` parts from `nameParts[start]`; `anchored` as in `TemplateName`.
    struct NameReference: Sendable {
        let start: Int32
        let count: Int32
        let anchored: Bool
    }

    /// A block's contents given by an inheriting template.
    struct Override: Sendable {
        let block: Int32
        let steps: Range<Int32>
    }

    /// Every step of every template.
    let steps: [Step]
    /// The text the steps copy.
    let text: [UInt8]
    /// The parts of every name, each name's in a row.
    let nameParts: [String]
    /// Indentations of partials; the first is none.
    let indentations: [[UInt8]]
    /// The blocks each inheriting template replaces.
    let overrideLists: [[Override]]
    /// Each template's steps, by number.
    let templateSteps: [Range<Int32>]
    /// Each template's number, by name.
    let numbers: [String: Int32]

    /// Compiles `templates`, by name; names are numbered in sorted order.
    init(templates: [String: Template]) {
        let numbers = Dictionary(uniqueKeysWithValues: templates.keys.sorted().enumerated().map { ($0.element, Int32($0.offset)) })
        var compiler = Compiler(numbers: numbers)
        let templateSteps = templates.keys.sorted().map { compiler.emitted(templates[$0]!.nodes) }
        self.numbers = numbers
        self.templateSteps = templateSteps
        steps = compiler.steps
        text = compiler.text
        nameParts = compiler.nameParts
        indentations = compiler.indentations
        overrideLists = compiler.overrideLists
    }
}

/// Builds a program's tables, step by step.
private struct Compiler {
    let numbers: [String: Int32]
    var steps: [TemplateProgram.Step] = []
    var text: [UInt8] = []
    var nameParts: [String] = []
    var indentations: [[UInt8]] = [[]]
    var overrideLists: [[TemplateProgram.Override]] = []
    var nameNumbers: [TemplateName: TemplateProgram.NameReference] = [:]
    var blockNumbers: [String: Int32] = [:]
    var indentationNumbers: [[UInt8]: Int32] = [[]: 0]

    init(numbers: [String: Int32]) {
        self.numbers = numbers
    }

    /// Emits the steps of `nodes` in a row; returns where they are.
    mutating func emitted(_ nodes: [TemplateNode]) -> Range<Int32> {
        let start = Int32(steps.count)
        for node in nodes { emit(node) }
        return start..<Int32(steps.count)
    }

    private mutating func emit(_ node: TemplateNode) {
        switch node {
        case .text(let bytes):
            guard !bytes.isEmpty else { return }
            let start = Int32(text.count)
            text += bytes
            steps.append(.text(start: start, end: Int32(text.count)))
        case .value(let name, let escaped):
            steps.append(.value(name: reference(name), escaped: escaped))
        case .section(let name, let nodes, let inverted):
            let name = reference(name)
            opened { compiler in
                _ = compiler.emitted(nodes)
                return { .section(name: name, end: $0, inverted: inverted) }
            }
        case .partial(let name, let indentation):
            steps.append(.partial(template: numbers[name] ?? -1, indentation: number(of: indentation)))
        case .parent(let name, let blocks, let indentation):
            let template = numbers[name] ?? -1, indentation = number(of: indentation)
            opened { compiler in
                let overrides = blocks.keys.sorted().map { block in
                    TemplateProgram.Override(block: compiler.number(ofBlock: block), steps: compiler.emitted(blocks[block]!))
                }
                compiler.overrideLists.append(overrides)
                let list = Int32(compiler.overrideLists.count - 1)
                return { .parent(template: template, overrides: list, indentation: indentation, end: $0) }
            }
        case .block(let name, let nodes):
            let block = number(ofBlock: name)
            opened { compiler in
                _ = compiler.emitted(nodes)
                return { .block(block: block, end: $0) }
            }
        }
    }

    /// Emits a step whose contents follow it: `contents` emits them and
    /// says what the step is, given where the contents end.
    private mutating func opened(_ contents: (inout Compiler) -> (Int32) -> TemplateProgram.Step) {
        let place = steps.count
        steps.append(.text(start: 0, end: 0))
        let step = contents(&self)
        steps[place] = step(Int32(steps.count))
    }

    private mutating func reference(_ name: TemplateName) -> TemplateProgram.NameReference {
        if let known = nameNumbers[name] { return known }
        let reference = TemplateProgram.NameReference(start: Int32(nameParts.count), count: Int32(name.path.count),
                                                       anchored: name.anchored)
        nameParts += name.path
        nameNumbers[name] = reference
        return reference
    }

    private mutating func number(ofBlock name: String) -> Int32 {
        if let known = blockNumbers[name] { return known }
        let number = Int32(blockNumbers.count)
        blockNumbers[name] = number
        return number
    }

    private mutating func number(of indentation: [UInt8]) -> Int32 {
        if let known = indentationNumbers[indentation] { return known }
        indentations.append(indentation)
        let number = Int32(indentations.count - 1)
        indentationNumbers[indentation] = number
        return number
    }
}
