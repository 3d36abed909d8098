import CampaignModel
import Foundation
import OutreachKit

/// What the CLI reads from its surroundings and hands to the engine as options.
enum Environment {
    /// The day of `SOURCE_DATE_EPOCH` in Taiwan time, for reproducible builds.
    static func sourceDateEpochDay() -> CalendarDay? {
        guard let text = ProcessInfo.processInfo.environment["SOURCE_DATE_EPOCH"], let seconds = Int(text) else { return nil }
        let days = (seconds + EventTime.utcOffsetSeconds) / 86_400
        return civilDay(fromDaysSince1970: days)
    }

    /// The first PDF renderer on `PATH`: Chromium, then WeasyPrint.
    static func pdfPrinter() -> PDFPrinter? {
        let candidates: [(PDFPrinter.Renderer, String)] = [
            (.chromium, "chromium"), (.chromium, "chromium-browser"), (.chromium, "google-chrome"), (.weasyprint, "weasyprint"),
        ]
        let folders = (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":")
        for (renderer, name) in candidates {
            for folder in folders {
                let path = "\(folder)/\(name)"
                if FileManager.default.isExecutableFile(atPath: path) { return PDFPrinter(renderer: renderer, executable: path) }
            }
        }
        return nil
    }

    /// Howard Hinnant's days-to-civil algorithm: the proleptic Gregorian date `days` after 1970-01-01.
    static func civilDay(fromDaysSince1970 days: Int) -> CalendarDay? {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthPrime = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * monthPrime + 2) / 5 + 1
        let month = monthPrime < 10 ? monthPrime + 3 : monthPrime - 9
        return CalendarDay(year: yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month: month, day: day)
    }
}
