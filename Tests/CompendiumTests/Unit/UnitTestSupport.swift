@testable import Compendium
import Foundation
import Testing

/// Helpers shared by the unit tests of the pipeline's stages.
enum Unit {
    /// A source file in the content folder, shown in messages as `content/<relativePath>`.
    static func source(_ relativePath: String, _ text: String) -> SourceFile {
        SourceFile(relativePath: relativePath, displayPath: "content/" + relativePath, bytes: Array(text.utf8))
    }

    /// Parses a document written as text.
    static func parse(_ relativePath: String, _ text: String) -> (ParsedDocument?, [Diagnostic]) {
        DocumentParser.parse(source(relativePath, text))
    }

    /// Parses then models a document written as text. Parse problems are returned as they are.
    static func model(_ relativePath: String, _ text: String, pillars: [String] = []) -> (Document?, [Diagnostic]) {
        let (parsed, problems) = parse(relativePath, text)
        guard let parsed else { return (nil, problems) }
        let (document, modelProblems) = DocumentModeller.model(parsed, pillars: pillars)
        return (document, problems + modelProblems)
    }

    /// A document that must model without any diagnostic.
    static func document(_ relativePath: String, _ text: String, pillars: [String] = [],
                         sourceLocation: Testing.SourceLocation = #_sourceLocation) throws -> Document {
        let (document, diagnostics) = model(relativePath, text, pillars: pillars)
        #expect(diagnostics == [], "\(relativePath)", sourceLocation: sourceLocation)
        return try #require(document, sourceLocation: sourceLocation)
    }

    /// Each file checked as a build checks it, for the documents that check gives.
    static func checked(_ sources: [SourceFile], pillars: [String] = []) -> [CheckedDocument] {
        let check = FileCheck(limits: .standard, pillars: pillars, lint: nil)
        return sources.compactMap { source in
            let checked = check.check(source, times: StageTimes())
            guard let document = checked.document, let text = checked.text else { return nil }
            return CheckedDocument(document: document, text: text, survey: nil)
        }
    }

    /// Indexes `documents` as a build does.
    static func index(_ documents: [CheckedDocument], drafts: Set<String> = [], attachments: [SourceFile] = [],
                      configuration: SiteConfiguration = configuration) -> (IndexedSite, [Diagnostic]) {
        let outcome = Indexer.index(documents, drafts: drafts, attachments: attachments, configuration: configuration,
                                    surveyor: BodySurveyor(watch: nil, times: StageTimes()))
        return (outcome.site, outcome.diagnostics)
    }

    /// Front matter between `---` lines, then an optional body.
    static func text(_ frontMatter: String, body: String = "") -> String {
        "---\n" + frontMatter + (frontMatter.hasSuffix("\n") || frontMatter.isEmpty ? "" : "\n") + "---\n" + body
    }

    /// A diagnostic at `file:line:column`.
    static func diagnostic(_ reason: DiagnosticReason, _ file: String, _ line: Int = 1, _ column: Int = 1) -> Diagnostic {
        Diagnostic(reason, at: Compendium.SourceLocation(file: file, line: line, column: column))
    }

    /// The minimal site configuration.
    static let configuration = SiteConfiguration(title: "Test compendium", description: "For tests.")
}

/// A folder under the system's temporary folder, with a unique name, removed by `remove()`.
struct ScratchFolder {
    let path: String

    init(_ label: String = #function) throws {
        let name = "compendium-unit-\(label.filter { $0.isLetter || $0.isNumber })-\(UUID().uuidString)"
        path = FileManager.default.temporaryDirectory.appendingPathComponent(name).path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    /// Runs `body` with a fresh folder, then removes it, whatever happens.
    static func with<T>(_ label: String = #function, _ body: (ScratchFolder) throws -> T) throws -> T {
        let folder = try ScratchFolder(label)
        defer { folder.remove() }
        return try body(folder)
    }

    func remove() {
        try? FileManager.default.removeItem(atPath: path)
    }

    /// The absolute path of `relative` inside the folder.
    func at(_ relative: String) -> String {
        relative.isEmpty ? path : path + "/" + relative
    }

    /// Writes `bytes` at `relative`, creating the folders on the way.
    func write(_ relative: String, bytes: [UInt8]) throws {
        let full = at(relative)
        let parent = (full as NSString).deletingLastPathComponent
        try FileManager.default.createDirectory(atPath: parent, withIntermediateDirectories: true)
        guard FileManager.default.createFile(atPath: full, contents: Data(bytes)) else {
            throw CocoaError(.fileWriteUnknown)
        }
    }

    /// Writes `text` as UTF-8 at `relative`.
    func write(_ relative: String, _ text: String) throws {
        try write(relative, bytes: Array(text.utf8))
    }

    /// Creates the folder `relative` and its parents.
    func makeFolder(_ relative: String) throws {
        try FileManager.default.createDirectory(atPath: at(relative), withIntermediateDirectories: true)
    }

    /// Creates a symbolic link at `relative` pointing to `destination`.
    func link(_ relative: String, to destination: String) throws {
        let parent = (at(relative) as NSString).deletingLastPathComponent
        try FileManager.default.createDirectory(atPath: parent, withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: at(relative), withDestinationPath: destination)
    }

    /// The text of the file at `relative`, or `nil`.
    func read(_ relative: String) -> String? {
        FileManager.default.contents(atPath: at(relative)).map { String(decoding: $0, as: UTF8.self) }
    }

    /// The names directly inside `relative`, sorted.
    func names(_ relative: String = "") -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: at(relative))) ?? []).sorted()
    }

    /// Every regular file below `relative`, as paths relative to it, sorted.
    func files(under relative: String) -> [String] {
        let root = at(relative)
        guard let enumerator = FileManager.default.enumerator(atPath: root) else { return [] }
        var found: [String] = []
        while let item = enumerator.nextObject() as? String {
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: root + "/" + item, isDirectory: &isDirectory), !isDirectory.boolValue {
                found.append(item)
            }
        }
        return found.sorted()
    }
}
