import CampaignModel
import Foundation
import Testing
import TestSupport
@testable import OutreachKit

@Suite struct TranslationReportTests {
    /// A site with one page in four states: vi reviewed from the current original, de reviewed
    /// from an older one, fr a draft, and no id translation.
    func makeSite(vietnameseHash: String) throws -> URL {
        let content = try Fixtures.temporaryFolder().appendingPathComponent("content")
        try FileManager.default.createDirectory(at: content, withIntermediateDirectories: true)
        let site = """
            title: {en: T}
            baseURL: https://example.org/
            defaultLanguage: en
            languages: [{code: en, name: English}, {code: vi, name: Tiếng Việt}, {code: de, name: Deutsch},
                        {code: fr, name: Français}, {code: id, name: Bahasa Indonesia}]
            """
        let files = [
            "site.yaml": site,
            "page.md": "---\ntitle: Page\n---\nThe original text.\n",
            "page.vi.md": "---\ntitle: Trang\ntranslation: reviewed\ntranslationOf: \(vietnameseHash)\n---\nVăn bản.\n",
            "page.de.md": "---\ntitle: Seite\ntranslation: reviewed\ntranslationOf: 0000000000000000\n---\nText.\n",
            "page.fr.md": "---\ntitle: Page\ntranslation: draft\n---\nTexte.\n",
        ]
        for (name, text) in files {
            try Data(text.utf8).write(to: content.appendingPathComponent(name))
        }
        return content
    }

    @Test func reportsMissingDraftOutdatedAndReviewed() async throws {
        let hash = ContentHash.of(PageSource(
            file: SourceFile(relativePath: "page.md", displayPath: "page.md", text: ""), key: "page",
            language: LanguageCode("en")!,
            frontMatter: PageFrontMatter(title: "Page", description: nil, date: nil, isDraft: false, weight: nil, slug: nil,
                                         slugLocation: nil, translation: nil, translationOf: nil, hotlines: []),
            body: "The original text.\n", bodyLineOffset: 3))
        // 64-bit FNV-1a of "Page\nThe original text.\n": translators copy these hashes into their
        // files, so the function may never change.
        #expect(hash == "95fc370245aaa001")
        let content = try makeSite(vietnameseHash: hash)
        let builder = SiteBuilder(options: BuildOptions(contentFolder: content.path, themeFolder: Fixtures.url("Sites/basic/theme").path))
        let (report, _) = await builder.translationReport()
        let row = try #require(report?.rows.first { $0.page == "page.md" })
        #expect(row.originalHash == hash)
        #expect(row.states.map { "\($0.language)=\($0.state.rawValue)" } == [
            "en=original", "vi=reviewed", "de=outdated", "fr=draft", "id=missing",
        ])
    }
}
