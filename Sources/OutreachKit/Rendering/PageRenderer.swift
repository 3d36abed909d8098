import CampaignModel
import Mustache

/// Renders the pages of a checked site model through the theme. Pure: returns files and diagnostics.
struct PageRenderer: Sendable {
    var model: SiteModel
    var theme: Theme
    var links: LinkResolver
    /// Per-language data every page shares, computed once.
    var shared: [LanguageCode: LanguageData]
    /// Whether PDFs of printed pages are made, so their pages can link to them.
    var printsPDFs = false
    /// Breadcrumbs by language and folder path, from `crumbChains(for:)`.
    var crumbChains: [LanguageCode: [String: [PageLink]]]

    init(model: SiteModel, theme: Theme) {
        self.model = model
        self.theme = theme
        self.links = LinkResolver(model: model)
        self.crumbChains = Self.crumbChains(for: model)
        var shared: [LanguageCode: LanguageData] = [:]
        for language in model.config.languages {
            shared[language.code] = LanguageData(language: language, model: model, theme: theme)
        }
        self.shared = shared
        // Fragments (templates/fragments/*) are the same on every page of a language but for the
        // menu's current entry: render them once per language and entry, not once per page.
        var problems: [Diagnostic] = []
        for (code, data) in shared {
            for current in [""] + data.navigationEntries.map(\.key) {
                var values = data.common
                values["nav"] = data.navigation(current: current)
                var fragments: [String: String] = [:]
                for name in theme.fragmentNames {
                    fragments[String(name.dropFirst("fragments/".count))] = render(name, values: values, diagnostics: &problems)
                }
                self.shared[code]?.fragmentsByCurrentEntry[current] = fragments
            }
            self.shared[code]?.freeze()
        }
        setupDiagnostics = Array(Set(problems))
    }

    /// Problems found while rendering the fragments.
    var setupDiagnostics: [Diagnostic] = []

    var config: SiteConfig { model.config }

    /// Puts `source` in place of the page of group `index` in `language` (for `serve`'s edits).
    mutating func setSource(_ source: PageSource, ofGroup index: Int, in language: LanguageCode) {
        if language == model.groups[index].original.language {
            model.groups[index].original = source
        } else {
            model.groups[index].translations[language] = source
        }
    }

