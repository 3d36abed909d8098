import CampaignModel

/// Builds the views of events in one language: list items, month groups and one event's details.
struct EventViews {
    var model: SiteModel
    var language: LanguageCode
    var dates: DateText
    var strings: [String: String]

    var config: SiteConfig { model.config }
    var data: CampaignData { model.campaignData }

    /// A line in an event list: title, date, place and department.
    func item(_ event: Event) -> EventItemView {
        let title = text(event.title)
        let place = text(event.place)
        let department = data.department(event.department).map { department in
            let name = text(department.name)
            return NamedLink(name: name.value, url: url(of: .department(department.id)), lang: name.lang)
        }
        return EventItemView(
            title: title.value, titleLang: title.lang, url: url(of: .event(event.id)),
            date: dateRange(event), isoDate: event.start.description, place: place.value, placeLang: place.lang,
            kind: strings["event_kind_" + event.kind.rawValue] ?? event.kind.rawValue, department: department)
    }

    /// Everything shown on an event's own page.
    func detail(_ event: Event) -> EventDetailView {
        let audience = text(event.audience)
        let campaign = event.campaign.flatMap(data.campaign).map { campaign in
            let title = text(campaign.title)
            return PageLink(title: title.value, url: url(of: .campaign(campaign.id)), lang: title.lang)
        }
        let pillarURL = data.pillarPages[event.pillar].map(url(ofKey:)) ?? url(of: .eventList(.pillar(event.pillar)))
        return EventDetailView(
            item: item(event), audience: audience.value, audienceLang: audience.lang,
            participants: event.participants.map { Self.groupedDigits($0) },
            pillar: NamedLink(name: strings["pillar_" + event.pillar.rawValue] ?? event.pillar.rawValue, url: pillarURL),
            campaign: campaign, calendarURL: url(of: .event(event.id)) + "event.ics")
    }

    /// Events grouped by month, newest month first when `newestFirst`.
    func months(_ events: [Event], newestFirst: Bool) -> [EventMonthView] {
        var groups: [(month: CalendarDay, events: [Event])] = []
        for event in newestFirst ? events.reversed() : events {
            let month = CalendarDay(year: event.start.day.year, month: event.start.day.month, day: 1)!
            if groups.last?.month == month { groups[groups.count - 1].events.append(event) } else {
                groups.append((month, [event]))
            }
        }
        return groups.map { EventMonthView(label: dates.formatMonth($0.month), events: $0.events.map(item)) }
    }

    /// The events page: upcoming and past events (all of them, or those of `filter`), and links
    /// that filter them.
    func listing(current filter: EventFilter?) -> EventListingView {
        let events = filter.map(data.events(of:)) ?? data.events
        let upcoming = events.filter { $0.lastDay >= model.today }
        let past = events.filter { $0.lastDay < model.today }
        let departmentFilters = data.departments.filter { !data.events(of: .department($0.id)).isEmpty }.map { department in
            let name = text(department.name)
            return NamedLink(name: name.value, url: url(of: .eventList(.department(department.id))), lang: name.lang,
                             current: filter == .department(department.id))
        }
        let pillarFilters = Pillar.allCases.filter { !data.events(of: .pillar($0)).isEmpty }.map { pillar in
            NamedLink(name: strings["pillar_" + pillar.rawValue] ?? pillar.rawValue, url: url(of: .eventList(.pillar(pillar))),
                      current: filter == .pillar(pillar))
        }
        return EventListingView(
            upcoming: months(upcoming, newestFirst: false), past: months(past, newestFirst: true),
            allURL: url(of: .eventList(nil)), isAll: filter == nil,
            departmentFilters: departmentFilters, pillarFilters: pillarFilters)
    }

    func dateRange(_ event: Event) -> String {
        guard let end = event.end, end.day != event.start.day || end.minutes != nil else { return dates.format(event.start) }
        return dates.format(event.start) + " – " + dates.format(end)
    }

    /// The link to a page in this language; the site's root when there is none.
    func url(of reference: PageReference) -> String { url(ofKey: reference.key) }

    /// The link to the page with `key` in this language; the site's root when there is none.
    func url(ofKey key: String) -> String {
        guard let group = model.group(key) else { return config.basePath }
        return group.path(in: language).url(in: config)
    }

    private func text(_ localized: Localized<String>) -> (value: String, lang: String?) {
        localized.templateText(in: language, fallback: config.defaultLanguage)
    }

    /// `1,000`: grouped with commas, which every site language reads.
    static func groupedDigits(_ value: Int) -> String {
        let digits = String(value)
        var result = ""
        for (index, character) in digits.enumerated() {
            if index > 0 && (digits.count - index) % 3 == 0 { result.append(",") }
            result.append(character)
        }
        return result
    }
}
