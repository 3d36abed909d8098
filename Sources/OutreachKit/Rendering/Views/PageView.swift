import CampaignReport

/// The view of every page template (`home`, `section`, `page`, `event`, `events`, `poster`,
/// `pamphlet`, `pamphlet-bilingual`, `quiz`): what `base` shows for any page, and the one part
/// particular to the page's kind.
struct PageView: TemplateView {
    var title: String
    /// The title's language when the page is shown untranslated.
    var titleLang: String?
    var description: String
    /// The preview card's description (`og:description`): the description, shortened.
    var cardDescription: String { PreviewText.shortened(description) }
    /// The page's Markdown as HTML.
    var content: String
    var contentLang: String?
    var isFallback: Bool
    var isDraft: Bool
    /// Whether the page's main content goes into the search index (`data-pagefind-body`).
    var isSearchable: Bool
    var fragments: [String: String]?
    var languages: [LanguageLink]
    var pageHotlines: [HotlineView] = []
    var children: [PageLink] = []
    var breadcrumbs: [PageLink] = []
    var canonical: String
    var alternates: [AlternateLink]
    /// The `x-default` alternate (the original), nil on pages shown untranslated.
    var xDefault: String?
    /// The page's Open Graph type: `website` for the home page, `article` for the others.
    var openGraphType = "article"
    /// The Open Graph locales (`og:locale:alternate`) of the page's other real translations.
    var localeAlternates: [String] = []
    var campaignMaterial: [PageLink] = []
    /// A campaign's coordination report.
    var reportLink: PageLink?
    var figures: [FigureView] = []
    var relatedEvents: [EventItemView] = []
    var date: SectionText?
    var isoDate: String?
    /// The page's own preview card image (its `shareImage`, or its poster's card); nil for the
    /// language's, which the template then finds among the shared values.
    var shareImage: ShareImageView?
    /// The share control; nil on pages nobody shares (the offline page stands in for another page).
    var share: ShareView?
    /// The part particular to the page's kind.
    var special: Special = .none

    /// What a page of a particular kind adds.
    enum Special: Sendable {
        case none
        case eventList(EventListingView)
        case event(EventDetailView)
        case quiz(QuizSetView)
        case poster(PosterView, rootPath: String)
        case pamphlet(PamphletView, rootPath: String)
        case bilingual(BilingualView, rootPath: String)
        /// A coordination report's page, with the report it shows (whose tables go beside it).
        case report(ReportView, rootPath: String, report: CoordinationReport)
        /// The privacy page: whether finished quiz sets are counted.
        case privacy(counted: Bool)
        case search(SearchView)
        case materials(MaterialsView)
    }

    func value(named name: String) -> Any? {
        switch name {
        case "title": title
        case "titleLang": titleLang.orFalse
        case "description": description
        case "cardDescription": cardDescription
        case "content": content
        case "contentLang": contentLang.orFalse
        case "isFallback": isFallback
        case "isDraft": isDraft
        case "isSearchable": isSearchable
        case "languages": languages
        case "pageHotlines": pageHotlines
        case "hasPageHotlines": !pageHotlines.isEmpty
        case "children": children
        case "hasChildren": !children.isEmpty
        case "breadcrumbs": breadcrumbs
        case "canonical": canonical
        case "alternates": alternates
        case "xDefault": xDefault.orFalse
        case "openGraphType": openGraphType
        case "localeAlternates": localeAlternates
        case "campaignMaterial": campaignMaterial
        case "hasCampaignMaterial": !campaignMaterial.isEmpty
        case "reportLink": reportLink.orFalse
        case "figures": figures
        case "hasFigures": !figures.isEmpty
        case "relatedEvents": relatedEvents
        case "hasRelatedEvents": !relatedEvents.isEmpty
        case "date": date.orFalse
        case "isoDate": isoDate.orFalse
        // Nil (not false) when the page has none, so the language's card is found instead.
        case "shareImage": shareImage.map { $0 as Any }
        case "share": share.orFalse
        default: specialValue(named: name)
        }
    }

    private func specialValue(named name: String) -> Any? {
        switch (special, name) {
        case (.eventList(let listing), "events"): listing
        case (.event(let event), "event"): event
        case (.quiz(let quiz), "quiz"): quiz
        case (.poster(let poster, _), "poster"): poster
        case (.pamphlet(let pamphlet, _), "pamphlet"): pamphlet
        case (.bilingual(let bilingual, _), "bilingual"): bilingual
        case (.report(let report, _, _), "report"): report
        case (.privacy(let counted), "counted"): counted
        case (.search(let search), "search"): search
        case (.materials(let materials), "materials"): materials
        case (.poster(_, let rootPath), "rootPath"), (.pamphlet(_, let rootPath), "rootPath"),
             (.bilingual(_, let rootPath), "rootPath"), (.report(_, let rootPath, _), "rootPath"):
            rootPath
        default: nil
        }
    }
}
