import CampaignModel
import Foundation

extension PageRenderer {
    /// Atom feeds, calendars and open data: every file about events that is not a page.
    func renderFeeds() -> [OutputFile] {
        var files: [OutputFile] = []
        for language in config.languages.map(\.code) {
            files.append(renderAtom(in: language))
            let entries = model.campaignData.events.map { calendarEntry($0, in: language) }
            let calendar = icalendar(in: language)
            let name = (shared[language]?.siteTitle ?? "") + " · " + (shared[language]?.strings["section_title_events"] ?? "")
            files.append(OutputFile(path: language.pathComponent + "/events.ics", text: calendar.document(name: name, entries: entries)))
            for entry in entries {
                guard let path = model.group("events/" + entry.event.id)?.paths[language] else { continue }
                files.append(OutputFile(path: String(path.dropFirst()) + "event.ics",
                                        text: calendar.document(name: entry.title, entries: [entry])))
            }
        }
        files.append(OutputFile(path: "events.json", text: OpenData.json(model: model, renderer: self)))
        files.append(OutputFile(path: "events.csv", text: OpenData.csv(model: model, renderer: self)))
        return files
    }

    private func icalendar(in language: LanguageCode) -> ICalendar {
        let host = config.origin.split(separator: "/").last.map(String.init) ?? "outreach"
        return ICalendar(productID: "-//Outreach//\(config.title[config.defaultLanguage] ?? "")//\(language.rawValue.uppercased())",
                         host: host, stamp: model.today)
    }

    private func calendarEntry(_ event: Event, in language: LanguageCode) -> ICalendar.Entry {
        let group = model.group("events/" + event.id)
        let source = group?.source(for: language)
        return ICalendar.Entry(
            event: event,
            title: event.title.resolve(language, fallback: config.defaultLanguage)?.value ?? event.id,
            description: source?.frontMatter.description ?? "",
            place: event.place.resolve(language, fallback: config.defaultLanguage)?.value ?? "",
            url: group.flatMap { $0.paths[language] }.map(absoluteURL) ?? config.baseURL,
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
        for group in model.groups where group.kind == .page && model.event(forKey: group.key) == nil {
            guard let date = group.original.frontMatter.date else { continue }
            let source = group.source(for: language)
            let url = absoluteURL(group.paths[language]!)
            entries.append((url, AtomFeed.Entry(
                id: url, title: source.frontMatter.title, titleLanguage: source.language, url: url,
                updated: AtomFeed.timestamp(EventTime(day: source.frontMatter.date ?? date)),
                summary: source.frontMatter.description ?? "")))
        }
        entries.sort { ($0.entry.updated, $0.sortKey) > ($1.entry.updated, $1.sortKey) }
        let strings = shared[language]?.strings ?? [:]
        let siteTitle = shared[language]?.siteTitle ?? ""
        let feed = AtomFeed(title: siteTitle + " · " + (strings["feed_title"] ?? ""), language: language,
                            feedURL: config.baseURL + language.pathComponent + "/atom.xml",
                            siteURL: config.baseURL + language.pathComponent + "/", author: siteTitle)
        return OutputFile(path: language.pathComponent + "/atom.xml", text: feed.document(entries: entries.map(\.entry)))
    }
}

/// `events.json` and `events.csv` at the site's root: every event with stable field names, for
/// anyone who wants to reuse the data. The format is documented in README and `Tests/Schemas/`.
enum OpenData {
    static let csvFields = ["id", "start", "end", "timeZone", "department", "pillar", "kind", "campaign", "participants"]

    struct Record: Encodable {
        var id: String
        var start: String
        var end: String?
        var timeZone: String
        var department: String
        var pillar: String
        var kind: String
        var campaign: String?
        var participants: Int?
        var title: [String: String]
        var place: [String: String]
        var url: [String: String]
    }

    static func records(model: SiteModel, renderer: PageRenderer) -> [Record] {
        model.campaignData.events.map { event in
            func texts(_ localized: Localized<String>) -> [String: String] {
                Dictionary(uniqueKeysWithValues: localized.values.map { ($0.key.rawValue, $0.value) })
            }
            var urls: [String: String] = [:]
            if let group = model.group("events/" + event.id) {
                for language in model.config.languages where group.isAvailable(in: language.code) {
                    urls[language.code.rawValue] = renderer.absoluteURL(group.paths[language.code]!)
                }
            }
            return Record(id: event.id, start: event.start.description, end: event.end?.description,
                          timeZone: EventTime.timeZoneIdentifier, department: event.department, pillar: event.pillar.rawValue,
                          kind: event.kind.rawValue, campaign: event.campaign, participants: event.participants,
                          title: texts(event.title), place: texts(event.place), url: urls)
        }
    }

    static func json(model: SiteModel, renderer: PageRenderer) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        struct Document: Encodable {
            var version: Int
            var languages: [String]
            var events: [Record]
        }
        let document = Document(version: 1, languages: model.config.languages.map(\.code.rawValue),
                                events: records(model: model, renderer: renderer))
        guard let data = try? encoder.encode(document) else { return "{}\n" }
        return String(decoding: data, as: UTF8.self) + "\n"
    }

    /// One row per event; localized columns are `title_<code>`, `place_<code>` and `url_<code>`.
    static func csv(model: SiteModel, renderer: PageRenderer) -> String {
        let codes = model.config.languages.map(\.code.rawValue)
        let header = csvFields + codes.map { "title_\($0)" } + codes.map { "place_\($0)" } + codes.map { "url_\($0)" }
        var lines = [header.map(quote).joined(separator: ",")]
        for record in records(model: model, renderer: renderer) {
            var row = [record.id, record.start, record.end ?? "", record.timeZone, record.department, record.pillar,
                       record.kind, record.campaign ?? "", record.participants.map(String.init) ?? ""]
            row += codes.map { record.title[$0] ?? "" } + codes.map { record.place[$0] ?? "" } + codes.map { record.url[$0] ?? "" }
            lines.append(row.map(quote).joined(separator: ","))
        }
        // RFC 4180: CRLF line breaks.
        return lines.joined(separator: "\r\n") + "\r\n"
    }

    /// Quotes a field when it holds a comma, quote or line break; a leading `=`, `+`, `-` or `@`
    /// is prefixed with `'` so spreadsheet programs do not run it as a formula.
    static func quote(_ field: String) -> String {
        var value = field
        if let first = value.first, "=+-@".contains(first) { value = "'" + value }
        guard value.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return value }
        return "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
