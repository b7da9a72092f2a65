/// Digests of the contexts pages were last rendered from, so a rebuild
/// renders only the pages whose context changed. A page is a pure function
/// of its template set, its template and its context; the caller drops the
/// memo whenever the template set may have changed.
struct RenderMemo: Sendable {
    /// Keyed by the page's output path, as bytes.
    var digests: [[UInt8]: Int] = [:]

    /// A digest of a template context: strings, numbers, flags, lists and
    /// dictionaries (keys in sorted order), and the shape that holds them.
    static func digest(template: String, context: [String: Any]) -> Int {
        var hasher = Hasher()
        hasher.combine(template)
        combine(context, into: &hasher)
        return hasher.finalize()
    }

    private static func combine(_ value: Any, into hasher: inout Hasher) {
        switch value {
        case let text as String:
            hasher.combine(0 as UInt8)
            hasher.combine(text)
        case let flag as Bool:
            hasher.combine(1 as UInt8)
            hasher.combine(flag)
        case let number as Int:
            hasher.combine(2 as UInt8)
            hasher.combine(number)
        case let dictionary as [String: Any]:
            hasher.combine(3 as UInt8)
            hasher.combine(dictionary.count)
            for key in dictionary.keys.sorted() {
                hasher.combine(key)
                combine(dictionary[key]!, into: &hasher)
            }
        case let list as [Any]:
            hasher.combine(4 as UInt8)
            hasher.combine(list.count)
            for element in list { combine(element, into: &hasher) }
        default:
            // Anything else (an optional, a number of another type): its full description.
            hasher.combine(5 as UInt8)
            hasher.combine(String(reflecting: value))
        }
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
            return (path, digest, OutputFile(path: path, text: templates?.render(template, context) ?? ""))
        }
        var next = RenderMemo()
        for result in results { next.digests[Array(result.path.utf8)] = result.digest }
        let rendered = results.compactMap(\.file)
        let kept = results.filter { $0.file == nil }.map(\.path)
        return (rendered + otherFiles(), kept, next)
    }
}
