import Foundation
import Testing
import TestSupport
@testable import OutreachKit

@Suite struct PageWeightTests {
    /// The campaign fixture with `site.yaml` ending in `extra`.
    func site(appending extra: String) throws -> URL {
        let folder = try Fixtures.temporaryFolder().appendingPathComponent("campaign")
        try FileManager.default.copyItem(at: Fixtures.url("Sites/campaign"), to: folder)
        let config = folder.appendingPathComponent("content/site.yaml")
        try Data((try String(contentsOf: config, encoding: .utf8) + extra).utf8).write(to: config)
        return folder
    }

    func build(_ site: URL, strict: Bool = false) async throws -> BuildReport {
        await Fixtures.build(site: site, output: try Fixtures.temporaryFolder().appendingPathComponent("site"), strict: strict,
                             theme: Fixtures.repositoryRoot.appendingPathComponent("theme"))
    }

    @Test func pagesUnderTheDefaultLimitGiveNoWarning() async throws {
        let report = try await build(Fixtures.url("Sites/campaign"))
        #expect(report.succeeded)
        #expect(!report.diagnostics.contains { if case .pageTooHeavy = $0.reason { true } else { false } })
    }

    /// A quiz set loads quiz.js and quiz.css besides the page's own: over a low limit, each of its
    /// pages is a warning at the start of the quiz's file, and `--strict` stops the build.
    @Test func heavyPagesWarnAtTheirSourceAndFailUnderStrict() async throws {
        let site = try site(appending: "pageWeightLimit: 9000\n")
        let report = try await build(site)
        #expect(report.succeeded)
        let heavy = report.diagnostics.compactMap { diagnostic -> (String, Int, String)? in
            guard case .pageTooHeavy(let page, let weight, let limit) = diagnostic.reason else { return nil }
            #expect(limit == 9000)
            #expect(weight > limit)
            #expect(diagnostic.severity == .warning)
            return (page, weight, Fixtures.describe([diagnostic], relativeTo: site)[0])
        }
        let quizPages = ["/campaign/en/quiz/basics/", "/campaign/en/quiz/basics/2/", "/campaign/vi/quiz/basics/", "/campaign/vi/quiz/basics/2/"]
        #expect(Set(quizPages).isSubset(of: heavy.map(\.0)), "\(heavy.map(\.0))")
        for (page, _, line) in heavy where quizPages.contains(page) {
            #expect(line.hasPrefix("content/quizzes/basics.yaml:1:1: warning: pageTooHeavy"), "\(line)")
        }
        #expect(!heavy.map(\.0).contains("/campaign/en/"), "the home page loads no quiz script")

        let strict = try await build(site, strict: true)
        #expect(!strict.succeeded)

        let options = BuildOptions(contentFolder: site.appendingPathComponent("content").path,
                                   themeFolder: Fixtures.repositoryRoot.appendingPathComponent("theme").path)
        let checked = await SiteBuilder(options: options).check().filter { if case .pageTooHeavy = $0.reason { true } else { false } }
        #expect(Set(checked) == Set(report.diagnostics.filter { if case .pageTooHeavy = $0.reason { true } else { false } }))
    }

    @Test func invalidSettingsAreReportedAtTheirLine() async throws {
        let site = try site(appending: "pageWeightLimit: 0\noffline: [no-such-page]\napp:\n  themeColor: blue\n")
        let report = try await build(site)
        #expect(!report.succeeded)
        #expect(Fixtures.describe(report.diagnostics, relativeTo: site) == [
            "content/site.yaml:11:18: error: invalidValue(field: \"pageWeightLimit\", value: \"0\", expected: \"a number of bytes above 0\")",
            "content/site.yaml:12:11: error: unknownReference(kind: \"offline page\", id: \"no-such-page\")",
            "content/site.yaml:14:15: error: invalidValue(field: \"themeColor\", value: \"blue\", expected: \"a colour written #rrggbb\")",
        ])
    }

    @Test func stylesheetsAndScriptsAreFoundAbsoluteAndRelative() throws {
        let config = SiteConfig(title: .init(), baseURL: "https://example.org/campaign/", defaultLanguage: .init("en")!,
                                languages: [], allowsUnsafeHTML: false)
        let theme = Theme(library: .init(), templateFiles: [:], strings: [:], assets: [
            AssetFile(relativePath: "style.css", bytes: Array(String(repeating: "a{}", count: 100).utf8)),
            AssetFile(relativePath: "quiz.js", bytes: Array("let x = 1;".utf8)),
        ])
        let weigher = PageWeigher(theme: theme, config: config)
        let html = """
            <link rel="stylesheet" href="/campaign/assets/style.css"><link rel="manifest" href="/campaign/en/manifest.webmanifest">
            <script type="module" src="../../../assets/quiz.js"></script><script src="https://elsewhere.example/x.js"></script>
            <link rel="alternate" href="/campaign/en/atom.xml"><script src="/other/site.js"></script>
            """
        #expect(weigher.loadedFiles(in: html, at: "en/posters/signs/index.html") == ["assets/style.css", "assets/quiz.js"])
        let weight = weigher.weight(of: html, at: "en/posters/signs/index.html", compressedSize: 100)
        #expect(weight == 100 + weigher.assetSizes["assets/style.css"]! + weigher.assetSizes["assets/quiz.js"]!)
    }
}
