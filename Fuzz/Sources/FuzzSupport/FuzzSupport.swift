#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Helpers shared by the fuzz targets.
public enum Fuzz {
    /// The input as an array.
    public static func bytes(_ data: UnsafePointer<UInt8>, _ size: Int) -> [UInt8] {
        Array(UnsafeBufferPointer(start: data, count: size))
    }

    /// Stops the process when an invariant does not hold, so libFuzzer saves
    /// the input as a crash (`abort` is a deadly signal to it).
    public static func require(_ condition: @autoclosure () -> Bool, _ message: @autoclosure () -> String,
                               file: StaticString = #fileID, line: UInt = #line) {
        guard !condition() else { return }
        let text = "FUZZ INVARIANT FAILED at \(file):\(line): \(message())\n"
        printError(text)
        abort()
    }

    /// Writes `text` to standard error, unbuffered.
    public static func printError(_ text: String) {
        var text = text
        text.withUTF8 { buffer in _ = write(2, buffer.baseAddress, buffer.count) }
    }

    /// A short, printable rendering of `text` for messages.
    public static func quote(_ text: String, limit: Int = 200) -> String {
        let shown = text.unicodeScalars.prefix(limit).map { $0.escaped(asASCII: true) }.joined()
        return "\"" + shown + (text.unicodeScalars.count > limit ? "…" : "") + "\""
    }
}
