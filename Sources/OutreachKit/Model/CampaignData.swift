import CampaignModel

/// The campaign described by the site's pages (departments, campaigns, events, figures, printed
/// material), with the lookups rendering needs built once, so that no page searches the whole list.
struct CampaignData: Sendable {
    var departments: [Department] = []
    var campaigns: [Campaign] = []
    /// Sorted by start, then id.
    var events: [Event] = []
    /// The page of each pillar, by pillar.
    var pillarPages: [Pillar: String] = [:]
    var figures: [Figure] = []
    /// What departments describe doing, from the `##` sections of their pages.
    var activities: [Activity] = []
    /// Quiz answer counts, from `data/quiz-stats.json` when the site has one.
    var quizStatistics: [QuizStatistics] = []
    var posters: [Poster] = []
    var pamphlets: [Pamphlet] = []

    private var departmentsByID: [String: Department] = [:]
    private var campaignsByID: [String: Campaign] = [:]
    private var eventsByID: [String: Event] = [:]
    private var eventsByFilter: [EventFilter: [Event]] = [:]
    private var eventsByCampaign: [String: [Event]] = [:]
    private var postersByID: [String: Poster] = [:]
    private var pamphletsByID: [String: Pamphlet] = [:]
    private var materialByCampaign: [String: (posters: [Poster], pamphlets: [Pamphlet])] = [:]
    private var figuresByDepartment: [String: [Figure]] = [:]
    private var figuresByPillar: [Pillar: [Figure]] = [:]
    private var activitiesByDepartment: [String: [Activity]] = [:]
    private var quizStatisticsByQuiz: [String: [QuizStatistics]] = [:]

    /// Builds the lookups; called once, after the lists are complete.
    mutating func makeIndexes() {
        departmentsByID = Dictionary(departments.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        campaignsByID = Dictionary(campaigns.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        eventsByID = Dictionary(events.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        eventsByFilter = [:]
        eventsByCampaign = [:]
        for event in events {
            eventsByFilter[.department(event.department), default: []].append(event)
            eventsByFilter[.pillar(event.pillar), default: []].append(event)
            if let campaign = event.campaign { eventsByCampaign[campaign, default: []].append(event) }
        }
        postersByID = Dictionary(posters.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        pamphletsByID = Dictionary(pamphlets.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        materialByCampaign = [:]
        for poster in posters {
            if let campaign = poster.campaign { materialByCampaign[campaign, default: ([], [])].posters.append(poster) }
        }
        for pamphlet in pamphlets {
            if let campaign = pamphlet.campaign { materialByCampaign[campaign, default: ([], [])].pamphlets.append(pamphlet) }
        }
        figuresByDepartment = Dictionary(grouping: figures, by: \.department)
        figuresByPillar = Dictionary(grouping: figures, by: \.pillar)
        activitiesByDepartment = Dictionary(grouping: activities, by: \.department)
        quizStatisticsByQuiz = Dictionary(grouping: quizStatistics, by: \.quiz)
    }

    func department(_ id: String) -> Department? { departmentsByID[id] }
    func campaign(_ id: String) -> Campaign? { campaignsByID[id] }
    func event(_ id: String) -> Event? { eventsByID[id] }
    func poster(_ id: String) -> Poster? { postersByID[id] }
    func pamphlet(_ id: String) -> Pamphlet? { pamphletsByID[id] }

    /// The posters and pamphlets of a campaign, in page order.
    func material(ofCampaign id: String) -> (posters: [Poster], pamphlets: [Pamphlet]) { materialByCampaign[id] ?? ([], []) }

    /// The figures of a department, or of a pillar, in file order.
    func figures(ofDepartment id: String) -> [Figure] { figuresByDepartment[id] ?? [] }
    func figures(of pillar: Pillar) -> [Figure] { figuresByPillar[pillar] ?? [] }

    /// The events a filter selects, in start order.
    func events(of filter: EventFilter) -> [Event] { eventsByFilter[filter] ?? [] }

    /// The events of a campaign, in start order.
    func events(ofCampaign id: String) -> [Event] { eventsByCampaign[id] ?? [] }
    /// The sections of a department's page that reports show, in page order.
    func activities(ofDepartment id: String) -> [Activity] { activitiesByDepartment[id] ?? [] }
    /// A quiz's answer counts, in file order.
    func quizStatistics(ofQuiz slug: String) -> [QuizStatistics] { quizStatisticsByQuiz[slug] ?? [] }
}