    /// The page of `group` in `language`.
    func render(_ group: PageGroup, in language: LanguageCode) -> ([OutputFile], [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        let source = group.source(for: language)
        let isFallback = source.language != language
        let markdown = CommonMark.render(source.body, options: .init(allowsUnsafeHTML: config.allowsUnsafeHTML)) { link in
            links.resolve(link, on: source, in: language, diagnostics: &diagnostics)
        }
        let data = shared[language]!
        var values: [String: Any] = [:]
        values.reserveCapacity(32)
        values["title"] = source.frontMatter.title
        values["titleLang"] = isFallback ? source.language.rawValue : false
        values["description"] = source.frontMatter.description ?? data.siteTitle
        values["content"] = markdown.html
        values["contentLang"] = isFallback ? source.language.rawValue : false
        values["isFallback"] = isFallback
        values["isDraft"] = source.frontMatter.translation == .draft
        values["fragments"] = data.fragments(for: group)
        values["languages"] = languageSwitcher(for: group, current: language)
        let pageHotlines = group.original.frontMatter.hotlines.compactMap { data.hotline($0.id) }
        values["pageHotlines"] = pageHotlines
        values["hasPageHotlines"] = !pageHotlines.isEmpty
        values["hasChildren"] = !group.children.isEmpty
        values["children"] = group.children.compactMap { model.group($0) }.map { child in
            Self.link(to: child, in: language, config: config,
                      description: child.source(for: language).frontMatter.description ?? "")
        }
        values["breadcrumbs"] = breadcrumbs(for: group, in: language)

        let canonicalLanguage = isFallback ? source.language : language
        values["canonical"] = absoluteURL(group.paths[canonicalLanguage]!)
        values["alternates"] = isFallback ? [AlternateLink]() : alternates(for: group)
        // x-default is the original; the language chooser at `/` carries no alternates of its own.
        values["xDefault"] = isFallback ? false : absoluteURL(group.paths[config.defaultLanguage]!)

        // Built only for the pages that show events or print: each copies the model's references.
        var events: EventViews { EventViews(model: model, language: language, dates: data.dates, strings: data.strings) }
        var templateName: String
        switch group.kind {
        case .home: templateName = "home"
        case .section: templateName = "section"
        case .page: templateName = "page"
        case .quiz(let slug, let set):
            templateName = "quiz"
            let quiz = model.quizzes[slug]!
            var view = QuizView(quiz: quiz, set: set, language: language, config: config, strings: data.strings).values
            view["sets"] = (1...quiz.sets.count).map { number -> [String: Any] in
                let key = SiteModelBuilder.quizKey(slug, set: number)
                return ["number": String(number), "url": config.basePath + model.group(key)!.paths[language]!.dropFirst(),
                        "current": number == set]
            }
            values["quiz"] = view
        case .eventFilter(let filter):
            templateName = "events"
            let matching = model.campaignData.events.filter { event in
                switch filter {
                case .department(let id): event.department == id
                case .pillar(let pillar): event.pillar == pillar
                }
            }
            values["events"] = events.listing(matching, current: filter)
        }
        var printViews: PrintViews {
            PrintViews(model: model, language: language, data: data, rootPath: PrintViews.rootPath(of: group.paths[language]!))
        }
        switch group.original.frontMatter.data {
        case .poster:
            if let poster = model.campaignData.posters.first(where: { "posters/" + $0.id == group.key }) {
                templateName = "poster"
                var view = printViews.poster(poster)
                view["pdf"] = pdfLink(group, language)
                values["poster"] = view
                values["rootPath"] = printViews.rootPath
            }
        case .pamphlet:
            if let pamphlet = model.campaignData.pamphlets.first(where: { "pamphlets/" + $0.id == group.key }) {
                templateName = "pamphlet"
                var view = printViews.pamphlet(pamphlet)
                view["pdf"] = pdfLink(group, language)
                let partner = bilingualPartner(of: group, for: language)
                view["bilingual"] = ["url": "bilingual/", "with": config.language(partner)?.name ?? ""] as [String: Any]
                values["pamphlet"] = view
                values["rootPath"] = printViews.rootPath
            }
        default:
            break
        }
        if group.key == "events/_index" {
            templateName = "events"
            values["events"] = events.listing(model.campaignData.events, current: nil)
        } else if let event = model.event(forKey: group.key) {
            templateName = "event"
            values["event"] = events.detail(event)
        }
        let material = campaignMaterial(for: group, in: language)
        values["campaignMaterial"] = material
        values["hasCampaignMaterial"] = !material.isEmpty
        let figures = relatedFigures(for: group).map { figure -> [String: Any] in
            let label = figure.label.templateText(in: language, fallback: config.defaultLanguage)
            return ["value": Self.formatted(figure.value) + figure.unit, "label": label.value, "lang": label.lang,
                    "period": data.dates.format(figure.period.lowerBound) + " – " + data.dates.format(figure.period.upperBound)]
        }
        values["figures"] = figures
        values["hasFigures"] = !figures.isEmpty
        let related = relatedEvents(for: group)
        values["relatedEvents"] = related.isEmpty ? [] : related.map(events.item)
        values["hasRelatedEvents"] = !related.isEmpty
        // A translation without its own date shows the original's.
        let date = source.frontMatter.date ?? group.original.frontMatter.date
        values["date"] = date.map { SectionText(text: data.dates.format($0)) } ?? false
        values["isoDate"] = date.map { $0.description } ?? false
        let html = render(templateName, values: values, shared: data.common, diagnostics: &diagnostics)
        let path = String(group.paths[language]!.dropFirst()) + "index.html"
        var files = [OutputFile(path: path, text: html)]
        if templateName == "pamphlet" {
            files.append(renderBilingual(group, in: language, values: values, shared: data.common, diagnostics: &diagnostics))
        }
        return (files, diagnostics)
    }

    /// Renders a template with strict lookups, reporting every name it used that `values` (or,
    /// below them, `shared`) lacks.
    func render(_ templateName: String, values: [String: Any], shared: [String: Any] = [:],
                diagnostics: inout [Diagnostic]) -> String {
        let missing = MissingNames()
        var values = values
        for (name, prefix) in [("t", "t."), ("fragments", "fragments.")] {
            if let strings = (values[name] ?? shared[name]) as? [String: String] {
                values[name] = TemplateStrings(values: strings, missing: missing, prefix: prefix)
            }
        }
        let data = TemplateData(values: values, shared: shared, missing: missing)
        let html = theme.library.render(data, withTemplate: templateName) ?? ""
        for name in Set(missing.names).sorted() {
            diagnostics.append(.error(.missingTemplateVariable(name: name, template: templateName),
                                      at: theme.location(ofTag: name, preferring: templateName)))
        }
        return html
    }

    /// The PDF's file name when the build prints PDFs, else false (no link).
    func pdfLink(_ group: PageGroup, _ language: LanguageCode) -> Any {
        printsPDFs ? Self.pdfName(of: group, in: language) : false
    }

    /// `forced-labour-signs-vi.pdf`: the file a poster or pamphlet prints to, next to its page.
    static func pdfName(of group: PageGroup, in language: LanguageCode) -> String {
        CampaignDataBuilder.id(of: group) + "-" + language.pathComponent + ".pdf"
    }

    /// Posters, pamphlets and quizzes of a campaign, for its page.
    func campaignMaterial(for group: PageGroup, in language: LanguageCode) -> [PageLink] {
        guard case .campaign = group.original.frontMatter.data else { return [] }
        let id = CampaignDataBuilder.id(of: group)
        var keys = model.campaignData.posters.filter { $0.campaign == id }.map { "posters/" + $0.id }
        keys += model.campaignData.pamphlets.filter { $0.campaign == id }.map { "pamphlets/" + $0.id }
        keys += (model.campaignData.campaigns.first { $0.id == id }?.quizzes ?? []).map { SiteModelBuilder.quizKey($0, set: 1) }
        return keys.compactMap { model.group($0) }.map { Self.link(to: $0, in: language, config: config) }
    }

    /// Figures shown on a department's or pillar's page.
    func relatedFigures(for group: PageGroup) -> [Figure] {
        let figures = model.campaignData.figures
        switch group.original.frontMatter.data {
        case .department: return figures.filter { $0.department == CampaignDataBuilder.id(of: group) }
        case .pillar(let pillar?): return figures.filter { $0.pillar == pillar }
        default: return []
        }
    }

    /// `82`, `79,371` or `74.33`: whole numbers grouped by thousands, others as written.
    static func formatted(_ value: Double) -> String {
        if value == value.rounded(), abs(value) < 1e15 { return EventViews.groupedDigits(Int(value)) }
        return String(value)
    }

    /// Events listed on a department's, pillar's or campaign's page.
    func relatedEvents(for group: PageGroup) -> [Event] {
        let events = model.campaignData.events
        let id = CampaignDataBuilder.id(of: group)
        switch group.original.frontMatter.data {
        case .department: return events.filter { $0.department == id }
        case .pillar(let pillar?): return events.filter { $0.pillar == pillar }
        case .campaign: return events.filter { $0.campaign == id }
        default: return []
        }
    }

    func absoluteURL(_ sitePath: String) -> String {
        config.baseURL + sitePath.dropFirst()
    }
}

extension Theme {
    /// Where `{{name}}` (or `{{#name}}`, `{{t.name}}`...) first appears, to point a diagnostic at it.
    func location(ofTag name: String, preferring templateName: String) -> SourceLocation {
        let ordered = [templateFiles[templateName]].compactMap { $0 }
            + templateFiles.values.sorted { $0.relativePath < $1.relativePath }
        for file in ordered {
            var line = 1
            for text in file.text.split(separator: "\n", omittingEmptySubsequences: false) {
                for opener in ["{{", "{{{", "{{#", "{{^", "{{&", "{{/"] {
                    if let range = text.range(of: opener + name) {
                        let column = text[..<range.lowerBound].unicodeScalars.count + 1
                        return file.location(line: line, column: column)
                    }
                }
                line += 1
            }
        }
        return SourceLocation(file: templateFiles[templateName]?.displayPath ?? templateName)
    }
}
