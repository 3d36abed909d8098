import CampaignModel
import Foundation

/// `outreach check`: what only a look across the whole rendered site finds, from the facts
/// collected while rendering it (never from its HTML): links into the site, in whatever form they
/// are written, that lead nowhere; `#anchors` that no heading has, in the language the reader of
/// the link sees the target in; and pages no other page links to.
///
/// A link into the site is a relative `.md` file (`../help.md#call`), a site address
/// (`/en/help/#call`), an absolute URL on `baseURL`, or `#call` on the same page.
struct SiteChecker {
    var model: SiteModel
    /// Every file the build writes, relative to the output folder (`en/help/index.html`,
    /// `events.json`, `assets/style.css`): a link to one of them is not broken.
    var outputPaths: Set<String>
    /// The renderer's resolver, whose source paths tell which page a relative `.md` link names.
    var links: LinkResolver

    /// A page in one language.
    struct PageInLanguage: Hashable {
        var group: Int
        var language: LanguageCode
    }

    /// Problems in the links of `facts`, the facts of every page in every language.
    func check(_ facts: [PageFacts]) -> [Diagnostic] {
        let config = model.config
        var pages: [String: PageInLanguage] = [:]
        for (index, group) in model.groups.enumerated() {
            for language in model.languageCodes {
                pages[group.path(in: language).relative] = PageInLanguage(group: index, language: language)
            }
        }
        var headingIDs: [PageInLanguage: Set<String>] = [:]
        for fact in facts {
            headingIDs[PageInLanguage(group: fact.group, language: fact.language)] = Set(fact.headingIDs)
        }

        /// The page (or file) a site path below the base leads to.
        enum Target { case page(PageInLanguage), file, nothing }
        func target(ofSitePath path: String) -> Target {
            let decoded = path.removingPercentEncoding ?? path
            for candidate in [decoded, decoded + "/", decoded.hasSuffix("index.html") ? String(decoded.dropLast(10)) : nil] {
                if let candidate, let page = pages[candidate] { return .page(page) }
            }
            if decoded.isEmpty || outputPaths.contains(decoded) || outputPaths.contains(decoded + "/index.html") { return .file }
            return .nothing
        }

        /// The site path below the base that an address written on a page names, or nil when it
        /// names something outside the site.
        func sitePath(of url: String) -> String? {
            if url.hasPrefix("/") && !url.hasPrefix("//") {
                return url.hasPrefix(config.basePath) ? String(url.dropFirst(config.basePath.count)) : nil
            }
            guard url.count >= config.baseURL.count,
                  url.prefix(config.baseURL.count).lowercased() == config.baseURL.lowercased() else { return nil }
            return String(url.dropFirst(config.baseURL.count))
        }

        var diagnostics: [Diagnostic] = []
        var reported: Set<String> = []
        var linkers: [PageInLanguage: Set<Int>] = [:]
        for fact in facts {
            let source = fact.source
            for link in fact.links {
                let url = link.url
                let location = source.file.location(line: link.line + source.bodyLineOffset, column: link.column)
                let pathEnd = LinkResolver.endOfPath(url)
                let fragment = url[pathEnd...].hasPrefix("#") ? String(url[url.index(after: pathEnd)...]) : ""
                var linked: PageInLanguage?
                if url.hasPrefix("#") {
                    linked = PageInLanguage(group: fact.group, language: fact.language)
                } else if LinkResolver.isRelative(url) {
                    // Relative links were resolved, and broken ones reported, while rendering.
                    if let path = LinkResolver.contentPath(of: url, from: source.folder), path.hasSuffix(".md"),
                       let key = links.keysBySourcePath[path], let group = model.index(ofKey: key) {
                        linked = PageInLanguage(group: group, language: fact.language)
                    }
                } else if let path = sitePath(of: String(url[..<pathEnd])) {
                    switch target(ofSitePath: path) {
                    case .page(let page): linked = page
                    case .file: break
                    case .nothing:
                        if reported.insert("\(location)|\(url)").inserted {
                            diagnostics.append(.error(link.kind == .image ? .missingImage(url) : .brokenLink(url), at: location))
                        }
                    }
                }
                guard let linked else { continue }
                if linked.group != fact.group { linkers[linked, default: []].insert(fact.group) }
                // An anchor must exist in the target page as readers of that language see it.
                let anchor = fragment.removingPercentEncoding ?? fragment
                guard link.kind == .link, !anchor.isEmpty, !(headingIDs[linked] ?? []).contains(anchor) else { continue }
                if reported.insert("\(location)|\(url)").inserted {
                    diagnostics.append(.error(.missingAnchor(url: url, language: linked.language.rawValue), at: location))
                }
            }
            for url in fact.themeLinks {
                guard let path = sitePath(of: String(url[..<LinkResolver.endOfPath(url)])),
                      case .page(let page) = target(ofSitePath: path), page.group != fact.group else { continue }
                linkers[page, default: []].insert(fact.group)
            }
        }
        return diagnostics + notLinked(linkers)
    }

    /// Pages of the content that no page but their own translations links to, in some language.
    /// The home page is reached from the language chooser; quiz sets and event lists are
    /// generated with their own links.
    func notLinked(_ linkers: [PageInLanguage: Set<Int>]) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        for (index, group) in model.groups.enumerated() {
            if case .home = group.kind { continue }
            guard !group.kind.isGenerated else { continue }
            let languages = model.languageCodes.filter { linkers[PageInLanguage(group: index, language: $0)] == nil }
            guard !languages.isEmpty else { continue }
            diagnostics.append(.warning(.notLinked(languages: languages.map(\.rawValue).joined(separator: ", ")),
                                        at: group.original.file.location()))
        }
        return diagnostics
    }
}
