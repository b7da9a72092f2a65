import Foundation
import Testing

/// The executable takes its heap in large pages where the kernel offers them.
@Suite struct HeapPagesTests {
    /// Whether the kernel gives large pages to a program that asks for them.
    static var kernelOffersLargePages: Bool {
        let setting = try? String(contentsOfFile: "/sys/kernel/mm/transparent_hugepage/enabled", encoding: .utf8)
        return setting.map { !$0.contains("[never]") } ?? false
    }

    @Test(.enabled(if: kernelOffersLargePages))
    func aLargeBuildTakesAThirdFewerPageFaults() throws {
        let folder = try ProcessSafetyTests.bigProject(count: 2_000)
        let arguments = ["build", "--content", folder + "/content", "--config", folder + "/compendium.yml",
                         "--theme", Repository.defaultTemplates, "--output", folder + "/site"]
        let large = try Self.pageFaults(arguments, environment: [:])
        let small = try Self.pageFaults(arguments, environment: ["MIMALLOC_LARGE_OS_PAGES": "0"])
        // The faults of loading the program itself (about a thousand) are the same either way.
        #expect(large * 3 < small * 2, "\(large) page faults with large pages, \(small) without")
    }

    /// The page faults of one run of the executable with `arguments`, with
    /// `environment` added to the tests' own, counted by the kernel for that process alone.
    static func pageFaults(_ arguments: [String], environment: [String: String]) throws -> Int {
        let variables = ProcessInfo.processInfo.environment.merging(environment) { $1 }.map { "\($0.key)=\($0.value)" }
        let argv = ([CommandLineTests.executable.path] + arguments).map { strdup($0) } + [nil]
        let envp = variables.map { strdup($0) } + [nil]
        defer { (argv + envp).forEach { free($0) } }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        var process = pid_t()
        let started = posix_spawn(&process, CommandLineTests.executable.path, &actions, nil, argv, envp)
        try #require(started == 0, "could not start the executable: \(started)")
        var status: Int32 = 0
        var usage = rusage()
        try #require(wait4(process, &status, 0, &usage) == process)
        try #require(status == 0, "the build failed: \(status)")
        return usage.ru_minflt
    }
}
