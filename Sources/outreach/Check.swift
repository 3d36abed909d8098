import ArgumentParser
import Foundation
import OutreachKit

struct Check: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Check the site without writing it: every build error, and links to #anchors in every language.",
        discussion: "Exit status 1 when there are errors. Use --format json in continuous integration."
    )

    @OptionGroup var folders: SiteFolders

    @Option(name: .long, help: "Output format: text or json.")
    var format: TranslationStatusCommand.Format = .text

    @Flag(name: .long, help: "Treat warnings (a misspelt field, a page over the weight limit) as errors: exit status 1.")
    var strict = false

    func run() async throws {
        let diagnostics = await SiteBuilder(options: folders.options()).check()
        switch format {
        case .text:
            for diagnostic in diagnostics { print(diagnostic.description) }
            let errors = diagnostics.filter { $0.severity == .error }.count
            print("\(errors) error\(errors == 1 ? "" : "s"), \(diagnostics.count - errors) warning\(diagnostics.count - errors == 1 ? "" : "s")")
        case .json:
            let items = diagnostics.map { diagnostic -> [String: Any] in
                ["file": diagnostic.location.file, "line": diagnostic.location.line, "column": diagnostic.location.column,
                 "severity": diagnostic.severity.rawValue, "message": diagnostic.reason.message]
            }
            let data = try JSONSerialization.data(withJSONObject: ["diagnostics": items], options: [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes])
            print(String(decoding: data, as: UTF8.self))
        }
        if diagnostics.contains(where: { $0.severity == .error }) || (strict && !diagnostics.isEmpty) { throw ExitCode(1) }
    }
}
