import CampaignModel

/// What a page is, resolved once when the model is built, with the domain value it shows.
/// Rendering is one switch over it; nothing downstream asks a page's key what it is.
enum PageKind: Sendable {
    /// The home page of a language (`_index.md`, or generated).
    case home
    /// A folder's page (`pillars/_index.md`, or generated), listing the folder's pages.
    case section
    /// An ordinary Markdown page.
    case page
    /// The events page (`events/_index`, no filter) or one of its generated filtered lists.
    case eventList(EventFilter?)
    /// An event's page (`events/<id>.md`).
    case event(Event)
    /// A department's page, with its figures and events.
    case department(Department)
    /// One of the 4 Ps, with its figures and events.
    case pillar(Pillar)
    /// A campaign's page, with its events and material.
    case campaign(Campaign)
    /// A campaign's coordination report (`campaigns/<id>/report`), made from the campaign model.
    case report(Campaign)
    /// A printable poster.
    case poster(Poster)
    /// A printable pamphlet, which also gets a bilingual print page.
    case pamphlet(Pamphlet)
    /// One set (numbered from 1) of a quiz's questions, rendered from the quiz, not from Markdown.
    case quizSet(Quiz, set: Int)
    /// The search page of a language (`search.md`, or generated): a search box over the index
    /// Pagefind builds from the finished site.
    case search
    /// The materials page of a language (`materials.md`, or generated): every poster and pamphlet
    /// with its downloads, and for each e-poster a snippet to put it on another website.
    case materials

    /// Whether it is a folder's own page (no slug of its own; its folder's pages are its children).
    var isSectionIndex: Bool {
        switch self {
        case .home, .section, .eventList(nil): true
        default: false
        }
    }

    /// Whether it is made by Outreach rather than written (quiz sets and filtered event lists).
    var isGenerated: Bool {
        switch self {
        case .quizSet, .eventList(.some), .report: true
        default: false
        }
    }

    /// Whether its main content goes into the search index: not the search page itself, and not
    /// the filtered event lists, which repeat the events page.
    var isSearchable: Bool {
        switch self {
        case .search, .eventList(.some): false
        default: true
        }
    }

    /// Whether it is a page written as Markdown that is neither a section nor an event: the
    /// pages that appear in the feeds by their date.
    var isArticle: Bool {
        switch self {
        case .page, .department, .pillar, .campaign, .poster, .pamphlet: true
        case .home, .section, .eventList, .event, .quizSet, .report, .search, .materials: false
        }
    }
}

/// Which events a generated event list shows.
enum EventFilter: Hashable, Sendable {
    case department(String)
    case pillar(Pillar)
}
