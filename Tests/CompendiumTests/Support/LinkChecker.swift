import Foundation

/// Checks that every internal link in a set of site files leads to a file
/// of the set, and every `#fragment` to an `id` in the page it names.
enum LinkChecker {
    /// One link that leads nowhere.
    struct BrokenLink: Hashable, CustomStringConvertible {
        let page: String
        let href: String
        var description: String { "\(page): \(href)" }
    }

    /// The internal links of `files` that do not resolve; empty when all do.
    static func brokenLinks(in files: [String: [UInt8]]) -> [BrokenLink] {
        var broken: [BrokenLink] = []
        var idsByPage: [String: Set<String>] = [:]
        func ids(of page: String) -> Set<String> {
            if let cached = idsByPage[page] { return cached }
            let found = Set(attributeValues("id", in: String(decoding: files[page] ?? [], as: UTF8.self)))
            idsByPage[page] = found
            return found
        }
        for (page, bytes) in files where page.hasSuffix(".html") {
            let html = String(decoding: bytes, as: UTF8.self)
            for href in attributeValues("href", in: html) + attributeValues("src", in: html) {
                guard isInternal(href) else { continue }
                let (encodedPath, fragment) = split(href)
                let path = encodedPath.removingPercentEncoding ?? encodedPath
                let target = path.isEmpty ? page : resolve(path, from: page)
                guard let target, files[target] != nil else {
                    broken.append(BrokenLink(page: page, href: href))
                    continue
                }
                if let fragment, target.hasSuffix(".html"), !ids(of: target).contains(fragment) {
                    broken.append(BrokenLink(page: page, href: href))
                }
            }
        }
        return broken.sorted { ($0.page, $0.href) < ($1.page, $1.href) }
    }

    /// The values of `name="…"` attributes, unescaped.
    static func attributeValues(_ name: String, in html: String) -> [String] {
        var values: [String] = []
        var rest = html[...]
        let marker = " \(name)=\""
        while let start = rest.range(of: marker) {
            let valueStart = start.upperBound
            guard let end = rest[valueStart...].firstIndex(of: "\"") else { break }
            values.append(String(rest[valueStart..<end]).replacing("&amp;", with: "&"))
            rest = rest[end...]
        }
        return values
    }

    private static func isInternal(_ href: String) -> Bool {
        !(href.hasPrefix("http:") || href.hasPrefix("https:") || href.hasPrefix("mailto:") || href.hasPrefix("//"))
    }

    private static func split(_ href: String) -> (path: String, fragment: String?) {
        guard let hash = href.firstIndex(of: "#") else { return (href, nil) }
        return (String(href[..<hash]), String(href[href.index(after: hash)...]))
    }

    /// The file a relative link from `page` names; directories mean their `index.html`.
    private static func resolve(_ path: String, from page: String) -> String? {
        var parts = page.split(separator: "/").dropLast().map(String.init)
        for part in path.split(separator: "/", omittingEmptySubsequences: true) {
            switch part {
            case ".": continue
            case "..":
                guard !parts.isEmpty else { return nil }
                parts.removeLast()
            default: parts.append(String(part))
            }
        }
        let joined = parts.joined(separator: "/")
        return path.hasSuffix("/") || path == "." ? (joined.isEmpty ? "index.html" : joined + "/index.html") : joined
    }
}
