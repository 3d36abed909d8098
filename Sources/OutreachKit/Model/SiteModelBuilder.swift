import CampaignModel

/// Turns parsed sources into a checked, immutable `SiteModel`, collecting every problem along the way.
///
/// Everything the model needs goes in before it is built (the theme's names for generated sections
/// and pillars, figures, the build day); every page leaves with its kind, its address in every
/// language and its children resolved, so nothing downstream looks a page up by a key string.
struct SiteModelBuilder {
    var config: SiteConfig
    var includeDrafts: Bool
    var diagnostics: [Diagnostic] = []

    init(config: SiteConfig, includeDrafts: Bool) {
        self.config = config
        self.includeDrafts = includeDrafts
    }

    /// What the model is built from, besides the pages.
    struct Inputs {
        var hotlines: [Hotline] = []
        var assets: [AssetFile] = []
        var quizzes: [(quiz: Quiz, file: SourceFile)] = []
        /// `figures.yaml`, when the site has one.
        var figuresFile: SourceFile?
        /// `data/quiz-stats.json`, when the site has one.
        var quizStatisticsFile: SourceFile?
        /// Titles of generated sections by folder path, from the theme's `section_title_<folder>`.
        var sectionTitles: [String: Localized<String>] = [:]
        /// Title of the generated search page, from the theme's `search_title`; nil for a theme
        /// without a search page.
        var searchTitle: Localized<String>?
        /// Title of the generated materials page, from the theme's `materials_title`; nil for a
        /// theme without a materials page.
        var materialsTitle: Localized<String>?
        /// Names of the 4 Ps, from the theme's `pillar_<name>`, for the generated event lists.
        var pillarNames: [Pillar: Localized<String>] = [:]
        /// The title of a campaign's report, with `{campaign}` for the campaign's title, from the
        /// theme's `report_page_title`.
        var reportTitle = Localized<String>()
        /// Sizes of the PNG and JPEG content files pages name as their preview card image (`shareImage`).
        var shareImageSizes: [String: ImageSize] = [:]
        /// The build day; nil takes the newest date in the content, never the clock.
        var today: CalendarDay?
        /// Markdown files that could not be parsed (their problems are already reported).
        var unparsedPages: Set<String> = []
        /// The content folder as diagnostics name it, for positions in files that are not parsed.
        var contentFolder = "content"
    }

    /// A page before its kind and address are known.
    struct Draft {
        var key: String
        var original: PageSource
        var translations: [LanguageCode: PageSource] = [:]
        /// For a quiz set: the quiz's slug and the set's number.
        var quizSet: (slug: String, set: Int)?
        /// For a generated event list: its filter.
        var eventFilter: EventFilter?
        /// For a coordination report: its campaign's id.
        var reportOf: String?

        /// Folder names from the content root to the page.
        var folders: [String] { key.split(separator: "/").dropLast().map(String.init) }

        /// The last part of its key, which other pages use as its id.
        var id: String { String(key.split(separator: "/").last ?? "") }
    }

    /// The page key and language of a Markdown file, from its name (`help.vi.md` → `help`, `vi`).
    mutating func keyAndLanguage(of file: SourceFile) -> (key: String, language: LanguageCode)? {
        let withoutExtension = String(file.relativePath.dropLast(3))
        let folderEnd = withoutExtension.lastIndex(of: "/").map { withoutExtension.index(after: $0) } ?? withoutExtension.startIndex
        let name = withoutExtension[folderEnd...]
        guard let dot = name.lastIndex(of: ".") else { return (withoutExtension, config.defaultLanguage) }
        let suffix = String(name[name.index(after: dot)...])
        // A suffix that is not shaped like a language tag is part of the name (`v1.2.md`).
        guard let code = LanguageCode(suffix) else { return (withoutExtension, config.defaultLanguage) }
        guard let language = config.language(code)?.code else {
            diagnostics.append(.error(.unknownLanguageSuffix(suffix), at: file.location()))
            return nil
        }
        return (String(withoutExtension[..<dot]), language)
    }

