import Mustache

/// A template set (the site's visual skin): Mustache templates for the pages
/// and assets such as the style sheet, read from folders at build time so they
/// can be edited without recompiling.
public struct TemplateSet: Sendable {
    /// The templates, by name (the path under `templates/` without `.mustache`).
    let library: MustacheLibrary
    /// The names of the templates present.
    public let templateNames: Set<String>
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
                switch TextDecoding.decode(file.bytes) {
                case .success(let text):
                    sources[String(file.relativePath.dropLast(".mustache".count))] = (text, file.displayPath)
                case .failure:
                    diagnostics.append(Diagnostic(.invalidUTF8, at: SourceLocation(file: file.displayPath)))
                }
            }
            let (assetFiles, assetProblems) = ContentLoader.listFiles(in: directory + "/assets", displayPrefix: display + "/assets")
            diagnostics += assetProblems
            for file in assetFiles {
                assets[file.relativePath] = OutputFile(path: "assets/" + file.relativePath, bytes: file.bytes)
            }
        }
        var library = MustacheLibrary()
        let names = Set(sources.keys)
        for (name, source) in sources.sorted(by: { $0.key < $1.key }) {
            diagnostics += TemplateCheck.check(source.text, file: source.display, templates: names)
            do {
                library.register(try MustacheTemplate(string: source.text), named: name)
            } catch let error as MustacheTemplate.ParserError {
                let location = SourceLocation(file: source.display, line: error.context.lineNumber,
                                              column: error.context.columnNumber)
                diagnostics.append(Diagnostic(.templateSyntax(problem: describe(error.error)), at: location))
            } catch {
                diagnostics.append(Diagnostic(.templateSyntax(problem: "\(error)"), at: SourceLocation(file: source.display)))
            }
        }
        let display = displayPaths.last ?? ""
        for name in required where sources[name] == nil {
            diagnostics.append(Diagnostic(.missingTemplate(name: name + ".mustache"),
                                          at: SourceLocation(file: display + "/templates")))
        }
        guard !diagnostics.hasErrors else { return (nil, diagnostics) }
        let set = TemplateSet(library: library, templateNames: names,
                              assets: assets.values.sorted { $0.path < $1.path }, sources: sources.mapValues(\.text))
        return (set, diagnostics)
    }

    /// Renders the template `name` with `context`.
    func render(_ name: String, _ context: [String: Any]) -> String {
        library.render(context, withTemplate: name) ?? ""
    }

    private static func describe(_ error: Error) -> String {
        // The only other error the Mustache parser raises is running out of
        // text, which happens when a tag is left open at the end.
        guard let error = error as? MustacheTemplate.Error else { return "a tag is not finished with }}" }
        switch error {
        case .sectionCloseNameIncorrect: return "a closing tag does not match the section it closes"
        case .unfinishedName: return "a tag is not finished with }}"
        case .expectedSectionEnd: return "a section is never closed"
        case .invalidSetDelimiter: return "a set-delimiter tag is badly formed"
        case .transformAppliedToInheritanceSection: return "a transform is applied to an inherited section"
        case .illegalTokenInsideInheritSection: return "only block overrides may appear inside an inherited template"
        case .textInsideInheritSection: return "only block overrides may appear inside an inherited template"
        case .invalidConfigVariableSyntax: return "a configuration tag is badly formed"
        case .unrecognisedConfigVariable: return "a configuration tag is not recognised"
        }
    }
}
