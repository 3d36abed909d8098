import Foundation
import Testing
import TestSupport
@testable import OutreachKit

@Suite struct SiteCheckerTests {
    func check(_ site: URL) async -> [String] {
        let options = BuildOptions(contentFolder: site.appendingPathComponent("content").path,
                                   themeFolder: Fixtures.url("Sites/basic/theme").path)
        return Fixtures.describe(await SiteBuilder(options: options).check(), relativeTo: site)
    }

    /// guide/first.md links to about.md#team. The English about page has a "Team" heading; the
    /// Vietnamese one calls it "Nhóm", so the link breaks for Vietnamese readers only.
    @Test func findsAnAnchorMissingInOneLanguage() async {
        #expect(await check(Fixtures.url("Sites/basic")).contains(
            "content/guide/first.md:5:9: error: missingAnchor(url: \"../about.md#team\", language: \"vi\")"))
    }

    /// The basic fixture's minimal theme lists no events on its events page, so the event's page is
    /// reachable only by its address, in both languages (its Vietnamese page links to the English
    /// one through the language links, which does not count).
    @Test func findsPagesNoOtherPageLinksTo() async {
        #expect(await check(Fixtures.url("Sites/basic")) == [
            "content/events/2022-03-16-talk.md:1:1: warning: notLinked(languages: \"en, vi\")",
            "content/guide/first.md:5:9: error: missingAnchor(url: \"../about.md#team\", language: \"vi\")",
        ])
    }

    /// The real theme lists every page in its section and every section in the menu.
    @Test func theRealSiteHasNoUnlinkedPages() async {
        let options = BuildOptions(contentFolder: Fixtures.repositoryRoot.appendingPathComponent("content").path,
                                   themeFolder: Fixtures.repositoryRoot.appendingPathComponent("theme").path)
        let diagnostics = await SiteBuilder(options: options).check()
        #expect(diagnostics.isEmpty, "\(diagnostics)")
    }

    @Test func reportsEverythingTheBuildReportsWithPositions() async {
        let problems = await check(Fixtures.url("Invalid/several-problems"))
        #expect(problems.contains("content/about.md:6:5: error: brokenLink(\"nowhere.md\")"))
        #expect(problems.contains("content/about.md:6:31: error: missingImage(\"img/none.png\")"))
        #expect(problems.contains("content/about.md:3:20: error: unknownHotline(\"999\")"))
    }

    @Test func findsAnchorsOnTheSamePageToo() async throws {
        let folder = try Fixtures.temporaryFolder()
        let content = folder.appendingPathComponent("content")
        try FileManager.default.copyItem(at: Fixtures.url("Sites/basic/content"), to: content)
        try Data("---\ntitle: Anchors\n---\n## Here\n\n[fine](#here) [broken](#there)\n".utf8)
            .write(to: content.appendingPathComponent("anchors.md"))
        let problems = await check(folder)
        #expect(problems.filter { $0.contains("anchors.md") } == [
            "content/anchors.md:6:15: error: missingAnchor(url: \"#there\", language: \"en\")",
        ])
    }
}
