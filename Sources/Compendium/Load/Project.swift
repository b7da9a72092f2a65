/// Where a project's parts are on disk.
public struct ProjectPaths: Sendable, Hashable {
    /// The content folder.
    public var content: String
    /// The template set's folders (the visual skin): later folders override
    /// files of the same path in earlier ones.
    public var templates: [String]
    /// The site configuration file.
    public var configuration: String
    /// The consent register; a missing file is an empty register.
    public var consent: String

    /// Creates paths.
    public init(content: String = "content", templates: [String] = ["themes/default"],
                configuration: String = "compendium.yml", consent: String = "consent.yml") {
        self.content = content
        self.templates = templates
        self.configuration = configuration
        self.consent = consent
    }

    /// Where `path`, one of these paths, is on disk when they are relative to `directory`.
    public static func onDisk(_ path: String, in directory: String) -> String {
        path.hasPrefix("/") || directory == "." ? path : directory + "/" + path
    }

    /// The content folder and the template sets' folders as they are on disk
    /// (relative to `directory`), each with every folder below it, in path
    /// order; symbolic links are not followed and hidden folders not entered,
    /// as when the project is read.
    public func folders(in directory: String) -> [String] {
        var found: [String] = []
        for root in [content] + templates {
            let top = Self.onDisk(root, in: directory)
            guard FileSystem.entryType(top) == .directory else { continue }
            var queue = [top]
            while let folder = queue.popLast() {
                found.append(folder)
                let entries = (try? FileSystem.entries(in: folder)) ?? []
                for entry in entries.reversed() where !entry.name.hasPrefix(".") {
                    let path = folder + "/" + entry.name
                    if (entry.type ?? FileSystem.entryType(path)) == .directory { queue.append(path) }
                }
            }
        }
        return found
    }
}

/// A project read from disk: configuration, content and template set.
public struct Project: Sendable {
    public let configuration: SiteConfiguration
    public let content: ContentFiles
    public let templates: TemplateSet
    public let consent: ConsentRegistry

    /// Reads every part of a project. Relative paths are read from
    /// `directory` but shown in messages as given. Returns `nil` with the
    /// diagnostics when the configuration or the template set cannot be used;
    /// problems with individual content files are returned alongside the project.
    ///
    /// The content files are only listed: each is read from disk when it is
    /// needed, so no more than a few are held at once.
    public static func load(_ paths: ProjectPaths, in directory: String = ".") -> (Project?, [Diagnostic]) {
        load(paths, in: directory) { ContentLoader.load(directory: $0, displayPrefix: paths.content) }
    }

    /// Reads a project, holding its content files in memory and reading again
    /// only those whose stamps differ from `snapshot`'s.
    static func load(_ paths: ProjectPaths, in directory: String, snapshot: inout ContentSnapshot) -> (Project?, [Diagnostic]) {
        load(paths, in: directory) { ContentLoader.load(directory: $0, displayPrefix: paths.content, snapshot: &snapshot) }
    }

    private static func load(_ paths: ProjectPaths, in directory: String,
                             content loadContent: (String) -> (ContentFiles, [Diagnostic])) -> (Project?, [Diagnostic]) {
        func onDisk(_ path: String) -> String { ProjectPaths.onDisk(path, in: directory) }
        var diagnostics: [Diagnostic] = []
        var configuration: SiteConfiguration?
        do {
            let bytes = try FileSystem.read(onDisk(paths.configuration))
            let (read, problems) = SiteConfiguration.read(bytes, file: paths.configuration)
            configuration = read
            diagnostics += problems
        } catch {
            diagnostics.append(Diagnostic(.unreadable(detail: "\(error)"), at: SourceLocation(file: paths.configuration)))
        }
        let (content, contentProblems) = loadContent(onDisk(paths.content))
        diagnostics += contentProblems
        let (templates, templateProblems) = TemplateSet.load(
            from: paths.templates.map(onDisk), displayPaths: paths.templates, required: SiteRenderer.requiredTemplates)
        diagnostics += templateProblems
        var consent = ConsentRegistry.empty
        if FileSystem.entryType(onDisk(paths.consent)) != nil {
            do {
                let (read, problems) = ConsentRegistry.read(try FileSystem.read(onDisk(paths.consent)), file: paths.consent)
                consent = read ?? .empty
                diagnostics += problems
            } catch {
                diagnostics.append(Diagnostic(.unreadable(detail: "\(error)"), at: SourceLocation(file: paths.consent)))
            }
        }
        guard let configuration, let templates else { return (nil, diagnostics) }
        return (Project(configuration: configuration, content: content, templates: templates, consent: consent), diagnostics)
    }
}
