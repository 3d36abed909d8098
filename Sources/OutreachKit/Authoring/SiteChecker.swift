import CampaignModel
import Foundation

/// `outreach check`: everything a build validates, and what only a look across the whole site
/// finds: `#anchors` that no heading has, in every language.
///
/// (Every page is listed in its section and the sections in the menu, so no page can be
/// unreachable; there is no orphan check to make.)
struct SiteChecker {
    var model: SiteModel

    func check() -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
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
}
