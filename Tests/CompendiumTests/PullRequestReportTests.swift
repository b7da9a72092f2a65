@testable import Compendium
import Testing

/// The report posted on a pull request, from two versions of a fixture's content.
@Suite struct PullRequestReportTests {
    private func check(_ documents: [SourceFile], attachments: [SourceFile] = []) throws -> CheckResult {
        let paths = ProjectPaths(content: "content", templates: [Repository.defaultTemplates], configuration: "compendium.yml")
        let project = try #require(Project.load(paths, in: Repository.fixtures + "/basic").0)
        return SiteBuilder.check(content: ContentFiles(documents: documents, attachments: project.content.attachments),
                                 configuration: project.configuration)
    }

    private var baseDocuments: [SourceFile] {
        get throws {
            let paths = ProjectPaths(content: "content", templates: [Repository.defaultTemplates], configuration: "compendium.yml")
            return try #require(Project.load(paths, in: Repository.fixtures + "/basic").0).content.documents
        }
    }

    private func file(_ path: String, _ text: String) -> SourceFile {
        SourceFile(relativePath: path, displayPath: "content/" + path, bytes: Array(text.utf8))
    }

    @Test func listsWhatAChangeAddsChangesAndBreaks() throws {
        let base = try baseDocuments
        var head = base.filter { $0.relativePath != "pages/about.md" }
        head = head.map { source in
            guard source.relativePath == "themes/banding.md" else { return source }
            return file(source.relativePath, "---\ntitle: Banding\nsummary: Pay bands, and how they are set.\n---\n")
        }
        head.append(file("meetings/2025-05-03.md", """
            ---
            title: Banding
            date: 2025-05-03
            series: spring-series
            session: 3
            themes: [banding]
            topics: [job evaluation]
            ---
            See [[supervison-guide]]. Questions to ann.other@nhs.net.
            """))
        let report = PullRequestReport(head: try check(head), base: try check(base), strict: true).markdown
        #expect(report == """
            ## Compendium check

            **2 errors, 0 warnings**: the site will not be published until the errors below are fixed.

            ### New pages (1)

            | Page | Address | Themes | Topics |
            |---|---|---|---|
            | Meeting: Banding | `/meetings/2025-05-03/` | Banding | job evaluation |

            ### Changed pages (1)

            | Page | Address | Themes | Topics |
            |---|---|---|---|
            | Theme: Banding | `/themes/banding/` |  |  |

            ### Removed pages (1)

            - About (`/about/`)

            ### New themes and topics (1)

            - Topic: job evaluation

            ### Lists, indexes and linked pages that will change (6)

            - `/`
            - `/meetings/`
            - `/series/spring-series/`
            - `/themes/`
            - `/topics/`
            - `/topics/job-evaluation/`

            ### Broken links (1)

            - `content/meetings/2025-05-03.md:9:5` **error**: wiki-link \\[\\[supervison-guide\\]\\] has no target (did you mean \\[\\[supervision-guide\\]\\]?)

            ### Privacy (1)

            - `content/meetings/2025-05-03.md:9:40` **error**: an e-mail address (a\\*\\*\\*@nhs.net) would be published (remove it; a person who agreed can have it as 'contact' with 'contact\\_public: true', and a role address can be listed under 'role\\_addresses' in compendium.yml)

            """)
    }

    @Test func aCleanChangeSaysTheSiteCanBePublished() throws {
        let base = try baseDocuments
        let report = PullRequestReport(head: try check(base), base: try check(base)).markdown
        #expect(report == "## Compendium check\n\n**no problems found**: the site can be published.\n")
    }
}
