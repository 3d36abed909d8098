import Foundation
import Testing
import TestSupport
@testable import OutreachKit

/// `serve`'s incremental rebuilds: an edit re-renders only what it affects, and the output is
/// always what a full build of the same files writes.
@Suite struct LiveSiteTests {
    /// A copy of the real site to edit, its live output folder, and a folder for full builds.
    struct Workspace {
        let content: URL
        let output: URL
        let fresh: URL
        var options: BuildOptions {
            BuildOptions(contentFolder: content.path, themeFolder: Fixtures.repositoryRoot.appendingPathComponent("theme").path,
                         outputFolder: output.path)
        }

        init() throws {
            let folder = try Fixtures.temporaryFolder()
            content = folder.appendingPathComponent("content")
            output = folder.appendingPathComponent("site")
            fresh = folder.appendingPathComponent("fresh")
            try FileManager.default.copyItem(at: Fixtures.repositoryRoot.appendingPathComponent("content"), to: content)
        }

        /// A live site of this workspace after its first, full build.
        func builtSite() async -> LiveSite {
            var site = LiveSite(options: options)
            let first = await site.update()
            #expect(first.report.succeeded && !first.isIncremental, "\(first.report.diagnostics)")
            return site
        }

        /// The path of a content file as the watcher names it.
        func path(_ relative: String) -> Set<String> { [content.path + "/" + relative] }

        func edit(_ relative: String, _ change: (String) -> String) throws {
            let url = content.appendingPathComponent(relative)
            try change(String(decoding: try Data(contentsOf: url), as: UTF8.self)).write(to: url, atomically: true, encoding: .utf8)
        }

        /// The output of a full build of the content as it is now, from scratch.
        func fullBuild() async throws -> [String: Data] {
            var options = options
            options.outputFolder = fresh.path
            let report = await SiteBuilder(options: options).build()
            #expect(report.succeeded, "\(report.diagnostics)")
            return try Fixtures.snapshot(of: fresh)
        }
    }

    let pamphlet = "pamphlets/migrant-worker-rights.md"

    @Test func bodyEditRendersOnlyThatPageAndMatchesAFullBuild() async throws {
        let workspace = try Workspace()
        var site = await workspace.builtSite()
        let before = try Fixtures.snapshot(of: workspace.output)

        // The original's text: its page in every language (untranslated ones fall back to it, and
        // the bilingual print pages show it), and the translation report, which hashes the text.
        try workspace.edit(pamphlet) { $0 + "\nA sentence added while previewing.\n" }
        let update = await site.update(changedPaths: workspace.path(pamphlet))
        #expect(update.isIncremental)
        #expect(update.report.succeeded, "\(update.report.diagnostics)")
        let languages = update.report.languages.count
        #expect(languages == 6)
        #expect(update.report.filesWritten == languages * 2 + 1, "page and bilingual page per language, and the report")

        let after = try Fixtures.snapshot(of: workspace.output)
        #expect(after == (try await workspace.fullBuild()))
        // Each changed file's brotli and gzip copies change with it, and are not counted as written.
        let changed = Set(after.keys.filter { after[$0] != before[$0] && !Snapshot.isPrecompressedCopy($0, in: after) })
        #expect(changed.contains("zh-tw/pamphlets/migrant-worker-rights/index.html"))
        #expect(changed.contains("vi/pamphlets/migrant-worker-rights/bilingual/index.html"))
        #expect(changed.contains("translations.html"), "the report shows the original's new hash")
        #expect(changed.count <= update.report.filesWritten)
    }

    /// A translation's edit writes its own pages (the Vietnamese page and its bilingual print page)
    /// and the translation report, whose row counts the translation's blocks.
    @Test func translationEditUpdatesItsReportRow() async throws {
        let workspace = try Workspace()
        var site = await workspace.builtSite()
        let translation = "pamphlets/migrant-worker-rights.vi.md"
        try workspace.edit(translation) { $0 + "\nMột câu mới.\n" }
        let update = await site.update(changedPaths: workspace.path(translation))
        #expect(update.isIncremental)
        #expect(update.report.succeeded, "\(update.report.diagnostics)")
        // The report's row shows the share of the page's blocks translated, which the edit changed.
        #expect(update.report.filesWritten == 6 * 2 + 1, "every language's page and bilingual page, and the report")
        #expect(try Fixtures.snapshot(of: workspace.output) == (try await workspace.fullBuild()))
    }

