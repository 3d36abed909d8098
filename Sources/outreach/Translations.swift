import ArgumentParser
import Foundation
import OutreachKit

struct Translations: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Show which pages are translated; export texts to translators' tools and import their work.",
        subcommands: [TranslationStatusCommand.self, TranslationExport.self, TranslationImport.self],
        defaultSubcommand: TranslationStatusCommand.self
    )
}

struct TranslationStatusCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status",
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

struct TranslationExport: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write every translatable text for one language as XLIFF or PO, for a translator's tool.",
        discussion: """
            Page titles and descriptions, page bodies block by block, quiz banks, posters, pamphlets,
            hotlines, figure labels, the site's title and the theme's interface text, each with its
            current translation. Links and emphasis become inline codes the tool keeps intact.
            """
    )

    @OptionGroup var folders: SiteFolders

    @Option(name: .long, help: "The language to translate into, as in site.yaml (vi, id, th, ...).")
    var lang: String

    @Option(name: .long, help: "xliff (XLIFF 2.0), xliff12 (XLIFF 1.2) or po (gettext).")
    var format: TranslationFormat = .xliff

    @Option(name: .long, help: ArgumentHelp("Only texts in these states: missing, outdated, draft, reviewed (comma-separated).",
                                            valueName: "states"))
    var only: String?

    @Option(name: .long, help: ArgumentHelp("File to write; standard output when not given.", valueName: "file"))
    var output: String?

    func run() async throws {
        var states: Set<TranslationUnitState>?
        if let only {
            states = []
            for name in only.split(separator: ",") {
                guard let state = TranslationUnitState(rawValue: name.trimmingCharacters(in: .whitespaces)) else {
                    throw ValidationError("--only: '\(name)' is not one of missing, outdated, draft, reviewed")
                }
                states?.insert(state)
            }
        }
        let (text, units, diagnostics) = await SiteBuilder(options: folders.options())
            .exportTranslations(language: lang, format: format, only: states)
        for diagnostic in diagnostics {
            FileHandle.standardError.write(Data((diagnostic.description + "\n").utf8))
        }
        guard let text else { throw ExitCode(1) }
        if let output {
            try Data(text.utf8).write(to: URL(fileURLWithPath: output))
            FileHandle.standardError.write(Data("\(units) texts for \(lang) written to \(output)\n".utf8))
        } else {
            print(text, terminator: "")
        }
    }
}

struct TranslationImport: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Write translated XLIFF or PO files into the site's pages, quiz banks and theme strings.",
        discussion: """
            Reviewed or final units become `translation: reviewed` (with `translationOf`); translated
            ones become drafts. Every file is checked first: with any error nothing is written.
            """
    )

    @OptionGroup var folders: SiteFolders

    @Argument(help: ArgumentHelp("XLIFF or PO files from the translators' tools.", valueName: "file"))
    var files: [String]

    func run() async throws {
        var inputs: [(path: String, text: String)] = []
        for path in files {
            guard let data = FileManager.default.contents(atPath: path) else {
                FileHandle.standardError.write(Data("\(path): error: cannot read file\n".utf8))
                throw ExitCode(1)
            }
            inputs.append((path, String(decoding: data, as: UTF8.self)))
        }
        let (changes, diagnostics) = await SiteBuilder(options: folders.options()).importTranslations(inputs)
        for diagnostic in diagnostics {
            FileHandle.standardError.write(Data((diagnostic.description + "\n").utf8))
        }
        guard !diagnostics.containsErrors else {
            FileHandle.standardError.write(Data("nothing written\n".utf8))
            throw ExitCode(1)
        }
        try SiteBuilder.write(changes)
        for change in changes { print("wrote \(change.path)") }
        if changes.isEmpty { print("no changes: every translation is already in the site") }
    }
}

extension TranslationFormat: ExpressibleByArgument {}

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
        var outdated: [String] = []
        for row in report.rows {
            for (index, entry) in row.states.enumerated() where index < row.blocks.count && !row.blocks[index].outdated.isEmpty {
                let blocks = row.blocks[index].outdated.map { "\($0.id) (line \($0.line))" }.joined(separator: ", ")
                outdated.append("\(row.page) \(entry.language): outdated \(blocks)")
            }
        }
        let blocks = outdated.isEmpty ? "" : "\nBlocks whose original changed since they were translated:\n" + outdated.joined(separator: "\n") + "\n"
        return text + "\n" + totals.joined(separator: "\n") + "\n" + blocks
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
