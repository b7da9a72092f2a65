import Foundation

/// Slugs: the lower-case, hyphenated names used in addresses and anchors.
public enum Slug {
    /// Makes a slug from any text: `Banding & Job Evaluation` → `banding-job-evaluation`,
    /// `Café` → `cafe`, `it's` → `its`. Returns an empty string when nothing is left.
    public static func make(_ text: String) -> String {
        make(text, hyphens: true)
    }

    /// A slug's letters and digits without its hyphens: `Band 4` → `band4`.
    static func letters(_ text: String) -> String {
        make(text, hyphens: false)
    }

    /// Whether `text` is already a slug: lower-case ASCII letters and digits
    /// in groups joined by single hyphens.
    public static func isValid(_ text: String) -> Bool {
        var previousWasHyphen = true
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"):
                previousWasHyphen = false
            case UInt8(ascii: "-") where !previousWasHyphen:
                previousWasHyphen = true
            default:
                return false
            }
        }
        return !text.isEmpty && !previousWasHyphen
    }
}

private extension Slug {
    /// Makes a slug, with hyphens between its groups of letters and digits or without.
    /// ASCII text is read byte by byte; other text is decomposed first, so accents can be dropped.
    static func make(_ text: String, hyphens: Bool) -> String {
        var ascii = text
        if let slug = ascii.withUTF8({ bytes in
            bytes.isASCII ? written(bytes.lazy.map(Unicode.Scalar.init), capacity: bytes.count, hyphens: hyphens) : nil
        }) {
            return slug
        }
        let decomposed = text.decomposedStringWithCanonicalMapping
        return written(decomposed.unicodeScalars, capacity: decomposed.utf8.count, hyphens: hyphens)
    }

    /// The slug of `scalars`, written straight into a new string. Each byte written
    /// stands for at least one byte read, so `capacity`, the bytes read, is enough.
    static func written<Scalars: Sequence<Unicode.Scalar>>(_ scalars: Scalars, capacity: Int, hyphens: Bool) -> String {
        String(unsafeUninitializedCapacity: capacity) { output in
            var writer = SlugWriter(output: output, hyphens: hyphens)
            for scalar in scalars { writer.add(scalar) }
            return writer.count
        }
    }
}

/// A slug being written, scalar by scalar, into a buffer.
private struct SlugWriter {
    /// Where the slug goes.
    let output: UnsafeMutableBufferPointer<UInt8>
    /// Whether groups are joined by hyphens.
    let hyphens: Bool
    /// The bytes written so far.
    private(set) var count = 0
    /// Whether a hyphen goes before the next letter or digit.
    private var pendingHyphen = false

    /// Starts an empty slug in `output`.
    init(output: UnsafeMutableBufferPointer<UInt8>, hyphens: Bool) {
        self.output = output
        self.hyphens = hyphens
    }

    /// Adds a scalar: a letter or digit lower-cased, an apostrophe or accent
    /// dropped, anything else a break between groups.
    mutating func add(_ scalar: Unicode.Scalar) {
        switch scalar {
        case "a"..."z", "0"..."9":
            append(UInt8(scalar.value))
        case "A"..."Z":
            append(UInt8(scalar.value + 32))
        case "'", "\u{2019}", "\u{2018}":
            return
        default:
            if !scalar.isASCII && scalar.properties.generalCategory == .nonspacingMark { return }
            pendingHyphen = true
        }
    }

    private mutating func append(_ byte: UInt8) {
        if pendingHyphen && hyphens && count > 0 {
            output[count] = UInt8(ascii: "-")
            count += 1
        }
        pendingHyphen = false
        output[count] = byte
        count += 1
    }
}
