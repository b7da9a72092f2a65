/// The stamps (modification time, size, inode) of every file a project is
/// built from: the content, the template sets, the configuration and the
/// consent register. Two readings differ when a file was edited, added,
/// removed or renamed, so polling them notices every edit cheaply.
public struct ProjectStamps: Sendable, Equatable {
    private var entries: [PathKey: FileStamp] = [:]

    /// Reads the stamps of the project at `paths`, relative to `directory`.
    public static func read(_ paths: ProjectPaths, in directory: String = ".") -> ProjectStamps {
        func onDisk(_ path: String) -> String { ProjectPaths.onDisk(path, in: directory) }
        var stamps = ProjectStamps()
        for (index, folder) in ([paths.content] + paths.templates).enumerated() {
            for found in ContentLoader.scan(directory: onDisk(folder), displayPrefix: folder).0 {
                stamps.entries[PathKey("\(index):\(found.path)")] = found.stamp
            }
        }
        for file in [paths.configuration, paths.consent] {
            if let status = FileSystem.status(onDisk(file)) { stamps.entries[PathKey("file:\(file)")] = status.stamp }
        }
        return stamps
    }
}
