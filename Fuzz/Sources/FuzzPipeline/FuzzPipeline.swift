import Compendium
import FuzzSupport
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

// The whole document pipeline in memory: parse, model, privacy lint, index,
// Markdown and render, as `compendium build` runs them, then the diagnostics
// in every format (and, when asked, the pull-request report).
//
// Input: files separated by header lines that start with `%%% `:
//
//     %%% themes/supervision.md
//     ---
//     title: Supervision
//     ---
//     %%% meetings/2025-11-21.md
//     ---
//     …
//
// A header names the file (inside the content folder) when it is a path a
// content folder could hold: under a kind's folder (`.md` is added when
// missing) or under `files/` (an attachment). `%%% compendium.yml` and
// `%%% consent.yml` give the site configuration and the consent register
// (read as the command reads them); without them the configuration is
// `SiteConfiguration(title:description:)` and the register is empty.
// Otherwise, and for text before the first header, the document is named
// `<folder>/doc<n>.md` with the folder chosen by the header's first byte.
// At most `maximumFiles` files.
//
// A first byte from 0x01 to 0x1F (but not tab, line feed or carriage return)
// is taken off and sets options:
//   0x01 include drafts   0x02 no privacy lint   0x04 file links
//   0x08 a base URL       0x10 also check, and write the pull-request report

private let folders = Kind.allCases.map(\.folder)
private let maximumFiles = 16
private let header: [UInt8] = Array("%%% ".utf8)

nonisolated(unsafe) private var templates: TemplateSet!
private let plainConfiguration = SiteConfiguration(title: "Fuzz compendium", description: "Fuzzing the pipeline.")

/// The repository: `COMPENDIUM_ROOT`, or where this file was compiled.
private func repositoryRoot() -> String {
    if let root = getenv("COMPENDIUM_ROOT") { return String(cString: root) }
    var parts = "\(#filePath)".split(separator: "/", omittingEmptySubsequences: false)
    parts.removeLast(4) // Fuzz/Sources/FuzzPipeline/FuzzPipeline.swift
    return parts.joined(separator: "/")
}

private func fail(_ message: String) -> Never {
    Fuzz.printError("FuzzPipeline set-up failed: \(message)\n")
    exit(2)
}

@_cdecl("LLVMFuzzerInitialize")
public func initialize(_ argc: UnsafeMutablePointer<Int32>,
                       _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>) -> Int32 {
    let root = repositoryRoot()
    let (set, problems) = TemplateSet.load(from: [root + "/themes/default"], displayPaths: ["themes/default"],
                                           required: SiteRenderer.requiredTemplates)
    guard let set else {
        let messages = problems.prefix(3).map { "\($0.location): \($0.reason.message)" }.joined(separator: "; ")
        fail("the default templates in \(root)/themes/default (set COMPENDIUM_ROOT to the repository): \(messages)")
    }
    templates = set

    return 0
}

/// Whether `path` is one a content folder on disk could hold.
private func isPlausible(_ path: String) -> Bool {
    let parts = path.split(separator: "/", omittingEmptySubsequences: false)
    return parts.count >= 2 && parts.allSatisfy { part in
        !part.isEmpty && !part.hasPrefix(".") && !part.utf8.contains(0) && !part.contains("\u{FFFD}")
    }
}

/// What the input holds.
private struct Input {
    var content = ContentFiles(documents: [])
    var configuration: [UInt8]?
    var consent: [UInt8]?
}

/// Splits the input into content files and settings.
private func split(_ input: ArraySlice<UInt8>) -> Input {
    // Segments: (header bytes or nil, body bytes).
    var segments: [(ArraySlice<UInt8>?, ArraySlice<UInt8>)] = []
    var rest = input
    var currentHeader: ArraySlice<UInt8>? = nil
    if rest.starts(with: header) {
        let end = rest.firstIndex(of: 0x0A) ?? rest.endIndex
        currentHeader = rest[(rest.startIndex + header.count)..<end]
        rest = end < rest.endIndex ? rest[(end + 1)...] : rest[end...]
    }
    while true {
        var boundary: Int? = nil
        if segments.count + 1 < maximumFiles {
            var index = rest.startIndex
            while index + header.count < rest.endIndex {
                if rest[index] == 0x0A && rest[(index + 1)...].starts(with: header) { boundary = index; break }
                index += 1
            }
        }
        guard let boundary else {
            segments.append((currentHeader, rest))
            break
        }
        segments.append((currentHeader, rest[..<(boundary + 1)]))
        let headerStart = boundary + 1 + header.count
        let end = rest[headerStart...].firstIndex(of: 0x0A) ?? rest.endIndex
        currentHeader = rest[headerStart..<end]
        rest = end < rest.endIndex ? rest[(end + 1)...] : rest[end...]
    }

    var result = Input()
    var documents: [String: SourceFile] = [:]
    var attachments: [String: SourceFile] = [:]
    for (number, (headerBytes, body)) in segments.enumerated() {
        var path = headerBytes.map { String(decoding: $0, as: UTF8.self) } ?? ""
        if path == "compendium.yml" && result.configuration == nil {
            result.configuration = Array(body)
            continue
        }
        if path == "consent.yml" && result.consent == nil {
            result.consent = Array(body)
            continue
        }
        let folder = path.split(separator: "/").first.map(String.init) ?? ""
        if isPlausible(path) && folder == "files" {
            if attachments[path] == nil {
                attachments[path] = SourceFile(relativePath: path, displayPath: "content/" + path, bytes: Array(body))
            }
            continue
        }
        if !(isPlausible(path) && folders.contains(folder)) {
            let choice = headerBytes?.first.map(Int.init) ?? number
            path = "\(folders[choice % folders.count])/doc\(number).md"
        } else if !path.hasSuffix(".md") {
            path += ".md"
        }
        if documents[path] == nil {
            documents[path] = SourceFile(relativePath: path, displayPath: "content/" + path, bytes: Array(body))
        }
    }
    result.content = ContentFiles(documents: documents.values.sorted { $0.relativePath < $1.relativePath },
                                  attachments: attachments.values.sorted { $0.relativePath < $1.relativePath })
    return result
}

