@testable import Compendium
import Testing

@Suite struct TemplateCheckTests {
    @Test func unknownNamesPartialsAndParentsAreReportedWithPositions() throws {
        let text = "<p>{{titel}}</p>\n{{#document}}{{.summary}}{{/document}}\n  {{>partials/itme}} {{<layot}}{{/layot}}\n{{! {{nonsense}} }}"
        let template = try #require(try? TemplateParser.parse(text).get())
        let diagnostics = TemplateCheck.check(template, file: "t/page.mustache", templates: ["partials/item", "layout"])
        #expect(diagnostics.map { "\($0.location) \($0.reason.ruleID)" } == [
            "t/page.mustache:1:4 template.unknown-name",
            "t/page.mustache:3:3 template.missing",
            "t/page.mustache:3:22 template.missing",
        ])
    }

    @Test func dotsAndTripleBracesAreUnderstood() throws {
        let text = "{{{body}}} {{#facts}}x{{/facts}} {{.}} {{.summary}} {{site.title}} {{& document.body}} {{$main}}{{/main}}"
        let template = try #require(try? TemplateParser.parse(text).get())
        #expect(TemplateCheck.check(template, file: "t", templates: []).isEmpty)
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
        let documents = Unit.checked(project.content.documents, pillars: project.configuration.pillars.map(\.slug))
            .filter { !$0.document.draft }
        let (site, _) = Unit.index(documents, attachments: project.content.attachments, configuration: project.configuration)
        let renderer = SiteRenderer(site: site, templates: project.templates)
        var provided = Set<String>()
        for page in renderer.pages { collectKeys(renderer.context(for: page).context, into: &provided) }
        #expect(provided.subtracting(TemplateCheck.knownNames).sorted() == [])
    }

    private func collectKeys(_ record: TemplateRecord, into keys: inout Set<String>) {
        for (key, child) in record.fields {
            keys.insert(key)
            collectKeys(child, into: &keys)
        }
    }

    private func collectKeys(_ value: TemplateValue, into keys: inout Set<String>) {
        switch value {
        case .record(let record): collectKeys(record, into: &keys)
        case .list(let list): for child in list { collectKeys(child, into: &keys) }
        case .text, .flag, .hole: break
        }
    }
}