    /// Groups pages with their translations, resolves what each page is and where it lives, and
    /// checks every reference.
    mutating func build(pages: [PageSource], inputs: Inputs) -> SiteModel {
        var drafts = groupTranslations(pages)
        addQuizPages(inputs.quizzes, to: &drafts)
        addMissingSections(to: &drafts, titles: inputs.sectionTitles)
        if let searchTitle = inputs.searchTitle { addGeneratedPage(.search, to: &drafts, title: searchTitle) }
        // Only a site with printed material gets a materials page.
        let printed = drafts.keys.contains { key in
            [PageReference.Folder.posters, .pamphlets].contains { key.hasPrefix($0.rawValue + "/") && !key.hasSuffix("/_index") }
        }
        if let materialsTitle = inputs.materialsTitle, printed { addGeneratedPage(.materials, to: &drafts, title: materialsTitle) }

        let knownHotlines = Set(inputs.hotlines.map(\.id))
        let assetPaths = Set(inputs.assets.map(\.relativePath))
        for key in drafts.keys.sorted() {
            guard let draft = drafts[key] else { continue }
            for folder in draft.folders where !Slug.isValid(folder) {
                diagnostics.append(.error(.invalidSlug(folder), at: draft.original.file.location()))
            }
            for page in [draft.original] + draft.translations.values.sorted(by: { $0.language < $1.language }) {
                for reference in page.frontMatter.hotlines where !knownHotlines.contains(reference.id) {
                    diagnostics.append(.error(.unknownHotline(reference.id), at: reference.location))
                }
                checkShareImage(of: page, assets: assetPaths, sizes: inputs.shareImageSizes)
            }
        }

        var campaignBuilder = CampaignDataBuilder(config: config)
        let sortedDrafts = drafts.keys.sorted().compactMap { drafts[$0] }
        var campaignData = campaignBuilder.build(drafts: sortedDrafts, quizzes: Set(inputs.quizzes.map(\.quiz.id)),
                                                 assets: Set(inputs.assets.map(\.relativePath)))
        diagnostics += campaignBuilder.diagnostics
        if let figuresFile = inputs.figuresFile {
            campaignData.figures = Figure.parseList(figuresFile, config: config,
                                                    departments: Set(campaignData.departments.map(\.id)),
                                                    diagnostics: &diagnostics)
        }
        if let statisticsFile = inputs.quizStatisticsFile {
            campaignData.quizStatistics = QuizStatistics.parseList(
                statisticsFile, quizzes: Dictionary(uniqueKeysWithValues: inputs.quizzes.map { ($0.quiz.id, $0.quiz) }),
                diagnostics: &diagnostics)
        }
        campaignData.makeIndexes()
        addEventFilters(to: &drafts, campaignData: campaignData, pillarNames: inputs.pillarNames)
        addReports(to: &drafts, campaignData: campaignData, title: inputs.reportTitle)

        let keys = drafts.keys.sorted()
        let quizzes = Dictionary(uniqueKeysWithValues: inputs.quizzes.map { ($0.quiz.id, $0.quiz) })
        var groups: [PageGroup] = keys.compactMap { key in
            guard let draft = drafts[key] else { return nil }
            let kind = Self.kind(of: draft, campaignData: campaignData, quizzes: quizzes)
            return PageGroup(key: key, kind: kind, folders: draft.folders, original: draft.original,
                             translations: draft.translations, address: address(of: draft, kind: kind))
        }
        checkUniquePaths(groups, assets: inputs.assets, contentFolder: inputs.contentFolder)
        let indexByKey = Dictionary(uniqueKeysWithValues: groups.enumerated().map { ($1.key, $0) })
        groups = linkChildren(groups, indexByKey: indexByKey)
        let today = inputs.today ?? Self.latestDate(groups: groups, events: campaignData.events)
        let menu = menu(of: groups, indexByKey: indexByKey)
        var model = SiteModel(config: config, hotlines: inputs.hotlines, groups: groups, contentAssets: inputs.assets,
                              quizzes: quizzes, campaignData: campaignData, menu: menu, today: today,
                              unparsedPages: inputs.unparsedPages)
        model.offlinePages = offlinePages(of: groups, indexByKey: indexByKey)
        model.shareImageSizes = inputs.shareImageSizes
        return model
    }

