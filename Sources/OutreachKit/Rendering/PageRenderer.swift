import CampaignModel
import CampaignReport

/// Renders the pages of a checked site model through the theme. Pure: returns files, diagnostics
/// and the facts `check` reads (links, heading ids), never touching the disk.
///
/// Rendering is one switch over the page's kind, which picks the template and builds the view
/// particular to it; everything else about a page is the same `PageView` for every kind.
struct PageRenderer: Sendable {
    private(set) var context: RenderContext
    let links: LinkResolver
    /// Whether PDFs of printed pages are made, so their pages can link to them.
    let printsPDFs: Bool
    /// Whether e-poster images and preview card images are made, so pages can show and name them.
    let makesImages: Bool
    /// Breadcrumbs by language and folder path (`""` at the top, `pillars`...), computed once per
    /// folder rather than once per page, since every page of a folder has the same ones.
    private let crumbChainsByLanguage: [LanguageCode: [String: [PageLink]]]
    /// Problems found while rendering the theme's fragments.
    let setupDiagnostics: [Diagnostic]

    init(model: SiteModel, theme: Theme, printsPDFs: Bool = false, makesImages: Bool = false) {
        var problems: [Diagnostic] = []
        let languages = model.config.languages.map { language in
            LanguageData(language: language, model: model, theme: theme, makesImages: makesImages, diagnostics: &problems)
        }
        context = RenderContext(model: model, theme: theme, languages: languages)
        links = LinkResolver(model: model)
        self.printsPDFs = printsPDFs
        self.makesImages = makesImages
        crumbChainsByLanguage = Self.crumbChains(for: model)
        setupDiagnostics = Array(Set(problems))
    }

    var model: SiteModel { context.model }

    /// The breadcrumbs of every folder in `language`.
    func crumbChains(_ language: LanguageCode) -> [String: [PageLink]] { crumbChainsByLanguage[language] ?? [:] }
    var config: SiteConfig { context.config }

    /// Puts an edited page's source in place (for `serve`'s edits of a page's text).
    mutating func replaceSource(_ source: PageSource, ofGroup index: Int) {
        context.replaceSource(source, ofGroup: index)
    }

    /// What rendering one page in one language gave.
    struct RenderedPage: Sendable {
        var files: [OutputFile]
        var diagnostics: [Diagnostic]
        var facts: PageFacts
    }

    /// The page of group `index` in `language`; with `tracksLinks`, the facts also hold every link
    /// the theme printed on it.
    func render(_ index: Int, in language: LanguageCode, tracksLinks: Bool = false) -> RenderedPage {
        let group = model.groups[index]
        var diagnostics: [Diagnostic] = []
        let (template, page, markdown) = view(of: index, in: language, diagnostics: &diagnostics)
        let data = context.data(for: language)
        let recorder = TemplateRecorder(tracksLinks: tracksLinks)
        let html = context.theme.render(template, page, shared: data.view, recorder: recorder, diagnostics: &diagnostics)
        var files = [OutputFile(path: group.path(in: language).outputFile, text: html)]
        switch group.kind {
        case .poster(let poster):
            if let qr = qrFile(of: poster, page: group.path(in: language), in: language) { files.append(qr) }
        case .pamphlet:
            files.append(renderBilingual(group, in: language, page: page, diagnostics: &diagnostics))
        case .report:
            let folder = group.path(in: language)
            files.append(OutputFile(path: folder.appending(Self.runningHeaderFile).relative, text: Self.runningHeader(title: page.title)))
            // The same tables as `outreach report --format csv|json`, for spreadsheets.
            if case .report(_, _, let report) = page.special {
                files.append(OutputFile(path: folder.appending("report.csv").relative, text: report.csv))
                files.append(OutputFile(path: folder.appending("report.json").relative, text: report.json))
            }
        default:
            break
        }
        var linked = recorder.linkedURLs
        for name in Set(recorder.usedFragments).sorted() { linked += data.fragmentURLs[name] ?? [] }
        let facts = PageFacts(group: index, language: language, source: group.source(for: language),
                              headingIDs: markdown.headings.map(\.id), links: markdown.links, themeLinks: linked)
        return RenderedPage(files: files, diagnostics: diagnostics, facts: facts)
    }

