import Foundation
import Testing

/// Byte-for-byte comparison with recorded files. Set `RECORD_GOLDEN=1` to
/// record the current output instead (then review the change with git diff).
enum Golden {
    static var isRecording: Bool { ProcessInfo.processInfo.environment["RECORD_GOLDEN"] == "1" }

    /// Compares `text` with the file at `path`, or records it.
    static func check(_ text: String, against path: String, sourceLocation: SourceLocation = #_sourceLocation) {
        if isRecording {
            try? FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent,
                                                     withIntermediateDirectories: true)
            _ = FileManager.default.createFile(atPath: path, contents: Data(text.utf8))
            return
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            Issue.record("no recorded file at \(path); run with RECORD_GOLDEN=1", sourceLocation: sourceLocation)
            return
        }
        let expected = String(decoding: data, as: UTF8.self)
        if expected != text {
            Issue.record("\(path) differs:\n\(firstDifference(expected, text))", sourceLocation: sourceLocation)
        }
    }

    /// Compares a whole tree of files with the folder `directory`, or records it.
    static func check(files: [String: [UInt8]], against directory: String, sourceLocation: SourceLocation = #_sourceLocation) {
        let manager = FileManager.default
        if isRecording {
            try? manager.removeItem(atPath: directory)
            for (path, bytes) in files {
                let full = directory + "/" + path
                try? manager.createDirectory(atPath: (full as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
                _ = manager.createFile(atPath: full, contents: Data(bytes))
            }
            return
        }
        let recorded = Set((manager.enumerator(atPath: directory)?.allObjects as? [String] ?? []).filter { path in
            var isDirectory: ObjCBool = false
            return manager.fileExists(atPath: directory + "/" + path, isDirectory: &isDirectory) && !isDirectory.boolValue
        })
        let produced = Set(files.keys)
        for path in produced.subtracting(recorded).sorted() {
            Issue.record("new file not recorded: \(path)", sourceLocation: sourceLocation)
        }
        for path in recorded.subtracting(produced).sorted() {
            Issue.record("recorded file no longer produced: \(path)", sourceLocation: sourceLocation)
        }
        for path in produced.intersection(recorded).sorted() {
            let expected = manager.contents(atPath: directory + "/" + path).map { [UInt8]($0) } ?? []
            if expected != files[path]! {
                let difference = firstDifference(String(decoding: expected, as: UTF8.self),
                                                 String(decoding: files[path]!, as: UTF8.self))
                Issue.record("\(path) differs:\n\(difference)", sourceLocation: sourceLocation)
            }
        }
    }

    /// The first line that differs, with its number.
    static func firstDifference(_ expected: String, _ actual: String) -> String {
        let left = expected.split(separator: "\n", omittingEmptySubsequences: false)
        let right = actual.split(separator: "\n", omittingEmptySubsequences: false)
        for index in 0..<max(left.count, right.count) {
            let a = index < left.count ? String(left[index]) : "<end of file>"
            let b = index < right.count ? String(right[index]) : "<end of file>"
            if a != b { return "line \(index + 1)\n  expected: \(a)\n  actual:   \(b)" }
        }
        return "(only line endings differ)"
    }
}
