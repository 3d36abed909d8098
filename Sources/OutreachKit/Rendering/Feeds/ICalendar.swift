import CampaignModel
import Foundation

/// iCalendar (RFC 5545) text for events, so people can add them to their phone's calendar.
///
/// Events with a time are written in Asia/Taipei with a VTIMEZONE block; day-only events are
/// all-day events. Lines end in CRLF and are folded at 75 octets, as the RFC requires.
struct ICalendar {
    /// `-//Outreach//<site>//<LANG>` names the producer.
    var productID: String
    /// Host part of UIDs, so ids stay unique and stable across builds.
    var host: String
    /// DTSTAMP for every event: the build's day, never the clock, so output is reproducible.
    var stamp: CalendarDay

    struct Entry {
        var event: Event
        var title: String
        var description: String
        var place: String
        var url: String
        var language: LanguageCode
    }

    func document(name: String, entries: [Entry]) -> String {
        var lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:\(escape(productID))", "CALSCALE:GREGORIAN",
                     "METHOD:PUBLISH", "X-WR-CALNAME:\(escape(name))", "X-WR-TIMEZONE:\(EventTime.timeZoneIdentifier)"]
        if entries.contains(where: { !$0.event.start.isAllDay }) {
            lines += [
                "BEGIN:VTIMEZONE", "TZID:\(EventTime.timeZoneIdentifier)", "BEGIN:STANDARD", "DTSTART:19700101T000000",
                "TZOFFSETFROM:+0800", "TZOFFSETTO:+0800", "TZNAME:CST", "END:STANDARD", "END:VTIMEZONE",
            ]
        }
        for entry in entries {
            lines += event(entry)
        }
        lines.append("END:VCALENDAR")
        return lines.map(fold).joined(separator: "\r\n") + "\r\n"
    }

    private func event(_ entry: Entry) -> [String] {
        let event = entry.event
        var lines = ["BEGIN:VEVENT", "UID:\(escape(event.id))@\(host)", "DTSTAMP:\(Self.compact(stamp))T000000Z"]
        if event.start.isAllDay {
            lines.append("DTSTART;VALUE=DATE:\(Self.compact(event.start.day))")
            // DTEND of an all-day event is exclusive: the day after the last day.
            lines.append("DTEND;VALUE=DATE:\(Self.compact(Self.dayAfter(event.lastDay)))")
        } else {
            lines.append("DTSTART;TZID=\(EventTime.timeZoneIdentifier):\(Self.compact(event.start))")
            if let end = event.end, !end.isAllDay {
                lines.append("DTEND;TZID=\(EventTime.timeZoneIdentifier):\(Self.compact(end))")
            }
        }
        lines.append("SUMMARY;LANGUAGE=\(entry.language.rawValue):\(escape(entry.title))")
        if !entry.description.isEmpty { lines.append("DESCRIPTION;LANGUAGE=\(entry.language.rawValue):\(escape(entry.description))") }
        if !entry.place.isEmpty { lines.append("LOCATION;LANGUAGE=\(entry.language.rawValue):\(escape(entry.place))") }
        lines.append("URL:\(entry.url)")
        lines.append("END:VEVENT")
        return lines
    }

    /// TEXT value escaping: backslash, semicolon, comma and newlines.
    func escape(_ text: String) -> String {
        var result = ""
        for character in text {
            switch character {
            case "\\": result += "\\\\"
            case ";": result += "\\;"
            case ",": result += "\\,"
            case "\n", "\r\n", "\r": result += "\\n"
            default: result.append(character)
            }
        }
        return result
    }

    /// Splits a content line into lines of at most 75 octets, never inside a UTF-8 character.
    func fold(_ line: String) -> String {
        var folded = ""
        var octets = 0
        for scalar in line.unicodeScalars {
            let size = String(scalar).utf8.count
            if octets + size > 75 {
                folded += "\r\n "
                octets = 1
            }
            folded.unicodeScalars.append(scalar)
            octets += size
        }
        return folded
    }

    static func compact(_ day: CalendarDay) -> String {
        day.description.replacingOccurrences(of: "-", with: "")
    }

    static func compact(_ time: EventTime) -> String {
        compact(time.day) + "T" + time.clockTime.replacingOccurrences(of: ":", with: "") + "00"
    }

    static func dayAfter(_ day: CalendarDay) -> CalendarDay {
        CalendarDay(year: day.year, month: day.month, day: day.day + 1)
            ?? CalendarDay(year: day.year, month: day.month + 1, day: 1)
            ?? CalendarDay(year: day.year + 1, month: 1, day: 1)!
    }
}
