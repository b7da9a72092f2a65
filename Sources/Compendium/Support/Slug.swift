import Foundation

/// Slugs: the lower-case, hyphenated names used in addresses and anchors.
public enum Slug {
    /// Makes a slug from any text: `Banding & Job Evaluation` → `banding-job-evaluation`,
    /// `Café` → `cafe`, `it's` → `its`. Returns an empty string when nothing is left.
    public static func make(_ text: String) -> String {
        let source = text.utf8.allSatisfy({ $0 < 0x80 }) ? text : text.decomposedStringWithCanonicalMapping
        var slug: [UInt8] = []
        slug.reserveCapacity(source.utf8.count)
        var pendingHyphen = false
        for scalar in source.unicodeScalars {
            switch scalar {
            case "a"..."z", "0"..."9":
                if pendingHyphen && !slug.isEmpty { slug.append(UInt8(ascii: "-")) }
                pendingHyphen = false
                slug.append(UInt8(scalar.value))
            case "A"..."Z":
                if pendingHyphen && !slug.isEmpty { slug.append(UInt8(ascii: "-")) }
                pendingHyphen = false
                slug.append(UInt8(scalar.value + 32))
            case "'", "\u{2019}", "\u{2018}":
                continue
            default:
                if scalar.properties.generalCategory == .nonspacingMark { continue }
                pendingHyphen = true
            }
        }
        return String(decoding: slug, as: UTF8.self)
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
