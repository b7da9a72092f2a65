@testable import Compendium
import Foundation
import Testing

// The simple YAML reader against libyaml: wherever it reads a text, it must
// give what libyaml gives, positions included; and it must read the shapes
// real front matter has, or it saves nothing.

@Suite struct SimpleYAMLReaderTests {
    /// What the simple reader makes of `yaml`: `nil` when it leaves the text to libyaml.
    private func simple(_ yaml: String, firstLine: Int = 2) -> YAMLNode?? {
        var text = yaml
        return text.withUTF8 { SimpleYAMLReader.read($0, lineOffset: firstLine - 1) }
    }

    /// Expects the simple reader either to leave `yaml` to libyaml or to read it as libyaml does;
    /// returns whether it read it.
    @discardableResult
    private func agrees(_ yaml: String, firstLine: Int = 2, sourceLocation: Testing.SourceLocation = #_sourceLocation) -> Bool {
        guard let read = simple(yaml, firstLine: firstLine) else { return false }
        let expected = YAMLReader.parseWithLibyaml(yaml, firstLine: firstLine)
        #expect(Result<YAMLNode?, YAMLReader.Failure>.success(read) == expected, "\(yaml.debugDescription)",
                sourceLocation: sourceLocation)
        return true
    }

    /// The front matter of every document and every YAML file in the real content and the fixtures.
    static let samples: [(text: String, firstLine: Int)] = {
        var samples: [(String, Int)] = []
        for folder in [Repository.root + "/content", Repository.fixtures, Repository.root] {
            let walk = FileManager.default.enumerator(atPath: folder)
            while let path = walk?.nextObject() as? String {
                if folder == Repository.root && path.contains("/") { continue }
                guard let text = try? String(contentsOfFile: folder + "/" + path, encoding: .utf8) else { continue }
                if path.hasSuffix(".yml") {
                    samples.append((text, 1))
                } else if path.hasSuffix(".md"), case .success(let split) = FrontMatterSplit.split(text) {
                    samples.append((split.yaml, split.yamlFirstLine))
                }
            }
        }
        return samples.sorted { $0.0 < $1.0 }
    }()

    @Test func readsNearlyAllRealFrontMatterAsLibyamlDoes() {
        let content = Self.samples.filter { sample in !sample.text.utf8.contains(UInt8(ascii: "#")) }
        #expect(content.count > 100)
        let read = content.filter { sample in agrees(sample.text, firstLine: sample.firstLine) }
        #expect(Double(read.count) >= 0.9 * Double(content.count), "read \(read.count) of \(content.count) \(content.filter { simple($0.text) == nil }.map(\.text).prefix(5))")
    }

    @Test func agreesWithLibyamlOnEverySample() {
        for sample in Self.samples { agrees(sample.text, firstLine: sample.firstLine) }
    }

    @Test func readsTheCommonShapes() {
        let shapes = [
            "title: Supervision\ndate: 2025-11-21\n",
            "title: \"Peer support: a review\"\nsummary: \"\"\n",
            "themes: [workforce, \"lived experience\"]\ntopics: []\n",
            "presenters:\n  - name: Ann Example\n    role: Peer Support Worker\n  - name: Bo\n",
            "presenters:\n- name: Ann\n  role: Lead\ntitle: T\n",
            "links:\n  - https://example.org/a\n  - \"quoted\"\nnested:\n  inner: value\n  deeper:\n    leaf: x\n",
            "title: Café – “Wellbeing”, and more's the pity\nlink: https://example.org/a?b=c\n",
            "title: Issue#3 & more! *really* | > % @ `x` a-b\nsummary: \"say \\\"hi\\\" \\\\ # bye\"\n",
            "themes: [\"#1\", a&b, \"c, d\", e'f]\n",
            "   \n\ntitle:   spaced   \n\n",
            "",
            "\n  \n",
        ]
        for yaml in shapes { #expect(agrees(yaml), "\(yaml.debugDescription)") }
    }

    @Test func leavesEverythingElseToLibyaml() {
        let others = [
            "title: A # comment\n", "# comment\ntitle: A\n", "title: \"A\" # comment\n", "themes: [a #b]\n",
            "title: 'single'\n", "title: \"new\\nline\"\n", "title: \"end\\\"\n", "title: back\\slash\n", "title:\tTab\n",
            "title: A\r\nb: c\n", "summary: |\n  block\n", "summary: >\n  folded\n", "a: &x 1\nb: *x\n",
            "a: !!str 1\n", "a: {b: c}\n", "title: A\ntitle: B\n", "summary:\n", "summary:\ntitle: T\n",
            "title: two\n  lines\n", "title: \"two\n  lines\"\n", "themes: [a,\n  b]\n", "themes: [a, b,]\n",
            "themes: [a: b]\n", "themes: [[a]]\n", "title: a: b\n", "title: end:\n", "key:value\n",
            "- a\n- b\n", "  title: indented\n", "\u{FEFF}title: A\n", "title: A\u{2028}B\n", "title: A\u{85}B\n",
            "? complex\n: key\n", "--- \ntitle: A\n", "title: -dash\n", "title: [a] b\n", "title: \"a\" b\n",
            "a:\n  - x\n  -\n", "a:\n  - x\n    y\n", "title: Tom [draft]\n",
            String(repeating: "a:\n ", count: 12) + "b: c\n",
        ]
        for yaml in others {
            #expect(simple(yaml) == nil, "\(yaml.debugDescription)")
            // Whatever libyaml makes of it, parsing gives the same.
            #expect(YAMLReader.parse(yaml, firstLine: 2) == YAMLReader.parseWithLibyaml(yaml, firstLine: 2))
        }
    }

    @Test func positionsCountCharactersAsLibyamlDoes() throws {
        let root = try #require(simple("title: “Día”\ntags: [ñ, \"é\", x]\n", firstLine: 5) ?? nil)
        guard case .mapping(let entries) = root.value, case .sequence(let tags) = entries[1].value.value else {
            Issue.record("not a mapping with a list")
            return
        }
        #expect(entries[0].value.column == 8)
        #expect(tags.map(\.column) == [8, 11, 16])
        #expect(tags.map(\.line) == [6, 6, 6])
        agrees("title: “Día”\ntags: [ñ, \"é\", x]\n", firstLine: 5)
    }

    /// Thousands of edits of the real samples, each made of the characters YAML gives meaning to:
    /// whatever the simple reader reads must be what libyaml reads.
    @Test func agreesWithLibyamlOnEditedSamples() {
        let pieces = [" ", "  ", "\n", "\n  ", "\n- ", ":", ": ", "-", "- ", "\"", "'", "[", "]", ", ", ",", "#", "é",
                      "“", "x", "1", "\t", "?", "~", "{", "|", "&a", "*a", "!", "%", "@", "`", "...", "---",
                      "\u{FEFF}", "\\", "\\\"", "\r", "\u{85}", "\u{2028}", "}"]
        let bases = Self.samples.filter { simple($0.text) != nil }.map(\.text)
        #expect(!bases.isEmpty)
        var random = SplitMix(seed: 7)
        var read = 0, tried = 0
        for _ in 0..<20_000 {
            var characters = Array(bases[random.below(bases.count)])
            for _ in 0...random.below(3) {
                let place = random.below(characters.count + 1)
                switch random.below(3) {
                case 0: characters.insert(contentsOf: pieces[random.below(pieces.count)], at: place)
                case 1: characters.removeSubrange(place..<min(characters.count, place + 1 + random.below(3)))
                default:
                    if place < characters.count { characters[place] = Array(pieces[random.below(pieces.count)])[0] }
                }
            }
            tried += 1
            if agrees(String(characters)) { read += 1 }
        }
        // Both outcomes are common, so both are tested.
        #expect(read > tried / 5 && read < tried * 4 / 5, "read \(read) of \(tried)")
    }
}

/// A small, seeded random number generator, so that the edits are the same on every run.
private struct SplitMix {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    /// A number in `0..<bound`.
    mutating func below(_ bound: Int) -> Int {
        state &+= 0x9E37_79B9_7F4A_7C15
        var value = state
        value = (value ^ (value >> 30)) &* 0xBF58_476D_1CE4_E5B9
        value = (value ^ (value >> 27)) &* 0x94D0_49BB_1331_11EB
        value ^= value >> 31
        return Int(value % UInt64(max(bound, 1)))
    }
}
