import ArgumentParser
import Compendium
import Foundation

/// `compendium new <kind> "Title"`: starts a document from a template.
struct NewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "new",
        abstract: "Start a new document: writes a file with every field explained, and prints its path.",
        discussion: "Kinds: " + Kind.allCases.map(\.rawValue).joined(separator: ", ") + ". Existing files are never overwritten."
    )

    @Argument(help: "What to add: meeting, slides, job, resource, theme, organisation, series or page.")
    var kind: Kind

    @Argument(help: "Its title, in quotes.")
    var title: String

    @Option(help: ArgumentHelp("For meetings and slides: the day, as YYYY-MM-DD (default: today).", valueName: "date"))
    var date: String?

    @Option(name: .customLong("resource-kind"), help: "For resources: handbook, film, guide, paper, training, website…")
    var resourceKind: ResourceKind?

    @Option(help: "The folder of Markdown documents.")
    var content = "content"

    func validate() throws {
        if let date, Day(iso: date) == nil { throw ValidationError("'\(date)' is not a date; write it as YYYY-MM-DD") }
        if title.trimmingCharacters(in: .whitespaces).isEmpty { throw ValidationError("give the document a title") }
    }

    func run() throws {
        let day = date.flatMap(Day.init(iso:)) ?? (kind == .meeting || kind == .slides ? Self.today : nil)
        let folder = content + "/" + kind.folder
        let path = folder + "/" + DocumentTemplate.fileName(kind: kind, title: title, date: day)
        let themes = ((try? FileManager.default.contentsOfDirectory(atPath: content + "/themes")) ?? [])
            .filter { $0.hasSuffix(".md") }.map { String($0.dropLast(3)) }
        let text = DocumentTemplate.text(kind: kind, title: title, date: day, resourceKind: resourceKind, themes: themes)
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        // Create the file only if it does not exist, so nothing the user wrote is ever replaced.
        let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL, 0o644)
        guard descriptor >= 0 else {
            Terminal.error(errno == EEXIST ? "\(path) already exists; it was left as it is (choose another title or --date)"
                                           : "cannot create \(path): \(String(cString: strerror(errno)))")
            throw ExitCode(1)
        }
        let handle = FileHandle(fileDescriptor: descriptor, closeOnDealloc: true)
        handle.write(Data(text.utf8))
        print(path)
    }

    private static var today: Day? {
        let parts = Calendar(identifier: .gregorian).dateComponents([.year, .month, .day], from: Date())
        guard let year = parts.year, let month = parts.month, let day = parts.day else { return nil }
        return Day(iso: String(format: "%04d-%02d-%02d", year, month, day))
    }
}

extension Kind: ExpressibleByArgument {
    public init?(argument: String) {
        guard let kind = Kind(rawValue: argument) ?? Kind(folder: argument) else { return nil }
        self = kind
    }
}

extension ResourceKind: ExpressibleByArgument {}
