import Dispatch

/// Builds a project again each time it is edited, for `compendium serve`.
///
/// Each rebuild reads again only the content files whose stamps changed,
/// parses, models and lints only the files whose bytes changed, renders
/// again only the bodies whose text or links changed, and writes only the
/// output files whose bytes changed. A rebuild with errors leaves the last
/// good site in place. What ends up in the output folder is byte for byte
/// what `compendium build` writes for the same input.
public final class IncrementalBuilder {
    /// What one rebuild did.
    public struct Outcome: Sendable {
        /// Every problem found, sorted.
        public let diagnostics: [Diagnostic]
        /// Whether the output folder now holds this content's site; false when
        /// there were errors (the previous site stays) or it could not be written.
        public let published: Bool
        /// The output paths written or removed, sorted; every path after the first build.
        public let changed: [String]
        /// Why the site could not be written, when it could not.
        public let writeFailure: String?
        /// How long each stage took.
        public let timings: [StageTiming]
    }

    private let paths: ProjectPaths
    private let directory: String
    private let output: String
    private let options: BuildOptions
    private var snapshot = ContentSnapshot()
    private var memo = BuildMemo()
    /// What the output folder holds; `nil` until a site is written (and after a failed write).
    private var published: Published?

    /// The site in the output folder, as this builder wrote it.
    private struct Published {
        /// A digest of each file, by path.
        let files: [[UInt8]: FileDigest]
    }

    /// A builder for the project at `paths` (relative to `directory`) that writes into `output`.
    public init(paths: ProjectPaths, in directory: String = ".", output: String, options: BuildOptions = BuildOptions()) {
        self.paths = paths
        self.directory = directory
        self.output = output
        self.options = options
    }

    /// Reads the project again and brings the output folder up to date.
    public func rebuild() -> Outcome {
        let start = DispatchTime.now().uptimeNanoseconds
        let (project, loadProblems) = Project.load(paths, in: directory, snapshot: &snapshot)
        let loadTime = StageTiming(stage: Stage.load.rawValue, seconds: Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
        guard let project else {
            return Outcome(diagnostics: loadProblems.sorted(), published: false, changed: [], writeFailure: nil,
                           timings: [loadTime])
        }
        let times = StageTimes()
        let checked = SiteBuilder.check(content: project.content, configuration: project.configuration,
                                        consent: project.consent, options: options, memo: memo)
        memo = checked.memo
        var diagnostics = (loadProblems + checked.diagnostics).sorted()
        guard !diagnostics.hasErrors else {
            return Outcome(diagnostics: diagnostics, published: false, changed: [], writeFailure: nil,
                           timings: [loadTime] + checked.timings)
        }

        let (files, renderProblems) = SiteRenderer(site: checked.site, templates: project.templates, times: times).render()
        diagnostics = (diagnostics + renderProblems).sorted()
        guard renderProblems.isEmpty else {
            return Outcome(diagnostics: diagnostics, published: false, changed: [], writeFailure: nil,
                           timings: [loadTime] + checked.timings + times.timings)
        }
        let digests = Dictionary(files.map { (Array($0.path.utf8), FileDigest($0.bytes)) }, uniquingKeysWith: { $1 })
        let writeStart = DispatchTime.now().uptimeNanoseconds
        var changed = files
        var removed: [String] = []
        do throws(SiteWriter.Failure) {
            if let previous = published?.files {
                changed = files.filter { previous[Array($0.path.utf8)] != digests[Array($0.path.utf8)] }
                removed = previous.keys.filter { digests[$0] == nil }.map { String(decoding: $0, as: UTF8.self) }
                try SiteWriter.update(changed, removing: removed, in: output)
            } else {
                try SiteWriter.write(files, to: output)
            }
        } catch {
            published = nil
            times.add(.write, since: writeStart)
            return Outcome(diagnostics: diagnostics, published: false, changed: [], writeFailure: error.description,
                           timings: [loadTime] + checked.timings + times.timings)
        }
        times.add(.write, since: writeStart)
        published = Published(files: digests)
        return Outcome(diagnostics: diagnostics, published: true, changed: (changed.map(\.path) + removed).sorted(),
                       writeFailure: nil, timings: [loadTime] + checked.timings + times.timings)
    }
}

/// A file's length and a hash of its bytes (SipHash, seeded once per
/// process, so digests compare only within one run), to tell whether it changed.
struct FileDigest: Hashable, Sendable {
    let count: Int
    let hash: Int

    init(_ bytes: [UInt8]) {
        count = bytes.count
        var hasher = Hasher()
        bytes.withUnsafeBytes { hasher.combine(bytes: $0) }
        hash = hasher.finalize()
    }
}