    /// A department's sections also appear in its campaigns' reports, so editing them rebuilds those.
    @Test func departmentSectionEditUpdatesTheReport() async throws {
        let workspace = try Workspace()
        var site = await workspace.builtSite()
        let department = "departments/health.en.md"
        try workspace.edit(department) {
            $0.replacingOccurrences(of: "## Caring for victims\n", with: "## Caring for victims\n\nAn edited sentence.\n")
        }
        let update = await site.update(changedPaths: workspace.path(department))
        #expect(!update.isIncremental)
        #expect(update.report.succeeded, "\(update.report.diagnostics)")
        let report = try String(contentsOf: workspace.output.appendingPathComponent("en/campaigns/new-taipei-2022-h1/report/index.html"),
                                encoding: .utf8)
        #expect(report.contains("An edited sentence."))
        #expect(try Fixtures.snapshot(of: workspace.output) == (try await workspace.fullBuild()))
    }

    @Test func frontMatterEditBuildsTheWholeSite() async throws {
        let workspace = try Workspace()
        var site = await workspace.builtSite()
        // A title shows in menus, section lists and breadcrumbs of other pages.
        try workspace.edit("help.en.md") { $0.replacingOccurrences(of: "title: ", with: "title: Edited ") }
        let update = await site.update(changedPaths: workspace.path("help.en.md"))
        #expect(!update.isIncremental)
        #expect(update.report.succeeded, "\(update.report.diagnostics)")
        #expect(try Fixtures.snapshot(of: workspace.output) == (try await workspace.fullBuild()))
    }

    /// A page kept for use offline is hashed into its language's service worker, so an edit of
    /// its text rebuilds the whole site, and the worker's cache name changes.
    @Test func offlinePageEditBuildsTheWholeSiteAndRenamesTheCache() async throws {
        let workspace = try Workspace()
        var site = await workspace.builtSite()
        let before = try Fixtures.snapshot(of: workspace.output)
        try workspace.edit("help.vi.md") { $0 + "\nThêm một câu.\n" }
        let update = await site.update(changedPaths: workspace.path("help.vi.md"))
        #expect(!update.isIncremental)
        #expect(update.report.succeeded, "\(update.report.diagnostics)")
        let after = try Fixtures.snapshot(of: workspace.output)
        #expect(after == (try await workspace.fullBuild()))
        #expect(after["vi/sw.js"] != before["vi/sw.js"])
        #expect(after["en/sw.js"] == before["en/sw.js"], "other languages keep their cache")
    }

    @Test func brokenEditKeepsTheLastGoodSiteThenRecovers() async throws {
        let workspace = try Workspace()
        var site = await workspace.builtSite()
        let before = try Fixtures.snapshot(of: workspace.output)

        try workspace.edit(pamphlet) { $0 + "\nSee [the form](no-such-page.md).\n" }
        let broken = await site.update(changedPaths: workspace.path(pamphlet))
        #expect(broken.isIncremental)
        #expect(!broken.report.succeeded)
        let lines = try String(contentsOf: workspace.content.appendingPathComponent(pamphlet), encoding: .utf8)
            .split(separator: "\n", omittingEmptySubsequences: false).count - 1
        #expect(Fixtures.describe(broken.report.diagnostics, relativeTo: workspace.content)
            .contains { $0.hasPrefix("\(pamphlet):\(lines):5: error:") }, "\(broken.report.diagnostics)")
        #expect(try Fixtures.snapshot(of: workspace.output) == before)

        // The next change, even to another page, tries the broken page again.
        try workspace.edit(pamphlet) { $0.replacingOccurrences(of: "no-such-page.md", with: "../help.md") }
        try workspace.edit("about.vi.md") { $0 + "\nThêm một câu.\n" }
        let fixed = await site.update(changedPaths: workspace.path("about.vi.md"))
        #expect(fixed.isIncremental)
        #expect(fixed.report.succeeded, "\(fixed.report.diagnostics)")
        #expect(try Fixtures.snapshot(of: workspace.output) == (try await workspace.fullBuild()))
    }

    @Test func otherChangesBuildTheWholeSite() async throws {
        let workspace = try Workspace()
        var site = await workspace.builtSite()
        try workspace.edit("hotlines.yaml") { $0 + "\n" }
        #expect(await !site.update(changedPaths: workspace.path("hotlines.yaml")).isIncremental)
        try "---\ntitle: New\n---\nNew page.\n".write(to: workspace.content.appendingPathComponent("new.md"), atomically: true, encoding: .utf8)
        let added = await site.update(changedPaths: workspace.path("new.md"))
        #expect(!added.isIncremental)
        #expect(FileManager.default.fileExists(atPath: workspace.output.appendingPathComponent("zh-tw/new/index.html").path))
    }
}