    /// A page's `shareImage` must be a PNG or JPEG file of the content, inside the content folder.
    private mutating func checkShareImage(of page: PageSource, assets: Set<String>, sizes: [String: ImageSize]) {
        guard let reference = page.frontMatter.shareImage else { return }
        guard let path = page.shareImagePath else {
            diagnostics.append(.error(.pathOutsideContent(reference.id), at: reference.location))
            return
        }
        if !assets.contains(path) {
            diagnostics.append(.error(.missingImage(reference.id), at: reference.location))
        } else if sizes[path] == nil {
            diagnostics.append(.error(.unsupportedShareImage(reference.id), at: reference.location))
        }
    }

    /// Ties each translation to its original by key; a translation without one is an error.
    private mutating func groupTranslations(_ pages: [PageSource]) -> [String: Draft] {
        let visible = pages.filter { includeDrafts || !$0.frontMatter.isDraft }
        var drafts: [String: Draft] = [:]
        var translations: [String: [LanguageCode: PageSource]] = [:]
        for page in visible {
            if page.language == config.defaultLanguage {
                drafts[page.key] = Draft(key: page.key, original: page)
            } else {
                translations[page.key, default: [:]][page.language] = page
            }
        }
        let hiddenOriginals = Set(pages.filter { $0.language == config.defaultLanguage }.map(\.key))
        for key in translations.keys.sorted() {
            guard let byLanguage = translations[key] else { continue }
            if drafts[key] != nil {
                drafts[key]?.translations = byLanguage
            } else if !hiddenOriginals.contains(key) {
                for page in byLanguage.values.sorted(by: { $0.language < $1.language }) {
                    diagnostics.append(.error(.translationWithoutOriginal(key + ".md"), at: page.file.location()))
                }
            }
        }
        return drafts
    }

    /// Each set of a quiz is a page of the `quiz` section, written in every language its title is.
    private func addQuizPages(_ quizzes: [(quiz: Quiz, file: SourceFile)], to drafts: inout [String: Draft]) {
        for (quiz, file) in quizzes {
            for set in 1...max(quiz.sets.count, 1) {
                let key = PageReference.quizSet(quiz.id, set: set).key
                var draft = Draft(key: key, original: Self.quizPage(quiz, file: file, key: key, language: config.defaultLanguage))
                draft.quizSet = (quiz.id, set)
                for language in config.languages.map(\.code) where language != config.defaultLanguage && quiz.title[language] != nil {
                    draft.translations[language] = Self.quizPage(quiz, file: file, key: key, language: language)
                }
                drafts[key] = draft
            }
        }
    }

    /// Sections without an `_index.md` still get a page listing their contents, and the site a home page.
    private func addMissingSections(to drafts: inout [String: Draft], titles: [String: Localized<String>]) {
        for key in drafts.keys.sorted() {
            guard let draft = drafts[key] else { continue }
            // Later sets of a quiz sit in a folder of their own (`quiz/<slug>/2`) that is no section.
            var folders = draft.folders[...]
            if draft.quizSet != nil { folders = folders.prefix(1) }
            while !folders.isEmpty {
                let sectionKey = folders.joined(separator: "/") + "/_index"
                if drafts[sectionKey] == nil {
                    // Titled by the theme's `section_title_<folder>` strings where it has them.
                    let title = titles[folders.joined(separator: "/")]
                    var section = Draft(key: sectionKey, original: Self.generatedSection(
                        folders: Array(folders), language: config.defaultLanguage, title: title))
                    for language in config.languages.map(\.code) where language != config.defaultLanguage && title?[language] != nil {
                        section.translations[language] = Self.generatedSection(folders: Array(folders), language: language, title: title)
                    }
                    drafts[sectionKey] = section
                }
                folders = folders.dropLast()
            }
        }
        if drafts["_index"] == nil {
            drafts["_index"] = Draft(key: "_index", original: Self.generatedSection(
                folders: [], language: config.defaultLanguage, title: config.title))
        }
    }

