import CampaignModel

/// An Atom (RFC 4287) feed of one language's events and dated pages.
struct AtomFeed {
    struct Entry {
        var id: String
        var title: String
        var titleLanguage: LanguageCode
        var url: String
        var updated: String
        var summary: String
    }

    var title: String
    var language: LanguageCode
    var feedURL: String
    var siteURL: String
    var author: String

    func document(entries: [Entry]) -> String {
        let updated = entries.map(\.updated).max() ?? "1970-01-01T00:00:00Z"
        var xml = """
        <?xml version="1.0" encoding="utf-8"?>
        <feed xmlns="http://www.w3.org/2005/Atom" xml:lang="\(XMLText.escape(language.rawValue))">
          <title>\(XMLText.escape(title))</title>
          <id>\(XMLText.escape(feedURL))</id>
          <link rel="self" type="application/atom+xml" href="\(XMLText.escape(feedURL))"/>
          <link rel="alternate" type="text/html" href="\(XMLText.escape(siteURL))"/>
          <updated>\(updated)</updated>
          <author><name>\(XMLText.escape(author))</name></author>

        """
        for entry in entries {
            xml += """
              <entry xml:lang="\(XMLText.escape(entry.titleLanguage.rawValue))">
                <title>\(XMLText.escape(entry.title))</title>
                <id>\(XMLText.escape(entry.id))</id>
                <link rel="alternate" type="text/html" href="\(XMLText.escape(entry.url))"/>
                <updated>\(entry.updated)</updated>
                <summary>\(XMLText.escape(entry.summary))</summary>
              </entry>

            """
        }
        return xml + "</feed>\n"
    }

    /// RFC 3339 in UTC for a Taiwan-time event or page date.
    static func timestamp(_ time: EventTime) -> String {
        let minutes = (time.minutes ?? 0) - EventTime.utcOffsetSeconds / 60
        var day = time.day
        var minuteOfDay = minutes
        if minuteOfDay < 0 {
            minuteOfDay += 24 * 60
            day = ICalendar.dayBefore(day)
        }
        func pad(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
        return "\(day)T\(pad(minuteOfDay / 60)):\(pad(minuteOfDay % 60)):00Z"
    }
}

extension ICalendar {
    static func dayBefore(_ day: CalendarDay) -> CalendarDay {
        if let previous = CalendarDay(year: day.year, month: day.month, day: day.day - 1) { return previous }
        if day.month > 1 {
            for last in stride(from: 31, through: 28, by: -1) {
                if let previous = CalendarDay(year: day.year, month: day.month - 1, day: last) { return previous }
            }
        }
        return CalendarDay(year: day.year - 1, month: 12, day: 31)!
    }
}