/// Content never becomes active markup: the only script elements are the
/// search page's two, and no address is a javascript: one.
private func checkInert(_ file: OutputFile) {
    guard !file.path.hasPrefix("assets/") && !file.path.hasPrefix("files/") else { return }
    let text = String(decoding: file.bytes, as: UTF8.self).lowercased()
    func count(_ needle: String) -> Int { text.components(separatedBy: needle).count - 1 }
    if file.path.hasSuffix(".html") {
        let scripts = file.path == "search/index.html" ? 2 : 0
        Fuzz.require(count("<script") == scripts && count("</script") == scripts,
                     "\(file.path) has \(count("<script")) script elements, expected \(scripts)")
    } else {
        Fuzz.require(count("</script") == 0, "\(file.path) could close a script element")
    }
    for attribute in ["href=\"javascript:", "src=\"javascript:", "href=\"vbscript:", "href='javascript:"] {
        Fuzz.require(!text.contains(attribute), "\(file.path) has \(attribute)")
    }
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzPipeline(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    var input = UnsafeBufferPointer(start: data, count: size)[...]
    var flags: UInt8 = 0
    if let first = input.first, first >= 0x01, first < 0x20, first != 0x09, first != 0x0A, first != 0x0D {
        flags = first
        input = input.dropFirst()
    }
    let parts = split(Array(input)[...])
    let content = parts.content
    var settingsProblems: [Diagnostic] = []
    var configuration = plainConfiguration
    if let bytes = parts.configuration {
        let (read, problems) = SiteConfiguration.read(bytes, file: "compendium.yml")
        settingsProblems += problems
        Fuzz.require(read != nil || problems.hasErrors, "no configuration and no error")
        if let read { configuration = read }
    }
    var registry = ConsentRegistry.empty
    if let bytes = parts.consent {
        let (read, problems) = ConsentRegistry.read(bytes, file: "consent.yml")
        settingsProblems += problems
        Fuzz.require(read != nil || problems.hasErrors, "no consent register and no error")
        if let read { registry = read }
    }
    let options = BuildOptions(includeDrafts: flags & 0x01 != 0,
                               baseURL: flags & 0x08 != 0 ? "https://example.org/compendium" : nil,
                               privacyLint: flags & 0x02 == 0,
                               linkStyle: flags & 0x04 != 0 ? .files : .directories)

    let result = SiteBuilder.build(content: content, configuration: configuration, templates: templates,
                                   consent: registry, options: options)
    Fuzz.require((result.files == nil) == result.diagnostics.hasErrors,
                 "files \(result.files == nil ? "withheld" : "given") with \(result.diagnostics.count) diagnostics")
    if let files = result.files {
        var paths = Set<String>()
        for file in files {
            let parts = file.path.split(separator: "/", omittingEmptySubsequences: false)
            Fuzz.require(!file.path.isEmpty && parts.allSatisfy { !$0.isEmpty && $0 != "." && $0 != ".." }
                         && !file.path.utf8.contains(0),
                         "output path \(Fuzz.quote(file.path)) could leave the output folder or is malformed")
            Fuzz.require(paths.insert(file.path).inserted, "two output files at \(Fuzz.quote(file.path))")
            checkInert(file)
        }
        Fuzz.require(paths.contains("index.html"), "no home page")
    }

    // Diagnostics as `check` prints them, with source lines.
    var sources: [String: String] = [:]
    for file in content.documents { sources[file.displayPath] = String(decoding: (try? file.read()) ?? [], as: UTF8.self) }
    let lookup = sources
    let report = DiagnosticReport(diagnostics: (settingsProblems + result.diagnostics).sorted(), allowances: result.allowances)
    _ = HumanFormat(colour: false, source: { lookup[$0] }).render(report)
    _ = GitHubFormat.render(report)
    _ = JSONFormat.render(report)
    if flags & 0x10 != 0 {
        let checked = SiteBuilder.check(content: content, configuration: configuration, consent: registry, options: options)
        Fuzz.require(checked.diagnostics == result.diagnostics, "check and build disagree on the diagnostics")
        _ = PullRequestReport(head: checked, base: nil).markdown
    }
    return 0
}