    /// The template and view of the page of group `index` in `language`, and its Markdown as
    /// rendered: one switch over the page's kind.
    func view(of index: Int, in language: LanguageCode,
              diagnostics: inout [Diagnostic]) -> (template: String, page: PageView, markdown: CommonMark.Rendering) {
        let group = model.groups[index]
        let source = group.source(for: language)
        let isFallback = source.language != language
        let markdown = CommonMark.render(source.body, options: .init(allowsUnsafeHTML: config.allowsUnsafeHTML)) { link in
            links.resolve(link, on: source, in: language, diagnostics: &diagnostics)
        }
        let data = context.data(for: language)
        let canonicalLanguage = isFallback ? source.language : language
        // A translation without its own date shows the original's.
        let date = source.frontMatter.date ?? group.original.frontMatter.date
        var page = PageView(
            title: source.frontMatter.title,
            titleLang: isFallback ? source.language.rawValue : nil,
            description: source.frontMatter.description ?? data.siteTitle,
            content: markdown.html,
            contentLang: isFallback ? source.language.rawValue : nil,
            isFallback: isFallback,
            isDraft: source.frontMatter.translation == .draft,
            // A page shown untranslated is indexed in its own language only, not again in every other.
            isSearchable: group.kind.isSearchable && !isFallback,
            fragments: data.fragments(forGroup: index, section: topSection(of: group)),
            languages: languageSwitcher(for: group, current: language),
            pageHotlines: group.original.frontMatter.hotlines.compactMap { data.hotlinesByID[$0.id] },
            children: group.children.map { child in
                link(to: model.groups[child], in: language,
                     description: model.groups[child].source(for: language).frontMatter.description ?? "")
            },
            breadcrumbs: breadcrumbs(for: group, in: language),
            canonical: group.path(in: canonicalLanguage).permalink(in: config),
            // x-default is the original; a page shown untranslated lists no alternates of its own.
            alternates: isFallback ? [] : Self.alternates(for: group, config: config),
            xDefault: isFallback ? nil : group.path(in: config.defaultLanguage).permalink(in: config),
            localeAlternates: isFallback ? [] : config.languages.filter { $0.code != language && group.isAvailable(in: $0.code) }
                .map(\.code.openGraphLocale),
            date: date.map { SectionText(text: data.dates.format($0)) },
            isoDate: date?.description,
            share: ShareView(url: group.path(in: language).permalink(in: config)))
        page.shareImage = shareImage(for: group, source: source, title: source.frontMatter.title, in: language)

        var events: EventViews { EventViews(model: model, language: language, dates: data.dates, strings: data.strings) }
        var printViews: PrintViews {
            PrintViews(model: model, language: language, data: data, rootPath: PrintViews.rootPath(of: group.path(in: language)))
        }
        let campaignData = model.campaignData
        let template: String
        switch group.kind {
        case .home:
            template = "home"
            page.openGraphType = "website"
        case .section:
            template = "section"
        case .page:
            template = "page"
        case .department(let department):
            template = "page"
            page.figures = figures(campaignData.figures(ofDepartment: department.id), data: data)
            page.relatedEvents = campaignData.events(of: .department(department.id)).map(events.item)
        case .pillar(let pillar):
            template = "page"
            page.figures = figures(campaignData.figures(of: pillar), data: data)
            page.relatedEvents = campaignData.events(of: .pillar(pillar)).map(events.item)
        case .campaign(let campaign):
            template = "page"
            page.campaignMaterial = material(of: campaign, in: language)
            page.reportLink = model.group(.report(campaign: campaign.id)).map { link(to: $0, in: language) }
            page.relatedEvents = campaignData.events(ofCampaign: campaign.id).map(events.item)
        case .event(let event):
            template = "event"
            page.special = .event(events.detail(event))
        case .eventList(let filter):
            template = "events"
            page.special = .eventList(events.listing(current: filter))
        case .poster(let poster):
            template = "poster"
            page.special = .poster(printViews.poster(poster, pdf: pdfName(of: group, in: language)), rootPath: printViews.rootPath)
        case .pamphlet(let pamphlet):
            template = "pamphlet"
            let partner = config.language(bilingualPartner(of: group, for: language))?.name ?? ""
            page.special = .pamphlet(printViews.pamphlet(pamphlet, pdf: pdfName(of: group, in: language), bilingualWith: partner),
                                     rootPath: printViews.rootPath)
        case .report(let campaign):
            template = "report"
            if let report = try? report(of: campaign, in: language) {
                page.special = .report(reportView(report, page: group, in: language, diagnostics: &diagnostics),
                                       rootPath: PrintViews.rootPath(of: group.path(in: language)), report: report)
            }
        case .quizSet(let quiz, let set):
            template = "quiz"
            let sets = quiz.sets.indices.map { $0 + 1 }.compactMap { number -> QuizSetView.SetLink? in
                guard let other = model.group(.quizSet(quiz.id, set: number)) else { return nil }
                return QuizSetView.SetLink(number: String(number), url: other.path(in: language).url(in: config), current: number == set)
            }
            page.special = .quiz(QuizView(quiz: quiz, set: set, language: language, config: config, strings: data.strings,
                                          statistics: campaignData.quizStatistics(ofQuiz: quiz.id)).view(sets: sets))
        case .search:
            template = "search"
            page.special = .search(SearchView(bundlePath: config.basePath + "pagefind/", sections: topSections(in: language)))
        case .materials:
            template = "materials"
            page.special = .materials(materials(in: language))
        }

        return (template, page, markdown)
    }

