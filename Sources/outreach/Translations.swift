import ArgumentParser
import Foundation
import OutreachKit

struct Translations: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Show which pages are translated into which languages.",
        discussion: """
            For every page: missing (readers see the original), draft (awaiting review), reviewed, or
            outdated (reviewed, but the original changed since). After reviewing a translation, set
            `translation: reviewed` and `translationOf: <hash>` in its front matter, with the hash of
            the original shown here; when the original changes, the translation shows as outdated.
            """
    )

    @OptionGroup var folders: SiteFolders

    @Option(name: .long, help: "Output format: text or json.")
    var format: Format = .text

    enum Format: String, ExpressibleByArgument {
        case text, json
    }

    func run() async throws {
        let options = folders.options()
        let (report, diagnostics) = await SiteBuilder(options: options).translationReport()
        for diagnostic in diagnostics {
            FileHandle.standardError.write(Data((diagnostic.description + "\n").utf8))
        }
        guard let report else { throw ExitCode(1) }
        switch format {
        case .text: print(TranslationTable.text(report), terminator: "")
        case .json: print(TranslationTable.json(report))
        }
    }
}

/// The translation report as a table for a terminal, or as JSON for scripts.
enum TranslationTable {
    static func text(_ report: TranslationReport) -> String {
        let header = ["page", "hash"] + report.languages.map(\.rawValue)
        let rows = report.rows.map { row in [row.page, row.originalHash] + row.states.map { $0.state.rawValue } }
        let widths = header.indices.map { column in ([header] + rows).map { $0[column].count }.max() ?? 0 }
        func line(_ cells: [String]) -> String {
            zip(cells, widths).map { $0.padding(toLength: $1, withPad: " ", startingAt: 0) }.joined(separator: "  ")
                .trimmingCharacters(in: .whitespaces) + "\n"
        }
        var text = line(header)
        for row in rows { text += line(row) }
        let totals = report.languages.map { language in
            "\(language): " + [TranslationReport.State.missing, .draft, .outdated, .reviewed]
                .map { "\(report.count($0, in: language)) \($0.rawValue)" }.joined(separator: ", ")
        }
        return text + "\n" + totals.joined(separator: "\n") + "\n"
    }

    static func json(_ report: TranslationReport) -> String {
        let rows = report.rows.map { row -> [String: Any] in
            ["page": row.page, "hash": row.originalHash,
             "languages": Dictionary(uniqueKeysWithValues: row.states.map { ($0.language.rawValue, $0.state.rawValue) })]
        }
        let data = (try? JSONSerialization.data(withJSONObject: ["pages": rows], options: [.sortedKeys, .prettyPrinted])) ?? Data()
        return String(decoding: data, as: UTF8.self)
    }
}
