#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Ends the process once a command has written everything it prints.
enum ProcessEnd {
    /// Exits with `status`, leaving `work` (what the command built) for the
    /// operating system to take back at once: freeing a large compendium's
    /// tables object by object takes longer than the exit itself.
    static func exit(_ status: Int32, keeping work: Any) -> Never {
        withExtendedLifetime(work) { terminate(status) }
    }

    private static func terminate(_ status: Int32) -> Never {
        #if canImport(Glibc)
        Glibc.exit(status)
        #else
        Darwin.exit(status)
        #endif
    }
}
