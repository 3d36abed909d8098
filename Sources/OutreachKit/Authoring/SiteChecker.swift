import CampaignModel
import Foundation

/// `outreach check`: everything a build validates, and what only a look across the whole site
/// finds: `#anchors` that no heading has, in every language, and pages that no other page links
/// to (a theme that does not list a section's pages, a section left out of the menu).
struct SiteChecker {
    var model: SiteModel

    /// `links`: the site paths each rendered page links to, by the key of the page linking.
    func check(links: [(from: String, to: Set<String>)] = []) -> [Diagnostic] {
        var diagnostics = notLinked(links)
        let resolver = LinkResolver(model: model)
        var headingIDs: [String: Set<String>] = [:]   // "key|language" -> ids
        var fragments: [(location: SourceLocation, target: String, language: LanguageCode, fragment: String, url: String)] = []

        for group in model.groups {
            for language in model.config.languages.map(\.code) {
                let source = group.source(for: language)
                var ignored: [Diagnostic] = []  // the build reports these already
                let rendering = CommonMark.render(source.body) { link in
                    guard link.kind == .link else { return nil }
                    let location = source.file.location(line: link.line + source.bodyLineOffset, column: link.column)
                    if let target = resolver.pageKey(of: link.url, on: source) {
                        if let hash = link.url.firstIndex(of: "#") {
                            let fragment = String(link.url[link.url.index(after: hash)...])
                            if !fragment.isEmpty {
                                fragments.append((location, target, language, fragment.removingPercentEncoding ?? fragment, link.url))
                            }
                        }
                    } else if link.url.hasPrefix("#"), link.url.count > 1 {
                        fragments.append((location, group.key, language, String(link.url.dropFirst()), link.url))
                    }
                    _ = resolver.resolve(link, on: source, in: language, diagnostics: &ignored)
                    return nil
                }
                headingIDs[group.key + "|" + language.rawValue] = Set(rendering.headings.map(\.id))
            }
        }

        // An anchor must exist in the target page as readers of that language see it.
        var reported: Set<String> = []
        for reference in fragments {
            let ids = headingIDs[reference.target + "|" + reference.language.rawValue] ?? []
            guard !ids.contains(reference.fragment) else { continue }
            let key = "\(reference.location)|\(reference.url)"
            if reported.insert(key).inserted {
                diagnostics.append(.error(.missingAnchor(url: reference.url, language: reference.language.rawValue),
                                          at: reference.location))
            }
        }

        return diagnostics
    }

    /// Pages of the content that no page but their own translations links to, in some language.
    /// The home page is reached from the language chooser; quiz sets and event lists are
    /// generated with their own links.
    func notLinked(_ links: [(from: String, to: Set<String>)]) -> [Diagnostic] {
        guard !links.isEmpty else { return [] }
        var linkers: [String: Set<String>] = [:]   // site path -> keys of the pages linking to it
        for (from, targets) in links {
            for target in targets { linkers[target, default: []].insert(from) }
        }
        var diagnostics: [Diagnostic] = []
        for group in model.groups where group.key != "_index" && (group.kind == .page || group.kind == .section) {
            let languages = model.languageCodes.filter { language in
                guard let path = group.paths[language] else { return false }
                return (linkers[path] ?? []).subtracting([group.key]).isEmpty
            }
            guard !languages.isEmpty else { continue }
            diagnostics.append(.warning(.notLinked(languages: languages.map(\.rawValue).joined(separator: ", ")),
                                        at: group.original.file.location()))
        }
        return diagnostics
    }
}

/// The internal links of rendered pages.
enum LinkGraph {
    /// The site paths (`/en/help/`, without the base path) that `href`s in `html` point to.
    /// The HTML is Outreach's own output, so every `href` is double-quoted and escaped.
    static func sitePaths(linkedFrom html: String, basePath: String) -> Set<String> {
        var paths: Set<String> = []
        var rest = html[...]
        while let start = rest.range(of: "href=\"") {
            rest = rest[start.upperBound...]
            guard let end = rest.firstIndex(of: "\"") else { break }
            var target = String(rest[..<end]).replacingOccurrences(of: "&amp;", with: "&")
            rest = rest[end...]
            if let cut = target.firstIndex(where: { $0 == "#" || $0 == "?" }) { target = String(target[..<cut]) }
            guard target.hasPrefix(basePath) else { continue }
            paths.insert("/" + target.dropFirst(basePath.count))
        }
        return paths
    }
}
