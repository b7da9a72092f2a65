/// Checks a template set before use: Mustache renders an unknown name as
/// nothing, so a misspelt `{{titel}}` or `{{>partials/itme}}` would silently
/// drop content. Every tag is checked against the names pages provide and
/// the templates that exist.
enum TemplateCheck {
    /// Every name a page context provides, at any depth.
    static let knownNames: Set<String> = [
        "about", "action", "actions", "agenda", "anchor", "assets", "band", "body", "breadcrumbs", "browse",
        "canonical", "caption", "cells", "columns", "comparison", "contact", "contentNote", "contents", "contract",
        "count", "countLabel", "current", "customStylesheet", "date", "description", "details", "discussed", "document", "documents",
        "due", "events", "external", "facts", "faviconHref", "feedHref", "framework", "groups", "home", "homeHref",
        "href", "id", "index", "iso", "item", "items", "kind", "kinds", "label", "language", "latest", "letter",
        "letters", "links", "listing", "long", "matrix", "meeting", "memberCount", "members", "milestones", "more",
        "name", "nav", "neighbours", "next", "notFound", "note", "number", "organisation", "organisations", "owner",
        "page", "pillar", "presenters", "previous", "print", "privacy", "referencedBy", "related", "reportsTo",
        "role", "roles", "rows", "search", "searchAction", "searchHref", "secondHour", "sections", "series",
        "sessions", "sessionsHeld", "sessionsToCome", "setting", "sharedIn", "signposting", "site", "status",
        "statusSlug", "subjects", "summary", "text", "themes", "time", "timeline", "title", "topic", "topicCount",
        "topics", "withWeekday", "year",
    ]

    /// Problems in one template's text; `templates` are the names that exist.
    static func check(_ text: String, file: String, templates: Set<String>) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        for tag in tags(in: text) {
            let reason: DiagnosticReason?
            switch tag.sigil {
            case ">", "<":
                reason = templates.contains(tag.name) ? nil : .missingTemplate(name: tag.name + ".mustache")
            case "!", "/", "$", "=", "%":
                reason = nil
            default:
                reason = isKnown(tag.name) ? nil : .unknownTemplateName(name: tag.name)
            }
            if let reason {
                diagnostics.append(Diagnostic(reason, at: SourceLocation(file: file, line: tag.line, column: tag.column)))
            }
        }
        return diagnostics
    }

    /// `.`, `.summary`, `items`, `empty(facts)`, `site.title`: the first name is what must be known.
    private static func isKnown(_ name: String) -> Bool {
        var name = Substring(name)
        if let open = name.firstIndex(of: "("), let close = name.lastIndex(of: ")") {
            name = name[name.index(after: open)..<close]
        }
        if name.first == "." { name = name.dropFirst() }
        guard let first = name.split(separator: ".").first else { return true }
        return knownNames.contains(String(first))
    }

    private struct Tag {
        let sigil: Character?
        let name: String
        let line: Int
        let column: Int
    }

    /// The tags of a template, with the position of their opening braces.
    /// Stops at a set-delimiter tag, after which braces mean something else.
    private static func tags(in text: String) -> [Tag] {
        var tags: [Tag] = []
        var line = 1
        var column = 1
        var index = text.startIndex
        while index < text.endIndex {
            if text[index...].hasPrefix("{{") {
                let start = (line, column)
                let triple = text[index...].hasPrefix("{{{")
                let contentStart = text.index(index, offsetBy: triple ? 3 : 2)
                guard let close = text[contentStart...].range(of: triple ? "}}}" : "}}") else { break }
                var content = text[contentStart..<close.lowerBound].trimmingSpaces
                var sigil: Character?
                if let first = content.first, "#^/>!<$&=%".contains(first) {
                    sigil = first
                    content = String(content.dropFirst()).trimmingSpaces
                }
                if sigil == "=" { break }
                tags.append(Tag(sigil: sigil, name: content, line: start.0, column: start.1))
                for character in text[index..<close.upperBound] {
                    if character == "\n" { line += 1; column = 1 } else { column += 1 }
                }
                index = close.upperBound
                continue
            }
            if text[index] == "\n" { line += 1; column = 1 } else { column += 1 }
            index = text.index(after: index)
        }
        return tags
    }
}
