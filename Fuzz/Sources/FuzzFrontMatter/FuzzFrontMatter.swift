@_spi(Fuzzing) import Compendium
import FuzzSupport

// One document's bytes through the parse and model stages: decoding (BOM,
// UTF-16, invalid UTF-8, CRLF), front-matter splitting, YAML reading (Yams and
// libyaml) and every kind's typed fields, then the diagnostics in every format.
// The simple YAML reader must read the text and its front matter as libyaml
// does wherever it does not give up.
//
// Input: the file's bytes, read as content/meetings/x.md. A first byte from
// 0x00 to 0x08 is taken off and chooses another folder instead: each kind's,
// and one that is no kind's (the parser must then give nothing).

private let folders = Kind.allCases.map(\.folder) + ["elsewhere"]
private let pillars = ["professional-practice", "facilitation-of-learning", "leadership"]

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzFrontMatter(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    var bytes = Fuzz.bytes(data, size)
    var folder = "meetings"
    if let first = bytes.first, first < UInt8(folders.count) {
        folder = folders[Int(first)]
        bytes.removeFirst()
    }
    let text = String(decoding: bytes, as: UTF8.self)
    Fuzz.require(SimpleYAMLCheck.agreesWithLibyaml(text), "the simple YAML reader and libyaml differ on \(Fuzz.quote(text))")
    let relativePath = folder + "/x.md"
    let source = SourceFile(relativePath: relativePath, displayPath: "content/" + relativePath, bytes: bytes)
    let (parsed, parseProblems) = DocumentParser.parse(source)
    if source.kind == nil {
        Fuzz.require(parsed == nil && parseProblems.isEmpty, "a file outside the kind folders was parsed")
        return 0
    }
    Fuzz.require((parsed == nil) == parseProblems.hasErrors,
                 "parse gave \(parsed == nil ? "no document" : "a document") with diagnostics \(parseProblems)")
    var diagnostics = parseProblems
    if let parsed {
        Fuzz.require(parsed.kind == source.kind, "parsed kind \(parsed.kind) for folder \(folder)")
        Fuzz.require(parsed.bodyFirstLine >= 2, "body starts on line \(parsed.bodyFirstLine)")
        let (document, modelProblems) = DocumentModeller.model(parsed, pillars: pillars)
        diagnostics += modelProblems
        if let document {
            Fuzz.require(Slug.isValid(document.slug), "document slug \(Fuzz.quote(document.slug)) is not valid")
            Fuzz.require(document.kind == parsed.kind, "modelled kind differs")
            Fuzz.require(document.bodyFirstLine == parsed.bodyFirstLine, "modelled body starts on another line")
        } else {
            Fuzz.require(modelProblems.hasErrors, "model gave no document and no error")
        }
    }
    for diagnostic in diagnostics {
        Fuzz.require(diagnostic.location.line >= 1 && diagnostic.location.column >= 1,
                     "diagnostic at \(diagnostic.location): \(diagnostic.reason.message)")
    }
    // Every output format, with the source lines under the human one.
    let report = DiagnosticReport(diagnostics: diagnostics.sorted())
    _ = HumanFormat(colour: true, source: { _ in text }).render(report)
    _ = GitHubFormat.render(report)
    _ = JSONFormat.render(report)
    return 0
}
