import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

// `compendium serve` as a user runs it: it prints the address, serves the
// site, and stops cleanly on Ctrl-C (SIGINT) and on SIGTERM.

@Suite struct ServeCommandTests {
    static let executable = URL(fileURLWithPath: CommandLine.arguments[0])
        .deletingLastPathComponent().appendingPathComponent("compendium")

    /// Starts `serve` on a free port over a copy of the basic fixture, with
    /// `environment` added to the tests' own, and sends `signal` once a page
    /// was served. Also returns the kernel's map of the process's memory as it served.
    private func serveThenStop(with signal: Int32, options: [String] = [], environment: [String: String] = [:])
        async throws -> (status: Int32, output: String, page: RawHTTP.Reply, memoryMap: String) {
        let scratch = try Scratch()
        defer { scratch.remove() }
        try scratch.copyBasicProject()
        let process = Process()
        process.executableURL = Self.executable
        process.arguments = ["serve", "--port", "0", "--theme", Repository.defaultTemplates] + options
        process.currentDirectoryURL = URL(fileURLWithPath: scratch.path)
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        let reader = output.fileHandleForReading
        let (firstLines, port) = try await offThePool { () -> (String, Int?) in
            var text = ""
            while !text.contains("(press Ctrl-C to stop)\n") {
                let data = reader.availableData
                if data.isEmpty { break }
                text += String(decoding: data, as: UTF8.self)
            }
            let port = text.firstRange(of: /127\.0\.0\.1:(\d+)\//).flatMap { range in
                Int(text[range].dropFirst("127.0.0.1:".count).dropLast())
            }
            return (text, port)
        }
        let servedPort = try #require(port, "no address in: \(firstLines)")
        let page = try await offThePool { try RawHTTP.request("/", port: servedPort) }
        let memoryMap = (try? String(contentsOfFile: "/proc/\(process.processIdentifier)/smaps", encoding: .utf8)) ?? ""
        kill(process.processIdentifier, signal)
        let rest = try await offThePool { reader.readDataToEndOfFile() }
        process.waitUntilExit()
        return (process.terminationStatus, firstLines + String(decoding: rest, as: UTF8.self), page, memoryMap)
    }

    /// Whether this kernel can give a process large pages and shows its memory map under /proc.
    static var kernelHasLargePages: Bool {
        FileManager.default.fileExists(atPath: "/sys/kernel/mm/transparent_hugepage/enabled")
            && FileManager.default.fileExists(atPath: "/proc/self/smaps")
    }

    /// Counts the regions of `memoryMap` the process advised the kernel to back
    /// with large pages (`hg` among their flags), whether or not it could.
    private func regionsAdvisedLarge(_ memoryMap: String) -> Int {
        memoryMap.split(separator: "\n").filter { line in
            line.hasPrefix("VmFlags:") && line.split(separator: " ").contains("hg")
        }.count
    }

    @Test(.enabled(if: kernelHasLargePages))
    func asksForLargeHeapPagesUnlessToldNotTo() async throws {
        let asked = try await serveThenStop(with: SIGTERM)
        let toldTo = try await serveThenStop(with: SIGTERM, environment: ["MIMALLOC_LARGE_OS_PAGES": "1"])
        let toldNot = try await serveThenStop(with: SIGTERM, environment: ["MIMALLOC_LARGE_OS_PAGES": "0"])
        #expect(asked.page.status == 200 && toldTo.page.status == 200 && toldNot.page.status == 200)
        #expect(regionsAdvisedLarge(asked.memoryMap) > 0)
        #expect(regionsAdvisedLarge(toldTo.memoryMap) > 0)
        #expect(regionsAdvisedLarge(toldNot.memoryMap) == 0)
    }

    @Test func printsTheAddressServesAndStopsOnControlC() async throws {
        let run = try await serveThenStop(with: SIGINT)
        #expect(run.output.hasPrefix("Built in "))
        #expect(run.output.contains("Serving http://127.0.0.1:"))
        #expect(run.page.status == 200)
        #expect(run.page.text.contains("Example Compendium"))
        #expect(run.output.hasSuffix("Stopped.\n"))
        #expect(run.status == 0)
    }

    @Test func stopsOnSIGTERMAndPrintsStageTimesWhenAsked() async throws {
        let run = try await serveThenStop(with: SIGTERM, options: ["--timings"])
        let lines = run.output.split(separator: "\n")
        #expect(lines.first?.hasPrefix("Built in ") == true)
        #expect(lines.dropFirst(2).prefix(9).map { $0.split(separator: " ").first.map(String.init) ?? "" }
            == ["load", "parse", "model", "privacy", "markdown", "index", "render", "write", "wall"])
        #expect(run.page.status == 200)
        #expect(run.output.hasSuffix("Stopped.\n"))
        #expect(run.status == 0)
    }

    @Test func refusesAPortOutOfRange() throws {
        let process = Process()
        process.executableURL = Self.executable
        process.arguments = ["serve", "--port", "70000"]
        process.standardOutput = FileHandle.nullDevice
        let errors = Pipe()
        process.standardError = errors
        try process.run()
        let text = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 64)
        #expect(text.contains("--port must be between 0 and 65535"))
    }
}
