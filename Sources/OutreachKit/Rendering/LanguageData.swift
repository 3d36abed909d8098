import CampaignModel

/// What every page in one language shares: UI strings, navigation entries, hotlines. Built once per language.
struct LanguageData: Sendable {
    var language: Language
    var siteTitle: String
    var strings: [String: String]
    /// Template values identical on every page of this language.
    var commonValues: [String: SendableValue]
    var hotlinesByIDValues: [String: [String: SendableValue]]
    var navigationEntries: [(key: String, title: String, url: String, lang: String?)]
    var dates: DateText
    /// Fragments rendered once for this language, by name (`footer` for templates/fragments/footer),
    /// in one variant per main-menu entry that can be the current one ("" for none), because the
    /// menu marks the section a page is in.
    var fragmentsByCurrentEntry: [String: [String: String]] = [:]

    init(language: Language, model: SiteModel, theme: Theme) {
        let config = model.config
        let code = language.code
        self.language = language
        let title = config.title.resolve(code, fallback: config.defaultLanguage)
        siteTitle = title?.value ?? ""
        strings = theme.strings[code]?.values ?? [:]
        dates = DateText(strings: strings, override: config.dateFormats[code])
        var hotlinesByID: [String: [String: SendableValue]] = [:]
        var hotlineList: [SendableValue] = []
        for hotline in model.hotlines {
            let name = hotline.name.resolve(code, fallback: config.defaultLanguage)
            let description = hotline.description.resolve(code, fallback: config.defaultLanguage)
            let entry: [String: SendableValue] = [
                "id": .string(hotline.id),
                "number": .string(hotline.number),
                "tel": .string(hotline.telephoneURI),
                "name": .string(name?.value ?? hotline.number),
                "nameLang": name.map { $0.language == code ? .bool(false) : .string($0.language.rawValue) } ?? .bool(false),
                "description": .string(description?.value ?? ""),
                "descriptionLang": description.map { $0.language == code ? .bool(false) : .string($0.language.rawValue) } ?? .bool(false),
            ]
            hotlinesByID[hotline.id] = entry
            hotlineList.append(.dictionary(entry))
        }
        hotlinesByIDValues = hotlinesByID
        commonValues = [
            "lang": .string(code.rawValue),
            "dir": .string(language.direction.rawValue),
            "siteTitle": .string(siteTitle),
            "siteTitleLang": title.map { $0.language == code ? .bool(false) : .string($0.language.rawValue) } ?? .bool(false),
            "basePath": .string(config.basePath),
            "homeURL": .string(config.basePath + code.pathComponent + "/"),
            "hotlines": .array(hotlineList),
            "feedPath": .string(code.pathComponent + "/atom.xml"),
            "calendarPath": .string(code.pathComponent + "/events.ics"),
        ]
        navigationEntries = model.menu.compactMap { key in
            guard let group = model.group(key) else { return nil }
            let source = group.source(for: code)
            return (key, source.frontMatter.title, config.basePath + group.paths[code]!.dropFirst(),
                    source.language == code ? nil : source.language.rawValue)
        }
    }

    /// The template values every page of this language starts from.
    var common: [String: Any] { frozenCommon?.values ?? makeCommon() }

    private var frozenCommon: FrozenTemplateValues?

    private func makeCommon() -> [String: Any] {
        var values = commonValues.mapValues(\.any)
        values["t"] = strings
        values["fragments"] = fragmentsByCurrentEntry[""] ?? [:]
        return values
    }

    /// Converts `common` once, after the fragments are rendered, instead of once per page.
    mutating func freeze() {
        frozenCommon = FrozenTemplateValues(values: makeCommon())
    }

    /// The fragments of a page in `group`: those with its section marked in the menu.
    func fragments(for group: PageGroup) -> [String: String] {
        let sectionKey = group.folders.first.map { $0 + "/_index" }
        let current = navigationEntries.first { entry in entry.key == group.key || entry.key == sectionKey }
        return fragmentsByCurrentEntry[current?.key ?? ""] ?? [:]
    }

    /// The template data of one hotline, converted only when a page lists it.
    func hotline(_ id: String) -> Any? { hotlinesByIDValues[id].map { SendableValue.dictionary($0).any } }

    /// Main-menu entries, marking the one with key `current`.
    func navigation(current: String) -> [[String: Any]] {
        navigationEntries.map { entry in
            [
                "title": entry.title,
                "url": entry.url,
                "current": entry.key == current,
                "lang": entry.lang ?? false,
            ] as [String: Any]
        }
    }
}

/// Template values converted once and then only read by the rendering tasks. Unchecked because
/// `Any` is not `Sendable`: the values are built from `SendableValue`s and strings (immutable value
/// types), and nothing ever mutates them.
struct FrozenTemplateValues: @unchecked Sendable {
    let values: [String: Any]
}

/// A template value that can be built once and shared across rendering tasks.
enum SendableValue: Sendable {
    case string(String)
    case bool(Bool)
    case array([SendableValue])
    case dictionary([String: SendableValue])

    /// The plain value Mustache walks.
    var any: Any {
        switch self {
        case .string(let value): value
        case .bool(let value): value
        case .array(let values): values.map(\.any)
        case .dictionary(let values): values.mapValues(\.any)
        }
    }
}
