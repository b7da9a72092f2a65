/// A parsed Mustache template: text and tags as a tree, ready to render
/// many times.
struct Template: Sendable {
    let nodes: [TemplateNode]
    /// Every tag, in order, for checking the names a template uses.
    let tags: [TemplateTag]
}

/// One piece of a parsed template.
indirect enum TemplateNode: Sendable {
    /// Text copied to the output as it is.
    case text([UInt8])
    /// `{{name}}` (escaped) or `{{{name}}}` / `{{&name}}` (as it is).
    case value(TemplateName, escaped: Bool)
    /// `{{#name}}…{{/name}}`, or with `inverted`, `{{^name}}…{{/name}}`.
    case section(TemplateName, [TemplateNode], inverted: Bool)
    /// `{{>name}}`: another template, each line indented by `indentation`.
    case partial(String, indentation: [UInt8])
    /// `{{<name}}…{{/name}}`: another template with some of its blocks replaced.
    case parent(String, overrides: [String: [TemplateNode]], indentation: [UInt8])
    /// `{{$name}}…{{/name}}`: a block a child template may replace, with its default content.
    case block(String, [TemplateNode])
}

/// The name in a tag: `.` (the current value), `title`, `site.title`, or
/// `.title` (looked up in the current value only).
struct TemplateName: Sendable, Hashable {
    /// The names to follow in turn; empty for `.`.
    let path: [String]
    /// Whether the first name is looked up in the current value only,
    /// instead of in each enclosing value from the innermost out.
    let anchored: Bool

    init(_ text: String) {
        anchored = text.hasPrefix(".")
        path = text.split(separator: ".").map(String.init)
    }
}

/// A tag as written, with its position, for checks and messages.
struct TemplateTag: Sendable, Hashable {
    /// The character after the braces that says what the tag is (`#`, `^`,
    /// `/`, `>`, `<`, `$`, `&`, `!`), or `nil` for a plain value.
    let sigil: UInt8?
    /// The name, without spaces.
    let name: String
    /// Where the opening braces are, from 1.
    let line: Int
    let column: Int
}
