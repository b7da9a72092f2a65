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
    public final class Staging: SiteOutput {
        /// The output folder the site will replace.
        public let output: String
        private let folder: String
        private let state = Mutex(State())

        private struct State {
            var folders: Set<String> = []
            var failure: Failure?
            var files = 0
            var pages = 0
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
            do {
                try? FileSystem.removeTree(folder)
                try FileSystem.makeDirectory(folder)
            } catch {
                throw .system("\(error)")
            }
        }

        /// How many files, and of them HTML pages, have been added.
        public var counts: (files: Int, pages: Int) {
            state.withLock { ($0.files, $0.pages) }
        }

        /// Writes `file` into the new site, creating its folders. Safe to
        /// call from many threads; a failure is kept and thrown by `commit()`.
        public func add(_ file: OutputFile) {
            do {
                try makeFolders(for: file.path)
                try FileSystem.write(file.bytes, to: folder + "/" + file.path)
                counted(file.path)
            } catch {
                record(error)
            }
        }

        /// Starts a file written in pieces into the new site.
        public func addInPieces(_ path: String) -> any FilePieces {
            do {
                try makeFolders(for: path)
                let location = folder + "/" + path
                return Pieces(staging: self, path: path, location: location, descriptor: try FileSystem.create(location))
            } catch {
                record(error)
                return Pieces(staging: self, path: path, location: "", descriptor: -1)
            }
        }

        /// Creates the folders above `path` in the new site that are not there yet.
        private func makeFolders(for path: String) throws {
            var ancestors: [String] = []
            var rest = Substring(path)
            while let slash = rest.lastIndex(of: "/") {
                rest = rest[..<slash]
                ancestors.append(String(rest))
            }
            for ancestor in ancestors.reversed() where !state.withLock({ $0.folders.contains(ancestor) }) {
                try FileSystem.makeDirectory(folder + "/" + ancestor)
                state.withLock { _ = $0.folders.insert(ancestor) }
            }
        }

        private func counted(_ path: String) {
            state.withLock { state in
                state.files += 1
                if path.hasSuffix(".html") { state.pages += 1 }
            }
        }

        private func record(_ error: any Error) {
            state.withLock { state in
                if state.failure == nil { state.failure = .system("\(error)") }
            }
        }

        /// A file of the new site written in pieces.
        private final class Pieces: FilePieces {
            let staging: Staging
            let path: String
            let location: String
            var descriptor: Int32

            init(staging: Staging, path: String, location: String, descriptor: Int32) {
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
                    close()
                }
            }

            func close() {
                guard descriptor >= 0 else { return }
                Glibc.close(descriptor)
                descriptor = -1
                staging.counted(path)
            }
        }

        /// Puts the new site in the output folder's place, in one step where
        /// the kernel allows, and removes the old one. On failure the output
        /// folder is left as it was and the staging folder is removed.
        public func commit() throws(Failure) {
            add(SiteWriter.marker)
            if let failure = state.withLock({ $0.failure }) {
                discard()
                throw failure
            }
            do {
                if FileSystem.entryType(output) == .directory {
                    try SiteWriter.exchange(folder, output)
                    try FileSystem.removeTree(folder)
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
