@_spi(Fuzzing) @testable import Compendium
import Testing

// Fuzz finding (front-matter target, `make fuzz`): a key of 3,001 letters was
// read by the simple YAML reader as a field, while libyaml refuses a key
// longer than 1,024 characters ("could not find expected ':'"). The simple
// reader now leaves keys longer than 128 bytes to libyaml, so such front
// matter gets libyaml's error, as it always did.

@Suite struct LongYAMLKeyTests {
    @Test func aKeyLibyamlRefusesIsStillRefused() {
        let yaml = String(repeating: "k", count: 3001) + ": v\ntitle: x\n"
        guard case .failure(.syntax) = YAMLReader.parse(yaml, firstLine: 2) else {
            Issue.record("a 3,001-letter key was read")
            return
        }
        #expect(YAMLReader.parse(yaml, firstLine: 2) == YAMLReader.parseWithLibyaml(yaml, firstLine: 2))
    }

    @Test func keysUpToTheLimitAreStillReadAsLibyamlReadsThem() {
        let yaml = String(repeating: "k", count: 128) + ": v\n"
        #expect(SimpleYAMLCheck.agreesWithLibyaml(yaml))
        var text = yaml
        #expect(text.withUTF8 { SimpleYAMLReader.read($0, lineOffset: 0) } != nil)
    }
}
