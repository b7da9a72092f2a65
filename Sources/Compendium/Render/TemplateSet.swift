/// A template set (the site's visual skin): Mustache templates for the pages
/// and assets such as the style sheet, read from folders at build time so they
/// can be edited without recompiling.
public struct TemplateSet: Sendable {
    /// The templates, by name (the path under `templates/` without `.mustache`).
    let templates: [String: Template]
    /// The templates compiled for rendering.
    let program: TemplateProgram
    /// The names of the templates present.
    public var templateNames: Set<String> { Set(templates.keys) }
    /// Files under `assets/`, published under `assets/`.
    public let assets: [OutputFile]
    /// The template sources by name: two sets with equal sources render alike.
    let sources: [String: String]

    /// The name of an optional style sheet in `assets/`, linked after the
    /// default one, for a site's own rules.
    public static let customStylesheet = "custom.css"

    /// Whether the set has a custom style sheet.
    var hasCustomStylesheet: Bool { assets.contains { $0.path == "assets/" + TemplateSet.customStylesheet } }

    /// Reads template sets from `directories`, in order: a file in a later
    /// folder replaces the file with the same path in an earlier one, so a
    /// site can override one template or the style sheet without copying the
    /// rest. `required` lists templates that must exist.
    public static func load(from directories: [String], displayPaths: [String], required: [String])
        -> (TemplateSet?, [Diagnostic]) {
        var sources: [String: (text: String, display: String)] = [:]
        var assets: [String: OutputFile] = [:]
        var diagnostics: [Diagnostic] = []
        for (directory, display) in zip(directories, displayPaths) {
            let (templateFiles, templateProblems) = ContentLoader.listFiles(in: directory + "/templates",
                                                                            displayPrefix: display + "/templates")
            diagnostics += templateProblems
            for file in templateFiles where file.relativePath.hasSuffix(".mustache") {
                switch TextDecoding.decode(file.heldBytes ?? []) {
                case .success(let text):
                    sources[String(file.relativePath.dropLast(".mustache".count))] = (text, file.displayPath)
                case .failure:
                    diagnostics.append(Diagnostic(.invalidUTF8, at: SourceLocation(file: file.displayPath)))
                }
            }
            let (assetFiles, assetProblems) = ContentLoader.listFiles(in: directory + "/assets", displayPrefix: display + "/assets")
            diagnostics += assetProblems
            for file in assetFiles {
                assets[file.relativePath] = OutputFile(path: "assets/" + file.relativePath, bytes: file.heldBytes ?? [])
            }
        }
        var templates: [String: Template] = [:]
        let names = Set(sources.keys)
        for (name, source) in sources.sorted(by: { $0.key < $1.key }) {
            switch TemplateParser.parse(source.text) {
            case .success(let template):
                diagnostics += TemplateCheck.check(template, file: source.display, templates: names)
                templates[name] = template
            case .failure(let error):
                let location = SourceLocation(file: source.display, line: error.line, column: error.column)
                diagnostics.append(Diagnostic(.templateSyntax(problem: describe(error.problem)), at: location))
            }
        }
        let display = displayPaths.last ?? ""
        for name in required where sources[name] == nil {
            diagnostics.append(Diagnostic(.missingTemplate(name: name + ".mustache"),
                                          at: SourceLocation(file: display + "/templates")))
        }
        guard !diagnostics.hasErrors else { return (nil, diagnostics) }
        let set = TemplateSet(templates: templates, program: TemplateProgram(templates: templates),
                              assets: assets.values.sorted { $0.path < $1.path }, sources: sources.mapValues(\.text))
        return (set, diagnostics)
    }

    /// Renders the template `name` with `context`.
    func render(_ name: String, _ context: TemplateRecord) -> [UInt8] {
        TemplateRenderer.render(name, context: context, program: program)
    }

    /// Renders the template `name` with `context`, writing the bytes `fill`
    /// appends for each hole's number where the hole is rendered, as text there would be.
    func render(_ name: String, _ context: TemplateRecord, filling fill: (Int, inout [UInt8]) -> Void) -> [UInt8] {
        TemplateRenderer.render(name, context: context, program: program, filling: fill)
    }

    /// Renders the template `name` with `context`, which holds holes: the
    /// bytes and where each hole is, or `nil` holes when the template set
    /// puts one where bytes filled in later would come out differently.
    func renderWithHoles(_ name: String, _ context: TemplateRecord) -> (bytes: [UInt8], holes: [TemplateHole]?) {
        TemplateRenderer.renderWithHoles(name, context: context, program: program)
    }

    private static func describe(_ problem: TemplateSyntaxError.Problem) -> String {
        switch problem {
        case .unfinishedTag(let closing): return "a tag is not finished with \(closing)"
        case .closingTagMismatch: return "a closing tag does not match the section it closes"
        case .neverClosed: return "a section is never closed"
        case .noName: return "a tag has no name"
        case .invalidName(let name):
            return "'\(name)' is not a name: use letters, digits, '_' and '-', with '.' between names"
        case .unsupportedTag(let sigil): return "tags starting {{\(sigil) are not supported"
        case .contentInsideParent: return "only block overrides may appear inside an inherited template"
        }
    }
}