    /// Adds `/events/by-department/<id>/` and `/events/by-pillar/<pillar>/`: the events page
    /// filtered without JavaScript, one page per department and pillar that has events.
    private func addEventFilters(to drafts: inout [String: Draft], campaignData: CampaignData,
                                 pillarNames: [Pillar: Localized<String>]) {
        guard !campaignData.events.isEmpty, let section = drafts[PageReference.eventList(nil).key] else { return }
        var filters: [(filter: EventFilter, title: Localized<String>)] = []
        for department in campaignData.departments where !campaignData.events(of: .department(department.id)).isEmpty {
            filters.append((.department(department.id), department.name))
        }
        for pillar in Pillar.allCases where !campaignData.events(of: .pillar(pillar)).isEmpty {
            filters.append((.pillar(pillar), pillarNames[pillar] ?? Localized()))
        }
        for (filter, title) in filters {
            let key = PageReference.eventList(filter).key
            guard drafts[key] == nil else { continue }
            func source(_ language: LanguageCode) -> PageSource {
                var page = Self.generatedSection(folders: [], language: language, title: title)
                page.key = key
                page.file = section.original.file
                return page
            }
            var draft = Draft(key: key, original: source(config.defaultLanguage))
            draft.eventFilter = filter
            for language in config.languages.map(\.code) where language != config.defaultLanguage && title[language] != nil {
                draft.translations[language] = source(language)
            }
            drafts[key] = draft
        }
    }

    /// Adds `/campaigns/<id>/report/`, the coordination report, for every campaign with a period,
    /// in each language its page is written in.
    private func addReports(to drafts: inout [String: Draft], campaignData: CampaignData, title: Localized<String>) {
        for campaign in campaignData.campaigns where campaign.period != nil {
            guard let page = drafts[PageReference.campaign(campaign.id).key] else { continue }
            let key = PageReference.report(campaign: campaign.id).key
            guard drafts[key] == nil else { continue }
            func source(_ original: PageSource) -> PageSource {
                let format = title[original.language] ?? title[config.defaultLanguage] ?? "{campaign}"
                var source = Self.generatedSection(folders: [], language: original.language)
                source.key = key
                source.file = original.file
                source.frontMatter.title = format.replacingOccurrences(of: "{campaign}", with: original.frontMatter.title)
                source.frontMatter.description = original.frontMatter.description
                source.frontMatter.translation = original.frontMatter.translation
                return source
            }
            var draft = Draft(key: key, original: source(page.original))
            draft.translations = page.translations.mapValues(source)
            draft.reportOf = campaign.id
            drafts[key] = draft
        }
    }

    /// Adds `/<lang>/search/` or `/<lang>/materials/` in every language the theme titles it in,
    /// unless the content has its own `search.md` or `materials.md` (which then is the page, its
    /// text shown above what the page generates).
    private func addGeneratedPage(_ reference: PageReference, to drafts: inout [String: Draft], title: Localized<String>) {
        let key = reference.key
        guard drafts[key] == nil else { return }
        func source(_ language: LanguageCode) -> PageSource {
            var page = Self.generatedSection(folders: [], language: language, title: title)
            page.key = key
            page.file = SourceFile(relativePath: key + ".md", displayPath: key + ".md", text: "")
            return page
        }
        var draft = Draft(key: key, original: source(config.defaultLanguage))
        for language in config.languages.map(\.code) where language != config.defaultLanguage && title[language] != nil {
            draft.translations[language] = source(language)
        }
        drafts[key] = draft
    }

    /// What a page is: from how it was made, its key and the campaign value its front matter described.
    static func kind(of draft: Draft, campaignData: CampaignData, quizzes: [String: Quiz]) -> PageKind {
        if let (slug, set) = draft.quizSet, let quiz = quizzes[slug] { return .quizSet(quiz, set: set) }
        if let filter = draft.eventFilter { return .eventList(filter) }
        if let id = draft.reportOf, let campaign = campaignData.campaign(id) { return .report(campaign) }
        switch draft.key {
        case "_index": return .home
        case PageReference.eventList(nil).key: return .eventList(nil)
        case PageReference.search.key: return .search
        case PageReference.materials.key: return .materials
        default: break
        }
        if draft.key.hasSuffix("/_index") { return .section }
        let id = draft.id
        switch draft.original.frontMatter.data {
        case .event: return campaignData.event(id).map(PageKind.event) ?? .page
        case .department: return campaignData.department(id).map(PageKind.department) ?? .page
        case .pillar(let pillar?): return .pillar(pillar)
        case .campaign: return campaignData.campaign(id).map(PageKind.campaign) ?? .page
        case .poster: return campaignData.poster(id).map(PageKind.poster) ?? .page
        case .pamphlet: return campaignData.pamphlet(id).map(PageKind.pamphlet) ?? .page
        case .pillar(nil), .none: return .page
        }
    }

