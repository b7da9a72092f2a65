#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Small, fast file operations on POSIX paths.
enum FileSystem {
    /// What a directory entry is, without following symbolic links.
    enum EntryType { case file, directory, symbolicLink, other }

    /// An error from the operating system, with the path it concerned.
    struct Failure: Error, CustomStringConvertible {
        let path: String
        let code: Int32
        var description: String { "\(path): \(String(cString: strerror(code)))" }
    }

    /// The type of the entry at `path`, or `nil` if there is none.
    static func entryType(_ path: String) -> EntryType? {
        status(path)?.type
    }

    /// The type of the entry at `path` and a stamp that changes when its
    /// contents do (without following symbolic links); `nil` if there is none.
    static func status(_ path: String) -> (type: EntryType, stamp: FileStamp)? {
        var info = stat()
        guard lstat(path, &info) == 0 else { return nil }
        let type: EntryType
        switch info.st_mode & S_IFMT {
        case S_IFREG: type = .file
        case S_IFDIR: type = .directory
        case S_IFLNK: type = .symbolicLink
        default: type = .other
        }
        let stamp = FileStamp(seconds: Int(info.st_mtim.tv_sec), nanoseconds: Int(info.st_mtim.tv_nsec),
                              size: Int(info.st_size), inode: UInt64(info.st_ino))
        return (type, stamp)
    }

    /// The names in a directory, sorted by their UTF-8 bytes, without `.` and `..`.
    static func names(in directory: String) throws -> [String] {
        try entries(in: directory).map(\.name)
    }

    /// The entries of a directory, sorted by their names' UTF-8 bytes, without `.` and `..`, each
    /// with its type when the listing says it (as most file systems do), else `nil`.
    static func entries(in directory: String) throws -> [(name: String, type: EntryType?)] {
        guard let handle = opendir(directory) else { throw Failure(path: directory, code: errno) }
        defer { closedir(handle) }
        var entries: [(name: String, type: EntryType?)] = []
        // A record is read field by field where it lies: it is only as long as its name, so copying
        // the whole 256-byte `d_name` field could read past the end of readdir's buffer.
        let nameOffset = MemoryLayout<dirent>.offset(of: \.d_name)!
        let typeOffset = MemoryLayout<dirent>.offset(of: \.d_type)!
        while let entry = readdir(handle) {
            let name = String(cString: (UnsafeRawPointer(entry) + nameOffset).assumingMemoryBound(to: CChar.self))
            guard name != "." && name != ".." else { continue }
            let type: EntryType?
            switch Int((UnsafeRawPointer(entry) + typeOffset).load(as: UInt8.self)) {
            case Int(DT_REG): type = .file
            case Int(DT_DIR): type = .directory
            case Int(DT_LNK): type = .symbolicLink
            case Int(DT_UNKNOWN): type = nil
            default: type = .other
            }
            entries.append((name, type))
        }
        return entries.sorted { $0.name.utf8.lexicographicallyPrecedes($1.name.utf8) }
    }

    /// The whole contents of a regular file.
    static func read(_ path: String) throws(Failure) -> [UInt8] {
        try read(opened: openForReading(path), path: path)
    }

    /// A descriptor for reading the regular file at `path`, not following a symbolic link.
    static func openForReading(_ path: String) throws(Failure) -> Int32 {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW)
        guard descriptor >= 0 else { throw Failure(path: path, code: errno) }
        return descriptor
    }

    /// The whole contents of the file open as `descriptor` (from `openForReading(path)`), which is closed.
    static func read(opened descriptor: Int32, path: String) throws(Failure) -> [UInt8] {
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0 else { throw Failure(path: path, code: errno) }
        // One byte more than the size, so that reading it all is seen to reach the end.
        var capacity = max(0, Int(info.st_size)) + 1
        var bytes: [UInt8] = []
        while true {
            var code: Int32 = 0
            let chunk = [UInt8](unsafeUninitializedCapacity: capacity - bytes.count) { buffer, count in
                count = 0
                while count < buffer.count {
                    let read = Glibc.read(descriptor, buffer.baseAddress! + count, buffer.count - count)
                    if read < 0 && errno == EINTR { continue }
                    if read < 0 { code = errno }
                    if read <= 0 { break }
                    count += read
                }
            }
            guard code == 0 else { throw Failure(path: path, code: code) }
            let full = bytes.count + chunk.count == capacity
            if bytes.isEmpty { bytes = chunk } else { bytes += chunk }
            guard full else { return bytes }
            capacity *= 2
        }
    }

    /// Writes `bytes` to a new file at `path`, which must not exist.
    static func write(_ bytes: [UInt8], to path: String) throws(Failure) {
        let descriptor = try create(path)
        defer { close(descriptor) }
        try write(bytes, to: descriptor, path: path)
    }

    /// Creates a new file at `path`, which must not exist, open for writing.
    static func create(_ path: String) throws(Failure) -> Int32 {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, 0o644)
        guard descriptor >= 0 else { throw Failure(path: path, code: errno) }
        return descriptor
    }

    /// Writes all of `bytes` to the open file `descriptor` (the file at `path`, for messages).
    static func write(_ bytes: [UInt8], to descriptor: Int32, path: String) throws(Failure) {
        var written = 0
        while written < bytes.count {
            let count = bytes.withUnsafeBytes { buffer in
                Glibc.write(descriptor, buffer.baseAddress! + written, buffer.count - written)
            }
            if count < 0 {
                if errno == EINTR { continue }
                throw Failure(path: path, code: errno)
            }
            written += count
        }
    }

    /// Creates a directory; succeeds if it already exists as a directory.
    static func makeDirectory(_ path: String) throws {
        if mkdir(path, 0o755) == 0 { return }
        let code = errno
        if code == EEXIST, entryType(path) == .directory { return }
        throw Failure(path: path, code: code)
    }

    /// Removes a file, or a directory and everything in it, without following links.
    static func removeTree(_ path: String) throws {
        guard let type = entryType(path) else { return }
        if type == .directory {
            for name in try names(in: path) {
                try removeTree(path + "/" + name)
            }
            guard rmdir(path) == 0 else { throw Failure(path: path, code: errno) }
        } else {
            guard unlink(path) == 0 else { throw Failure(path: path, code: errno) }
        }
    }

    /// Renames `source` to `destination`, replacing an empty directory or a file.
    static func rename(_ source: String, to destination: String) throws {
        guard Glibc.rename(source, destination) == 0 else { throw Failure(path: source, code: errno) }
    }
}

/// What changes when a file's contents change: its modification time, size and inode.
struct FileStamp: Sendable, Hashable {
    let seconds: Int
    let nanoseconds: Int
    let size: Int
    let inode: UInt64

    /// What a listing that does not look at files gives each one: equal to no stamp read from a file.
    static let notRead = FileStamp(seconds: 0, nanoseconds: 0, size: -1, inode: 0)
}
