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

    /// Problems in one template's tags; `templates` are the names that exist.
    static func check(_ template: Template, file: String, templates: Set<String>) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        for tag in template.tags {
            let reason: DiagnosticReason?
            switch tag.sigil {
            case UInt8(ascii: ">"), UInt8(ascii: "<"):
                reason = templates.contains(tag.name) ? nil : .missingTemplate(name: tag.name + ".mustache")
            case UInt8(ascii: "/"), UInt8(ascii: "$"):
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

    /// `.`, `.summary`, `items`, `site.title`: the first name is what must be known.
    private static func isKnown(_ name: String) -> Bool {
        guard let first = name.split(separator: ".").first else { return true }
        return knownNames.contains(String(first))
    }
}
