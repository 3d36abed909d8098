import CampaignModel

/// The whole site, parsed and checked: what the renderer needs and nothing that touches the disk.
/// Built once by `SiteModelBuilder` and not changed after, except a page's text under `serve`.
struct SiteModel: Sendable {
    let config: SiteConfig
    let hotlines: [Hotline]
    /// Every page with its translations, sorted by key.
    private(set) var groups: [PageGroup]
    /// Files copied as they are, from the content folder.
    let contentAssets: [AssetFile]
    /// Quizzes by slug.
    let quizzes: [String: Quiz]
    /// Departments, campaigns, events and printed material described by pages, with their indexes.
    let campaignData: CampaignData
    /// The pages of the main menu, in order, as indices into `groups`.
    let menu: [Int]
    /// The pages kept on the reader's phone for use without a connection, as indices into
    /// `groups`, in order: the home page, the pages `site.yaml` lists under `offline`, every quiz set.
    var offlinePages: [Int] = []
    /// The day the build is for: events after it are upcoming.
    let today: CalendarDay
    /// Markdown files that could not be parsed; links to them are not reported again as broken.
    let unparsedPages: Set<String>
    /// What each imported translation was made from, by language (`content/translations/`).
    var translationLedgers: [LanguageCode: TranslationLedger] = [:]
    /// Pixel sizes of the images pages name for their preview cards (`shareImage`), by content path.
    var shareImageSizes: [String: ImageSize] = [:]
    /// Index into `groups` by page key.
    private let groupIndex: [String: Int]

    init(config: SiteConfig, hotlines: [Hotline], groups: [PageGroup], contentAssets: [AssetFile],
         quizzes: [String: Quiz], campaignData: CampaignData, menu: [Int], today: CalendarDay,
         unparsedPages: Set<String>) {
        self.config = config
        self.hotlines = hotlines
        self.groups = groups
        self.contentAssets = contentAssets
        self.quizzes = quizzes
        self.campaignData = campaignData
        self.menu = menu
        self.today = today
        self.unparsedPages = unparsedPages
        self.groupIndex = Dictionary(uniqueKeysWithValues: groups.enumerated().map { ($1.key, $0) })
    }

    /// The group for a key (`pillars/prevention`).
    func group(_ key: String) -> PageGroup? { groupIndex[key].map { groups[$0] } }

    /// The index in `groups` of the page with this key.
    func index(ofKey key: String) -> Int? { groupIndex[key] }

    /// Languages in the order readers are offered them.
    var languageCodes: [LanguageCode] { config.languages.map(\.code) }

    /// Puts `source` in place of the page of group `index` in its language: `serve`'s edit of a
    /// page's text below unchanged front matter, which changes nothing else in the model.
    mutating func replaceSource(_ source: PageSource, ofGroup index: Int) {
        groups[index] = groups[index].replacing(source)
    }
}

/// A page and all of its translations, tied together by their shared key.
///
/// Immutable, and a class: rendering reads groups from every task many times per page, and a
/// copy of a reference is one retain where a copy of these fields would be a dozen.
final class PageGroup: Sendable {
    /// `pillars/prevention`, `pillars/_index`, `_index`.
    let key: String
    /// What the page is, with its domain value.
    let kind: PageKind
    /// Folder names from the content root to the page: its section path.
    let folders: [String]
    /// The page in the default language.
    let original: PageSource
    /// The page in other languages, where translated.
    let translations: [LanguageCode: PageSource]
    /// Its address in every language.
    let address: PageAddress
    /// The groups listed on a section page (its pages and direct subsections), in display order.
    let children: [Int]

    init(key: String, kind: PageKind, folders: [String], original: PageSource, translations: [LanguageCode: PageSource],
         address: PageAddress, children: [Int] = []) {
        self.key = key
        self.kind = kind
        self.folders = folders
        self.original = original
        self.translations = translations
        self.address = address
        self.children = children
    }

    /// The page's address in `language` (every page has one in every language).
    func path(in language: LanguageCode) -> SitePath { address.path(in: language) }

    /// The source shown in `language`: the translation, or the original as fallback.
    func source(for language: LanguageCode) -> PageSource {
        translations[language] ?? original
    }

    /// Whether the page is really written in `language` (the original counts).
    func isAvailable(in language: LanguageCode) -> Bool {
        original.language == language || translations[language] != nil
    }

    /// The same page with `source` in place of its page in that language.
    func replacing(_ source: PageSource) -> PageGroup {
        var translations = translations
        var original = original
        if source.language == original.language { original = source } else { translations[source.language] = source }
        return PageGroup(key: key, kind: kind, folders: folders, original: original, translations: translations,
                         address: address, children: children)
    }

    /// The same page with its children set (the builder fills them once every page is known).
    func with(children: [Int]) -> PageGroup {
        PageGroup(key: key, kind: kind, folders: folders, original: original, translations: translations,
                  address: address, children: children)
    }

    /// The last part of its key: a department's, event's or poster's id (`police`).
    var id: String {
        guard let slash = key.utf8.lastIndex(of: UInt8(ascii: "/")) else { return key }
        return String(key[key.index(after: slash)...])
    }

    /// Sort order: weight first (unweighted last), then key, so order is the same in every language.
    var sortKey: (Int, String) { (original.frontMatter.weight ?? Int.max, key) }
}
