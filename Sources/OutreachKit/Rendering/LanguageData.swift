import CampaignModel

/// What every page in one language shares, as templates see it: the site's name, the hotlines,
/// the UI strings and the theme's fragments. Built once per language.
struct LanguageView: Sendable {
    var lang: String
    var dir: String
    var siteTitle: String
    /// The site title's language when it is not this one.
    var siteTitleLang: String?
    var basePath: String
    var homeURL: String
    var hotlines: [HotlineView]
    var feedPath: String
    var calendarPath: String
    /// UI strings (`{{t.key}}`).
    var strings: [String: String]
    /// Fragments with no menu entry marked (`{{{fragments.name}}}`).
    var fragments: [String: String] = [:]

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
        default: nil
        }
    }
}

/// The view of a theme fragment (`templates/fragments/*`): the language's values and the menu.
struct FragmentView: TemplateView {
    var nav: [MenuEntry]

    func value(named name: String) -> Any? { name == "nav" ? nav : nil }
}

/// What the renderer keeps per language: the shared view, dates, the menu, and the fragments
/// rendered once in one variant per menu entry that can be the current one.
struct LanguageData: Sendable {
    var language: Language
    var view: LanguageView
    var dates: DateText
    /// Hotlines by id, as pages list them.
    var hotlinesByID: [String: HotlineView]
    /// The menu's pages (indices into the model's groups) with their entries in this language.
    var menu: [(group: Int, entry: MenuEntry)]
    /// Fragments by menu entry (its group index) that is the current one; the default variant,
    /// with none current, is `view.fragments`.
    var fragmentsByCurrentEntry: [Int: [String: String]] = [:]
    /// The addresses each fragment links to (the menu, for one), by fragment name: every page
    /// that includes the fragment links to them.
    var fragmentURLs: [String: [String]] = [:]

    var strings: [String: String] { view.strings }
    var siteTitle: String { view.siteTitle }

    init(language: Language, model: SiteModel, theme: Theme) {
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
        view = LanguageView(
            lang: code.rawValue, dir: language.direction.rawValue, siteTitle: title?.value ?? "",
            siteTitleLang: title.flatMap { $0.language == code ? nil : $0.language.rawValue },
            basePath: config.basePath, homeURL: SitePath(language: code).url(in: config), hotlines: hotlines,
            feedPath: code.pathComponent + "/atom.xml", calendarPath: code.pathComponent + "/events.ics",
            strings: strings)
        for (position, index) in model.menu.enumerated() where menuPositions[index] == nil {
            menuPositions[index] = position
        }
        menu = model.menu.map { index in
            let group = model.groups[index]
            let source = group.source(for: code)
            return (index, MenuEntry(title: source.frontMatter.title, url: group.path(in: code).url(in: config), current: false,
                                     lang: source.language == code ? nil : source.language.rawValue))
        }
    }

    /// Main-menu entries, marking the one of group `current`.
    func menuEntries(current: Int?) -> [MenuEntry] {
        menu.map { group, entry in
            var entry = entry
            entry.current = group == current
            return entry
        }
    }

    /// Each menu page's first place in the menu.
    var menuPositions: [Int: Int] = [:]

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
