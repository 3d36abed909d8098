import Mustache

/// A line in an event list (`event-item`): title, date, place and department.
struct EventItemView: MustacheParent, Sendable {
    var title: String
    var titleLang: String?
    var url: String
    /// The date, or the range of dates, in the reader's way.
    var date: String
    var isoDate: String
    var place: String
    var placeLang: String?
    var kind: String
    var department: NamedLink?

    func child(named name: String) -> Any? {
        switch name {
        case "title": title
        case "titleLang": titleLang.orFalse
        case "url": url
        case "date": date
        case "isoDate": isoDate
        case "place": place
        case "placeLang": placeLang.orFalse
        case "hasPlace": !place.isEmpty
        case "kind": kind
        case "department": department.orFalse
        default: nil
        }
    }
}

/// Everything an event's page shows about it (`{{#event}}` in `event`).
struct EventDetailView: MustacheParent, Sendable {
    var item: EventItemView
    var audience: String
    var audienceLang: String?
    /// `1,200`, or nil when not known.
    var participants: String?
    var pillar: NamedLink
    var campaign: PageLink?
    var calendarURL: String

    func child(named name: String) -> Any? {
        switch name {
        case "audience": audience
        case "audienceLang": audienceLang.orFalse
        case "hasAudience": !audience.isEmpty
        case "participants": participants.orFalse
        case "pillar": pillar
        case "campaign": campaign.orFalse
        case "calendarURL": calendarURL
        default: item.child(named: name)
        }
    }
}

/// The events page and its filtered lists (`{{#events}}` in `events`).
struct EventListingView: MustacheParent, Sendable {
    var upcoming: [EventMonthView]
    var past: [EventMonthView]
    var allURL: String
    var isAll: Bool
    var departmentFilters: [NamedLink]
    var pillarFilters: [NamedLink]

    func child(named name: String) -> Any? {
        switch name {
        case "upcoming": upcoming
        case "hasUpcoming": !upcoming.isEmpty
        case "past": past
        case "hasPast": !past.isEmpty
        case "allURL": allURL
        case "isAll": isAll
        case "departmentFilters": departmentFilters
        case "pillarFilters": pillarFilters
        default: nil
        }
    }
}

/// The events of one month in a list.
struct EventMonthView: MustacheParent, Sendable {
    /// `March 2022`, `2022年3月`.
    var label: String
    var events: [EventItemView]

    func child(named name: String) -> Any? {
        switch name {
        case "label": label
        case "events": events
        default: nil
        }
    }
}
