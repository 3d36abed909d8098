import CampaignModel
import Foundation

/// Writes dates the way readers of each language expect, from patterns in the theme's UI strings.
///
/// `date_format` uses `{day}`, `{month}` (the name from `month_1`...`month_12`), `{monthNumber}`,
/// `{year}`, `{minguoYear}` (Republic of China year, 1912 = 1) and `{buddhistYear}` (Thai, +543),
/// so Traditional Chinese can read `2022年3月16日` or `民國111年3月16日` and Thai `16 มีนาคม 2565`.
/// Patterns live in data rather than in the platform's locale tables, so output never changes
/// with the machine's ICU version.
struct DateText: Sendable {
    var dayPattern: String
    var monthPattern: String
    var monthNames: [String]

    init(strings: [String: String], override: String? = nil) {
        dayPattern = override ?? strings["date_format"] ?? "{year}-{monthNumber}-{day}"
        monthPattern = strings["month_format"] ?? "{month} {year}"
        monthNames = (1...12).map { strings["month_\($0)"] ?? String($0) }
    }

    /// `16 March 2022`, `2022年3月16日`...
    func format(_ day: CalendarDay) -> String {
        fill(dayPattern, day)
    }

    /// `March 2022`, for grouping events by month.
    func formatMonth(_ day: CalendarDay) -> String {
        fill(monthPattern, day)
    }

    /// The day, with the time of day when known (`16 March 2022, 14:30`).
    func format(_ time: EventTime) -> String {
        time.isAllDay ? format(time.day) : format(time.day) + " " + time.clockTime
    }

    /// Replaces each `{name}` of `pattern` in one pass; unknown names stay as written.
    private func fill(_ pattern: String, _ day: CalendarDay) -> String {
        var result = ""
        var rest = pattern[...]
        while let open = rest.firstIndex(of: "{") {
            result += rest[..<open]
            guard let close = rest[open...].firstIndex(of: "}") else { break }
            let name = rest[rest.index(after: open)..<close]
            switch name {
            case "day": result += String(day.day)
            case "monthNumber": result += String(day.month)
            case "month": result += monthNames[day.month - 1]
            case "year": result += String(day.year)
            case "minguoYear": result += String(day.year - 1911)
            case "buddhistYear": result += String(day.year + 543)
            default: result += rest[open...close]
            }
            rest = rest[rest.index(after: close)...]
        }
        return result + rest
    }
}
