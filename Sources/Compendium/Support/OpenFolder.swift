#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A folder held open, in which paths are found from the folder itself
/// rather than by walking the folder's own path again for each one: the
/// many files of a site are written quicker so.
final class OpenFolder: Sendable {
    /// The folder's path, which messages about what is in it show.
    let path: String
    private let descriptor: Int32

    /// Opens the folder at `path`.
    init(_ path: String) throws(FileSystem.Failure) {
        let descriptor = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard descriptor >= 0 else { throw FileSystem.Failure(path: path, code: errno) }
        self.path = path
        self.descriptor = descriptor
    }

    deinit {
        close(descriptor)
    }

    /// Creates the folder at `relative` inside this one; succeeds if it is there already as a folder.
    func makeDirectory(_ relative: String) throws(FileSystem.Failure) {
        if mkdirat(descriptor, relative, 0o755) == 0 { return }
        let code = errno
        let location = path + "/" + relative
        if code == EEXIST, FileSystem.entryType(location) == .directory { return }
        throw FileSystem.Failure(path: location, code: code)
    }

    /// Creates a new file at `relative` inside this folder, which must not exist, open for writing.
    func create(_ relative: String) throws(FileSystem.Failure) -> Int32 {
        let file = openat(descriptor, relative, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, 0o644)
        guard file >= 0 else { throw FileSystem.Failure(path: path + "/" + relative, code: errno) }
        return file
    }

    /// Writes `bytes` to a new file at `relative` inside this folder, which must not exist.
    func write(_ bytes: [UInt8], to relative: String) throws(FileSystem.Failure) {
        let file = try create(relative)
        defer { close(file) }
        try FileSystem.write(bytes, to: file, path: path + "/" + relative)
    }
}
