/// Renders parsed templates with a context, into UTF-8 bytes.
///
/// Names are looked up from the innermost value outwards, as Mustache
/// does; values are HTML-escaped unless the tag says otherwise. A name that
/// is not found renders as nothing (the template set is checked for unknown
/// names when it is loaded).
struct TemplateRenderer {
    /// The templates partials and parents refer to, by name.
    let templates: [String: Template]
    /// The rendered bytes so far.
    private(set) var output: [UInt8] = []
    /// The values sections have entered, innermost last.
    private var stack: [TemplateValue] = []
    /// Block contents set by the templates that inherit, outermost first in precedence.
    private var overrides: [String: [TemplateNode]] = [:]
    /// Where each hole was rendered, in order.
    private(set) var holes: [TemplateHole] = []
    /// Whether a hole was rendered inside an indented partial, whose
    /// indentation the bytes filled in later would not get.
    private(set) var holeIndented = false

    init(templates: [String: Template]) {
        self.templates = templates
    }

    /// Renders the template `name` with `context`.
    static func render(_ name: String, context: TemplateRecord, templates: [String: Template]) -> [UInt8] {
        renderer(name, context: context, templates: templates).output
    }

    /// Renders the template `name` with `context`, which may hold holes:
    /// the bytes and where each hole is; `nil` holes when one was inside an
    /// indented partial.
    static func renderWithHoles(_ name: String, context: TemplateRecord, templates: [String: Template])
        -> (bytes: [UInt8], holes: [TemplateHole]?) {
        let renderer = renderer(name, context: context, templates: templates)
        return (renderer.output, renderer.holeIndented ? nil : renderer.holes)
    }

    private static func renderer(_ name: String, context: TemplateRecord, templates: [String: Template]) -> TemplateRenderer {
        var renderer = TemplateRenderer(templates: templates)
        guard let template = templates[name] else { return renderer }
        renderer.output.reserveCapacity(16_384)
        renderer.stack = [.record(context)]
        renderer.render(template.nodes)
        return renderer
    }

    private mutating func render(_ nodes: [TemplateNode]) {
        for node in nodes {
            switch node {
            case .text(let bytes):
                output.append(contentsOf: bytes)
            case .value(let name, let escaped):
                guard let value = lookUp(name) else { continue }
                switch value {
                case .text(let text): escaped ? appendEscaped(text) : output.append(contentsOf: text.utf8)
                case .flag(let flag): output.append(contentsOf: (flag ? "true" : "false").utf8)
                case .hole(let number): holes.append(TemplateHole(offset: output.count, number: number))
                case .list, .record: break
                }
            case .section(let name, let nodes, let inverted):
                let value = lookUp(name)
                if inverted {
                    if !value.isTruthy { render(nodes) }
                } else {
                    renderSection(nodes, for: value)
                }
            case .partial(let name, let indentation):
                guard let template = templates[name] else { continue }
                renderIndented(indentation) { $0.render(template.nodes) }
            case .parent(let name, let blocks, let indentation):
                guard let template = templates[name] else { continue }
                let saved = overrides
                overrides.merge(blocks) { outer, _ in outer }
                renderIndented(indentation) { $0.render(template.nodes) }
                overrides = saved
            case .block(let name, let defaultNodes):
                render(overrides[name] ?? defaultNodes)
            }
        }
    }

    private mutating func renderSection(_ nodes: [TemplateNode], for value: TemplateValue?) {
        switch value {
        case nil, .flag(false)?:
            return
        case .flag(true)?:
            render(nodes)
        case .list(let elements)?:
            for element in elements {
                stack.append(element)
                render(nodes)
                stack.removeLast()
            }
        case let value?:
            stack.append(value)
            render(nodes)
            stack.removeLast()
        }
    }

    /// Renders with every line that `body` writes starting with `indentation`.
    private mutating func renderIndented(_ indentation: [UInt8], _ body: (inout TemplateRenderer) -> Void) {
        guard !indentation.isEmpty else { return body(&self) }
        let start = output.count
        let holesBefore = holes.count
        body(&self)
        if holes.count > holesBefore { holeIndented = true }
        var indented: [UInt8] = []
        var atLineStart = true
        for byte in output[start...] {
            if atLineStart { indented.append(contentsOf: indentation) }
            indented.append(byte)
            atLineStart = byte == UInt8(ascii: "\n")
        }
        output.replaceSubrange(start..., with: indented)
    }

    private func lookUp(_ name: TemplateName) -> TemplateValue? {
        guard let first = name.path.first else { return stack.last }
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
        for part in name.path.dropFirst() {
            found = found?.field(part)
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