    /// `pillars/prevention/` after the language folder: the folders and the page's slug (its own,
    /// the original's, or its file name); a section's page is its folder.
    private func address(of draft: Draft, kind: PageKind) -> PageAddress {
        var folderPath = ""
        for folder in draft.folders {
            folderPath += folder
            folderPath += "/"
        }
        guard !kind.isSectionIndex else { return PageAddress(location: folderPath) }
        let originalSlug = draft.original.frontMatter.slug ?? draft.id
        var address = PageAddress(location: folderPath + originalSlug + "/")
        for (language, translation) in draft.translations {
            if let slug = translation.frontMatter.slug, slug != originalSlug {
                address.translatedLocations[language] = folderPath + slug + "/"
            }
        }
        return address
    }

    /// Two pages may not share an address in any language, nor have addresses that differ only in
    /// case (they overwrite each other on Windows and macOS disks and many hosts); nor may two
    /// content files. Each clash is reported once.
    private mutating func checkUniquePaths(_ groups: [PageGroup], assets: [AssetFile], contentFolder: String) {
        var reported: Set<[SourceLocation]> = []
        for language in config.languages.map(\.code) {
            var seen: [SitePath: SourceLocation] = [:]
            var seenIgnoringCase: [String: (path: SitePath, location: SourceLocation)] = [:]
            for group in groups {
                let path = group.path(in: language)
                let source = group.source(for: language)
                let location = source.frontMatter.slugLocation ?? source.file.location()
                if let first = seen[path] {
                    if reported.insert([first, location]).inserted {
                        diagnostics.append(.error(.duplicateSlug(url: path.description, firstDefinedAt: first), at: location))
                    }
                    continue
                }
                seen[path] = location
                let folded = path.relative.lowercased()
                if let other = seenIgnoringCase[folded] {
                    if reported.insert([other.location, location]).inserted {
                        diagnostics.append(.error(.caseOnlyCollision(url: path.description, otherURL: other.path.description,
                                                                     firstDefinedAt: other.location), at: location))
                    }
                } else {
                    seenIgnoringCase[folded] = (path, location)
                }
            }
        }
        var assetsIgnoringCase: [String: AssetFile] = [:]
        for asset in assets {
            let folded = asset.relativePath.lowercased()
            if let other = assetsIgnoringCase[folded] {
                let first = SourceLocation(file: contentFolder + "/" + other.relativePath)
                diagnostics.append(.error(.caseOnlyCollision(url: "/" + asset.relativePath, otherURL: "/" + other.relativePath,
                                                             firstDefinedAt: first),
                                          at: SourceLocation(file: contentFolder + "/" + asset.relativePath)))
            } else {
                assetsIgnoringCase[folded] = asset
            }
        }
    }

    /// Fills each section's list of children: its pages and direct subsections, in display order.
    private func linkChildren(_ groups: [PageGroup], indexByKey: [String: Int]) -> [PageGroup] {
        var childrenByParent: [Int: [Int]] = [:]
        for (index, group) in groups.enumerated() {
            if case .home = group.kind { continue }
            // Generated event lists are reached from the events page's filters, not listed as its pages.
            if case .eventList(.some) = group.kind { continue }
            // The search page is reached from every page's header, the materials page from the footer.
            if case .search = group.kind { continue }
            if case .materials = group.kind { continue }
            let parentFolders = group.kind.isSectionIndex ? group.folders.dropLast() : group.folders[...]
            let parentKey = parentFolders.isEmpty ? "_index" : parentFolders.joined(separator: "/") + "/_index"
            guard let parent = indexByKey[parentKey] else { continue }
            childrenByParent[parent, default: []].append(index)
        }
        return groups.enumerated().map { index, group in
            guard let children = childrenByParent[index] else { return group }
            return group.with(children: children.sorted { groups[$0].sortKey < groups[$1].sortKey })
        }
    }

