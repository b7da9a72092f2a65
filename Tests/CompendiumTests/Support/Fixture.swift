import Compendium
import Foundation

/// Paths inside the repository, found from this file's location.
enum Repository {
    /// The repository's root folder.
    static let root: String = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<4 { url.deleteLastPathComponent() }
        return url.path
    }()

    /// The default template set.
    static var defaultTemplates: String { root + "/themes/default" }

    /// The folder of fixture projects.
    static var fixtures: String { root + "/Tests/CompendiumTests/Fixtures" }
}

/// A fixture project under `Tests/CompendiumTests/Fixtures/<name>`, built in memory.
struct Fixture: CustomStringConvertible, Sendable {
    let name: String

    var description: String { name }
    var directory: String { Repository.fixtures + "/" + name }
    var expectedSite: String { directory + "/expected-site" }
    var expectedDiagnostics: String { directory + "/expected-diagnostics.txt" }

    /// Every fixture, by folder name.
    static var all: [Fixture] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: Repository.fixtures)) ?? []
        return names.filter { !$0.hasPrefix(".") }.sorted().map(Fixture.init)
    }

    /// The result of building the fixture with the default template set.
    struct Build {
        /// Site files by path (template assets left out), or `nil` when the build had errors.
        let files: [String: [UInt8]]?
        /// Every diagnostic as the command line prints them.
        let report: String
    }

    /// The human format, showing source lines read from the fixture.
    var format: HumanFormat {
        let directory = self.directory
        return HumanFormat { file in
            FileManager.default.contents(atPath: directory + "/" + file).map { String(decoding: $0, as: UTF8.self) }
        }
    }

    /// The fixture's project with the default template set, or `nil`, and the problems loading it found.
    func load() -> (project: Project?, problems: [Diagnostic]) {
        let paths = ProjectPaths(content: "content", templates: [Repository.defaultTemplates], configuration: "compendium.yml")
        return Project.load(paths, in: directory)
    }

    func build(options: BuildOptions = BuildOptions()) -> Build {
        let (project, loadProblems) = load()
        guard let project else {
            return Build(files: nil, report: format.render(DiagnosticReport(diagnostics: loadProblems)))
        }
        let result = SiteBuilder.build(content: project.content, configuration: project.configuration,
                                       templates: project.templates, consent: project.consent, options: options)
        let diagnostics = (loadProblems + result.diagnostics).sorted()
        let files = result.files.map { files in
            Dictionary(uniqueKeysWithValues: files.filter { !$0.path.hasPrefix("assets/") }.map { ($0.path, $0.bytes) })
        }
        return Build(files: files,
                     report: format.render(DiagnosticReport(diagnostics: diagnostics, allowances: result.allowances)))
    }
}
