@testable import Compendium
import Testing

// Unit tests of the template set used by the render stage: loading layered
// folders, and reporting broken or missing templates.

@Suite struct TemplateSetUnitTests {
    /// Writes a template set with `templates` and `assets` under `root` in `folder`.
    private func makeSet(_ folder: ScratchFolder, _ root: String,
                         templates: [String: String], assets: [String: String] = [:]) throws {
        for (name, text) in templates { try folder.write("\(root)/templates/\(name).mustache", text) }
        for (path, text) in assets { try folder.write("\(root)/assets/\(path)", text) }
    }

    @Test func aLaterFolderOverridesTemplatesAndAssets() throws {
        try ScratchFolder.with { folder in
            try makeSet(folder, "base", templates: [
                "home": "<h1>{{title}}</h1>",
                "page": "base page {{title}}",
                "partials/footer": "base footer",
            ], assets: ["style.css": "base css", "script.js": "js"])
            try makeSet(folder, "site", templates: [
                "page": "site page {{title}} / {{>partials/footer}}",
            ], assets: ["style.css": "site css"])
            try folder.write("site/templates/README.md", "not a template")

            let (set, diagnostics) = TemplateSet.load(from: [folder.at("base"), folder.at("site")],
                                                      displayPaths: ["themes/default", "my-theme"],
                                                      required: ["home", "page"])
            #expect(diagnostics == [])
            let templates = try #require(set)
            #expect(templates.templateNames == ["home", "page", "partials/footer"])
            #expect(String(decoding: templates.render("page", ["title": "About"]), as: UTF8.self) == "site page About / base footer")
            #expect(String(decoding: templates.render("home", ["title": "Compendium"]), as: UTF8.self) == "<h1>Compendium</h1>")
            #expect(templates.assets == [
                OutputFile(path: "assets/script.js", text: "js"),
                OutputFile(path: "assets/style.css", text: "site css"),
            ])
        }
    }

    @Test func theOrderOfTheFoldersDecides() throws {
        try ScratchFolder.with { folder in
            try makeSet(folder, "a", templates: ["page": "A"], assets: ["style.css": "A"])
            try makeSet(folder, "b", templates: ["page": "B"], assets: ["style.css": "B"])
            let (set, _) = TemplateSet.load(from: [folder.at("b"), folder.at("a")], displayPaths: ["b", "a"], required: ["page"])
            let templates = try #require(set)
            #expect(String(decoding: templates.render("page", [:]), as: UTF8.self) == "A")
            #expect(templates.assets == [OutputFile(path: "assets/style.css", text: "A")])
        }
    }

    @Test func aSyntaxErrorIsReportedWithFileLineAndColumn() throws {
        try ScratchFolder.with { folder in
            try makeSet(folder, "base", templates: ["home": "{{title}}", "page": "{{title}}"])
            try makeSet(folder, "site", templates: ["page": "<main>\n  {{#items}}\n  {{title}}\n  {{/item}}\n</main>\n"])
            let (set, diagnostics) = TemplateSet.load(from: [folder.at("base"), folder.at("site")],
                                                      displayPaths: ["themes/default", "my-theme"],
                                                      required: ["home", "page"])
            #expect(set == nil)
            #expect(diagnostics.map(\.reason) == [.templateSyntax(problem: "a closing tag does not match the section it closes")])
            #expect(diagnostics.map(\.location.file) == ["my-theme/templates/page.mustache"])
            #expect(diagnostics.map(\.location.line) == [4])
        }
    }

    /// The parser stops at the name in the closing tag `{{/item}}`: line 4, column 6.
    @Test
    func aSyntaxErrorIsPlacedAtTheExactColumn() throws {
        try ScratchFolder.with { folder in
            try makeSet(folder, "site", templates: ["page": "<main>\n  {{#items}}\n  {{title}}\n  {{/item}}\n</main>\n"])
            let (_, diagnostics) = TemplateSet.load(from: [folder.at("site")], displayPaths: ["my-theme"], required: ["page"])
            #expect(diagnostics == [Unit.diagnostic(
                .templateSyntax(problem: "a closing tag does not match the section it closes"),
                "my-theme/templates/page.mustache", 4, 6)])
            try makeSet(folder, "other", templates: ["page": "{{/item}}"])
            let (_, firstLine) = TemplateSet.load(from: [folder.at("other")], displayPaths: ["other"], required: [])
            #expect(firstLine.map(\.location.description) == ["other/templates/page.mustache:1:4"])
        }
    }

    @Test func aSectionThatIsNeverClosed() throws {
        try ScratchFolder.with { folder in
            try makeSet(folder, "set", templates: ["page": "first line\n{{#items}}never closed"])
            let (set, diagnostics) = TemplateSet.load(from: [folder.at("set")], displayPaths: ["set"], required: ["page"])
            #expect(set == nil)
            #expect(diagnostics.map(\.reason) == [.templateSyntax(problem: "a section is never closed")])
            #expect(diagnostics.map(\.location.file) == ["set/templates/page.mustache"])
        }
    }

    @Test
    func aTagLeftOpenAtTheEnd() throws {
        try ScratchFolder.with { folder in
            try makeSet(folder, "set", templates: ["page": "<h1>{{title"])
            let (set, diagnostics) = TemplateSet.load(from: [folder.at("set")], displayPaths: ["set"], required: ["page"])
            #expect(set == nil)
            #expect(diagnostics.map(\.reason) == [.templateSyntax(problem: "a tag is not finished with }}")])
        }
    }

    @Test func aMissingRequiredTemplateIsReported() throws {
        try ScratchFolder.with { folder in
            try makeSet(folder, "base", templates: ["home": "{{title}}"])
            try makeSet(folder, "site", templates: ["page": "{{title}}"])
            let (set, diagnostics) = TemplateSet.load(from: [folder.at("base"), folder.at("site")],
                                                      displayPaths: ["themes/default", "my-theme"],
                                                      required: ["home", "page", "meeting", "list-meetings"])
            #expect(set == nil)
            #expect(diagnostics == [
                Unit.diagnostic(.missingTemplate(name: "meeting.mustache"), "my-theme/templates"),
                Unit.diagnostic(.missingTemplate(name: "list-meetings.mustache"), "my-theme/templates"),
            ])
        }
    }

    @Test func unknownNamesAndMissingPartialsAreReportedWhereTheyAre() throws {
        try ScratchFolder.with { folder in
            try makeSet(folder, "set", templates: [
                "page": "<h1>{{title}}</h1>\n  <p>{{titel}}</p>{{#items}}{{.}}{{/items}}\n{{>partials/itme}}",
                "partials/item": "{{name}}",
            ])
            let (set, diagnostics) = TemplateSet.load(from: [folder.at("set")], displayPaths: ["set"], required: ["page"])
            #expect(set == nil)
            #expect(diagnostics == [
                Unit.diagnostic(.unknownTemplateName(name: "titel"), "set/templates/page.mustache", 2, 6),
                Unit.diagnostic(.missingTemplate(name: "partials/itme.mustache"), "set/templates/page.mustache", 3, 1),
            ])
        }
    }

    @Test func aMissingFolderHasNoTemplates() throws {
        try ScratchFolder.with { folder in
            let (set, diagnostics) = TemplateSet.load(from: [folder.at("nowhere")], displayPaths: ["nowhere"], required: ["home"])
            #expect(set == nil)
            #expect(diagnostics == [Unit.diagnostic(.missingTemplate(name: "home.mustache"), "nowhere/templates")])
        }
    }

    @Test func aTemplateThatIsNotUTF8() throws {
        try ScratchFolder.with { folder in
            try folder.write("set/templates/page.mustache", bytes: [0x7B, 0x7B, 0xFF, 0x7D, 0x7D])
            let (set, diagnostics) = TemplateSet.load(from: [folder.at("set")], displayPaths: ["set"], required: [])
            #expect(set == nil)
            #expect(diagnostics == [Unit.diagnostic(.invalidUTF8, "set/templates/page.mustache")])
        }
    }

    @Test func theDefaultTemplateSetLoadsWithEveryRequiredTemplate() throws {
        let (set, diagnostics) = TemplateSet.load(from: [Repository.defaultTemplates], displayPaths: ["themes/default"],
                                                  required: SiteRenderer.requiredTemplates)
        #expect(diagnostics == [])
        let templates = try #require(set)
        #expect(Set(SiteRenderer.requiredTemplates).isSubset(of: templates.templateNames))
        #expect(templates.assets.map(\.path).contains("assets/style.css"))
    }
}

