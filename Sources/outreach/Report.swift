import ArgumentParser
import CampaignModel
import Foundation
import OutreachKit

struct Report: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Write a campaign's coordination report: by pillar, then by department.",
        discussion: """
            The report the departments write every half year, made from the site's content: each
            department's events, the sections of its page that its front matter's `report:` places
            in a pillar, and the figures of the period. The site publishes it too, at
            /<lang>/campaigns/<id>/report/. Prints to standard output unless --output is given.
            """
    )

    @OptionGroup var folders: SiteFolders

    @Option(name: .long, help: ArgumentHelp("The campaign's id: the name of its page in content/campaigns.", valueName: "id"))
    var campaign: String

    @Option(name: .long, help: ArgumentHelp("First day (YYYY-MM-DD); the campaign's start by default.", valueName: "date"))
    var from: CalendarDay?

    @Option(name: .long, help: ArgumentHelp("Last day (YYYY-MM-DD); the campaign's end by default.", valueName: "date"))
    var to: CalendarDay?

    @Option(name: .customLong("lang"), help: ArgumentHelp("Language code; the site's default language by default.", valueName: "code"))
    var language: String?

    @Option(name: .long, help: "html (the site's page), csv or json.")
    var format: ReportFormat = .html

    @Option(name: .long, help: ArgumentHelp("Write to this file instead of standard output.", valueName: "file"))
    var output: String?

    func run() async throws {
        let options = folders.options()
        let (result, diagnostics) = await SiteBuilder(options: options)
            .coordinationReport(campaign: campaign, from: from, to: to, language: language, format: format)
        for diagnostic in diagnostics {
            FileHandle.standardError.write(Data((diagnostic.description + "\n").utf8))
        }
        switch result {
        case .success(let text):
            if let output {
                try Data(text.utf8).write(to: URL(fileURLWithPath: output), options: .atomic)
            } else {
                FileHandle.standardOutput.write(Data(text.utf8))
            }
        case .failure(let error):
            FileHandle.standardError.write(Data("error: \(error)\n".utf8))
            throw ExitCode(1)
        }
    }
}

extension ReportFormat: ExpressibleByArgument {}

extension CalendarDay: ExpressibleByArgument {
    public init?(argument: String) {
        guard argument.count == 10 else { return nil }
        self.init(parsing: argument)
    }
}
