import CampaignModel
import Foundation
import OutreachKit

/// What the CLI reads from its surroundings and hands to the engine as options.
enum Environment {
    /// The day of `SOURCE_DATE_EPOCH` in Taiwan time, for reproducible builds.
    static func sourceDateEpochDay() -> CalendarDay? {
        guard let text = ProcessInfo.processInfo.environment["SOURCE_DATE_EPOCH"], let seconds = Int(text) else { return nil }
        return CalendarDay(taiwanDayAt: seconds)
    }

    /// The first PDF renderer on `PATH`: Chromium, then WeasyPrint.
    static func pdfPrinter() -> PDFPrinter? {
        if let path = chromium() { return PDFPrinter(renderer: .chromium, executable: path) }
        return executable(named: "weasyprint").map { PDFPrinter(renderer: .weasyprint, executable: $0) }
    }

    /// Chromium on `PATH`, which makes the e-poster images and preview cards; nil when there is none.
    static func imageRenderer() -> ImageRenderer? {
        chromium().map { ImageRenderer(executable: $0) }
    }

    /// Chromium's path: the first of `chromium`, `chromium-browser` and `google-chrome` on `PATH`.
    static func chromium() -> String? {
        ["chromium", "chromium-browser", "google-chrome"].lazy.compactMap(executable(named:)).first
    }

    /// Pagefind, preferring its extended build (which segments Chinese and Thai): `pagefind_extended`
    /// or `pagefind` on `PATH`, else the Python package (`python3 -m pagefind`, what `make site`
    /// installs). Nil when none is there.
    static func pagefind() -> Pagefind? {
        for name in ["pagefind_extended", "pagefind"] {
            if let path = executable(named: name) { return Pagefind(command: [path]) }
        }
        guard let python = executable(named: "python3") else { return nil }
        // Asks the package itself, which knows where its binary is (and prefers the extended one).
        let process = Process()
        process.executableURL = URL(fileURLWithPath: python)
        process.arguments = ["-m", "pagefind", "--version"]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        do { try process.run() } catch { return nil }
        process.waitUntilExit()
        return process.terminationStatus == 0 ? Pagefind(command: [python, "-m", "pagefind"]) : nil
    }

    /// The first executable file called `name` in a folder of `PATH`.
    static func executable(named name: String) -> String? {
        let folders = (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":")
        return folders.map { "\($0)/\(name)" }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }
}
