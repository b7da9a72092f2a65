import Synchronization
#if canImport(Glibc)
import Glibc
#endif

extension SiteWriter {
    /// A new site being written beside the output folder, one file at a
    /// time from any thread, and put in the output folder's place in one
    /// step by `commit()`. Until then the output folder is untouched; a
    /// staging folder that is never committed is removed by `discard()`, or
    /// by the next build if the process was killed.
    ///
    /// The site a commit replaces is kept beside the output folder, hidden,
    /// as the standby, and the next build writes into it: a file whose bytes
    /// it already holds is left as it is, so a rebuild writes only what
    /// changed, and files the new site does not have are removed before the swap.
    public final class Staging: SiteOutput {
        /// The output folder the site will replace.
        public let output: String
        private let folder: String
        /// The staging folder, held open while the site is written into it.
        private let openFolder: OpenFolder
        private let standby: String
        /// Whether the staging folder is the standby of an earlier build, holding files already.
        private let reusing: Bool
        private let state = Mutex(State())

        private struct State {
            var folders: Set<String> = []
            /// Every file added, by path, when the staging folder held files already.
            var added: Set<String> = []
            var failure: Failure?
            var files = 0
            var pages = 0
            /// How many files added were already there with the same bytes.
            var unchanged = 0
        }

        /// Starts a site to replace `output`, which must be absent, empty, or made by Compendium.
        public init(replacing output: String) throws(Failure) {
            let (parent, name) = SiteWriter.split(output)
            switch FileSystem.entryType(output) {
            case .symbolicLink?: throw .symbolicLink(output)
            case .directory?:
                let names = (try? FileSystem.names(in: output)) ?? []
                if !names.isEmpty && !names.contains(SiteWriter.markerName) { throw .notOurs(output) }
            case .file?, .other?: throw .notOurs(output)
            case nil: break
            }
            SiteWriter.removeLeftovers(in: parent, name: name)
            self.output = output
            folder = "\(parent)/.\(name).building-\(getpid())"
            standby = SiteWriter.standby(for: output)
            try? FileSystem.removeTree(folder)
            // Claimed by renaming it, so two builds never share it.
            reusing = FileSystem.entryType(standby + "/" + SiteWriter.markerName) == .file
                && (try? FileSystem.rename(standby, to: folder)) != nil
            do {
                if !reusing { try FileSystem.makeDirectory(folder) }
                openFolder = try OpenFolder(folder)
            } catch {
                throw .system("\(error)")
            }
        }

        /// How many files, and of them HTML pages, have been added.
        public var counts: (files: Int, pages: Int) {
            state.withLock { ($0.files, $0.pages) }
        }

        /// How many of the files added were already in the staging folder with the same bytes.
        public var unchangedCount: Int { state.withLock { $0.unchanged } }

        /// Writes `file` into the new site, creating its folders, unless it is
        /// there already with the same bytes. Safe to call from many threads;
        /// a failure is kept and thrown by `commit()`.
        public func add(_ file: OutputFile) {
            do {
                try makeFolders(for: file.path)
                if reusing {
                    let location = folder + "/" + file.path
                    if (try? FileSystem.read(location)) == file.bytes {
                        counted(file.path, unchanged: true)
                        return
                    }
                    try FileSystem.removeTree(location)
                }
                try openFolder.write(file.bytes, to: file.path)
                counted(file.path, unchanged: false)
            } catch {
                record(error)
            }
        }

        /// Creates the folders of the files at `paths`: folders are made one at a time in a
        /// parent folder, so threads that each make their own wait on each other.
        public func prepare(_ paths: [String]) {
            do {
                for path in paths { try makeFolders(for: path) }
            } catch {
                record(error)
            }
        }

