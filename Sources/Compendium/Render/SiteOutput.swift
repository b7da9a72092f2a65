import Synchronization

/// Where a build puts the files it renders.
public protocol SiteOutput: Sendable {
    /// Adds a whole file; called from any thread.
    func add(_ file: OutputFile)
    /// Starts a file too large to hold at once, written in pieces by one thread at a time.
    func addInPieces(_ path: String) -> any FilePieces
    /// Makes ready, on the calling thread, what the files at `paths` will
    /// need before they are added (their folders), so that the threads that
    /// add them later do not wait on each other to do it.
    func prepare(_ paths: [String])
}

extension SiteOutput {
    /// Output that needs nothing made ready for a file.
    public func prepare(_ paths: [String]) {}
}

/// A file of the site being written piece by piece, in order.
public protocol FilePieces: AnyObject {
    /// Writes `bytes` after the pieces before.
    func append(_ bytes: [UInt8])
    /// Finishes the file.
    func close()
}

/// A site rendered into memory, for tests and for comparing with what was written before.
public final class CollectedSite: SiteOutput {
    private let collected = Mutex<[OutputFile]>([])

    /// An empty site.
    public init() {}

    /// The files added so far, sorted by path.
    public var files: [OutputFile] {
        collected.withLock { $0 }.sorted { $0.path.utf8.lexicographicallyPrecedes($1.path.utf8) }
    }

    public func add(_ file: OutputFile) {
        collected.withLock { $0.append(file) }
    }

    public func addInPieces(_ path: String) -> any FilePieces {
        Pieces(path: path, site: self)
    }

    private final class Pieces: FilePieces {
        let path: String
        let site: CollectedSite
        var bytes: [UInt8] = []

        init(path: String, site: CollectedSite) {
            self.path = path
            self.site = site
        }

        func append(_ more: [UInt8]) { bytes += more }

        func close() { site.add(OutputFile(path: path, bytes: bytes)) }
    }
}
