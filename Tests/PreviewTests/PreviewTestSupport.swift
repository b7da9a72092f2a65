import Foundation

/// A scratch folder for one test, removed afterwards.
struct Scratch {
    let path: String

    init(_ label: String = #function) throws {
        let name = "compendium-preview-\(label.filter { $0.isLetter || $0.isNumber })-\(UUID().uuidString)"
        path = FileManager.default.temporaryDirectory.appendingPathComponent(name).path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    func remove() { try? FileManager.default.removeItem(atPath: path) }

    func at(_ relative: String) -> String { path + "/" + relative }

    func write(_ relative: String, _ text: String) throws {
        try write(relative, bytes: Array(text.utf8))
    }

    func write(_ relative: String, bytes: [UInt8]) throws {
        let full = at(relative)
        try FileManager.default.createDirectory(atPath: (full as NSString).deletingLastPathComponent,
                                                withIntermediateDirectories: true)
        guard FileManager.default.createFile(atPath: full, contents: Data(bytes)) else { throw CocoaError(.fileWriteUnknown) }
    }

    func read(_ relative: String) -> String? {
        FileManager.default.contents(atPath: at(relative)).map { String(decoding: $0, as: UTF8.self) }
    }

    func link(_ relative: String, to destination: String) throws {
        try FileManager.default.createSymbolicLink(atPath: at(relative), withDestinationPath: destination)
    }

    /// Copies the `basic` fixture project (configuration and content) into this folder.
    func copyBasicProject() throws {
        let fixture = Repository.root + "/Tests/CompendiumTests/Fixtures/basic"
        let files = try FileManager.default.subpathsOfDirectory(atPath: fixture + "/content").map { "content/" + $0 }
        for file in ["compendium.yml"] + files {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: fixture + "/" + file, isDirectory: &isDirectory),
                  !isDirectory.boolValue else { continue }
            try write(file, bytes: Array(FileManager.default.contents(atPath: fixture + "/" + file)!))
        }
    }
}

/// Paths inside the repository, found from this file's location.
enum Repository {
    static let root: String = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { url.deleteLastPathComponent() }
        return url.path
    }()

    static var defaultTemplates: String { root + "/themes/default" }
}
