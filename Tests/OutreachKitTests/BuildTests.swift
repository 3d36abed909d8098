import Foundation
import Testing
import TestSupport
@testable import OutreachKit

@Suite struct BuildTests {
    let site = Fixtures.url("Sites/basic")

    @Test func matchesGoldenOutput() async throws {
        let output = try Fixtures.temporaryFolder().appendingPathComponent("site")
        let report = await Fixtures.build(site: site, output: output)
        #expect(report.succeeded, "\(report.diagnostics)")
        try Snapshot.assertFolder(output, matches: site.appendingPathComponent("expected"))
    }

    /// A small site with a page of every kind (home, sections, pages, events and their lists,
    /// department, pillar, campaign, poster, pamphlet and its bilingual page, quiz sets), built
    /// with the real theme: every template and fragment the site publishes, byte for byte.
    @Test func realThemeMatchesGoldenOutput() async throws {
        let site = Fixtures.url("Sites/campaign")
        let output = try Fixtures.temporaryFolder().appendingPathComponent("site")
        let theme = Fixtures.repositoryRoot.appendingPathComponent("theme")
        let report = await Fixtures.build(site: site, output: output, theme: theme)
        #expect(report.succeeded, "\(report.diagnostics)")
        #expect(report.diagnostics.isEmpty, "\(report.diagnostics)")
        // The theme's assets are copied as they are; the golden files hold what Outreach writes.
        try Snapshot.assertFolder(output, matches: site.appendingPathComponent("expected"), excluding: ["assets/"])
        let assets = try Fixtures.snapshot(of: output.appendingPathComponent("assets"))
        #expect(assets.filter { !Snapshot.isPrecompressedCopy($0.key, in: assets) }
                == (try Fixtures.snapshot(of: theme.appendingPathComponent("assets"))))
    }

    /// The real site built one page after another, on every core, and on more tasks than cores:
    /// the same bytes each time.
    @Test func parallelBuildsMatchTheSequentialBuildByteForByte() async throws {
        let realContent = Fixtures.repositoryRoot
        var snapshots: [[String: Data]] = []
        for workers in [1, nil, 8] {
            let output = try Fixtures.temporaryFolder().appendingPathComponent("site")
            var options = BuildOptions(contentFolder: realContent.appendingPathComponent("content").path,
                                       themeFolder: realContent.appendingPathComponent("theme").path,
                                       outputFolder: output.path)
            options.workers = workers
            let report = await SiteBuilder(options: options).build()
            #expect(report.succeeded, "\(report.diagnostics)")
            snapshots.append(try Fixtures.snapshot(of: output))
        }
        #expect(snapshots[0].count > 50)
        #expect(snapshots[1] == snapshots[0])
        #expect(snapshots[2] == snapshots[0])
    }

    @Test func failedBuildLeavesPreviousSiteIntact() async throws {
        let output = try Fixtures.temporaryFolder().appendingPathComponent("site")
        let good = await Fixtures.build(site: site, output: output)
        #expect(good.succeeded)
        // A stray file of the user's in the output folder must survive a failed build too.
        try Data("keep me".utf8).write(to: output.appendingPathComponent("stray.txt"))
        let before = try Fixtures.snapshot(of: output)

        let broken = await Fixtures.build(site: Fixtures.url("Invalid/several-problems"), output: output)
        #expect(!broken.succeeded)
        #expect(try Fixtures.snapshot(of: output) == before)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: output.deletingLastPathComponent().path)
        #expect(leftovers == ["site"], "no staging folders left behind")
    }

    @Test func successfulBuildReplacesTheWholeFolder() async throws {
        let output = try Fixtures.temporaryFolder().appendingPathComponent("site")
        try FileManager.default.createDirectory(at: output, withIntermediateDirectories: true)
        try Data("old".utf8).write(to: output.appendingPathComponent("old-page.html"))
        let report = await Fixtures.build(site: site, output: output)
        #expect(report.succeeded)
        #expect(!FileManager.default.fileExists(atPath: output.appendingPathComponent("old-page.html").path))
        #expect(FileManager.default.fileExists(atPath: output.appendingPathComponent("en/index.html").path))
    }

    @Test func warningsFailOnlyUnderStrict() async throws {
        let folder = try Fixtures.temporaryFolder()
        let copy = folder.appendingPathComponent("site-source")
        try FileManager.default.copyItem(at: site, to: copy)
        let page = copy.appendingPathComponent("content/guide/second.md")
        let text = try String(contentsOf: page, encoding: .utf8).replacingOccurrences(of: "weight: 2", with: "weight: 2\ncolour: blue")
        try Data(text.utf8).write(to: page)

        let relaxed = await Fixtures.build(site: copy, output: folder.appendingPathComponent("relaxed"))
        #expect(relaxed.succeeded)
        #expect(Fixtures.describe(relaxed.diagnostics, relativeTo: copy) == [
            "content/guide/second.md:4:1: warning: unknownField(\"colour\")",
        ])
        let strict = await Fixtures.build(site: copy, output: folder.appendingPathComponent("strict"), strict: true)
        #expect(!strict.succeeded)
    }
}