@Suite struct PageFrameUnitTests {
    /// A site with a document of most kinds, and the pages the site's links and navigation name.
    private func site(linkStyle: LinkStyle) -> IndexedSite {
        let files = [
            ("meetings/2025-11-21.md", Unit.text("title: First meeting\ndate: 2025-11-21")),
            ("meetings/2026-01-08.md", Unit.text("title: Second meeting\ndate: 2026-01-08")),
            ("themes/supervision.md", Unit.text("title: Supervision")),
            ("resources/guide.md", Unit.text("title: Guide\nkind: guide")),
            ("organisations/mpft.md", Unit.text("title: Midlands Partnership\nshort_name: MPFT")),
            ("pages/about.md", Unit.text("title: About")),
            ("pages/privacy.md", Unit.text("title: Privacy")),
            ("pages/contact.md", Unit.text("title: Contact")),
        ]
        var configuration = Unit.configuration
        configuration.linkStyle = linkStyle
        return Unit.index(Unit.checked(files.map { Unit.source($0.0, $0.1) }), configuration: configuration).0
    }

    @Test(arguments: [LinkStyle.directories, .files])
    func sharedPartsOfAKindGiveTheContextMadeForEachPage(linkStyle: LinkStyle) throws {
        let site = site(linkStyle: linkStyle)
        let plain = PageFrame(site: site, itemFaces: [])
        let shared = PageFrame(site: site, itemFaces: [], kindParts: plain.makeKindParts())
        #expect(plain.makeKindParts().compactMap { $0 }.count == Kind.allCases.count - 1)
        for position in site.documents.indices {
            let document = site.documents[position]
            let address = site.address(of: position)
            let made = plain.documentContext(kind: document.kind, address: address, title: document.title, description: nil)
            #expect(shared.documentContext(kind: document.kind, address: address, title: document.title, description: nil)
                    == made, "\(address)")
            // The same as a context made from scratch for the page.
            #expect(made == plain.context(address: address, title: document.title, description: nil,
                                          section: document.kind == .page ? address : SitePath.listing(document.kind),
                                          breadcrumbs: PageFrame.breadcrumbs(of: document.kind)))
        }
        // The about page marks itself as the current section, which no shared part could.
        let about = try #require(site.book.find("about", kind: .page))
        let nav = shared.documentContext(kind: .page, address: site.address(of: about), title: "About", description: nil)
            .value("nav")
        #expect(nav.map { "\($0)".contains("current") } == true)
    }
}