    /// The site's top-level sections in `language`, which the search page offers when search cannot run.
    private func topSections(in language: LanguageCode) -> [PageLink] {
        let home = model.group("_index")?.children ?? []
        return home.filter { model.groups[$0].kind.isSectionIndex }.map { link(to: model.groups[$0], in: language) }
    }

    /// The group of the page's top-level section, whose menu entry marks the page's place.
    private func topSection(of group: PageGroup) -> Int? {
        group.folders.first.flatMap { model.index(ofKey: $0 + "/_index") }
    }

    /// The PDF's file name when the build prints PDFs, else nil (no link).
    private func pdfName(of group: PageGroup, in language: LanguageCode) -> String? {
        printsPDFs ? Self.pdfName(of: group, in: language) : nil
    }

    /// `forced-labour-signs-vi.pdf`: the file a poster or pamphlet prints to, next to its page.
    static func pdfName(of group: PageGroup, in language: LanguageCode) -> String {
        group.id + "-" + language.pathComponent + ".pdf"
    }

    /// Posters, pamphlets and quizzes of a campaign, for its page.
    private func material(of campaign: Campaign, in language: LanguageCode) -> [PageLink] {
        let material = model.campaignData.material(ofCampaign: campaign.id)
        let references = material.posters.map { PageReference.poster($0.id) } + material.pamphlets.map { .pamphlet($0.id) }
            + campaign.quizzes.map { .quizSet($0, set: 1) }
        return references.compactMap { model.group($0) }.map { link(to: $0, in: language) }
    }

    /// Figures shown on a department's or pillar's page.
    private func figures(_ figures: [Figure], data: LanguageData) -> [FigureView] {
        figures.map { figure in
            let label = figure.label.templateText(in: data.language.code, fallback: config.defaultLanguage)
            return FigureView(value: Self.formatted(figure.value) + figure.unit, label: label.value, lang: label.lang,
                              period: data.dates.format(figure.period.lowerBound) + " – " + data.dates.format(figure.period.upperBound))
        }
    }

    /// `82`, `79,371` or `74.33`: whole numbers grouped by thousands, others as written.
    static func formatted(_ value: Double) -> String {
        if value == value.rounded(), abs(value) < 1e15 { return EventViews.groupedDigits(Int(value)) }
        return String(value)
    }
}

/// What `check` needs to know about one rendered page, collected while rendering it: the
/// Markdown's links and heading ids, and the links the theme printed.
struct PageFacts: Sendable {
    /// The page's group.
    var group: Int
    var language: LanguageCode
    /// The Markdown source shown (the translation, or the original when untranslated).
    var source: PageSource
    var headingIDs: [String]
    /// Links and images as written in the Markdown, with their positions in it.
    var links: [CommonMark.Link]
    /// Addresses the theme printed (menus, lists, breadcrumbs); only when rendering for `check`.
    var themeLinks: [String]
}
