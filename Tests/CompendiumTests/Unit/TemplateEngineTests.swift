@testable import Compendium
import Testing

// Unit tests of the template reader and renderer: Mustache's values,
// sections, standalone lines, partials and inheritance, and the positions of
// syntax errors.

@Suite struct TemplateEngineTests {
    /// Renders `main` from `templates` (by name) with `context`.
    private func render(_ templates: [String: String], _ context: TemplateRecord, main: String = "main") throws -> String {
        var parsed: [String: Template] = [:]
        for (name, text) in templates { parsed[name] = try TemplateParser.parse(text).get() }
        return String(decoding: TemplateRenderer.render(main, context: context, program: TemplateProgram(templates: parsed)), as: UTF8.self)
    }

    private func render(_ text: String, _ context: TemplateRecord) throws -> String {
        try render(["main": text], context)
    }

    private func error(_ text: String) -> TemplateSyntaxError? {
        if case .failure(let error) = TemplateParser.parse(text) { return error }
        return nil
    }

    @Test func valuesAreEscapedUnlessTheTagSaysOtherwise() throws {
        let context: TemplateRecord = ["a": "<b>\"x\" & 'y'</b>", "n": 3, "yes": true]
        #expect(try render("{{a}}|{{{a}}}|{{& a }}|{{n}}|{{yes}}|{{missing}}", context)
            == "&lt;b&gt;&quot;x&quot; &amp; &#39;y&#39;&lt;/b&gt;|<b>\"x\" & 'y'</b>|<b>\"x\" & 'y'</b>|3|true|")
        #expect(try render("é {{a}} ü", ["a": "ß & ø"]) == "é ß &amp; ø ü")
    }

    @Test func holesFilledWhereTheyAreRenderedGiveTheBytesOfTheSameText() throws {
        let templates = ["main": "<main>\n  {{> part}}\n{{#list}}[{{{.}}}]{{/list}}</main>\n{{body}}", "part": "<div>{{{body}}}</div>\n"]
        var parsed: [String: Template] = [:]
        for (name, text) in templates { parsed[name] = try TemplateParser.parse(text).get() }
        let program = TemplateProgram(templates: parsed)
        let body = "<p>a & b</p>\n<p>é</p>"
        let bodies = ["one\ntwo", "three"]
        let filled = TemplateRenderer.render("main", context: ["body": TemplateValue.hole(7), "list": [TemplateValue.hole(0), .hole(1)]],
                                             program: program) { number, bytes in
            bytes += (number == 7 ? body : bodies[number]).utf8
        }
        let asText = TemplateRenderer.render("main", context: ["body": body, "list": bodies], program: program)
        // Inside the indented partial, the filled lines are indented as the text's lines are; an escaping tag escapes them.
        #expect(String(decoding: filled, as: UTF8.self) == "<main>\n  <div><p>a & b</p>\n  <p>é</p></div>\n[one\ntwo][three]</main>\n"
            + "&lt;p&gt;a &amp; b&lt;/p&gt;\n&lt;p&gt;é&lt;/p&gt;")
        #expect(filled == asText)
    }

    @Test func sectionsRepeatEnterOrSkip() throws {
        let context: TemplateRecord = [
            "items": [["name": "one"] as TemplateRecord, ["name": "two"]],
            "none": [TemplateRecord](), "yes": true, "no": false, "person": ["name": "Sam"] as TemplateRecord,
            "word": "hello", "name": "outer",
        ]
        #expect(try render("{{#items}}[{{name}}]{{/items}}", context) == "[one][two]")
        #expect(try render("{{#none}}x{{/none}}{{#no}}x{{/no}}{{#missing}}x{{/missing}}", context) == "")
        #expect(try render("{{#yes}}{{name}}{{/yes}} {{#person}}{{name}}{{/person}} {{#word}}{{.}}{{/word}}", context)
            == "outer Sam hello")
        #expect(try render("{{^none}}a{{/none}}{{^no}}b{{/no}}{{^missing}}c{{/missing}}{{^yes}}d{{/yes}}{{^items}}e{{/items}}",
                           context) == "abc")
    }

    @Test func namesAreLookedUpFromTheInnermostValueOut() throws {
        let context: TemplateRecord = [
            "title": "Page", "summary": "Page summary",
            "items": [["title": "A", "summary": "About A"] as TemplateRecord, ["title": "B"]],
            "site": ["title": "Site"] as TemplateRecord,
        ]
        #expect(try render("{{#items}}{{title}}:{{summary}};{{/items}}", context) == "A:About A;B:Page summary;")
        #expect(try render("{{#items}}{{title}}:{{.summary}};{{/items}}", context) == "A:About A;B:;")
        #expect(try render("{{#items}}{{site.title}}{{/items}} {{site.title}} {{site.missing.title}}", context) == "SiteSite Site ")
        #expect(try render("{{#site}}{{summary}}{{/site}}", context) == "Page summary")
        #expect(try render("{{#site}}{{title.summary}}{{/site}}", context) == "")
    }

    @Test func tagsAloneOnTheirLineTakeTheLineWithThem() throws {
        let context: TemplateRecord = ["items": [["name": "x"] as TemplateRecord], "name": "n"]
        #expect(try render("a\n  {{#items}}\n  {{name}}\n  {{/items}}\nb\n", context) == "a\n  x\nb\n")
        #expect(try render("a\r\n{{#items}}\r\n{{name}}\r\n{{/items}}\r\nb", context) == "a\r\nx\r\nb")
        #expect(try render("a {{#items}}{{name}}{{/items}} b\n", context) == "a x b\n")
        #expect(try render("  {{! a comment\n over lines }}\nb\n{{! last }}", context) == "b\n")
    }

    @Test func partialsAreIndentedLikeTheirTag() throws {
        let templates = ["main": "<ul>\n  {{>partials/item}}\n</ul>\n", "partials/item": "<li>{{name}}</li>\n<li>two</li>\n"]
        #expect(try render(templates, ["name": "one"]) == "<ul>\n  <li>one</li>\n  <li>two</li>\n</ul>\n")
        #expect(try render(["main": "[{{>p}}]", "p": "{{name}}"], ["name": "in line"]) == "[in line]")
    }

    @Test func childTemplatesReplaceTheBlocksOfTheirParent() throws {
        let templates = [
            "layout": "<title>{{$title}}{{name}}{{/title}}</title>\n<main>\n{{$main}}{{/main}}\n</main>\n",
            "page": "{{<layout}}\n{{$main}}\n<p>{{name}}</p>\n{{/main}}\n{{/layout}}\n",
            "special": "{{<page}}\n{{$title}}Special{{/title}}\n{{$main}}\n<p>special</p>\n{{/main}}\n{{/page}}\n",
        ]
        #expect(try render(templates, ["name": "Home"], main: "page") == "<title>Home</title>\n<main>\n<p>Home</p>\n\n</main>\n")
        #expect(try render(templates, ["name": "Home"], main: "special")
            == "<title>Special</title>\n<main>\n<p>special</p>\n\n</main>\n")
        #expect(try render(templates, ["name": "Home"], main: "layout") == "<title>Home</title>\n<main>\n\n</main>\n")
    }

    /// Steps after a section, partial or inherited template carry on where its contents end.
    @Test func compiledStepsNestAndRecurse() throws {
        // A leaf's empty list of children ends the recursion (a missing one would be looked up outside it).
        let leaf = { (name: String) -> TemplateRecord in ["name": name, "children": [TemplateRecord]()] }
        let tree: TemplateRecord = ["name": "a", "children": [["name": "b", "children": [leaf("c")]] as TemplateRecord, leaf("d")]]
        let templates = ["main": "{{>node}}|{{>missing}}{{<gone}}{{$x}}no{{/x}}{{/gone}}|after",
                         "node": "({{name}}{{#children}}{{>node}}{{/children}})"]
        #expect(try render(templates, tree) == "(a(b(c))(d))||after")
        let inherited = [
            "layout": "[{{$outer}}<{{$inner}}layout{{/inner}}>{{/outer}}]",
            "page": "{{<layout}}{{$outer}}{ {{$inner}}page{{/inner}} }{{/outer}}{{/layout}}",
            "special": "{{<page}}{{$inner}}special{{/inner}}{{/page}}",
        ]
        #expect(try render(inherited, [:], main: "page") == "[{ page }]")
        #expect(try render(inherited, [:], main: "special") == "[{ special }]")
        #expect(try render(["main": "{{#a.b}}{{c}}{{/a.b}}{{^a.none}}!{{/a.none}}"], ["a": ["b": ["c": "deep"] as TemplateRecord] as TemplateRecord])
            == "deep!")
    }

    @Test func syntaxErrorsSayWhatAndWhere() {
        #expect(error("<h1>{{title") == TemplateSyntaxError(problem: .unfinishedTag(closing: "}}"), line: 1, column: 5))
        #expect(error("x\n{{{body}}") == TemplateSyntaxError(problem: .unfinishedTag(closing: "}}}"), line: 2, column: 1))
        #expect(error("{{#a}}\n  {{/b}}") == TemplateSyntaxError(problem: .closingTagMismatch, line: 2, column: 6))
        #expect(error("one\n  {{#a}}\ntwo") == TemplateSyntaxError(problem: .neverClosed, line: 2, column: 3))
        #expect(error("{{=<% %>=}}") == TemplateSyntaxError(problem: .unsupportedTag(sigil: "="), line: 1, column: 1))
        #expect(error("é {{a b}}") == TemplateSyntaxError(problem: .invalidName("a b"), line: 1, column: 5))
        #expect(error("{{#}}{{/}}") == TemplateSyntaxError(problem: .noName, line: 1, column: 1))
        #expect(error("{{<layout}}\ntext{{/layout}}") == TemplateSyntaxError(problem: .contentInsideParent, line: 2, column: 1))
        #expect(error("{{<layout}}{{title}}{{/layout}}") == TemplateSyntaxError(problem: .contentInsideParent, line: 1, column: 12))
        #expect(error("{{>partials/item}} {{.}} {{a.b-c_d}} {{! any text: here }}") == nil)
    }

    @Test func arraysBecomeListsOfTheirElementsValues() {
        let records: [TemplateRecord] = [["a": "1"], ["b": true, "c": nil]]
        #expect(records.templateValue == .list([.record(["a": "1"]), .record(["b": true])]))
        #expect(["x", "y"].templateValue == .list([.text("x"), .text("y")]))
        #expect([[1, 2], [3]].templateValue == .list([.list([.text("1"), .text("2")]), .list([.text("3")])]))
        #expect([TemplateRecord]().templateValue == .list([]))
        let context: TemplateRecord = ["rows": [["cells": [["n": 1] as TemplateRecord, ["n": 2]]] as TemplateRecord]]
        let cells: TemplateValue = .list([.record(["n": "1"]), .record(["n": "2"])])
        #expect(context.value("rows") == .list([.record(["cells": cells])]))
    }

    @Test func recordsMadeFromConvertedValuesEqualThoseMadeFromLiterals() {
        #expect(TemplateRecord.link(title: "About", href: "../about/") == ["title": "About", "href": "../about/"])
        #expect(TemplateRecord(["b": .text("2"), "a": .flag(true)]) == ["b": "2", "a": true])
        #expect(TemplateRecord(["b": .text("2"), "a": .flag(true)]) != ["a": true, "b": "2"])
        #expect(TemplateRecord([:]) == TemplateRecord())
        var link = TemplateRecord.link(title: "Home", href: "./")
        link["current"] = true
        #expect(link.fields.map(\.0) == ["title", "href", "current"])
    }

    @Test func recordsKeepTheOrderTheirValuesWereSetIn() {
        var record: TemplateRecord = ["b": "2", "a": "1", "gone": nil]
        record["c"] = 3
        record["b"] = "two"
        record["a"] = nil
        #expect(record.fields.map(\.0) == ["b", "c"])
        #expect(record.merging(["d": true, "b": "new"]).fields.map(\.1)
            == [.text("new"), .text("3"), .flag(true)])
    }

    @Test func aRecordMadeBySettingOneValueOnAnotherIsTheSameAsACopyWithThatValueSet() throws {
        let face: TemplateRecord = ["title": "A & B", "kind": "Meeting"]
        let item = face.setting("href", .text("../a/"))
        var copy = face
        copy["href"] = "../a/"
        #expect(item == copy && item.hashValue == copy.hashValue)
        #expect(item.fields.map(\.0) == ["title", "kind", "href"] && face.fields.map(\.0) == ["title", "kind"])
        #expect(item.value("title") == .text("A & B") && item.value("href") == .text("../a/") && item.value("x") == nil)
        #expect(try render("{{#item}}<a href=\"{{href}}\">{{title}}</a> {{kind}}{{/item}}", ["item": item])
            == "<a href=\"../a/\">A &amp; B</a> Meeting")

        // A value it shares can be replaced or removed, in its place, and the record it came from keeps its own.
        var changed = item
        changed["title"] = "C"
        #expect(changed.fields.map(\.1) == [.text("C"), .text("Meeting"), .text("../a/")])
        changed["kind"] = nil
        #expect(changed.fields.map(\.0) == ["title", "href"] && face.value("title") == .text("A & B"))
        #expect(item.setting("href", .text("b/")).fields.map(\.1) == [.text("A & B"), .text("Meeting"), .text("b/")])
        #expect(item.merging(["label": "Next", "kind": "Slides"]).fields.map(\.0) == ["title", "kind", "href", "label"])
        #expect(face.merging(item) == item)
    }
}
