import ArgumentParser
import Foundation
import OutreachKit

struct Build: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Build the website from the content and theme folders.",
        discussion: """
            Every problem is listed as `file:line:column: error: message`, so you can go straight to it.
            If there is any error, nothing is published: the output folder keeps the last good website.

            Examples:
              outreach build                      build content/ with theme/ into site/
              outreach build --drafts             also include pages marked `draft: true`, to preview them
              outreach build --base-url https://staging.example.org/
            """
    )

    @OptionGroup var folders: SiteFolders

    @Option(name: .long, help: ArgumentHelp("Folder to write the website to. It is replaced only if the build succeeds.", valueName: "folder"))
    var output = "site"

    @Option(name: .customLong("base-url"), help: ArgumentHelp("Web address the site will be published at, overriding site.yaml.", valueName: "url"))
    var baseURL: String?

    @Flag(name: .long, help: "Include pages marked `draft: true`.")
    var drafts = false

    @Flag(name: .long, help: "Treat warnings as errors (use this before publishing).")
    var strict = false

    @Flag(name: .long, help: "Print how long each phase of the build took (for large sites).")
    var timings = false

    @Flag(name: .customLong("no-search"), help: "Do not build the search index, even when Pagefind is installed (faster previews).")
    var noSearch = false

    @Flag(name: .customLong("no-images"), help: "Do not make the e-poster images and preview cards, even when Chromium is installed (faster previews).")
    var noImages = false

    @Flag(name: .long, help: "Also make a print-ready PDF of every poster and pamphlet (needs Chromium or WeasyPrint).")
    var pdf = false

    func run() async throws {
        var printer: PDFPrinter?
        if pdf {
            printer = Environment.pdfPrinter()
            if printer == nil {
                FileHandle.standardError.write(Data("""
                    warning: --pdf needs a PDF renderer, and none was found. Install one with
                      sudo apt-get install chromium      (or: sudo apt-get install weasyprint)
                    The posters and pamphlets still print correctly from any web browser.\n
                    """.utf8))
            }
        }
        var options = folders.options(outputFolder: output)
        options.baseURL = baseURL
        options.includeDrafts = drafts
        options.strict = strict
        options.today = Environment.sourceDateEpochDay()
        options.pdfPrinter = printer
        options.searchIndexer = noSearch ? nil : Environment.pagefind()
        options.imageRenderer = noImages ? nil : Environment.imageRenderer()
        let clock = ContinuousClock()
        let start = clock.now
        let report = await SiteBuilder(options: options).build()
        let elapsed = clock.now - start
        if timings {
            for (name, duration) in report.times.phases {
                FileHandle.standardError.write(Data("\(String(format: "%9.1f", Summary.milliseconds(duration))) ms  \(name)\n".utf8))
            }
        }
        for diagnostic in report.diagnostics {
            FileHandle.standardError.write(Data((diagnostic.description + "\n").utf8))
        }
        guard report.succeeded else {
            let errors = report.diagnostics.filter { $0.severity == .error }.count
            let warnings = report.diagnostics.count - errors
            var summary = "Build failed: \(errors) error\(errors == 1 ? "" : "s")"
            if warnings > 0 { summary += ", \(warnings) warning\(warnings == 1 ? "" : "s")\(strict ? " (--strict)" : "")" }
            FileHandle.standardError.write(Data((summary + ". '\(output)' was not changed.\n").utf8))
            throw ExitCode(1)
        }
        // Search or images skipped on purpose (`--no-search`, `--no-images`) need no note.
        for note in report.notes where !(noSearch && note == .searchSkipped) && !(noImages && note == .imagesSkipped) {
            FileHandle.standardError.write(Data((note.description + "\n").utf8))
        }
        print(Summary.line(for: report, output: output, elapsed: elapsed))
    }
}

/// The one-line summary printed after a successful build.
enum Summary {
    static func line(for report: BuildReport, output: String, elapsed: Duration) -> String {
        let languages = report.languages.map { entry in
            var gaps: [String] = []
            if entry.untranslatedPages > 0 { gaps.append("\(entry.untranslatedPages) untranslated") }
            if entry.untranslatedQuizQuestions > 0 { gaps.append("\(entry.untranslatedQuizQuestions) quiz question\(entry.untranslatedQuizQuestions == 1 ? "" : "s") untranslated") }
            return "\(entry.language) \(entry.pages)" + (gaps.isEmpty ? "" : " (" + gaps.joined(separator: ", ") + ")")
        }.joined(separator: ", ")
        let milliseconds = Int(Self.milliseconds(elapsed))
        let warnings = report.diagnostics.count
        let images = report.imagesRendered + report.imagesReused
        return "Built \(output)/ in \(milliseconds) ms: pages \(languages); \(report.filesWritten) files"
            + (images > 0 ? " (\(images) images: \(report.imagesRendered) rendered, \(report.imagesReused) reused)" : "")
            + (warnings > 0 ? "; \(warnings) warning\(warnings == 1 ? "" : "s")" : "")
    }

    static func milliseconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) * 1000 + Double(duration.components.attoseconds) / 1e15
    }
}
