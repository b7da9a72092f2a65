import Foundation

/// Rules for names that become parts of web addresses and of files on other
/// people's computers.
enum FileNames {
    /// Names Windows reserves for devices, with or without an extension.
    static let reserved: Set<String> = Set(["con", "prn", "aux", "nul"]
        + (1...9).map { "com\($0)" } + (1...9).map { "lpt\($0)" })

    /// Whether `name` (one part of a path) is reserved, such as `CON` or `nul.txt`.
    static func isReserved(_ name: String) -> Bool {
        let stem = name.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false).first ?? ""
        return reserved.contains(stem.lowercased())
    }

    /// Whether `name` has control characters, backslashes or other characters
    /// that do not belong in a file name used as a web address.
    static func isUnsafe(_ name: String) -> Bool {
        name.unicodeScalars.contains { scalar in
            scalar.properties.generalCategory == .control || scalar.properties.generalCategory == .format
                || "\\:*?\"<>|#%".unicodeScalars.contains(scalar)
        }
    }

    /// The key under which two names count as the same on case-insensitive
    /// file systems: lower case, Unicode normalised.
    static func collisionKey(_ path: String) -> String {
        path.precomposedStringWithCanonicalMapping.lowercased()
    }

    /// Problems with the attachments' names: reserved or unsafe parts, and
    /// names that differ from another only in case or accents.
    static func check(_ attachments: [SourceFile]) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        var seen: [String: String] = [:]
        for file in attachments {
            let location = SourceLocation(file: file.displayPath)
            for part in file.relativePath.split(separator: "/").map(String.init) {
                if isReserved(part) { diagnostics.append(Diagnostic(.reservedName(name: part), at: location)) }
                if isUnsafe(part) { diagnostics.append(Diagnostic(.unsafeFileName(name: part), at: location)) }
            }
            let key = collisionKey(file.relativePath)
            if let other = seen[key] {
                diagnostics.append(Diagnostic(.attachmentCollision(otherFile: other), at: location))
            } else {
                seen[key] = file.displayPath
            }
        }
        return diagnostics
    }
}
