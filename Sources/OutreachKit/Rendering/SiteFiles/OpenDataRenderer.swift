import CampaignModel
import CampaignReport
import Foundation

/// `events.json` and `events.csv` at the site's root: every event with stable field names, for
/// anyone who wants to reuse the data. The format is documented in README and `Tests/Schemas/`.
struct OpenDataRenderer {
    var model: SiteModel

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

    func render() -> [OutputFile] {
        let records = records()
        return [OutputFile(path: "events.json", text: json(records)), OutputFile(path: "events.csv", text: csv(records))]
    }

    func records() -> [Record] {
        model.campaignData.events.map { event in
            func texts(_ localized: Localized<String>) -> [String: String] {
                Dictionary(uniqueKeysWithValues: localized.values.map { ($0.key.rawValue, $0.value) })
            }
            var urls: [String: String] = [:]
            if let group = model.group(.event(event.id)) {
                for language in model.config.languages where group.isAvailable(in: language.code) {
                    urls[language.code.rawValue] = group.path(in: language.code).permalink(in: model.config)
                }
            }
            return Record(id: event.id, start: event.start.description, end: event.end?.description,
                          timeZone: EventTime.timeZoneIdentifier, department: event.department, pillar: event.pillar.rawValue,
                          kind: event.kind.rawValue, campaign: event.campaign, participants: event.participants,
                          title: texts(event.title), place: texts(event.place), url: urls)
        }
    }

    func json(_ records: [Record]) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        struct Document: Encodable {
            var version: Int
            var languages: [String]
            var events: [Record]
        }
        let document = Document(version: 1, languages: model.config.languages.map(\.code.rawValue), events: records)
        guard let data = try? encoder.encode(document) else { return "{}\n" }
        return String(decoding: data, as: UTF8.self) + "\n"
    }

    /// One row per event; localized columns are `title_<code>`, `place_<code>` and `url_<code>`.
    func csv(_ records: [Record]) -> String {
        let codes = model.config.languages.map(\.code.rawValue)
        var table = CSVTable(header: Self.csvFields + codes.map { "title_\($0)" } + codes.map { "place_\($0)" }
                             + codes.map { "url_\($0)" })
        for record in records {
            var row = [record.id, record.start, record.end ?? "", record.timeZone, record.department, record.pillar,
                       record.kind, record.campaign ?? "", record.participants.map(String.init) ?? ""]
            row += codes.map { record.title[$0] ?? "" } + codes.map { record.place[$0] ?? "" } + codes.map { record.url[$0] ?? "" }
            table.rows.append(row)
        }
        return table.text
    }
}
