import CampaignModel

/// Template data for events in one language: list items, month groups and the details of one event.
struct EventViews {
    var model: SiteModel
    var language: LanguageCode
    var dates: DateText
    var strings: [String: String]

    var config: SiteConfig { model.config }

    /// A line in an event list: title, date, place and department.
    func item(_ event: Event) -> [String: Any] {
        let title = text(event.title)
        let place = text(event.place)
        var values: [String: Any] = [
            "title": title.value, "titleLang": title.lang,
            "url": url(ofKey: "events/" + event.id),
            "date": dateRange(event), "isoDate": event.start.description,
            "place": place.value, "placeLang": place.lang, "hasPlace": !place.value.isEmpty,
            "kind": strings["event_kind_" + event.kind.rawValue] ?? event.kind.rawValue,
        ]
        if let department = model.campaignData.departments.first(where: { $0.id == event.department }) {
            let name = text(department.name)
            values["department"] = ["name": name.value, "lang": name.lang, "url": url(ofKey: "departments/" + department.id)]
        } else {
            values["department"] = false
        }
        return values
    }

    /// Everything shown on an event's own page.
    func detail(_ event: Event) -> [String: Any] {
        var values = item(event)
        let audience = text(event.audience)
        values["audience"] = audience.value
        values["audienceLang"] = audience.lang
        values["hasAudience"] = !audience.value.isEmpty
        values["participants"] = event.participants.map { Self.groupedDigits($0) } ?? false
        values["pillar"] = ["name": strings["pillar_" + event.pillar.rawValue] ?? event.pillar.rawValue,
                            "url": model.campaignData.pillarPages[event.pillar].map(url(ofKey:)) ?? url(ofKey: "events/by-pillar/" + event.pillar.rawValue)]
        if let id = event.campaign, let campaign = model.campaignData.campaigns.first(where: { $0.id == id }) {
            let title = text(campaign.title)
            values["campaign"] = ["title": title.value, "lang": title.lang, "url": url(ofKey: "campaigns/" + id)]
        } else {
            values["campaign"] = false
        }
        values["calendarURL"] = url(ofKey: "events/" + event.id) + "event.ics"
        return values
    }

    /// Events grouped by month, newest month first when `newestFirst`.
    func months(_ events: [Event], newestFirst: Bool) -> [[String: Any]] {
        var groups: [(month: CalendarDay, events: [Event])] = []
        for event in newestFirst ? events.reversed() : events {
            let month = CalendarDay(year: event.start.day.year, month: event.start.day.month, day: 1)!
            if groups.last?.month == month { groups[groups.count - 1].events.append(event) } else {
                groups.append((month, [event]))
            }
        }
        return groups.map { ["label": dates.formatMonth($0.month), "events": $0.events.map(item)] }
    }

    /// The events page: upcoming and past events, and links that filter them.
    func listing(_ events: [Event], current filter: EventFilter?) -> [String: Any] {
        let upcoming = events.filter { $0.lastDay >= model.today }
        let past = events.filter { $0.lastDay < model.today }
        let departments = model.campaignData.departments.filter { department in
            events.contains { $0.department == department.id } || filter == .department(department.id)
        }
        let allEvents = model.campaignData.events
        return [
            "upcoming": months(upcoming, newestFirst: false), "hasUpcoming": !upcoming.isEmpty,
            "past": months(past, newestFirst: true), "hasPast": !past.isEmpty,
            "allURL": url(ofKey: "events/_index"), "isAll": filter == nil,
            "departmentFilters": model.campaignData.departments
                .filter { department in allEvents.contains { $0.department == department.id } }
                .map { department -> [String: Any] in
                    let name = text(department.name)
                    return ["name": name.value, "lang": name.lang, "url": url(ofKey: "events/by-department/" + department.id),
                            "current": filter == .department(department.id)]
                },
            "pillarFilters": Pillar.allCases.filter { pillar in allEvents.contains { $0.pillar == pillar } }.map { pillar -> [String: Any] in
                ["name": strings["pillar_" + pillar.rawValue] ?? pillar.rawValue,
                 "url": url(ofKey: "events/by-pillar/" + pillar.rawValue), "current": filter == .pillar(pillar)]
            },
            "filteredDepartments": departments.count,
        ]
    }

    func dateRange(_ event: Event) -> String {
        guard let end = event.end, end.day != event.start.day || end.minutes != nil else { return dates.format(event.start) }
        return dates.format(event.start) + " – " + dates.format(end)
    }

    func url(ofKey key: String) -> String {
        guard let path = model.group(key)?.paths[language] else { return config.basePath }
        return config.basePath + path.dropFirst()
    }

    private func text(_ localized: Localized<String>) -> (value: String, lang: Any) {
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
