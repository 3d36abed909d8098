import CampaignModel
import CampaignReport

/// Structured front matter that some sections' pages carry on top of the common fields.
///
/// Pages in `events/`, `departments/`, `campaigns/` and `pillars/` describe things of the campaign
/// model; their data is read here and turned into model values once every page is known.
enum PageData: Sendable {
    case none
    case event(EventFields)
    case department(DepartmentFields)
    case campaign(CampaignFields)
    case pillar(Pillar?)
    case poster(PrintFields)
    case pamphlet(PrintFields)
}

/// Front matter of posters and pamphlets.
struct PrintFields: Sendable {
    var message: String?
    var paper: Paper?
    var format: Pamphlet.Format?
    var image: Reference?
    var qr: Reference?
    var campaign: Reference?
}

/// An id that refers to another part of the site, with where it was written.
struct Reference: Hashable, Sendable {
    var id: String
    var location: SourceLocation
}

/// Front matter of a department's page.
struct DepartmentFields: Sendable {
    var kind: DepartmentKind?
    /// The report part of each of the page's `##` sections, in order (`report: [prevention, other,
    /// none]`); `none` keeps a section (a reading list, advice to readers) out of reports.
    var report: [ReportSection?] = []
    /// Where `report` is written, for a count that does not match the sections.
    var reportLocation: SourceLocation?
}

struct EventFields: Sendable {
    var campaign: Reference?
    var department: Reference?
    var start: EventTime?
    var end: EventTime?
    var endLocation: SourceLocation?
    var place: String?
    var audience: String?
    var participants: Int?
    var pillar: Pillar?
    var kind: EventKind?
}

struct CampaignFields: Sendable {
    var pillars: [Pillar]
    var departments: [Reference]
    var start: CalendarDay?
    var end: CalendarDay?
    var endLocation: SourceLocation?
    var audience: String?
    var languages: [Reference]
    var quizzes: [Reference]
}

extension PageData {
    /// Reads the section-specific fields for a page with `key`; `isTranslation` pages need only their text.
    static func read(key: String, from fields: inout YAMLFields, isTranslation: Bool) -> PageData {
        let parts = key.split(separator: "/")
        guard parts.count == 2, parts[1] != "_index" else { return .none }
        switch PageReference.Folder(rawValue: String(parts[0])) {
        case .events: return .event(readEvent(&fields, isTranslation: isTranslation))
        case .departments:
            return .department(readDepartment(&fields, isTranslation: isTranslation))
        case .campaigns: return .campaign(readCampaign(&fields))
        case .pillars: return .pillar(fields.enumValue("pillar", required: !isTranslation, expected: "a pillar"))
        case .posters: return .poster(readPrint(&fields, isTranslation: isTranslation, isPoster: true))
        case .pamphlets: return .pamphlet(readPrint(&fields, isTranslation: isTranslation, isPoster: false))
        case nil: return .none
        }
    }

    private static func readDepartment(_ fields: inout YAMLFields, isTranslation: Bool) -> DepartmentFields {
        var department = DepartmentFields(kind: fields.enumValue("kind", required: !isTranslation, expected: "a department kind"))
        department.reportLocation = fields.value("report").map { fields.location(of: $0) }
        // An unknown part is reported and counts as `none`, so the sections are still counted right.
        department.report = (fields.strings("report") ?? []).map { text, location -> ReportSection? in
            if text == "none" { return nil }
            guard let section = ReportSection(name: text) else {
                let allowed = ReportSection.allCases.map(\.name) + ["none"]
                fields.appendError(.invalidValue(field: "report part", value: text, expected: allowed.joined(separator: ", ")),
                                   at: location)
                return nil
            }
            return section
        }
        return department
    }