        /// Starts a file written in pieces into the new site.
        public func addInPieces(_ path: String) -> any FilePieces {
            do {
                try makeFolders(for: path)
                let location = folder + "/" + path
                if reusing { try FileSystem.removeTree(location) }
                return Pieces(staging: self, path: path, location: location, descriptor: try openFolder.create(path))
            } catch {
                record(error)
                return Pieces(staging: self, path: path, location: "", descriptor: -1)
            }
        }

        /// Puts the new site in the output folder's place, in one step where
        /// the kernel allows, and keeps the old one as the standby. On failure
        /// the output folder is left as it was and the staging folder is removed.
        public func commit() throws(Failure) {
            add(SiteWriter.marker)
            if let failure = state.withLock({ $0.failure }) {
                discard()
                throw failure
            }
            do {
                if reusing { try removeFilesNotAdded(in: "") }
                try? FileSystem.removeTree(standby)
                if FileSystem.entryType(output) == .directory {
                    try SiteWriter.exchange(folder, output)
                    try FileSystem.rename(folder, to: standby)
                } else {
                    try FileSystem.rename(folder, to: output)
                }
            } catch {
                discard()
                throw .system("\(error)")
            }
        }

        /// Removes the staging folder, leaving the output folder as it was.
        public func discard() {
            try? FileSystem.removeTree(folder)
        }
    }
}

private extension SiteWriter.Staging {
    /// Creates the folders above `path` in the new site that are not there yet.
    func makeFolders(for path: String) throws {
        var ancestors: [String] = []
        var rest = Substring(path)
        while let slash = rest.lastIndex(of: "/") {
            rest = rest[..<slash]
            ancestors.append(String(rest))
        }
        for ancestor in ancestors.reversed() where !state.withLock({ $0.folders.contains(ancestor) }) {
            if reusing, let type = FileSystem.entryType(folder + "/" + ancestor), type != .directory {
                try FileSystem.removeTree(folder + "/" + ancestor)
            }
            try openFolder.makeDirectory(ancestor)
            state.withLock { _ = $0.folders.insert(ancestor) }
        }
    }

    func counted(_ path: String, unchanged: Bool) {
        state.withLock { state in
            state.files += 1
            if path.hasSuffix(".html") { state.pages += 1 }
            if unchanged { state.unchanged += 1 }
            if reusing { state.added.insert(path) }
        }
    }

    func record(_ error: any Error) {
        state.withLock { state in
            if state.failure == nil { state.failure = .system("\(error)") }
        }
    }

    /// Removes what the staging folder held before this build, below
    /// `relative`, that the new site does not have; true when nothing is left there.
    @discardableResult
    func removeFilesNotAdded(in relative: String) throws -> Bool {
        let location = relative.isEmpty ? folder : folder + "/" + relative
        var empty = true
        for name in try FileSystem.names(in: location) {
            let path = relative.isEmpty ? name : relative + "/" + name
            if FileSystem.entryType(location + "/" + name) == .directory {
                if try removeFilesNotAdded(in: path) {
                    try FileSystem.removeTree(location + "/" + name)
                } else {
                    empty = false
                }
            } else if state.withLock({ $0.added.contains(path) }) {
                empty = false
            } else {
                try FileSystem.removeTree(location + "/" + name)
            }
        }
        return empty
    }

    /// A file of the new site written in pieces.
    final class Pieces: FilePieces {
        let staging: SiteWriter.Staging
        let path: String
        let location: String
        var descriptor: Int32

        init(staging: SiteWriter.Staging, path: String, location: String, descriptor: Int32) {
            self.staging = staging
            self.path = path
            self.location = location
            self.descriptor = descriptor
        }

        func append(_ bytes: [UInt8]) {
            guard descriptor >= 0 else { return }
            do {
                try FileSystem.write(bytes, to: descriptor, path: location)
            } catch {
                staging.record(error)
                Glibc.close(descriptor)
                descriptor = -1
            }
        }

        func close() {
            guard descriptor >= 0 else { return }
            Glibc.close(descriptor)
            descriptor = -1
            staging.counted(path, unchanged: false)
        }
    }
}
