import Foundation

/// Something a department did on a given day: a talk, a training, a distribution, an inspection...
public struct Event: Hashable, Sendable, Identifiable {
    /// Stable id, the file name of its page.
    public var id: String
    public var title: Localized<String>
    /// Id of the campaign it belongs to, if any.
    public var campaign: String?
    /// Id of the department that held it.
    public var department: String
    /// When it started, in Taiwan time.
    public var start: EventTime
    /// When it ended; never before `start`.
    public var end: EventTime?
    public var place: Localized<String>
    public var audience: Localized<String>
    /// How many people took part, when the source says.
    public var participants: Int?
    public var pillar: Pillar
    public var kind: EventKind

    /// Creates an event; fails when `end` is before `start`.
    public init?(id: String, title: Localized<String>, campaign: String? = nil, department: String, start: EventTime,
                 end: EventTime? = nil, place: Localized<String> = Localized(), audience: Localized<String> = Localized(),
                 participants: Int? = nil, pillar: Pillar, kind: EventKind) {
        if let end, end < start { return nil }
        self.id = id
        self.title = title
        self.campaign = campaign
        self.department = department
        self.start = start
        self.end = end
        self.place = place
        self.audience = audience
        self.participants = participants
        self.pillar = pillar
        self.kind = kind
    }

    /// The last day the event runs on.
    public var lastDay: CalendarDay { end?.day ?? start.day }
}

/// What kind of activity an event is.
public enum EventKind: String, Hashable, Sendable, CaseIterable, Codable {
    case talk
    case training
    case distribution
    case inspection
    case meeting
    /// A promotion stand or activity at a public festival or gathering.
    case outreach
    /// An investigation step: a raid, a referral to prosecutors.
    case operation
}

/// A day, and optionally a time of day, in Taiwan (Asia/Taipei, UTC+8 all year, no daylight saving).
public struct EventTime: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// The IANA time zone every event time is in.
    public static let timeZoneIdentifier = "Asia/Taipei"
    /// Taipei's offset from UTC, in seconds. Taiwan has not observed daylight saving since 1979.
    public static let utcOffsetSeconds = 8 * 3600

    public var day: CalendarDay
    /// Minutes after midnight, when a time is known.
    public var minutes: Int?

    public init(day: CalendarDay, minutes: Int? = nil) {
        self.day = day
        self.minutes = minutes.map { min(max($0, 0), 24 * 60 - 1) }
    }

    /// Parses `2022-03-16` or `2022-03-16 14:30` (also `2022-03-16T14:30`), in Taiwan time.
    public init?(parsing text: String) {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard let day = CalendarDay(parsing: String(trimmed.prefix(10))) else { return nil }
        let rest = trimmed.dropFirst(10)
        if rest.isEmpty {
            self.init(day: day)
            return
        }
        guard rest.first == " " || rest.first == "T" else { return nil }
        let clock = rest.dropFirst().split(separator: ":")
        guard clock.count == 2, clock[0].count == 2, clock[1].count == 2,
              let hour = Int(clock[0]), let minute = Int(clock[1]), (0..<24).contains(hour), (0..<60).contains(minute) else {
            return nil
        }
        self.init(day: day, minutes: hour * 60 + minute)
    }

    /// Whether only the day is known (an all-day event).
    public var isAllDay: Bool { minutes == nil }

    /// `2022-03-16` or `2022-03-16T14:30:00+08:00`.
    public var description: String {
        guard minutes != nil else { return day.description }
        return "\(day)T\(clockTime):00+08:00"
    }

    /// `14:30`, or an empty string for an all-day time.
    public var clockTime: String {
        guard let minutes else { return "" }
        func pad(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
        return pad(minutes / 60) + ":" + pad(minutes % 60)
    }

    public static func < (lhs: Self, rhs: Self) -> Bool {
        (lhs.day, lhs.minutes ?? -1) < (rhs.day, rhs.minutes ?? -1)
    }
}

/// A number reported by a department, with what it counts and the period it covers.
public struct Figure: Hashable, Sendable, Identifiable {
    public var id: String
    public var department: String
    public var pillar: Pillar
    /// The number as the source gives it: `82`, `79371`, `74.33`.
    public var value: Double
    /// A unit written after the number, such as `%`.
    public var unit: String
    /// What the number counts, in each language: "interpreters in four languages".
    public var label: Localized<String>
    /// The period the number covers.
    public var period: ClosedRange<CalendarDay>

    /// Creates a figure; fails for a negative or non-finite value.
    public init?(id: String, department: String, pillar: Pillar, value: Double, unit: String = "",
                 label: Localized<String>, period: ClosedRange<CalendarDay>) {
        guard value.isFinite, value >= 0 else { return nil }
        self.id = id
        self.department = department
        self.pillar = pillar
        self.value = value
        self.unit = unit
        self.label = label
        self.period = period
    }
}

extension CalendarDay {
    /// The day in Taiwan (Asia/Taipei, UTC+8) at `secondsSince1970` seconds after 1970-01-01 00:00 UTC.
    public init(taiwanDayAt secondsSince1970: Int) {
        let local = secondsSince1970 + EventTime.utcOffsetSeconds
        // Rounded down, also before 1970.
        self.init(daysSince1970: local >= 0 ? local / 86_400 : (local - 86_399) / 86_400)
    }
}
