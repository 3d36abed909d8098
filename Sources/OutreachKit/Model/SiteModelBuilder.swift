import CampaignModel

/// Turns parsed sources into a checked `SiteModel`, collecting every problem along the way.
struct SiteModelBuilder {
    var config: SiteConfig
    var includeDrafts: Bool
    var diagnostics: [Diagnostic] = []

    init(config: SiteConfig, includeDrafts: Bool) {
        self.config = config
        self.includeDrafts = includeDrafts
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

    /// Groups pages with their translations, gives every page its address, and checks references.
    mutating func build(pages: [PageSource], hotlines: [Hotline], assets: [AssetFile],
                        quizzes: [(quiz: Quiz, file: SourceFile)] = [],
                        sectionTitles: [String: Localized<String>] = [:],
                        pillarNames: [Pillar: Localized<String>] = [:]) -> SiteModel {
        let visible = pages.filter { includeDrafts || !$0.frontMatter.isDraft }
        var originals: [String: PageSource] = [:]
        var translations: [String: [LanguageCode: PageSource]] = [:]
        for page in visible {
            if page.language == config.defaultLanguage {
                originals[page.key] = page
            } else {
                translations[page.key, default: [:]][page.language] = page
            }
        }
        let hiddenOriginals = Set(pages.filter { $0.language == config.defaultLanguage }.map(\.key))
        for (key, byLanguage) in translations where originals[key] == nil && !hiddenOriginals.contains(key) {
            for page in byLanguage.values.sorted(by: { $0.language < $1.language }) {
                diagnostics.append(.error(.translationWithoutOriginal(key + ".md"), at: page.file.location()))
            }
        }

        // Each set of a quiz is a page of the `quiz` section, written in every language its title is.
        var quizKinds: [String: PageGroup.Kind] = [:]
        for (quiz, file) in quizzes {
            for set in 1...max(quiz.sets.count, 1) {
                let key = Self.quizKey(quiz.id, set: set)
                quizKinds[key] = .quiz(quiz.id, set: set)
                originals[key] = Self.quizPage(quiz, file: file, key: key, language: config.defaultLanguage)
                for language in config.languages.map(\.code) where language != config.defaultLanguage && quiz.title[language] != nil {
                    translations[key, default: [:]][language] = Self.quizPage(quiz, file: file, key: key, language: language)
                }
            }
        }
        // Sections without an _index.md still get a page listing their contents.
        for key in originals.keys.sorted() {
            var folders = key.split(separator: "/").map(String.init).dropLast()
            if originals[key].map({ quizKinds[$0.key] != nil }) == true { folders = folders.prefix(1) }
            while !folders.isEmpty {
                let sectionKey = folders.joined(separator: "/") + "/_index"
                if originals[sectionKey] == nil {
                    // Titled by the theme's `section_title_<folder>` strings where it has them.
                    let title = sectionTitles[folders.joined(separator: "/")]
                    originals[sectionKey] = Self.generatedSection(folders: Array(folders), language: config.defaultLanguage,
                                                                  title: title)
                    for language in config.languages.map(\.code) where language != config.defaultLanguage && title?[language] != nil {
                        translations[sectionKey, default: [:]][language] = Self.generatedSection(
                            folders: Array(folders), language: language, title: title)
                    }
                }
                folders = folders.dropLast()
            }
        }
        if originals["_index"] == nil {
            originals["_index"] = Self.generatedSection(folders: [], language: config.defaultLanguage, title: config.title)
        }

        let knownHotlines = Set(hotlines.map(\.id))
        var groups: [PageGroup] = []
        for key in originals.keys.sorted() {
            let original = originals[key]!
            let isIndex = key == "_index" || key.hasSuffix("/_index")
            let folders = key.split(separator: "/").map(String.init).dropLast()
            for folder in folders where !Slug.isValid(folder) {
                diagnostics.append(.error(.invalidSlug(folder), at: original.file.location()))
            }
            var group = PageGroup(
                key: key,
                kind: key == "_index" ? .home : (isIndex ? .section : quizKinds[key] ?? .page),
                folders: Array(folders),
                original: original,
                translations: translations[key] ?? [:],
                paths: [:])
            for language in config.languages.map(\.code) {
                group.paths[language] = path(of: group, in: language)
            }
            for page in [original] + group.translations.values.sorted(by: { $0.language < $1.language }) {
                for reference in page.frontMatter.hotlines where !knownHotlines.contains(reference.id) {
                    diagnostics.append(.error(.unknownHotline(reference.id), at: reference.location))
                }
            }
            groups.append(group)
        }
        checkUniquePaths(groups)

        var model = SiteModel(config: config, hotlines: hotlines, groups: groups, contentAssets: assets)
        model.quizzes = Dictionary(uniqueKeysWithValues: quizzes.map { ($0.quiz.id, $0.quiz) })
        model.groupIndex = Dictionary(uniqueKeysWithValues: groups.enumerated().map { ($1.key, $0) })
        var campaignBuilder = CampaignDataBuilder(config: config)
        model.campaignData = campaignBuilder.build(groups: model.groups, quizzes: Set(model.quizzes.keys),
                                                   assets: Set(assets.map(\.relativePath)))
        diagnostics += campaignBuilder.diagnostics
        addEventFilters(to: &model, pillarNames: pillarNames)
        linkChildren(&model)
        model.menu = menu(of: model)
        return model
    }

    /// `/en/pillars/prevention/`: the language, the folders, and the page's slug (its own, the
    /// original's, or its file name).
    private func path(of group: PageGroup, in language: LanguageCode) -> String {
        var path = "/" + language.pathComponent + "/"
        for folder in group.folders {
            path += folder
            path += "/"
        }
        if group.kind != .home && group.kind != .section {
            let stem = group.key.utf8.lastIndex(of: UInt8(ascii: "/")).map { group.key[group.key.index(after: $0)...] } ?? group.key[...]
            let slug = group.translations[language]?.frontMatter.slug ?? group.original.frontMatter.slug
            path += slug ?? String(stem)
            path += "/"
        }
        return path
    }

    /// Two pages may not share an address in any language; each clash is reported once.
    private mutating func checkUniquePaths(_ groups: [PageGroup]) {
        var reported: Set<[SourceLocation]> = []
        for language in config.languages.map(\.code) {
            var seen: [String: SourceLocation] = [:]
            for group in groups {
                guard let path = group.paths[language] else { continue }
                let source = group.source(for: language)
                let location = source.frontMatter.slugLocation ?? source.file.location()
                if let first = seen[path] {
                    if reported.insert([first, location]).inserted {
                        diagnostics.append(.error(.duplicateSlug(url: path, firstDefinedAt: first), at: location))
                    }
                } else {
                    seen[path] = location
                }
            }
        }
    }

    /// Adds `/events/by-department/<id>/` and `/events/by-pillar/<pillar>/`: the events page
    /// filtered without JavaScript, one page per department and pillar that has events.
    private func addEventFilters(to model: inout SiteModel, pillarNames: [Pillar: Localized<String>]) {
        let events = model.campaignData.events
        guard !events.isEmpty, let section = model.group("events/_index") else { return }
        var filters: [(key: String, filter: EventFilter, title: Localized<String>)] = []
        for department in model.campaignData.departments where events.contains(where: { $0.department == department.id }) {
            filters.append(("events/by-department/" + department.id, .department(department.id), department.name))
        }
        for pillar in Pillar.allCases where events.contains(where: { $0.pillar == pillar }) {
            filters.append(("events/by-pillar/" + pillar.rawValue, .pillar(pillar), pillarNames[pillar] ?? Localized()))
        }
        for (key, filter, title) in filters where model.groupIndex[key] == nil {
            func source(_ language: LanguageCode) -> PageSource {
                var page = Self.generatedSection(folders: [], language: language, title: title)
                page.key = key
                page.file = section.original.file
                return page
            }
            var group = PageGroup(key: key, kind: .eventFilter(filter), folders: key.split(separator: "/").dropLast().map(String.init),
                                  original: source(config.defaultLanguage), translations: [:], paths: [:])
            for language in config.languages.map(\.code) where language != config.defaultLanguage && title[language] != nil {
                group.translations[language] = source(language)
            }
            for language in config.languages.map(\.code) {
                group.paths[language] = path(of: group, in: language)
            }
            model.groups.append(group)
        }
        model.groups.sort { $0.key < $1.key }
        model.groupIndex = Dictionary(uniqueKeysWithValues: model.groups.enumerated().map { ($1.key, $0) })
    }

    /// The menu from `site.yaml` (an entry names a page, `help`, or a section, `pillars`), else
    /// every top-level page and section in weight order.
    private mutating func menu(of model: SiteModel) -> [String] {
        guard let entries = config.menu else { return model.group("_index")?.children ?? [] }
        return entries.compactMap { entry, location in
            let name = entry.hasSuffix(".md") ? String(entry.dropLast(3)) : entry
            for key in [name, name + "/_index"] where model.group(key) != nil { return key }
            diagnostics.append(.error(.unknownReference(kind: "menu entry", id: entry), at: location))
            return nil
        }
    }

    /// Fills each section's list of children: its pages and direct subsections, in display order.
    private func linkChildren(_ model: inout SiteModel) {
        var childrenByParent: [String: [PageGroup]] = [:]
        for group in model.groups where group.kind != .home {
            let parentFolders = group.kind == .section ? group.folders.dropLast() : group.folders[...]
            let parentKey = parentFolders.isEmpty ? "_index" : parentFolders.joined(separator: "/") + "/_index"
            childrenByParent[parentKey, default: []].append(group)
        }
        for (parentKey, children) in childrenByParent where !parentKey.hasPrefix("events/by-") {
            guard let index = model.groupIndex[parentKey] else { continue }
            model.groups[index].children = children.sorted { $0.sortKey < $1.sortKey }.map(\.key)
        }
    }

    /// The section quizzes are published in: `/<lang>/quiz/<slug>/`.
    static let quizFolder = "quiz"

    /// `quiz/<slug>` for the first set, `quiz/<slug>/<n>` for the others.
    static func quizKey(_ slug: String, set: Int) -> String {
        set == 1 ? quizFolder + "/" + slug : quizFolder + "/" + slug + "/" + String(set)
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
