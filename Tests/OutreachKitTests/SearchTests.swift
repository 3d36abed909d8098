import CampaignModel
import Foundation
import Testing
import TestSupport
@testable import OutreachKit

/// The search page in the model and renderer, the build's search step, and the text Pagefind is
/// given for Chinese and Thai.
@Suite struct SearchPageTests {
    static let pages = [
        "_index.md": "---\ntitle: Home\n---\nWelcome.",
        "help.md": "---\ntitle: Help\n---\nCall 1955.",
        "help.vi.md": "---\ntitle: Trợ giúp\n---\nGọi 1955.",
        "guides/_index.md": "---\ntitle: Guides\n---\n",
        "guides/prevention.md": "---\ntitle: Prevention\n---\nText.",
    ]
    static let title = Localized<String>([LanguageCode("en")!: "Search", LanguageCode("vi")!: "Tìm kiếm"])

    @Test func generatedInEveryLanguageTheThemeTitlesIt() throws {
        let site = InlineSite(Self.pages, searchTitle: Self.title)
        #expect(site.diagnostics.isEmpty, "\(site.diagnostics)")
        let group = try #require(site.model.group(.search))
        guard case .search = group.kind else { Issue.record("kind is \(group.kind)"); return }
        #expect(group.path(in: LanguageCode("vi")!).url(in: site.model.config) == "/campaign/vi/search/")
        #expect(group.isAvailable(in: LanguageCode("vi")!))
        let (template, page) = site.view("search", in: "vi")
        #expect(template == "search")
        #expect(page.title == "Tìm kiếm")
        #expect(page.isSearchable == false)
        guard case .search(let search) = page.special else { Issue.record("no search view"); return }
        #expect(search.bundlePath == "/campaign/pagefind/")
        #expect(search.sections.map(\.url) == ["/campaign/vi/guides/"])
    }

    @Test func notListedAmongTheHomePagesChildren() throws {
        let site = InlineSite(Self.pages, searchTitle: Self.title)
        let home = try #require(site.model.group("_index"))
        #expect(!home.children.map { site.model.groups[$0].key }.contains("search"))
    }

    @Test func noSearchPageWithoutTheThemesSearchTemplate() {
        let site = InlineSite(Self.pages)
        #expect(site.model.group(.search) == nil)
    }

    @Test func pagesShownUntranslatedAreNotIndexedAgain() {
        let site = InlineSite(Self.pages, searchTitle: Self.title)
        #expect(site.view("help", in: "vi").page.isSearchable)
        #expect(site.view("guides/prevention", in: "en").page.isSearchable)
        #expect(!site.view("guides/prevention", in: "vi").page.isSearchable)
    }
}

/// A stand-in for Pagefind that records the folder it was given and writes a file there.
struct RecordingIndexer: SearchIndexer {
    var problem: String?

    func index(siteFolder folder: URL) -> [String] {
        let sawPages = FileManager.default.fileExists(atPath: folder.appendingPathComponent("en/index.html").path)
        try? FileManager.default.createDirectory(at: folder.appendingPathComponent("pagefind"), withIntermediateDirectories: true)
        try? Data((sawPages ? "complete" : "incomplete").utf8).write(to: folder.appendingPathComponent("pagefind/state"))
        return problem.map { [$0] } ?? []
    }
}

@Suite struct SearchIndexingTests {
    let site = Fixtures.url("Sites/campaign")
    let theme = Fixtures.repositoryRoot.appendingPathComponent("theme")

    func options(output: URL, indexer: (any SearchIndexer)?) -> BuildOptions {
        BuildOptions(contentFolder: site.appendingPathComponent("content").path, themeFolder: theme.path,
                     outputFolder: output.path, searchIndexer: indexer)
    }

    @Test func withoutAnIndexerEverythingElseIsBuiltAndTheReportSaysSo() async throws {
        let output = try Fixtures.temporaryFolder().appendingPathComponent("site")
        let report = await SiteBuilder(options: options(output: output, indexer: nil)).build()
        #expect(report.succeeded)
        #expect(report.diagnostics.isEmpty)
        // No image renderer in these options either, which the report also notes.
        #expect(report.notes == [.searchSkipped, .imagesSkipped])
        #expect(FileManager.default.fileExists(atPath: output.appendingPathComponent("en/search/index.html").path))
    }

    @Test func theIndexerRunsOnTheCompleteSiteBeforeItIsSwappedIn() async throws {
        let output = try Fixtures.temporaryFolder().appendingPathComponent("site")
        let report = await SiteBuilder(options: options(output: output, indexer: RecordingIndexer())).build()
        #expect(report.succeeded)
        #expect(report.notes == [.imagesSkipped])
        let state = try String(contentsOf: output.appendingPathComponent("pagefind/state"), encoding: .utf8)
        #expect(state == "complete")
    }

    @Test func aFailedIndexFailsTheBuildAndLeavesThePublishedSite() async throws {
        let output = try Fixtures.temporaryFolder().appendingPathComponent("site")
        #expect(await SiteBuilder(options: options(output: output, indexer: nil)).build().succeeded)
        let before = try Fixtures.snapshot(of: output)
        let report = await SiteBuilder(options: options(output: output, indexer: RecordingIndexer(problem: "boom"))).build()
        #expect(!report.succeeded)
        #expect(report.diagnostics.map(\.reason) == [.writeFailed("cannot build the search index: boom")])
        #expect(try Fixtures.snapshot(of: output) == before)
    }
}

@Suite struct SpacedTextTests {
    @Test func spacesCharactersOfUnspacedScriptsOnly() {
        #expect(SpacedText.spaced("警察局 ARC card") == "警 察 局 ARC card")
        #expect(SpacedText.spaced("<p>護照被扣？</p>") == "<p>護 照 被 扣？</p>")
        #expect(SpacedText.spaced("Vietnamese: hộ chiếu") == "Vietnamese: hộ chiếu")
    }

    @Test func keepsThaiGraphemesWhole() {
        #expect(SpacedText.spaced("ผู้เสียหาย") == "ผู้ เ สี ย ห า ย")
    }

    @Test func marksTheOriginalsSpacesBetweenTwoSuchCharacters() {
        #expect(SpacedText.spaced("ช่วย  ฟรี") == "ช่ ว ย\u{3000}ฟ รี")
        #expect(SpacedText.spaced("ฟรี ok") == "ฟ รี ok")
        #expect(SpacedText.spaced("</li>\n<li>") == "</li>\n<li>")
    }

    @Test func appliesToTheLanguagesPagefindSegments() {
        #expect(SpacedText.applies(toLanguage: "zh-TW"))
        #expect(SpacedText.applies(toLanguage: "th"))
        #expect(SpacedText.applies(toLanguage: "ja"))
        #expect(!SpacedText.applies(toLanguage: "fil"))
        #expect(!SpacedText.applies(toLanguage: "vi"))
    }
}
