/// Digests of the contexts pages were last rendered from, so a rebuild
/// renders only the pages whose context changed. A page is a pure function
/// of its template set, its template and its context; the caller drops the
/// memo whenever the template set may have changed.
struct RenderMemo: Sendable {
    /// Keyed by the page's output path, as bytes.
    var digests: [[UInt8]: Int] = [:]

    /// A digest of a page's template name and context.
    static func digest(template: String, context: TemplateRecord) -> Int {
        var hasher = Hasher()
        hasher.combine(template)
        hasher.combine(context)
        return hasher.finalize()
    }
}

extension SiteRenderer {
    /// Renders like `render()`, except pages whose context digest is the one
    /// in `memo`: those are left out of `files` and listed in `kept`, as their
    /// output is what it was. Returns the memo for the next rebuild.
    func render(reusing memo: RenderMemo) -> (files: [OutputFile], kept: [String], memo: RenderMemo) {
        let results = pages.parallelMap { page -> (path: String, digest: Int, file: OutputFile?) in
            let path = SitePath.file(for: address(of: page))
            let (template, context) = self.context(for: page)
            let digest = RenderMemo.digest(template: template, context: context)
            guard memo.digests[Array(path.utf8)] != digest else { return (path, digest, nil) }
            return (path, digest, OutputFile(path: path, bytes: templates?.render(template, context) ?? []))
        }
        var next = RenderMemo()
        for result in results { next.digests[Array(result.path.utf8)] = result.digest }
        let rendered = results.compactMap(\.file)
        let kept = results.filter { $0.file == nil }.map(\.path)
        return (rendered + otherFiles(), kept, next)
    }
}