    private static func readEvent(_ fields: inout YAMLFields, isTranslation: Bool) -> EventFields {
        let required = !isTranslation
        var event = EventFields()
        event.campaign = fields.reference("campaign")
        event.department = fields.reference("department", required: required)
        event.start = fields.eventTime("start", required: required)
        event.endLocation = fields.value("end").map { fields.location(of: $0) }
        event.end = fields.eventTime("end")
        event.place = fields.string("place")
        event.audience = fields.string("audience")
        let participantsNode = fields.value("participants")
        event.participants = fields.int("participants")
        if let count = event.participants, count < 0 {
            fields.appendError(.invalidValue(field: "participants", value: String(count), expected: "a number of people"),
                               at: fields.location(of: participantsNode))
        }
        event.pillar = fields.enumValue("pillar", required: required, expected: "a pillar")
        event.kind = fields.enumValue("kind", required: required, expected: "an event kind")
        return event
    }

    private static func readPrint(_ fields: inout YAMLFields, isTranslation: Bool, isPoster: Bool) -> PrintFields {
        var print = PrintFields()
        print.qr = fields.reference("qr")
        print.campaign = fields.reference("campaign")
        if isPoster {
            print.message = fields.string("message", required: !isTranslation)
            print.image = fields.reference("image")
            let paperNode = fields.value("paper")
            let size: Paper.Size? = fields.string("paper", required: !isTranslation).flatMap { text in
                guard let size = Paper.Size(rawValue: text.uppercased()), size != .a5 else {
                    fields.appendError(.invalidValue(field: "paper", value: text, expected: "A4 or A3"), at: fields.location(of: paperNode))
                    return nil
                }
                return size
            }
            let orientation: Paper.Orientation = fields.enumValue("orientation", expected: "an orientation") ?? .portrait
            print.paper = size.map { Paper(size: $0, orientation: orientation) }
        } else {
            print.format = fields.enumValue("format", required: !isTranslation, expected: "a pamphlet format")
        }
        return print
    }

    private static func readCampaign(_ fields: inout YAMLFields) -> CampaignFields {
        let pillars: [Pillar] = (fields.strings("pillars") ?? []).compactMap { text, location in
            guard let pillar = Pillar(rawValue: text) else {
                fields.appendError(.invalidValue(field: "pillar", value: text, expected: Pillar.allCases.map(\.rawValue).joined(separator: ", ")),
                                   at: location)
                return nil
            }
            return pillar
        }
        let endLocation = fields.value("end").map { fields.location(of: $0) }
        return CampaignFields(
            pillars: pillars,
            departments: (fields.strings("departments") ?? []).map { Reference(id: $0.0, location: $0.1) },
            start: fields.day("start"),
            end: fields.day("end"),
            endLocation: endLocation,
            audience: fields.string("audience"),
            languages: (fields.strings("languages") ?? []).map { Reference(id: $0.0, location: $0.1) },
            quizzes: (fields.strings("quizzes") ?? []).map { Reference(id: $0.0, location: $0.1) })
    }
}

extension YAMLFields {
    /// A value of a closed set (`pillar: prevention`), reporting the allowed values when it is not one.
    mutating func enumValue<Value: RawRepresentable & CaseIterable>(_ key: String, required: Bool = false,
                                                                     expected: String) -> Value? where Value.RawValue == String {
        let node = value(key)
        guard let text = string(key, required: required) else { return nil }
        guard let value = Value(rawValue: text) else {
            let allowed = Value.allCases.map(\.rawValue).joined(separator: ", ")
            appendError(.invalidValue(field: key, value: text, expected: "\(expected): \(allowed)"), at: location(of: node))
            return nil
        }
        return value
    }

    /// An id referring to another page, with its position for "unknown id" reports.
    mutating func reference(_ key: String, required: Bool = false) -> Reference? {
        let node = value(key)
        guard let id = string(key, required: required) else { return nil }
        return Reference(id: id, location: location(of: node))
    }

    /// A date, or a date and time, in Taiwan time.
    mutating func eventTime(_ key: String, required: Bool = false) -> EventTime? {
        let node = value(key)
        guard let text = string(key, required: required) else { return nil }
        guard let time = EventTime(parsing: text) else {
            appendError(.wrongType(field: key, expected: "a date like 2022-03-16, or a date and time like 2022-03-16 14:30"),
                        at: location(of: node))
            return nil
        }
        return time
    }
}
