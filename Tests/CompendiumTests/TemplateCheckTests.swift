@testable import Compendium
import Testing

@Suite struct TemplateCheckTests {
    @Test func unknownNamesPartialsAndParentsAreReportedWithPositions() {
        let text = "<p>{{titel}}</p>\n{{#document}}{{.summary}}{{/document}}\n  {{>partials/itme}} {{<layot}}{{/layot}}\n{{! {{nonsense}} }}"
        let diagnostics = TemplateCheck.check(text, file: "t/page.mustache", templates: ["partials/item", "layout"])
        #expect(diagnostics.map { "\($0.location) \($0.reason.ruleID)" } == [
            "t/page.mustache:1:4 template.unknown-name",
            "t/page.mustache:3:3 template.missing",
            "t/page.mustache:3:22 template.missing",
        ])
    }

    @Test func transformsDotsAndTripleBracesAreUnderstood() {
        let text = "{{{body}}} {{#empty(facts)}}x{{/empty(facts)}} {{.}} {{site.title}} {{& document.body}} {{$main}}{{/main}}"
        #expect(TemplateCheck.check(text, file: "t", templates: []).isEmpty)
    }

    @Test func theDefaultTemplateSetPassesTheCheck() {
        let (set, diagnostics) = TemplateSet.load(from: [Repository.defaultTemplates], displayPaths: ["themes/default"],
                                                  required: SiteRenderer.requiredTemplates)
        #expect(diagnostics.isEmpty, "\(diagnostics.map(HumanFormat().headline))")
        #expect(set != nil)
    }

    /// Every name any page of the fixture sites provides is one the check knows,
    /// so the list of known names cannot fall behind the renderer.
    @Test(arguments: ["basic", "warnings"])
    func everyProvidedNameIsKnown(_ fixture: String) throws {
        let paths = ProjectPaths(content: "content", templates: [Repository.defaultTemplates], configuration: "compendium.yml")
        let project = try #require(Project.load(paths, in: Repository.fixtures + "/" + fixture).0)
        let documents = project.content.documents.compactMap { DocumentParser.parse($0).0 }
            .compactMap { DocumentModeller.model($0, pillars: project.configuration.pillars.map(\.slug)).0 }
            .filter { !$0.draft }
        let (site, _) = Indexer.index(documents: documents, drafts: [], attachments: project.content.attachments,
                                      configuration: project.configuration)
        let renderer = SiteRenderer(site: site, templates: project.templates)
        var provided = Set<String>()
        for page in renderer.pages { collectKeys(renderer.context(for: page).context, into: &provided) }
        #expect(provided.subtracting(TemplateCheck.knownNames).sorted() == [])
    }

    private func collectKeys(_ value: Any, into keys: inout Set<String>) {
        if let dictionary = value as? [String: Any] {
            for (key, child) in dictionary {
                keys.insert(key)
                collectKeys(child, into: &keys)
            }
        } else if let array = value as? [Any] {
            for child in array { collectKeys(child, into: &keys) }
        }
    }
}
