/// A length and a 64-bit hash of some bytes, the same in every run, to tell
/// cheaply whether a file changed. Not for defending against someone who
/// makes collisions on purpose: only for noticing edits.
struct Fingerprint: Sendable, Hashable {
    /// How many bytes there are.
    let count: Int
    /// The hash of the bytes.
    let hash: UInt64

    /// The fingerprint of bytes that were never read: equal to no other.
    static let unknown = Fingerprint(count: -1, hash: 0)

    private init(count: Int, hash: UInt64) {
        self.count = count
        self.hash = hash
    }

    /// The fingerprint of `bytes`.
    init(_ bytes: [UInt8]) {
        self = bytes.withUnsafeBytes(Fingerprint.init(raw:))
    }

    /// The fingerprint of the UTF-8 bytes of `text`.
    init(text: String) {
        var text = text
        self = text.withUTF8 { Fingerprint(raw: UnsafeRawBufferPointer($0)) }
    }

    /// Thirty-two bytes at a time in four lanes, each lane mixing in its
    /// word with a multiply and a rotation (the lanes' multiplies overlap,
    /// where one chain would wait on each); then the lanes are mixed
    /// together, and the tail is mixed in eight bytes, then a byte, at a time.
    private init(raw: UnsafeRawBufferPointer) {
        count = raw.count
        let seed: UInt64 = 0x9E37_79B9_7F4A_7C15 ^ UInt64(raw.count)
        var lanes = (seed, seed &+ 1, seed &+ 2, seed &+ 3)
        var offset = 0
        while offset + 32 <= raw.count {
            lanes.0 = Fingerprint.mix(lanes.0 ^ raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
            lanes.1 = Fingerprint.mix(lanes.1 ^ raw.loadUnaligned(fromByteOffset: offset + 8, as: UInt64.self))
            lanes.2 = Fingerprint.mix(lanes.2 ^ raw.loadUnaligned(fromByteOffset: offset + 16, as: UInt64.self))
            lanes.3 = Fingerprint.mix(lanes.3 ^ raw.loadUnaligned(fromByteOffset: offset + 24, as: UInt64.self))
            offset += 32
        }
        var hash = Fingerprint.mix(Fingerprint.mix(Fingerprint.mix(lanes.0 ^ lanes.1) ^ lanes.2) ^ lanes.3)
        while offset + 8 <= raw.count {
            hash = Fingerprint.mix(hash ^ raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
            offset += 8
        }
        while offset < raw.count {
            hash = Fingerprint.mix(hash ^ UInt64(raw[offset]))
            offset += 1
        }
        self.hash = hash
    }

    private static func mix(_ value: UInt64) -> UInt64 {
        let multiplied = value &* 0xFF51_AFD7_ED55_8CCD
        return (multiplied << 29 | multiplied >> 35) &* 0xC4CE_B9FE_1A85_EC53
    }
}
