/// The stamps (modification time, size, inode) of every file a project is
/// built from: the content, the template sets, the configuration and the
/// consent register. Two readings differ when a file was edited, added,
/// removed or renamed, so polling them notices every edit cheaply.
public struct ProjectStamps: Sendable, Equatable {
    private var entries: [[UInt8]: FileStamp] = [:]

    /// Reads the stamps of the project at `paths`, relative to `directory`.
    public static func read(_ paths: ProjectPaths, in directory: String = ".") -> ProjectStamps {
        func onDisk(_ path: String) -> String { ProjectPaths.onDisk(path, in: directory) }
        var stamps = ProjectStamps()
        for (index, folder) in ([paths.content] + paths.templates).enumerated() {
            for found in ContentLoader.scan(directory: onDisk(folder), displayPrefix: folder).0 {
                stamps.entries[Array("\(index):\(found.path)".utf8)] = found.stamp
            }
        }
        for file in [paths.configuration, paths.consent] {
            if let status = FileSystem.status(onDisk(file)) { stamps.entries[Array("file:\(file)".utf8)] = status.stamp }
        }
        return stamps
    }
}
