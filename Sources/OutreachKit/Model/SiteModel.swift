import CampaignModel

/// The whole site, parsed and checked: what the renderer needs and nothing that touches the disk.
struct SiteModel: Sendable {
    var config: SiteConfig
    var hotlines: [Hotline]
    /// Every page with its translations, sorted by key.
    var groups: [PageGroup]
    /// Files copied as they are, from the content folder.
    var contentAssets: [AssetFile]
    /// Quizzes by slug.
    var quizzes: [String: Quiz] = [:]
    /// Departments, campaigns and events described by pages.
    var campaignData = CampaignDataBuilder.Result()

    /// Keys of the pages in the main menu, in order.
    var menu: [String] = []

    /// The day the build is for: events after it are upcoming.
    var today = CalendarDay(year: 1970, month: 1, day: 1)!

    /// The event whose page has this key.
    func event(forKey key: String) -> Event? {
        guard key.hasPrefix("events/") else { return nil }
        return campaignData.events.first { "events/" + $0.id == key }
    }

    /// The group for a key (`pillars/prevention`).
    func group(_ key: String) -> PageGroup? { groupIndex[key].map { groups[$0] } }

    var groupIndex: [String: Int] = [:]

    /// Markdown files that could not be parsed; links to them are not reported again as broken.
    var unparsedPages: Set<String> = []

    /// Languages in the order readers are offered them.
    var languageCodes: [LanguageCode] { config.languages.map(\.code) }
}

/// Which events a generated event list shows.
enum EventFilter: Sendable, Equatable {
    case department(String)
    case pillar(Pillar)
}

/// A page and all of its translations, tied together by their shared key.
struct PageGroup: Sendable {
    enum Kind: Sendable, Equatable {
        case home, section, page
        /// One set of a quiz's questions (numbered from 1), rendered from the quiz rather than from Markdown.
        case quiz(String, set: Int)
        /// A generated list of the events of one department or pillar.
        case eventFilter(EventFilter)
    }

    /// `pillars/prevention`, `pillars/_index`, `_index`.
    var key: String
    var kind: Kind
    /// Folder names from the content root to the page: its section path.
    var folders: [String]
    /// The page in the default language.
    var original: PageSource
    /// The page in other languages, where translated.
    var translations: [LanguageCode: PageSource]
    /// Site path per language, `/en/pillars/prevention/` (without the base path).
    var paths: [LanguageCode: String]
    /// Keys of the groups listed on a section page, in display order.
    var children: [String] = []

    /// The source shown in `language`: the translation, or the original as fallback.
    func source(for language: LanguageCode) -> PageSource {
        translations[language] ?? original
    }

    /// Whether the page is really written in `language` (the original counts).
    func isAvailable(in language: LanguageCode) -> Bool {
        original.language == language || translations[language] != nil
    }

    /// Sort order: weight first (unweighted last), then key, so order is the same in every language.
    var sortKey: (Int, String) { (original.frontMatter.weight ?? Int.max, key) }
}
