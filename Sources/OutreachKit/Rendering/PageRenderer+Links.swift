import CampaignModel

/// The links a page lists: the language switcher, `hreflang` alternates and breadcrumbs, as the
/// typed entries of `TemplateLinks.swift`.
extension PageRenderer {
    /// Each language, linking to this page in that language (translated or not).
    func languageSwitcher(for group: PageGroup, current: LanguageCode) -> [LanguageLink] {
        config.languages.map { language in
            LanguageLink(code: language.code.rawValue, name: language.name,
                         url: config.basePath + group.paths[language.code]!.dropFirst(),
                         dir: language.direction.rawValue, current: language.code == current)
        }
    }

    /// `hreflang` alternates: every language the page is really written in, itself included.
    func alternates(for group: PageGroup) -> [AlternateLink] {
        config.languages.filter { group.isAvailable(in: $0.code) }.map { language in
            AlternateLink(hreflang: language.code.rawValue, href: absoluteURL(group.paths[language.code]!))
        }
    }

    /// The section pages above `group`, from the home page down.
    func breadcrumbs(for group: PageGroup, in language: LanguageCode) -> [PageLink] {
        guard group.kind != .home else { return [] }
        let folders = group.kind == .section ? group.folders.dropLast() : group.folders[...]
        return crumbChains[language]?[folders.joined(separator: "/")] ?? []
    }

    /// Breadcrumbs by language and folder path (`""` at the top, `pillars`...): computed once
    /// per folder rather than once per page, since every page of a folder has the same ones.
    static func crumbChains(for model: SiteModel) -> [LanguageCode: [String: [PageLink]]] {
        // Every folder that holds a page, and every folder above one.
        let folderChains = Set(model.groups.flatMap { group in
            (0...group.folders.count).map { Array(group.folders.prefix($0)) }
        })
        var chains: [LanguageCode: [String: [PageLink]]] = [:]
        for language in model.config.languages.map(\.code) {
            for folders in folderChains {
                let keys = ["_index"] + folders.indices.map { folders[...$0].joined(separator: "/") + "/_index" }
                chains[language, default: [:]][folders.joined(separator: "/")] = keys.compactMap { key in
                    model.group(key).map { link(to: $0, in: language, config: model.config) }
                }
            }
        }
        return chains
    }

    /// A link to `group` in `language`, titled in the language it is shown in.
    static func link(to group: PageGroup, in language: LanguageCode, config: SiteConfig,
                     description: String? = nil) -> PageLink {
        let source = group.source(for: language)
        return PageLink(title: source.frontMatter.title, url: config.basePath + group.paths[language]!.dropFirst(),
                        description: description,
                        lang: source.language != language ? source.language.rawValue : nil)
    }
}
