import Compendium
import Dispatch
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Wakes the preview as soon as a file of the project may have changed,
/// through the kernel's notices (inotify) on every folder of the content and
/// the template sets, and on the configuration and consent files, instead of
/// waiting for the next reading of every file's stamp. Only on Linux; elsewhere
/// `make` gives `nil` and the preview reads stamps at intervals.
final class ProjectWatcher: @unchecked Sendable {
    private let paths: ProjectPaths
    private let directory: String
    private let descriptor: Int32
    /// The folders watched for any change, by watch number.
    private var folders: [Int32: String] = [:]
    /// The folders watched for changes to a few of their files only (the
    /// configuration's and the consent register's), by watch number.
    private var files: [Int32: Set<String>] = [:]
    /// Whether a folder may have appeared since the folders were last looked
    /// for: a notice said one was made or moved in, or notices were lost.
    private var foldersMayHaveChanged = true
    private let lock = NSLock()

    /// How long to wait for more notices after the first, so that a save
    /// made of several writes is built once.
    static let settling = 5

    private init(paths: ProjectPaths, directory: String, descriptor: Int32) {
        self.paths = paths
        self.directory = directory
        self.descriptor = descriptor
    }

    deinit {
        close(descriptor)
    }

    /// A watcher for the project at `paths` (relative to `directory`), or `nil` where the kernel gives no notices.
    static func make(paths: ProjectPaths, directory: String) -> ProjectWatcher? {
        #if os(Linux)
        let descriptor = inotify_init1(Int32(IN_NONBLOCK | IN_CLOEXEC))
        guard descriptor >= 0 else { return nil }
        let watcher = ProjectWatcher(paths: paths, directory: directory, descriptor: descriptor)
        watcher.refresh()
        return watcher
        #else
        return nil
        #endif
    }

    /// Watches every folder there is now, so folders made since are watched
    /// too. The folders are looked for again only when a notice said one may
    /// have appeared, unless `everywhere` (for a change the notices missed).
    func refresh(everywhere: Bool = false) {
        #if os(Linux)
        let mask = UInt32(IN_CLOSE_WRITE | IN_MOVED_TO | IN_MOVED_FROM | IN_CREATE | IN_DELETE | IN_MODIFY | IN_ATTRIB
                          | IN_DELETE_SELF | IN_MOVE_SELF)
        lock.lock()
        defer { lock.unlock() }
        guard everywhere || foldersMayHaveChanged else { return }
        foldersMayHaveChanged = false
        for folder in paths.folders(in: directory) {
            let watch = inotify_add_watch(descriptor, folder, mask)
            if watch >= 0 { folders[watch] = folder }
        }
        for file in [paths.configuration, paths.consent] {
            let path = ProjectPaths.onDisk(file, in: directory)
            let slash = path.lastIndex(of: "/")
            let folder = slash.map { String(path[..<$0]) } ?? "."
            let name = slash.map { String(path[path.index(after: $0)...]) } ?? path
            let watch = inotify_add_watch(descriptor, folder.isEmpty ? "/" : folder, mask)
            if watch >= 0, folders[watch] == nil { files[watch, default: []].insert(name) }
        }
        #endif
    }

    /// Waits up to `milliseconds` for a notice that a project file changed,
    /// then for the notices that follow it to settle; true when there was one.
    func wait(milliseconds: Int) async -> Bool {
        await withCheckedContinuation { continuation in
            DispatchQueue.global().async {
                guard self.next(within: milliseconds) else { return continuation.resume(returning: false) }
                while self.next(within: Self.settling) {}
                continuation.resume(returning: true)
            }
        }
    }

    /// Waits up to `milliseconds` for notices and reads them; true when one concerns the project.
    private func next(within milliseconds: Int) -> Bool {
        var request = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
        guard poll(&request, 1, Int32(milliseconds)) > 0 else { return false }
        var buffer = [UInt8](repeating: 0, count: 65_536)
        let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
        guard count > 0 else { return false }
        return concernsProject(buffer[..<count])
    }

    /// Whether any notice in `bytes` (a run of inotify events) concerns a project file.
    private func concernsProject(_ bytes: ArraySlice<UInt8>) -> Bool {
        lock.lock()
        defer { lock.unlock() }
        var offset = bytes.startIndex
        var concerns = false
        let header = 16
        while offset + header <= bytes.endIndex {
            let watch = bytes.withUnsafeBytes { $0.loadUnaligned(fromByteOffset: offset - bytes.startIndex, as: Int32.self) }
            let kind = bytes.withUnsafeBytes { $0.loadUnaligned(fromByteOffset: offset - bytes.startIndex + 4, as: UInt32.self) }
            let length = Int(bytes.withUnsafeBytes { $0.loadUnaligned(fromByteOffset: offset - bytes.startIndex + 12, as: UInt32.self) })
            let nameBytes = bytes[(offset + header)..<min(bytes.endIndex, offset + header + length)].prefix { $0 != 0 }
            if kind & UInt32(IN_Q_OVERFLOW) != 0 {
                // Notices were lost: anything may have changed, folders too.
                foldersMayHaveChanged = true
                concerns = true
            } else if folders[watch] != nil {
                if kind & UInt32(IN_ISDIR) != 0, kind & UInt32(IN_CREATE | IN_MOVED_TO) != 0 { foldersMayHaveChanged = true }
                concerns = true
            } else if let names = files[watch], names.contains(String(decoding: nameBytes, as: UTF8.self)) {
                concerns = true
            }
            offset += header + length
        }
        return concerns
    }
}
