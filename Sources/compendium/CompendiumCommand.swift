import ArgumentParser
import Compendium

/// `compendium`: builds a cross-linked website from a folder of Markdown.
@main
struct CompendiumCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "compendium",
        abstract: "Build a cross-linked compendium of learning from a folder of Markdown.",
        subcommands: [BuildCommand.self, CheckCommand.self, ServeCommand.self, NewCommand.self]
    )

    /// Runs the command the arguments name, with the heap set up first.
    static func main() async {
        HeapPages.preferLarge()
        await main(nil)
    }
}

/// Where the project's parts are, shared by the commands that read a project.
struct ProjectOptions: ParsableArguments {
    @Option(help: "The folder of Markdown documents.")
    var content = "content"

    @Option(help: ArgumentHelp(
        "The template set (the site's visual theme): a folder with templates/ and assets/. Give it again to "
            + "override single files: a file in a later folder replaces the one with the same path in an earlier folder.",
        valueName: "folder"))
    var theme: [String] = []

    @Option(help: "The site configuration file.")
    var config = "compendium.yml"

    @Option(help: "The consent register: people who agreed to be named, and where.")
    var consent = "consent.yml"

    @Flag(help: "Include documents marked 'draft: true'.")
    var drafts = false

    @Option(help: ArgumentHelp("The address the site is published at; overrides base_url.", valueName: "url"))
    var baseURL: String?

    @Flag(inversion: .prefixedNo, help: "Look for e-mail addresses, phone numbers, NHS numbers and names.")
    var privacy = true

    var paths: ProjectPaths {
        ProjectPaths(content: content, templates: theme.isEmpty ? ["themes/default"] : theme, configuration: config,
                     consent: consent)
    }

    var buildOptions: BuildOptions {
        BuildOptions(includeDrafts: drafts, baseURL: baseURL, privacyLint: privacy)
    }
}
