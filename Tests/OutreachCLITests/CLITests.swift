import Foundation
import Testing
import TestSupport

/// Runs the real `outreach` executable, as department staff would.
@Suite struct CLITests {
    /// The executable built next to the test bundle.
    static let executable: URL = {
        var folder = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        while !FileManager.default.fileExists(atPath: folder.appendingPathComponent("outreach").path), folder.path != "/" {
            folder.deleteLastPathComponent()
        }
        return folder.appendingPathComponent("outreach")
    }()

    struct Run {
        var status: Int32
        var output: String
        var errors: String
    }

    func run(_ arguments: [String], environment: [String: String]? = nil) throws -> Run {
        try #require(FileManager.default.isExecutableFile(atPath: Self.executable.path),
                     "build the outreach executable first (swift build)")
        let process = Process()
        process.executableURL = Self.executable
        process.arguments = arguments
        if let environment { process.environment = environment }
        let output = Pipe()
        let errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        let outputData = output.fileHandleForReading.readDataToEndOfFile()
        let errorData = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Run(status: process.terminationStatus,
                   output: String(decoding: outputData, as: UTF8.self),
                   errors: String(decoding: errorData, as: UTF8.self))
    }

    @Test func helpExplainsTheBuildCommand() throws {
        let result = try run(["build", "--help"])
        #expect(result.status == 0)
        for option in ["--content", "--theme", "--output", "--base-url", "--drafts", "--strict"] {
            #expect(result.output.contains(option), "help mentions \(option)")
        }
    }

    @Test func successfulBuildPrintsOneSummaryLine() throws {
        let site = Fixtures.url("Sites/basic")
        let output = try Fixtures.temporaryFolder().appendingPathComponent("site")
        let result = try run(["build", "--content", site.appendingPathComponent("content").path,
                              "--theme", site.appendingPathComponent("theme").path, "--output", output.path])
        #expect(result.status == 0, "\(result.errors)")
        let lines = result.output.split(separator: "\n")
        #expect(lines.count == 1)
        // The fixture's theme has no Vietnamese titles for the generated sections (events, quiz,
        // campaigns) and no search page; the built-in theme under it has both, so those three count
        // as translated and each language gains a search page.
        #expect(lines.first?.contains("en 17, vi 17 (6 untranslated, 1 quiz question untranslated)") == true, "\(lines)")
    }

    @Test func pdfWithoutARendererSaysWhatToInstallAndStillBuilds() throws {
        let site = Fixtures.url("Sites/basic")
        let output = try Fixtures.temporaryFolder().appendingPathComponent("site")
        let result = try run(["build", "--pdf", "--content", site.appendingPathComponent("content").path,
                              "--theme", site.appendingPathComponent("theme").path, "--output", output.path],
                             environment: ["PATH": "/nonexistent"])
        #expect(result.status == 0)
        #expect(result.errors.contains("apt-get install chromium"))
        #expect(FileManager.default.fileExists(atPath: output.appendingPathComponent("en/index.html").path))
    }

    @Test func newFilesOfEveryKindBuildWithoutErrorsOrWarnings() throws {
        let folder = try Fixtures.temporaryFolder()
        let site = folder.appendingPathComponent("site")
        try FileManager.default.copyItem(at: Fixtures.url("Sites/basic"), to: site)
        let content = site.appendingPathComponent("content").path
        for kind in ["page", "event", "poster", "pamphlet", "quiz"] {
            let original = try run(["new", kind, "new-\(kind)", "--content", content])
            #expect(original.status == 0, "\(original.errors)")
            if kind != "quiz" {
                let translation = try run(["new", kind, "new-\(kind)", "--lang", "vi", "--content", content])
                #expect(translation.status == 0, "\(translation.errors)")
            }
        }
        #expect(FileManager.default.fileExists(atPath: content + "/events/new-event.vi.md"))
        let again = try run(["new", "page", "new-page", "--content", content])
        #expect(again.status != 0, "an existing file is never overwritten")
        let build = try run(["build", "--strict", "--content", content, "--theme", site.appendingPathComponent("theme").path,
                             "--output", folder.appendingPathComponent("out").path])
        #expect(build.status == 0, "\(build.errors)")
    }

    @Test func translationsTableListsEveryPageAndLanguage() throws {
        let site = Fixtures.url("Sites/basic")
        let result = try run(["translations", "--content", site.appendingPathComponent("content").path,
                              "--theme", site.appendingPathComponent("theme").path])
        #expect(result.status == 0, "\(result.errors)")
        let aboutRow = result.output.split(separator: "\n").first { $0.hasPrefix("about.md ") }
        #expect(aboutRow?.hasSuffix("original  draft") == true, "\(aboutRow ?? "")")
        #expect(result.output.contains("vi: "))
    }

    /// `outreach report` writes the same tables the site publishes beside the report page, and
    /// narrows them to the days asked for.
    @Test func reportWritesTheSiteTablesAndNarrowsThePeriod() throws {
        let content = Fixtures.url("Sites/campaign/content").path
        let theme = Fixtures.repositoryRoot.appendingPathComponent("theme").path
        let expected = Fixtures.url("Sites/campaign/expected/vi/campaigns/spring/report")
        for format in ["csv", "json", "html"] {
            let result = try run(["report", "--content", content, "--theme", theme, "--campaign", "spring",
                                  "--lang", "vi", "--format", format])
            #expect(result.status == 0, "\(result.errors)")
            let file = format == "html" ? "index.html" : "report." + format
            let published = try String(contentsOf: expected.appendingPathComponent(file), encoding: .utf8)
            #expect(result.output == published, "\(format)")
        }
        let march = try run(["report", "--content", content, "--theme", theme, "--campaign", "spring",
                             "--from", "2022-03-17", "--to", "2022-03-31", "--format", "csv"])
        #expect(march.status == 0, "\(march.errors)")
        #expect(!march.output.contains("\nevent,"), "the only event, the talk, is before the period")
        #expect(march.output.contains("figure,partnership,labour,interpreters"))
    }

    @Test func reportRefusesUnknownCampaignsAndLanguages() throws {
        let content = Fixtures.url("Sites/campaign/content").path
        let theme = Fixtures.repositoryRoot.appendingPathComponent("theme").path
        let campaign = try run(["report", "--content", content, "--theme", theme, "--campaign", "autumn"])
        #expect(campaign.status == 1)
        #expect(campaign.errors == "error: no campaign 'autumn'; the site's campaigns are: spring\n")
        let language = try run(["report", "--content", content, "--theme", theme, "--campaign", "spring", "--lang", "fr"])
        #expect(language.status == 1)
        #expect(language.errors == "error: 'fr' is not one of the site's languages: en, vi\n")
    }

    /// `outreach init` writes a site that builds under `--strict` at once, in any choice of languages,
    /// with the theme built into the program; and it never overwrites.
    @Test(arguments: ["zh-TW,en,vi,id,th,fil", "en,vi", "th"])
    func initWritesASiteThatBuildsStrictly(languages: String) throws {
        let folder = try Fixtures.temporaryFolder().appendingPathComponent("demo")
        let created = try run(["init", folder.path, "--languages", languages])
        #expect(created.status == 0, "\(created.errors)")
        let content = folder.appendingPathComponent("content").path
        // Without images: they are tested in the browser tests, and Chromium would take most of this test's time.
        let build = try run(["build", "--strict", "--no-images", "--content", content, "--theme", folder.appendingPathComponent("theme").path,
                             "--output", folder.appendingPathComponent("site").path])
        #expect(build.status == 0, "\(build.errors)")
        let codes = languages.split(separator: ",")
        // Home, help, the quiz and its section, the poster and its section, search, and materials.
        #expect(build.output.contains(codes.map { "\($0) 8" }.joined(separator: ", ")), "\(build.output)")
        let check = try run(["check", "--content", content, "--theme", folder.appendingPathComponent("theme").path])
        #expect(check.status == 0 && check.output == "0 errors, 0 warnings\n", "\(check.output)\(check.errors)")
        let home = try String(contentsOf: folder.appendingPathComponent("content/_index.md"), encoding: .utf8)
        #expect(home.contains("translation: draft"))
    }

    @Test func initNeverOverwrites() throws {
        let folder = try Fixtures.temporaryFolder()
        #expect(try run(["init", folder.path, "--languages", "en"]).status == 0)
        let help = folder.appendingPathComponent("content/help.md")
        try Data("---\ntitle: Mine\n---\n".utf8).write(to: help)
        let again = try run(["init", folder.path])
        #expect(again.status == 1)
        #expect(again.errors.hasPrefix("error: \(folder.path) already has a site (content/_index.md, content/help.md"), "\(again.errors)")
        #expect(try String(contentsOf: help, encoding: .utf8) == "---\ntitle: Mine\n---\n")
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("content/_index.vi.md").path))
    }

    /// The built-in theme written out is the repository's `theme/` file for file, and used as the
    /// site's theme builds the same bytes. (Without images, which the browser tests cover: three
    /// builds with them would launch Chromium over a hundred times.)
    @Test func ejectedThemeBuildsTheSameSite() throws {
        let folder = try Fixtures.temporaryFolder()
        let content = Fixtures.repositoryRoot.appendingPathComponent("content").path
        let theme = folder.appendingPathComponent("theme")
        func run(_ arguments: [String]) throws -> Run {
            try self.run(arguments.first == "build" ? arguments + ["--no-images"] : arguments)
        }
        let builtIn = try run(["build", "--content", content, "--theme", theme.path, "--output", folder.appendingPathComponent("a").path])
        #expect(builtIn.status == 0, "\(builtIn.errors)")
        let eject = try run(["theme", "eject", "--theme", theme.path])
        #expect(eject.status == 0, "\(eject.errors)")
        #expect(FileManager.default.fileExists(atPath: theme.appendingPathComponent("templates/base.mustache").path))
        #expect(try Fixtures.snapshot(of: theme) == (try Fixtures.snapshot(of: Fixtures.repositoryRoot.appendingPathComponent("theme"))))
        let ejected = try run(["build", "--content", content, "--theme", theme.path, "--output", folder.appendingPathComponent("b").path])
        #expect(ejected.status == 0, "\(ejected.errors)")
        let first = try Fixtures.snapshot(of: folder.appendingPathComponent("a"))
        #expect(first.count > 300)
        #expect(first == (try Fixtures.snapshot(of: folder.appendingPathComponent("b"))))
        // And the same as the repository's theme folder, which the built-in theme is made from.
        let repository = try run(["build", "--content", content, "--theme", Fixtures.repositoryRoot.appendingPathComponent("theme").path,
                                  "--output", folder.appendingPathComponent("c").path])
        #expect(repository.status == 0, "\(repository.errors)")
        #expect(first == (try Fixtures.snapshot(of: folder.appendingPathComponent("c"))))
    }

    /// Without a site, the command says what it expected and how to start, with no line and column.
    @Test func missingSiteSaysHowToStart() throws {
        let folder = try Fixtures.temporaryFolder()
        let missing = try run(["build", "--content", folder.appendingPathComponent("content").path,
                               "--output", folder.appendingPathComponent("site").path])
        #expect(missing.status == 1)
        let first = missing.errors.split(separator: "\n").first.map(String.init) ?? ""
        #expect(first.hasPrefix(folder.appendingPathComponent("content").path + ": error: no content folder here"), "\(first)")
        #expect(first.contains("outreach init"))
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("content"), withIntermediateDirectories: true)
        let noSite = try run(["build", "--content", folder.appendingPathComponent("content").path,
                              "--output", folder.appendingPathComponent("site").path])
        #expect(noSite.errors.hasPrefix(folder.appendingPathComponent("content/site.yaml").path + ": error: "), "\(noSite.errors)")
        #expect(noSite.errors.contains("outreach init"))
    }

    @Test func errorsUseTheCompilerFormatAndExitOne() throws {
        let site = Fixtures.url("Invalid/several-problems")
        let output = try Fixtures.temporaryFolder().appendingPathComponent("site")
        let result = try run(["build", "--content", site.appendingPathComponent("content").path,
                              "--theme", Fixtures.url("Sites/basic/theme").path, "--output", output.path])
        #expect(result.status == 1)
        let errorLines = result.errors.split(separator: "\n").filter { $0.contains(": error: ") }
        #expect(errorLines.count == 5)
        let pattern = try Regex(#"^.+/content/[^:]+\.md:\d+:\d+: error: .+$"#)
        for line in errorLines {
            #expect(line.wholeMatch(of: pattern) != nil, "\(line)")
        }
        #expect(result.errors.contains("about.md:3:20: error: unknown hotline id '999'"))
        #expect(!FileManager.default.fileExists(atPath: output.path))
    }

    /// `check --format json` for continuous integration: every problem with its position, exit 1.
    @Test func checkReportsJSONForContinuousIntegration() throws {
        let site = Fixtures.url("Invalid/several-problems")
        let result = try run(["check", "--format", "json", "--content", site.appendingPathComponent("content").path,
                              "--theme", Fixtures.url("Sites/basic/theme").path])
        #expect(result.status == 1)
        struct Report: Decodable {
            struct Item: Decodable, Equatable {
                var file: String, line: Int, column: Int, severity: String, message: String
            }
            var diagnostics: [Item]
        }
        let report = try JSONDecoder().decode(Report.self, from: Data(result.output.utf8))
        let about = report.diagnostics.filter { $0.file.hasSuffix("/content/about.md") }
        #expect(about.contains { $0.line == 6 && $0.column == 5 && $0.severity == "error" && $0.message.contains("nowhere.md") })
        #expect(about.contains { $0.line == 6 && $0.column == 31 && $0.message.contains("img/none.png") })
        #expect(about.contains { $0.line == 3 && $0.column == 20 && $0.message.hasPrefix("unknown hotline id '999'") })
        #expect(report.diagnostics.filter { $0.severity == "error" }.count == 5)
    }
}
