import CampaignModel

/// The Atom feed and calendars of each language: `/<lang>/atom.xml`, `/<lang>/events.ics` and
/// one `event.ics` beside every event's page.
struct FeedRenderer {
    var context: RenderContext

    var model: SiteModel { context.model }
    var config: SiteConfig { context.config }

    func render() -> [OutputFile] {
        var files: [OutputFile] = []
        for data in context.languages {
            let language = data.language.code
            files.append(renderAtom(in: language))
            let entries = model.campaignData.events.map { calendarEntry($0, in: language) }
            let calendar = icalendar(in: language)
            let name = data.siteTitle + " · " + (data.strings["section_title_events"] ?? "")
            files.append(OutputFile(path: language.pathComponent + "/events.ics", text: calendar.document(name: name, entries: entries)))
            for entry in entries {
                guard let group = model.group(.event(entry.event.id)) else { continue }
                files.append(OutputFile(path: group.path(in: language).appending("event.ics").relative,
                                        text: calendar.document(name: entry.title, entries: [entry])))
            }
        }
        return files
    }

    private func icalendar(in language: LanguageCode) -> ICalendar {
        let host = config.origin.split(separator: "/").last.map(String.init) ?? "outreach"
        return ICalendar(productID: "-//Outreach//\(config.title[config.defaultLanguage] ?? "")//\(language.rawValue.uppercased())",
                         host: host, stamp: model.today)
    }

    private func calendarEntry(_ event: Event, in language: LanguageCode) -> ICalendar.Entry {
        let group = model.group(.event(event.id))
        let source = group?.source(for: language)
        return ICalendar.Entry(
            event: event,
            title: event.title.resolve(language, fallback: config.defaultLanguage)?.value ?? event.id,
            description: source?.frontMatter.description ?? "",
            place: event.place.resolve(language, fallback: config.defaultLanguage)?.value ?? "",
            url: group.map { $0.path(in: language).permalink(in: config) } ?? config.baseURL,
            language: source?.language ?? language)
    }

    /// `/<lang>/atom.xml`: the language's events and dated pages, newest first.
    private func renderAtom(in language: LanguageCode) -> OutputFile {
        var entries: [(sortKey: String, entry: AtomFeed.Entry)] = []
        for event in model.campaignData.events {
            let entry = calendarEntry(event, in: language)
            let title = event.title.resolve(language, fallback: config.defaultLanguage)
            entries.append((entry.url, AtomFeed.Entry(
                id: entry.url, title: entry.title, titleLanguage: title?.language ?? language, url: entry.url,
                updated: AtomFeed.timestamp(event.start), summary: entry.description)))
        }
        for group in model.groups where group.kind.isArticle {
            guard let date = group.original.frontMatter.date else { continue }
            let source = group.source(for: language)
            let url = group.path(in: language).permalink(in: config)
            entries.append((url, AtomFeed.Entry(
                id: url, title: source.frontMatter.title, titleLanguage: source.language, url: url,
                updated: AtomFeed.timestamp(EventTime(day: source.frontMatter.date ?? date)),
                summary: source.frontMatter.description ?? "")))
        }
        entries.sort { ($0.entry.updated, $0.sortKey) > ($1.entry.updated, $1.sortKey) }
        let data = context.data(for: language)
        let feed = AtomFeed(title: data.siteTitle + " · " + (data.strings["feed_title"] ?? ""), language: language,
                            feedURL: config.baseURL + language.pathComponent + "/atom.xml",
                            siteURL: SitePath(language: language).permalink(in: config), author: data.siteTitle)
        return OutputFile(path: language.pathComponent + "/atom.xml", text: feed.document(entries: entries.map(\.entry)))
    }
}
