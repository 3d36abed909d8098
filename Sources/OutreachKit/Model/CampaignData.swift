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
    var posters: [Poster] = []
    var pamphlets: [Pamphlet] = []

    private var departmentsByID: [String: Department] = [:]
    private var campaignsByID: [String: Campaign] = [:]
    private var eventsByID: [String: Event] = [:]
    private var eventsByFilter: [EventFilter: [Event]] = [:]
    private var eventsByCampaign: [String: [Event]] = [:]

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
    }

    func department(_ id: String) -> Department? { departmentsByID[id] }
    func campaign(_ id: String) -> Campaign? { campaignsByID[id] }
    func event(_ id: String) -> Event? { eventsByID[id] }

    /// The events a filter selects, in start order.
    func events(of filter: EventFilter) -> [Event] { eventsByFilter[filter] ?? [] }

    /// The events of a campaign, in start order.
    func events(ofCampaign id: String) -> [Event] { eventsByCampaign[id] ?? [] }
}
