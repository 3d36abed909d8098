import CampaignModel

/// What every page in one language shares, as templates see it: the site's name, the hotlines,
/// the UI strings and the theme's fragments. Built once per language; a class, so that each
/// page's render shares it instead of copying its fields.
final class LanguageView: Sendable {
    let lang: String
    let dir: String
    let siteTitle: String
    /// The site title's language when it is not this one.
    let siteTitleLang: String?
    let basePath: String
    let homeURL: String
    let hotlines: [HotlineView]
    let feedPath: String
    let calendarPath: String
    /// The search page's link, when the site has one (`{{#searchURL}}` in the header).
    let searchURL: String?
    /// The materials page's link, when the site has one (`{{#materialsURL}}` in the footer).
    let materialsURL: String?
    /// The language's Web App Manifest and service worker, below the base path (`en/manifest.webmanifest`).
    let manifestPath: String
    /// The language's privacy page, below the base path (`en/privacy.html`).
    let privacyPath: String
    /// The CSP's `connect-src`: the statistics collector's origin when the site counts quiz sets,
    /// else `'none'`.
    let connectSource: String
    let workerPath: String
    /// The toolbar colour of the site added to a phone's home screen (`app.themeColor`).
    let themeColor: String
    /// The language as Open Graph names it (`og:locale`): `zh_TW`, `en_US`.
    let openGraphLocale: String
    /// The image of the language's preview cards (`og:image`), nil when the theme has none.
    let shareImage: ShareImageView?
    /// UI strings (`{{t.key}}`).
    let strings: [String: String]
    /// Fragments with no menu entry marked (`{{{fragments.name}}}`).
    let fragments: [String: String]

    init(lang: String, dir: String, siteTitle: String, siteTitleLang: String?, basePath: String, homeURL: String,
         hotlines: [HotlineView], feedPath: String, calendarPath: String, searchURL: String?, manifestPath: String,
         privacyPath: String, connectSource: String,
         workerPath: String, themeColor: String, openGraphLocale: String, shareImage: ShareImageView?,
         materialsURL: String? = nil, strings: [String: String], fragments: [String: String] = [:]) {
        self.lang = lang
        self.dir = dir
        self.siteTitle = siteTitle
        self.siteTitleLang = siteTitleLang
        self.basePath = basePath
        self.homeURL = homeURL
        self.hotlines = hotlines
        self.feedPath = feedPath
        self.calendarPath = calendarPath
        self.searchURL = searchURL
        self.manifestPath = manifestPath
        self.privacyPath = privacyPath
        self.connectSource = connectSource
        self.workerPath = workerPath
        self.themeColor = themeColor
        self.openGraphLocale = openGraphLocale
        self.shareImage = shareImage
        self.materialsURL = materialsURL
        self.strings = strings
        self.fragments = fragments
    }

    /// The same values with the theme's rendered fragments.
    func with(fragments: [String: String]) -> LanguageView {
        LanguageView(lang: lang, dir: dir, siteTitle: siteTitle, siteTitleLang: siteTitleLang, basePath: basePath,
                     homeURL: homeURL, hotlines: hotlines, feedPath: feedPath, calendarPath: calendarPath,
                     searchURL: searchURL, manifestPath: manifestPath, privacyPath: privacyPath, connectSource: connectSource,
                     workerPath: workerPath, themeColor: themeColor, openGraphLocale: openGraphLocale,
                     shareImage: shareImage, materialsURL: materialsURL, strings: strings, fragments: fragments)
    }

    func value(named name: String) -> Any? {
        switch name {
        case "lang": lang
        case "dir": dir
        case "siteTitle": siteTitle
        case "siteTitleLang": siteTitleLang.orFalse
        case "basePath": basePath
        case "homeURL": homeURL
        case "hotlines": hotlines
        case "feedPath": feedPath
        case "calendarPath": calendarPath
        case "searchURL": searchURL.orFalse
        case "manifestPath": manifestPath
        case "privacyPath": privacyPath
        case "connectSource": connectSource
        case "workerPath": workerPath
        case "themeColor": themeColor
        case "openGraphLocale": openGraphLocale
        case "shareImage": shareImage.orFalse
        case "materialsURL": materialsURL.orFalse
        default: nil
        }
    }
}

/// The view of a theme fragment (`templates/fragments/*`): the language's values and the menu.
struct FragmentView: TemplateView {
    var nav: [MenuEntry]

    func value(named name: String) -> Any? { name == "nav" ? nav : nil }
}

/// What the renderer keeps per language: the shared view, dates, the menu, and the theme's
/// fragments (templates/fragments/*), rendered once in one variant per menu entry that can be the
/// current one, because the menu marks the section a page is in. Built once per language and then
/// only read, by every render task: a class, so that a page's render shares it instead of copying it.
final class LanguageData: Sendable {
    let language: Language
    let view: LanguageView
    let dates: DateText
    /// Hotlines by id, as pages list them.
    let hotlinesByID: [String: HotlineView]
    /// The menu's pages (indices into the model's groups) with their entries in this language.
    let menu: [(group: Int, entry: MenuEntry)]
    /// Each menu page's first place in the menu.
    let menuPositions: [Int: Int]
    /// Fragments by menu entry (its group index) that is the current one; the default variant,
    /// with none current, is `view.fragments`.
    let fragmentsByCurrentEntry: [Int: [String: String]]
    /// The addresses each fragment links to (the menu, for one), by fragment name: every page
    /// that includes the fragment links to them.
    let fragmentURLs: [String: [String]]