    /// The menu from `site.yaml` (an entry names a page, `help`, or a section, `pillars`). Without
    /// one: the top-level sections, and the pages whose front matter says `menu: true`, by weight.
    /// (Not every top-level page: a site with hundreds of pages at the top would get a menu as long,
    /// on every page.)
    private mutating func menu(of groups: [PageGroup], indexByKey: [String: Int]) -> [Int] {
        guard let entries = config.menu else {
            let home = indexByKey["_index"].map { groups[$0].children } ?? []
            let topSections = home.filter { groups[$0].kind.isSectionIndex }
            let chosen = groups.indices.filter { groups[$0].original.frontMatter.showsInMenu }
            return Array(Set(topSections + chosen)).sorted { groups[$0].sortKey < groups[$1].sortKey }
        }
        return entries.compactMap { entry, location in
            let name = entry.hasSuffix(".md") ? String(entry.dropLast(3)) : entry
            for key in [name, name + "/_index"] {
                if let index = indexByKey[key] { return index }
            }
            diagnostics.append(.error(.unknownReference(kind: "menu entry", id: entry), at: location))
            return nil
        }
    }

    /// The pages kept for use without a connection: the home page, those `site.yaml` lists under
    /// `offline` (a page, `help`, or a section, `quiz`, as in the menu), and every quiz set.
    private mutating func offlinePages(of groups: [PageGroup], indexByKey: [String: Int]) -> [Int] {
        var pages = indexByKey["_index"].map { [$0] } ?? []
        for (entry, location) in config.offlinePages {
            let name = entry.hasSuffix(".md") ? String(entry.dropLast(3)) : entry
            guard let index = [name, name + "/_index"].lazy.compactMap({ indexByKey[$0] }).first else {
                diagnostics.append(.error(.unknownReference(kind: "offline page", id: entry), at: location))
                continue
            }
            pages.append(index)
        }
        pages += groups.indices.filter { if case .quizSet = groups[$0].kind { true } else { false } }
        var seen: Set<Int> = []
        return pages.filter { seen.insert($0).inserted }
    }

    /// Without a build date from the options, the newest date in the content stands in for today,
    /// so the same content always gives the same site.
    static func latestDate(groups: [PageGroup], events: [Event]) -> CalendarDay {
        let pageDates = groups.compactMap(\.original.frontMatter.date)
        let eventDates = events.map(\.lastDay)
        return (pageDates + eventDates).max() ?? CalendarDay(year: 1970, month: 1, day: 1)!
    }

    /// A quiz's page in one language: its title and description, and no Markdown.
    static func quizPage(_ quiz: Quiz, file: SourceFile, key: String, language: LanguageCode) -> PageSource {
        let frontMatter = PageFrontMatter(title: quiz.title[language] ?? "", description: quiz.description[language],
                                          date: nil, isDraft: false, weight: nil, slug: nil, slugLocation: nil,
                                          translation: quiz.translation, translationOf: nil, hotlines: [])
        return PageSource(file: file, key: key, language: language, frontMatter: frontMatter, body: "", bodyLineOffset: 0)
    }

    /// A stand-in for a missing `_index.md`: titled after its folder, with no text of its own.
    static func generatedSection(folders: [String], language: LanguageCode, title: Localized<String>? = nil) -> PageSource {
        let key = folders.isEmpty ? "_index" : folders.joined(separator: "/") + "/_index"
        let name = folders.last.map { $0.prefix(1).uppercased() + $0.dropFirst() } ?? ""
        let file = SourceFile(relativePath: key + ".md", displayPath: key + ".md", text: "")
        let frontMatter = PageFrontMatter(title: title?[language] ?? name, description: nil, date: nil, isDraft: false,
                                          weight: nil, slug: nil, slugLocation: nil, translation: nil, translationOf: nil, hotlines: [])
        return PageSource(file: file, key: key, language: language, frontMatter: frontMatter, body: "", bodyLineOffset: 0)
    }
}
