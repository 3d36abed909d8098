import CampaignModel
import Testing
@testable import OutreachKit

/// A small site written inline: its files in, its model and renderer out.
struct InlineSite {
    var renderer: PageRenderer
    var diagnostics: [Diagnostic]

    var model: SiteModel { renderer.model }

    static let siteYAML = """
        title: {en: Test Site, vi: Trang thử}
        baseURL: https://example.org/campaign/
        defaultLanguage: en
        languages:
          - {code: en, name: English}
          - {code: vi, name: Tiếng Việt}
        """

    /// Every template the engine needs, each printing only the page's title.
    static let templates = Theme.requiredTemplates.map { name in
        SourceFile(relativePath: name + ".mustache", displayPath: "theme/templates/" + name + ".mustache", text: "{{title}}")
    }

    init(_ pages: [String: String], siteYAML: String = siteYAML, quizzes: [String: String] = [:],
         searchTitle: Localized<String>? = nil, materialsTitle: Localized<String>? = nil, assets: [AssetFile] = [],
         makesImages: Bool = false) {
        var diagnostics: [Diagnostic] = []
        let siteFile = SourceFile(relativePath: "site.yaml", displayPath: "content/site.yaml", text: siteYAML)
        let config = SiteConfig.parse(siteFile, baseURLOverride: nil, diagnostics: &diagnostics)!
        let i18n = config.languages.map { language in
            SourceFile(relativePath: language.code.rawValue + ".yaml", displayPath: "theme/i18n/" + language.code.rawValue + ".yaml",
                       text: "home: Home\npillar_prevention: Prevention\nevent_kind_talk: Talk\n")
        }
        let theme = Theme.load(templates: Self.templates, i18n: i18n, assets: [], config: config, diagnostics: &diagnostics)
        var builder = SiteModelBuilder(config: config, includeDrafts: false)
        var sources: [PageSource] = []
        for (path, text) in pages.sorted(by: { $0.key < $1.key }) {
            let file = SourceFile(relativePath: path, displayPath: "content/" + path, text: text)
            guard let (key, language) = builder.keyAndLanguage(of: file),
                  let page = PageSource.parse(file, key: key, language: language, isTranslation: language != config.defaultLanguage,
                                              diagnostics: &diagnostics) else { continue }
            sources.append(page)
        }
        let parsedQuizzes = quizzes.sorted { $0.key < $1.key }.compactMap { path, text -> (quiz: Quiz, file: SourceFile)? in
            let file = SourceFile(relativePath: path, displayPath: "content/" + path, text: text)
            return Quiz.parse(file, config: config, diagnostics: &diagnostics).map { ($0, file) }
        }
        var inputs = SiteModelBuilder.Inputs(assets: assets, quizzes: parsedQuizzes, searchTitle: searchTitle,
                                             materialsTitle: materialsTitle)
        inputs.shareImageSizes = Loader.imageSizes(of: Set(sources.compactMap(\.shareImagePath)), in: assets)
        let model = builder.build(pages: sources, inputs: inputs)
        diagnostics += builder.diagnostics
        renderer = PageRenderer(model: model, theme: theme, makesImages: makesImages)
        self.diagnostics = diagnostics
    }

    /// The template and view of the page with `key` in `language`.
    func view(_ key: String, in language: String = "en") -> (template: String, page: PageView) {
        var ignored: [Diagnostic] = []
        let index = model.index(ofKey: key)!
        let result = renderer.view(of: index, in: LanguageCode(language)!, diagnostics: &ignored)
        return (result.template, result.page)
    }
}

@Suite struct PageRendererTests {
    static let talk = """
        ---
        title: A talk
        department: labour
        start: 2022-03-16 14:30
        pillar: prevention
        kind: talk
        ---
        Text.
        """
    static let labour = "---\ntitle: Labour\nkind: labor\n---\n"

    @Test func anEventPageGetsTheEventTemplateAndItsDetails() throws {
        let site = InlineSite(["events/talk.md": Self.talk, "departments/labour.md": Self.labour])
        #expect(site.diagnostics.isEmpty, "\(site.diagnostics)")
        let (template, page) = site.view("events/talk")
        #expect(template == "event")
        guard case .event(let event) = page.special else {
            Issue.record("not an event view: \(page.special)")
            return
        }
        #expect(event.item.title == "A talk")
        #expect(event.item.kind == "Talk")
        #expect(event.item.department?.url == "/campaign/en/departments/labour/")
        #expect(event.calendarURL == "/campaign/en/events/talk/event.ics")
        // No page for the pillar: the link goes to the events of that pillar.
        #expect(event.pillar.url == "/campaign/en/events/by-pillar/prevention/")
    }

    @Test func theEventsPageAndItsFiltersListTheirEvents() throws {
        let site = InlineSite(["events/_index.md": "---\ntitle: Events\n---\n", "events/talk.md": Self.talk,
                               "departments/labour.md": Self.labour])
        let (template, page) = site.view("events/_index")
        #expect(template == "events")
        guard case .eventList(let listing) = page.special else {
            Issue.record("not an event list: \(page.special)")
            return
        }
        #expect(listing.isAll)
        // The only event is the newest date of the site, so it is upcoming (today is that day).
        #expect(listing.upcoming.flatMap(\.events).map(\.title) == ["A talk"])
        #expect(listing.past.isEmpty)
        #expect(listing.departmentFilters.map(\.url) == ["/campaign/en/events/by-department/labour/"])

        let filtered = site.view("events/by-department/labour", in: "vi")
        guard case .eventList(let byDepartment) = filtered.page.special else {
            Issue.record("not an event list: \(filtered.page.special)")
            return
        }
        #expect(!byDepartment.isAll)
        #expect(byDepartment.departmentFilters.map(\.current) == [true])
        #expect(byDepartment.allURL == "/campaign/vi/events/")
    }