    var strings: [String: String] { view.strings }
    var siteTitle: String { view.siteTitle }

    /// The language's data, with its fragments rendered; problems in them go to `diagnostics`.
    init(language: Language, model: SiteModel, theme: Theme, makesImages: Bool = false, diagnostics: inout [Diagnostic]) {
        let config = model.config
        let code = language.code
        self.language = language
        let title = config.title.resolve(code, fallback: config.defaultLanguage)
        let strings = theme.strings[code]?.values ?? [:]
        dates = DateText(strings: strings, override: config.dateFormats[code])
        var hotlinesByID: [String: HotlineView] = [:]
        var hotlines: [HotlineView] = []
        for hotline in model.hotlines {
            let view = HotlineView(hotline, in: code, fallback: config.defaultLanguage)
            hotlinesByID[hotline.id] = view
            hotlines.append(view)
        }
        self.hotlinesByID = hotlinesByID
        var menuPositions: [Int: Int] = [:]
        for (position, index) in model.menu.enumerated() where menuPositions[index] == nil {
            menuPositions[index] = position
        }
        self.menuPositions = menuPositions
        let menu = model.menu.map { index in
            let group = model.groups[index]
            let source = group.source(for: code)
            return (group: index, entry: MenuEntry(title: source.frontMatter.title, url: group.path(in: code).url(in: config),
                                                   current: false, lang: source.language == code ? nil : source.language.rawValue))
        }
        self.menu = menu
        let withoutFragments = LanguageView(
            lang: code.rawValue, dir: language.direction.rawValue, siteTitle: title?.value ?? "",
            siteTitleLang: title.flatMap { $0.language == code ? nil : $0.language.rawValue },
            basePath: config.basePath, homeURL: SitePath(language: code).url(in: config), hotlines: hotlines,
            feedPath: code.pathComponent + "/atom.xml", calendarPath: code.pathComponent + "/events.ics",
            searchURL: model.group(.search).map { $0.path(in: code).url(in: config) },
            manifestPath: ManifestRenderer.path(of: code).relative, privacyPath: PrivacyPageRenderer.path(of: code).relative,
            connectSource: config.statsOrigin ?? "'none'", workerPath: ServiceWorkerRenderer.path(of: code).relative,
            themeColor: config.app.themeColor, openGraphLocale: code.openGraphLocale,
            shareImage: ShareImageView.languageCard(of: theme, config: config, language: code, alt: title?.value ?? "",
                                                    makesImages: makesImages),
            materialsURL: model.group(.materials).map { $0.path(in: code).url(in: config) }, strings: strings)

        // The fragments are the same on every page of the language but for the menu's current
        // entry: rendered once per entry, not once per page. The menu is short by construction
        // (see `SiteModelBuilder.menu(of:indexByKey:)`), so this stays small.
        var fragmentURLs: [String: [String]] = [:]
        func render(current: Int?, tracksLinks: Bool = false) -> [String: String] {
            let nav = Self.entries(of: menu, current: current)
            var fragments: [String: String] = [:]
            for template in theme.fragmentNames {
                let name = String(template.dropFirst("fragments/".count))
                let recorder = TemplateRecorder(tracksLinks: tracksLinks)
                fragments[name] = theme.render(template, FragmentView(nav: nav), shared: withoutFragments, recorder: recorder,
                                               diagnostics: &diagnostics)
                if tracksLinks { fragmentURLs[name] = recorder.linkedURLs }
            }
            return fragments
        }
        // The links of the default variant are those of every variant: only the current mark differs.
        let defaults = render(current: nil, tracksLinks: true)
        var byEntry: [Int: [String: String]] = [:]
        for (group, _) in menu where byEntry[group] == nil {
            byEntry[group] = render(current: group)
        }
        fragmentsByCurrentEntry = byEntry
        self.fragmentURLs = fragmentURLs
        view = withoutFragments.with(fragments: defaults)
    }

    /// Main-menu entries, marking the one of group `current`.
    func menuEntries(current: Int?) -> [MenuEntry] { Self.entries(of: menu, current: current) }

    private static func entries(of menu: [(group: Int, entry: MenuEntry)], current: Int?) -> [MenuEntry] {
        menu.map { group, entry in
            var entry = entry
            entry.current = group == current
            return entry
        }
    }

    /// The fragments of a page (group `index`, in top-level section `section`): those with the
    /// first menu entry that is the page or its section marked current.
    func fragments(forGroup index: Int, section: Int?) -> [String: String] {
        var current: Int? = menuPositions[index] != nil ? index : nil
        if let section, let sectionPosition = menuPositions[section],
           menuPositions[index].map({ sectionPosition < $0 }) ?? true {
            current = section
        }
        return current.flatMap { fragmentsByCurrentEntry[$0] } ?? view.fragments
    }
}

extension HotlineView {
    /// A hotline's entry in `language`, its texts falling back to the default language.
    init(_ hotline: Hotline, in language: LanguageCode, fallback: LanguageCode) {
        let name = hotline.name.resolve(language, fallback: fallback)
        let description = hotline.description.resolve(language, fallback: fallback)
        self.init(id: hotline.id, number: hotline.number, tel: hotline.telephoneURI, name: name?.value ?? hotline.number,
                  nameLang: name.flatMap { $0.language == language ? nil : $0.language.rawValue },
                  description: description?.value ?? "",
                  descriptionLang: description.flatMap { $0.language == language ? nil : $0.language.rawValue })
    }
}
