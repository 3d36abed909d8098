import CampaignModel

/// The links a page lists: the language switcher, `hreflang` alternates and breadcrumbs.
extension PageRenderer {
    /// Each language, linking to this page in that language (translated or not).
    func languageSwitcher(for group: PageGroup, current: LanguageCode) -> [LanguageLink] {
        LanguageLink.switcher(config: config, current: current) { group.path(in: $0) }
    }

    /// `hreflang` alternates: every language the page is really written in, itself included.
    static func alternates(for group: PageGroup, config: SiteConfig) -> [AlternateLink] {
        config.languages.filter { group.isAvailable(in: $0.code) }.map { language in
            AlternateLink(hreflang: language.code.rawValue, href: group.path(in: language.code).permalink(in: config))
        }
    }

    /// The section pages above `group`, from the home page down.
    func breadcrumbs(for group: PageGroup, in language: LanguageCode) -> [PageLink] {
        if case .home = group.kind { return [] }
        let folders = group.kind.isSectionIndex ? group.folders.dropLast() : group.folders[...]
        return crumbChains(language)[folders.joined(separator: "/")] ?? []
    }

    /// Breadcrumbs by language and folder path (`""` at the top, `pillars`...): computed once
    /// per folder rather than once per page, since every page of a folder has the same ones.
    static func crumbChains(for model: SiteModel) -> [LanguageCode: [String: [PageLink]]] {
        // Every folder that holds a page, and every folder above one.
        var folderChains: Set<[String]> = []
        for group in model.groups {
            for count in 0...group.folders.count { folderChains.insert(Array(group.folders.prefix(count))) }
        }
        var chains: [LanguageCode: [String: [PageLink]]] = [:]
        for language in model.languageCodes {
            for folders in folderChains {
                var keys = ["_index"]
                var path = ""
                for folder in folders {
                    path += path.isEmpty ? folder : "/" + folder
                    keys.append(path + "/_index")
                }
                chains[language, default: [:]][folders.joined(separator: "/")] = keys.compactMap { key in
                    model.group(key).map { link(to: $0, in: language, config: model.config) }
                }
            }
        }
        return chains
    }

    /// A link to `group` in `language`, titled in the language it is shown in.
    func link(to group: PageGroup, in language: LanguageCode, description: String? = nil) -> PageLink {
        Self.link(to: group, in: language, config: config, description: description)
    }

    static func link(to group: PageGroup, in language: LanguageCode, config: SiteConfig, description: String? = nil) -> PageLink {
        let source = group.source(for: language)
        return PageLink(title: source.frontMatter.title, url: group.path(in: language).url(in: config), description: description,
                        lang: source.language != language ? source.language.rawValue : nil)
    }
}