    @Test func aDepartmentPageListsItsEvents() {
        let site = InlineSite(["events/talk.md": Self.talk, "departments/labour.md": Self.labour])
        let (template, page) = site.view("departments/labour")
        #expect(template == "page")
        #expect(page.relatedEvents.map(\.url) == ["/campaign/en/events/talk/"])
        guard case .department(let department) = site.model.group("departments/labour")?.kind else {
            Issue.record("not a department")
            return
        }
        #expect(department.kind == .labor)
    }

    @Test func anUntranslatedPageShowsTheOriginalMarkedWithItsLanguage() {
        let site = InlineSite(["help.md": "---\ntitle: Help\n---\n## Call\n", "help.vi.md": "---\ntitle: Trợ giúp\n---\n",
                               "about.md": "---\ntitle: About\n---\n"])
        let (_, translated) = site.view("help", in: "vi")
        #expect(translated.title == "Trợ giúp")
        #expect(translated.titleLang == nil)
        #expect(translated.alternates.map(\.hreflang) == ["en", "vi"])

        let (_, fallback) = site.view("about", in: "vi")
        #expect(fallback.title == "About")
        #expect(fallback.titleLang == "en")
        #expect(fallback.isFallback)
        #expect(fallback.alternates.isEmpty)
        #expect(fallback.xDefault == nil)
        #expect(fallback.canonical == "https://example.org/campaign/en/about/")
        #expect(fallback.languages.map(\.url) == ["/campaign/en/about/", "/campaign/vi/about/"])
    }

    @Test func aQuizSetLinksToEverySetOfItsBank() {
        let quiz = """
            title: {en: Quiz}
            pool: 1
            categories: [{id: c, name: {en: C}}]
            questions:
              - {id: q1, category: c, type: true-false, text: {en: One?}, answer: true, explanation: {en: Yes.}}
              - {id: q2, category: c, type: true-false, text: {en: Two?}, answer: false, explanation: {en: No.}}
            """
        let site = InlineSite(["_index.md": "---\ntitle: Home\n---\n"], quizzes: ["quizzes/basics.yaml": quiz])
        #expect(site.diagnostics.isEmpty, "\(site.diagnostics)")
        let (template, page) = site.view("quiz/basics/2")
        #expect(template == "quiz")
        guard case .quiz(let view) = page.special else {
            Issue.record("not a quiz: \(page.special)")
            return
        }
        #expect(view.setNumber == "2")
        #expect(view.sets.map(\.url) == ["/campaign/en/quiz/basics/", "/campaign/en/quiz/basics/2/"])
        #expect(view.sets.map(\.current) == [false, true])
        #expect(view.questions.count == 1)
    }

    @Test func aPosterHasAQRCodeOfItsTargetInTheSameLanguage() {
        let poster = "---\ntitle: Signs\nmessage: Call 1955.\npaper: A4\nqr: help\n---\n"
        let site = InlineSite(["posters/signs.md": poster, "help.md": "---\ntitle: Help\n---\n"])
        #expect(site.diagnostics.isEmpty, "\(site.diagnostics)")
        let (template, page) = site.view("posters/signs", in: "vi")
        #expect(template == "poster")
        guard case .poster(let view, let rootPath) = page.special else {
            Issue.record("not a poster: \(page.special)")
            return
        }
        #expect(view.qr.url == "https://example.org/campaign/vi/help/")
        #expect(view.qr.svg.hasPrefix("<svg"))
        #expect(view.paper == "a4-portrait")
        #expect(rootPath == "../../../")
    }

    /// Without `menu:` in site.yaml: the top-level sections, and pages that ask with `menu: true`.
    @Test func theDefaultMenuListsSectionsAndPagesThatAsk() {
        var pages: [String: String] = ["help.md": "---\ntitle: Help\nweight: 1\nmenu: true\n---\n",
                                       "guide/a.md": "---\ntitle: A\n---\n", "guide/deeper/b.md": "---\ntitle: B\n---\n"]
        for number in 1...50 { pages["page-\(number).md"] = "---\ntitle: Page \(number)\n---\n" }
        let site = InlineSite(pages)
        #expect(site.diagnostics.isEmpty, "\(site.diagnostics)")
        #expect(site.model.menu.map { site.model.groups[$0].key } == ["help", "guide/_index"])
        let data = site.renderer.context.data(for: LanguageCode("vi")!)
        #expect(data.menuEntries(current: nil).map(\.url) == ["/campaign/vi/help/", "/campaign/vi/guide/"])
    }

    @Test func sitePathsKnowTheirLinkPermalinkAndFile() {
        let site = InlineSite(["help.md": "---\ntitle: Help\n---\n"])
        let path = site.model.group("help")!.path(in: LanguageCode("vi")!)
        #expect(path.url(in: site.model.config) == "/campaign/vi/help/")
        #expect(path.permalink(in: site.model.config) == "https://example.org/campaign/vi/help/")
        #expect(path.outputFile == "vi/help/index.html")
        #expect(path.appending("event.ics").relative == "vi/help/event.ics")
        #expect(path.description == "/vi/help/")
    }
}
