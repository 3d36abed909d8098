import CampaignModel

/// A page named by what it shows rather than by its key: the one place that knows which folder
/// each kind of page lives in (`events/<id>`, `posters/<id>`, `quiz/<slug>/<set>`...).
enum PageReference: Hashable, Sendable {
    case event(String)
    case department(String)
    case campaign(String)
    /// A campaign's coordination report.
    case report(campaign: String)
    case poster(String)
    case pamphlet(String)
    /// The events page (nil) or one of its filtered lists.
    case eventList(EventFilter?)
    /// One set of a quiz, numbered from 1.
    case quizSet(String, set: Int)
    /// The search page: `/<lang>/search/`.
    case search
    /// The materials page: `/<lang>/materials/`.
    case materials

    /// The folders of the content whose pages describe things of the campaign, and what each
    /// page there describes.
    enum Folder: String, CaseIterable, Sendable {
        case events, departments, campaigns, pillars, posters, pamphlets
    }

    /// The section quizzes are published in: `/<lang>/quiz/<slug>/`.
    static let quizFolder = "quiz"

    /// The page's key (`events/2022-03-16-talk`, `events/by-pillar/prevention`, `quiz/basics/2`).
    var key: String {
        switch self {
        case .event(let id): Folder.events.rawValue + "/" + id
        case .department(let id): Folder.departments.rawValue + "/" + id
        case .campaign(let id): Folder.campaigns.rawValue + "/" + id
        case .report(let id): Folder.campaigns.rawValue + "/" + id + "/report"
        case .poster(let id): Folder.posters.rawValue + "/" + id
        case .pamphlet(let id): Folder.pamphlets.rawValue + "/" + id
        case .eventList(nil): Folder.events.rawValue + "/_index"
        case .eventList(.department(let id)?): Folder.events.rawValue + "/by-department/" + id
        case .eventList(.pillar(let pillar)?): Folder.events.rawValue + "/by-pillar/" + pillar.rawValue
        case .quizSet(let slug, 1): Self.quizFolder + "/" + slug
        case .quizSet(let slug, let set): Self.quizFolder + "/" + slug + "/" + String(set)
        case .search: "search"
        case .materials: "materials"
        }
    }
}

extension SiteModel {
    /// The page a reference names, if the site has it.
    func group(_ reference: PageReference) -> PageGroup? { group(reference.key) }
}
