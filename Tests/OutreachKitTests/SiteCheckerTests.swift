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

    /// Links into the site in every form they can be written: a `.md` file, a site address, an
    /// absolute URL on `baseURL`; each to a page that does not exist, and each with an anchor that
    /// the page does not have. Links out of the site and to files the build writes are fine.
    @Test func findsBrokenLinksAndAnchorsInEveryForm() async throws {
        let folder = try Fixtures.temporaryFolder()
        let content = folder.appendingPathComponent("content")
        try FileManager.default.copyItem(at: Fixtures.url("Sites/basic/content"), to: content)
        let page = """
            ---
            title: Links
            ---
            [a](about.md#team) [b](about.md#nowhere) [c](no-such-page.md)
            [d](/campaign/en/about/#team) [e](/campaign/en/about/#nowhere) [f](/campaign/en/no-such-page/)
            [g](https://fixture.example.org/campaign/vi/about/#nowhere) [h](https://fixture.example.org/campaign/en/gone/)
            [i](/campaign/en/about) [j](/campaign/events.json) [k](https://example.org/elsewhere/) [l](/other-site/)
            [m](HTTPS://FIXTURE.example.org/campaign/en/guide/first/#nope)

            """
        try Data(page.utf8).write(to: content.appendingPathComponent("links.md"))
        let problems = await check(folder).filter { $0.hasPrefix("content/links.md") }
        #expect(problems == [
            // The Vietnamese about page calls its heading "Nhóm": Vietnamese readers of this
            // (untranslated) page would land on no heading.
            "content/links.md:4:1: error: missingAnchor(url: \"about.md#team\", language: \"vi\")",
            "content/links.md:4:20: error: missingAnchor(url: \"about.md#nowhere\", language: \"en\")",
            "content/links.md:4:42: error: brokenLink(\"no-such-page.md\")",
            "content/links.md:5:31: error: missingAnchor(url: \"/campaign/en/about/#nowhere\", language: \"en\")",
            "content/links.md:5:64: error: brokenLink(\"/campaign/en/no-such-page/\")",
            "content/links.md:6:1: error: missingAnchor(url: \"https://fixture.example.org/campaign/vi/about/#nowhere\", language: \"vi\")",
            "content/links.md:6:61: error: brokenLink(\"https://fixture.example.org/campaign/en/gone/\")",
            "content/links.md:8:1: error: missingAnchor(url: \"HTTPS://FIXTURE.example.org/campaign/en/guide/first/#nope\", language: \"en\")",
        ])
    }

    /// Two Markdown links to a page count as links to it; a page that only links to itself does not.
    @Test func aPageLinkedFromMarkdownIsLinked() async throws {
        let folder = try Fixtures.temporaryFolder()
        let content = folder.appendingPathComponent("content")
        try FileManager.default.copyItem(at: Fixtures.url("Sites/basic/content"), to: content)
        try Data("---\ntitle: Talk list\n---\n[talk](events/2022-03-16-talk.md)\n".utf8)
            .write(to: content.appendingPathComponent("talks.md"))
        let problems = await check(folder)
        #expect(!problems.contains { $0.hasPrefix("content/events/2022-03-16-talk.md") })
    }
}
