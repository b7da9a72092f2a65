import Compendium
import Foundation

/// Stops the process when one document's text takes longer to render than
/// the limit allows: libcmark cannot be interrupted, and an error naming the
/// file is better than a build that never ends. Nothing has been written at
/// that point, so the previous site is untouched.
enum Watchdog {
    /// Starts watching `watch` on a background thread.
    static func start(_ watch: RenderWatch, seconds: Int) {
        let thread = Thread {
            while true {
                Thread.sleep(forTimeInterval: 0.2)
                guard let file = watch.overdue(after: seconds) else { continue }
                Terminal.print(DiagnosticReport(diagnostics: [
                    Diagnostic(.renderTooSlow(seconds: seconds), at: SourceLocation(file: file)),
                ]))
                Terminal.error("nothing was written")
                exit(1)
            }
        }
        thread.start()
    }
}
