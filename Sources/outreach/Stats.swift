import ArgumentParser
import CampaignModel
import Foundation
import Hummingbird
import OutreachKit
import QuizStats

struct Stats: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Count finished quiz sets without tracking anyone, and report the counts.",
        discussion: """
            'outreach stats serve' runs the collector the quiz pages send finished sets to (when
            site.yaml has stats: {endpoint: ...}); it keeps counters per quiz, question, choice,
            language and day, and nothing else. 'report' reads them; 'export' writes them to
            content/data/quiz-stats.json, which the build shows on the quiz pages.
            """,
        subcommands: [Serve.self, Report.self, Export.self]
    )

    /// Where the counters are.
    struct Database: ParsableArguments {
        @Option(name: .long, help: ArgumentHelp("sqlite:PATH, or postgres://user:password@host:port/database.", valueName: "url"))
        var database = "sqlite:quiz-stats.sqlite"
    }

    /// The days to read (both included; all when not given).
    struct Period: ParsableArguments {
        @Option(name: .long, help: ArgumentHelp("First day (YYYY-MM-DD).", valueName: "date"))
        var from: CalendarDay?

        @Option(name: .long, help: ArgumentHelp("Last day (YYYY-MM-DD).", valueName: "date"))
        var to: CalendarDay?
    }

    /// The site's quizzes, languages and origin, from its content.
    static func site(_ folders: SiteFolders) async throws -> QuizSite {
        let (site, diagnostics) = await SiteBuilder(options: folders.options()).quizSite()
        for diagnostic in diagnostics where diagnostic.severity == .error {
            FileHandle.standardError.write(Data((diagnostic.description + "\n").utf8))
        }
        guard let site else { throw ExitCode(1) }
        return site
    }

    struct Serve: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Run the collector: POST /api/v1/answers, GET /healthz.")

        @OptionGroup var folders: SiteFolders
        @OptionGroup var database: Database

        @Option(name: .long, help: "Port to listen on.")
        var port = 8080

        @Option(name: .long, help: ArgumentHelp("Address to listen on; behind a reverse proxy keep 127.0.0.1.", valueName: "address"))
        var host = "127.0.0.1"

        @Option(name: .long, help: "Submissions one address may send at once (kept in memory only).")
        var burst = 60

        @Option(name: .customLong("per-minute"), help: "Submissions per minute one address may send after that; 0 turns the limit off.")
        var perMinute = 120

        @Option(name: .long, help: ArgumentHelp("The site's origin, the only one allowed to submit; site.yaml's baseURL by default.",
                                                valueName: "url"))
        var origin: String?

        func run() async throws {
            let site = try await Stats.site(folders)
            let store = try await openCounterStore(database.database)
            let collector = Collector(
                checker: SubmissionChecker(quizzes: site.quizzes, languages: site.languages.map(\.rawValue)),
                store: store, allowedOrigin: origin ?? site.origin, burst: burst, perMinute: perMinute)
            print("Counting quiz answers at http://\(host):\(port)/api/v1/answers for \(origin ?? site.origin) "
                  + "(\(site.quizzes.count) quizzes, \(database.database.hasPrefix("sqlite:") ? "SQLite" : "PostgreSQL"))")
            try await collector.makeApplication(host: host, port: port).runService()
            try await store.close()
        }
    }

    struct Report: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Per quiz, category, question and language: answers, percent correct, facility index, most chosen wrong answer.")

        @OptionGroup var folders: SiteFolders
        @OptionGroup var database: Database

        @OptionGroup var period: Period

        @Option(name: .long, help: "text, csv or json.")
        var format: Format = .text

        enum Format: String, ExpressibleByArgument { case text, csv, json }

        func run() async throws {
            let site = try await Stats.site(folders)
            let store = try await openCounterStore(database.database)
            let counts = try await store.counts(from: period.from, to: period.to)
            try await store.close()
            let report = StatsReport(counts: counts, quizzes: site.quizzes, languages: site.languages.map(\.rawValue),
                                     defaultLanguage: site.defaultLanguage, from: period.from, to: period.to)
            switch format {
            case .text: FileHandle.standardOutput.write(Data(report.text.utf8))
            case .csv: FileHandle.standardOutput.write(Data(report.csv.utf8))
            case .json: FileHandle.standardOutput.write(Data(report.json.utf8))
            }
        }
    }

    struct Export: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Write the counts to content/data/quiz-stats.json, for the build to show on quiz pages.")

        @OptionGroup var folders: SiteFolders
        @OptionGroup var database: Database

        @OptionGroup var period: Period

        func run() async throws {
            let site = try await Stats.site(folders)
            let store = try await openCounterStore(database.database)
            let counts = try await store.counts(from: period.from, to: period.to)
            try await store.close()
            let path = folders.content + "/data/quiz-stats.json"
            try FileManager.default.createDirectory(atPath: folders.content + "/data", withIntermediateDirectories: true)
            try Data(StatisticsExport.json(counts: counts, quizzes: site.quizzes, from: period.from, to: period.to).utf8)
                .write(to: URL(fileURLWithPath: path), options: .atomic)
            print("Wrote \(path)")
        }
    }
}
