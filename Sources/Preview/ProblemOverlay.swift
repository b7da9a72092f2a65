import Compendium

/// The notice shown over every page while the content has errors: each
/// problem with its `file:line:column`, what is wrong and how to fix it.
/// Added to pages as they are served, never written into the site.
enum ProblemOverlay {
    /// The notice for `diagnostics` (errors first), or `nil` when there are no errors.
    static func html(for diagnostics: [Diagnostic]) -> String? {
        let errors = diagnostics.filter { $0.severity == .error }
        guard !errors.isEmpty else { return nil }
        let count = errors.count == 1 ? "1 problem" : "\(errors.count) problems"
        var items = ""
        for diagnostic in errors {
            items += "<li style=\"margin:0 0 .75rem\"><code style=\"font-weight:bold\">"
                + diagnostic.location.description.escapedForMarkup + "</code><br>" + diagnostic.reason.message.escapedForMarkup
            if let hint = diagnostic.reason.hint { items += "<br><span style=\"color:#333\">Hint: " + hint.escapedForMarkup + "</span>" }
            items += "</li>"
        }
        return """
            <div id="compendium-problems" role="alert" style="position:fixed;left:0;right:0;bottom:0;max-height:60vh;\
            overflow:auto;z-index:2147483647;background:#fff;color:#111;border-top:.375rem solid #b00020;\
            padding:1rem 1.25rem;font:1rem/1.5 system-ui,sans-serif;box-shadow:0 -.25rem 1rem rgba(0,0,0,.35)">\
            <h2 style="margin:0 0 .5rem;font-size:1.25rem;color:#b00020">The site was not rebuilt: \(count)</h2>\
            <p style="margin:0 0 .75rem">This page is from the last build that worked. Fix the files below and save: \
            the page reloads by itself.</p><ul style="margin:0;padding-left:1.25rem">\(items)</ul></div>
            """
    }
}
