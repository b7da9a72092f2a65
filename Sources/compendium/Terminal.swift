import Compendium
import Dispatch
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Printing to the terminal: diagnostics and errors to standard error.
enum Terminal {
    /// Prints a report in `format`: people's format to standard error by default
    /// (coloured on a terminal), the others to standard output.
    static func print(_ report: DiagnosticReport, format: DiagnosticFormat = .human, toStandardError: Bool = true) {
        let descriptor: Int32 = toStandardError ? 2 : 1
        let text: String
        switch format {
        case .human:
            let human = HumanFormat(colour: wantsColour(descriptor)) { path in
                FileManager.default.contents(atPath: path).map { String(decoding: $0, as: UTF8.self) }
            }
            text = human.render(report)
        case .github:
            text = GitHubFormat.render(report)
        case .json:
            text = JSONFormat.render(report)
        }
        write(text, to: descriptor)
    }

    /// Colour only on a terminal, and never when NO_COLOR is set or TERM is dumb.
    private static func wantsColour(_ descriptor: Int32) -> Bool {
        let environment = ProcessInfo.processInfo.environment
        return isatty(descriptor) == 1 && environment["NO_COLOR"] == nil && environment["TERM"] != "dumb"
    }

    /// Prints a line to standard output at once, unbuffered (for `serve`, whose output is read as it runs).
    static func say(_ line: String) {
        write(line + "\n", to: 1)
    }

    /// Prints `compendium: error: message` to standard error.
    static func error(_ message: String) {
        write("compendium: error: \(message)\n", to: 2)
    }

    /// Prints a table of stage timings: each stage's work, summed over the
    /// workers that shared it, then the wall-clock time of the whole run.
    static func timings(_ stages: [StageTiming], wall: Double) {
        let workers = ProcessInfo.processInfo.activeProcessorCount
        var merged: [StageTiming] = []
        for stage in stages {
            if let index = merged.firstIndex(where: { $0.stage == stage.stage }) {
                merged[index] = StageTiming(stage: stage.stage, seconds: merged[index].seconds + stage.seconds)
            } else {
                merged.append(stage)
            }
        }
        let rows = merged + [StageTiming(stage: "wall", seconds: wall)]
        let width = rows.map(\.stage.count).max() ?? 0
        say("  stage times are summed over \(workers) workers; wall is the whole run")
        for stage in rows {
            let milliseconds = (stage.seconds * 1000).rounded()
            let name = stage.stage.padding(toLength: width)
            say("  \(name) \(String(Int(milliseconds)).leftPadded(toLength: 7)) ms")
        }
    }

    private static func write(_ text: String, to descriptor: Int32) {
        var bytes = Array(text.utf8)
        bytes.withUnsafeMutableBytes { buffer in
            var offset = 0
            while offset < buffer.count {
                let written = Glibc.write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
                if written <= 0 { break }
                offset += written
            }
        }
    }
}

/// Wall-clock intervals for `--timings`.
struct Stopwatch {
    private var last = DispatchTime.now().uptimeNanoseconds

    /// Seconds since the previous lap.
    mutating func lap() -> Double {
        let now = DispatchTime.now().uptimeNanoseconds
        defer { last = now }
        return Double(now - last) / 1e9
    }
}

private extension String {
    func padding(toLength length: Int) -> String {
        count >= length ? self : self + String(repeating: " ", count: length - count)
    }

    func leftPadded(toLength length: Int) -> String {
        count >= length ? self : String(repeating: " ", count: length - count) + self
    }
}
