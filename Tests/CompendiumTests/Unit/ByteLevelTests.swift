@testable import Compendium
import Testing

// Unit tests of the byte-level helpers that read eight bytes at once, each
// compared with a plain byte-by-byte reading over many texts and offsets.

/// Texts of every length up to two words and more, with the bytes of interest
/// at the ends, in the middle and across eight-byte boundaries.
private let sampleTexts: [[UInt8]] = {
    var texts: [[UInt8]] = [[], [0], [0x80], [0xFF], Array("[".utf8), Array("\r".utf8)]
    let pieces = ["a", "Z", "0", "9", "/", ":", "@", "[", "\\", "]", "\r", "\n", "é", "\u{0}", "A", "z", " ", "~", "`", "中"]
    var seed: UInt64 = 0x1234_5678
    for length in 1...40 {
        for _ in 0..<12 {
            var text: [UInt8] = []
            while text.count < length {
                seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
                text += Array(pieces[Int(seed >> 59) % pieces.count].utf8)
            }
            texts.append(text)
        }
    }
    return texts
}()

@Suite struct ByteWordUnitTests {
    /// The bytes in a range are found as a plain comparison finds them, for ranges at the ends of ASCII too.
    @Test(arguments: [UInt8(0)...UInt8(0x7F), 0x30...0x39, 0x41...0x5A, 0x5B...0x5D, 0x00...0x00, 0x7F...0x7F, 0x61...0x7A])
    func bytesInARangeAreMarked(_ range: ClosedRange<UInt8>) {
        var seed: UInt64 = 99
        for _ in 0..<2_000 {
            seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            let bytes = withUnsafeBytes(of: seed) { Array($0) }
            let marked = ByteWord.bytes(of: seed, in: range)
            let expected = bytes.filter { range.contains($0) }.count
            #expect(ByteWord.count(marked) == expected, "\(bytes)")
            #expect(marked & ~ByteWord.highBits == 0)
        }
    }

    @Test func zeroBytesAreFound() {
        #expect(ByteWord.hasZeroByte(0x4142_4300_4445_4647))
        #expect(ByteWord.hasZeroByte(0x0001_0203_0405_0607))
        #expect(!ByteWord.hasZeroByte(0x0101_0101_0101_0101))
        #expect(!ByteWord.hasZeroByte(0x8080_8080_8080_8080))
        #expect(ByteWord.hasZeroByte(ByteWord.repeated(0x0D) ^ 0x4142_0D44_4546_4748))
    }
}

@Suite struct ByteBufferUnitTests {
    @Test func firstOffsetOfAByteMatchesAPlainSearch() {
        for text in sampleTexts {
            text.withUnsafeBufferPointer { bytes in
                for byte: UInt8 in [0, 0x0A, 0x0D, 0x40, 0x5B, 0x80, 0xC3] {
                    for start in 0...text.count {
                        let expected = text.indices.first { $0 >= start && text[$0] == byte }
                        #expect(bytes.firstOffset(of: byte, from: start) == expected, "\(text) \(byte) \(start)")
                    }
                }
            }
        }
    }

    @Test func firstOffsetInARangeMatchesAPlainSearch() {
        let ranges = [UInt8(ascii: "[")...UInt8(ascii: "]"), UInt8(ascii: "A")...UInt8(ascii: "Z"), 0x00...0x7F]
        for text in sampleTexts {
            text.withUnsafeBufferPointer { bytes in
                for range in ranges {
                    for start in 0...text.count {
                        let expected = text.indices.first { $0 >= start && range.contains(text[$0]) }
                        #expect(bytes.firstOffset(in: range, from: start) == expected, "\(text) \(range) \(start)")
                    }
                }
            }
        }
    }

    @Test func firstOffsetOfAByteOrInARangeMatchesAPlainSearch() {
        let range = UInt8(ascii: "[")...UInt8(ascii: "]")
        for text in sampleTexts {
            text.withUnsafeBufferPointer { bytes in
                for start in 0...text.count {
                    let expected = text.indices.first { $0 >= start && (text[$0] == 0x0A || range.contains(text[$0])) }
                    #expect(bytes.firstOffset(of: 0x0A, orIn: range, from: start) == expected, "\(text) \(start)")
                }
            }
        }
    }

    @Test func aByteIsFoundAndDigitsAreCountedUpToTheLimit() {
        let digitRange = UInt8(ascii: "0")...UInt8(ascii: "9")
        for text in sampleTexts {
            let digits = text.filter { digitRange.contains($0) }.count
            text.withUnsafeBufferPointer { bytes in
                for limit in [0, 1, 3, 10, 100] {
                    let (found, counted) = bytes.contains(UInt8(ascii: "@"), counting: digitRange, upTo: limit)
                    #expect(found == text.contains(UInt8(ascii: "@")), "\(text) \(limit)")
                    #expect(counted == min(digits, limit), "\(text) \(limit)")
                }
            }
        }
        Array("٠١٢٣٤٥٦٧٨٩".utf8).withUnsafeBufferPointer { #expect($0.contains(0x40, counting: digitRange, upTo: 10) == (false, 0)) }
    }

    @Test func flagsMatchAPlainReading() {
        for text in sampleTexts {
            text.withUnsafeBufferPointer { bytes in
                let flags = ByteFlags(bytes)
                #expect(flags.isASCII == text.allSatisfy { $0 < 0x80 }, "\(text)")
                #expect(bytes.isASCII == text.allSatisfy { $0 < 0x80 }, "\(text)")
                #expect(flags.hasNUL == text.contains(0), "\(text)")
                #expect(flags.hasCarriageReturn == text.contains(0x0D), "\(text)")
            }
        }
    }

    @Test func findsTextInBytesAcrossWordBoundaries() {
        for text in sampleTexts {
            let string = String(decoding: text, as: UTF8.self), bytes = Array(string.utf8)
            #expect(string.containsBytes("a[") == containsPlainly(bytes, "a["), "\(text)")
            #expect(string.containsBytes("@\r") == containsPlainly(bytes, "@\r"), "\(text)")
        }
        #expect("ppppppppprivacy:".containsBytes("privacy:"))
        #expect(!"ppppppppprivacy".containsBytes("privacy:"))
    }

    private func containsPlainly(_ text: [UInt8], _ needle: String) -> Bool {
        let pattern = Array(needle.utf8)
        guard text.count >= pattern.count else { return false }
        return (0...(text.count - pattern.count)).contains { text[$0..<($0 + pattern.count)].elementsEqual(pattern) }
    }
}
