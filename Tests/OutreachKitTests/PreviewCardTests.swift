import CampaignModel
import Testing
@testable import OutreachKit

/// Preview cards (Open Graph): locales, the card image's real size, and what each page says.
@Suite struct PreviewCardTests {
    /// The first 24 bytes of a PNG of `width` x `height`: signature, then the IHDR chunk's length,
    /// type, width and height.
    static func pngHeader(width: UInt32, height: UInt32) -> [UInt8] {
        func bigEndian(_ value: UInt32) -> [UInt8] { (0..<4).map { UInt8(truncatingIfNeeded: value >> (24 - 8 * $0)) } }
        return [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A] + bigEndian(13) + Array("IHDR".utf8)
            + bigEndian(width) + bigEndian(height) + [8, 2, 0, 0, 0]
    }

    @Test func aPNGsSizeIsReadFromItsHeader() {
        #expect(ImageSize(png: Self.pngHeader(width: 512, height: 512)) == ImageSize(width: 512, height: 512))
        #expect(ImageSize(png: Self.pngHeader(width: 1200, height: 630)) == ImageSize(width: 1200, height: 630))
        #expect(ImageSize(png: Array("GIF89a and then some more bytes".utf8)) == nil)
        #expect(ImageSize(png: Array(Self.pngHeader(width: 1, height: 1).prefix(20))) == nil)
    }

    @Test(arguments: [("zh-TW", "zh_TW"), ("en", "en_US"), ("vi", "vi_VN"), ("id", "id_ID"), ("th", "th_TH"),
                      ("fil", "fil_PH"), ("pt-BR", "pt_BR"), ("zh-Hant-TW", "zh_TW"), ("xx", "xx")])
    func languagesHaveTheirOpenGraphLocale(code: String, locale: String) {
        #expect(LanguageCode(code)!.openGraphLocale == locale)
    }

    @Test func aLongDescriptionIsCutAtAWordOrPunctuationForTheCard() {
        #expect(PreviewText.shortened("Short enough.") == "Short enough.")
        let words = String(repeating: "word ", count: 40)
        let cut = PreviewText.shortened(words)
        #expect(cut.hasSuffix("word…"))
        #expect(cut.count <= PreviewText.limit + 1)
        // Chinese has no spaces: cut after the last punctuation that keeps half.
        let chinese = String(repeating: "勞動條件，", count: 30)
        #expect(PreviewText.shortened(chinese) == String(repeating: "勞動條件，", count: 16).dropLast() + "…")
        // Text without any break is cut at the limit.
        #expect(PreviewText.shortened(String(repeating: "ก", count: 200)) == String(repeating: "ก", count: 80) + "…")
    }

    @Test func aPageListsTheLocalesOfItsRealTranslationsOnly() {
        let site = InlineSite(["_index.md": "---\ntitle: Home\n---\n", "_index.vi.md": "---\ntitle: Trang chủ\n---\n",
                               "help.md": "---\ntitle: Help\n---\n", "help.vi.md": "---\ntitle: Trợ giúp\n---\n",
                               "about.md": "---\ntitle: About\n---\n"])
        #expect(site.view("help").page.localeAlternates == ["vi_VN"])
        #expect(site.view("help", in: "vi").page.localeAlternates == ["en_US"])
        #expect(site.view("help").page.openGraphType == "article")
        #expect(site.view("_index").page.openGraphType == "website")
        // The Vietnamese about page is the English one, shown untranslated: no translation to name.
        #expect(site.view("about").page.localeAlternates.isEmpty)
        #expect(site.view("about", in: "vi").page.localeAlternates.isEmpty)
    }

    @Test func theSiteCardIsTheThemesIconAtItsRealSizeWithAnAbsoluteAddress() {
        let site = InlineSite(["help.md": "---\ntitle: Help\n---\n"])
        var diagnostics: [Diagnostic] = []
        let icon = Self.pngHeader(width: 512, height: 500) + [0, 0, 0, 0]
        let theme = Theme.load(templates: InlineSite.templates, i18n: [], assets: [AssetFile(relativePath: "icons/icon-512.png", bytes: icon)],
                               config: site.model.config, diagnostics: &diagnostics)
        let renderer = PageRenderer(model: site.model, theme: theme)
        let card = renderer.context.data(for: LanguageCode("vi")!).view.shareImage
        #expect(card?.src == "https://example.org/campaign/assets/icons/icon-512.png")
        #expect(card?.width == 512)
        #expect(card?.height == 500)
        #expect(card?.alt == "Trang thử")
        #expect(renderer.context.data(for: LanguageCode("vi")!).view.openGraphLocale == "vi_VN")

        // A theme without the icon gives no card rather than one naming a missing file.
        #expect(site.renderer.context.defaultData.view.shareImage == nil)
    }
}

/// `/favicon.ico`, copied from the theme's icons to where browsers ask for it.
@Suite struct FaviconTests {
    @Test func theThemesFaviconIsWrittenAtTheTop() {
        let site = InlineSite(["help.md": "---\ntitle: Help\n---\n"])
        var diagnostics: [Diagnostic] = []
        let icon: [UInt8] = [0, 0, 1, 0, 1, 0]
        let withIcon = Theme.load(templates: InlineSite.templates, i18n: [], assets: [AssetFile(relativePath: "icons/favicon.ico", bytes: icon)],
                                  config: site.model.config, diagnostics: &diagnostics)
        let files = FaviconRenderer(theme: withIcon).render()
        #expect(files.map(\.path) == ["favicon.ico"])
        #expect(files.first?.contents == .bytes(icon))

        let without = Theme.load(templates: InlineSite.templates, i18n: [], assets: [], config: site.model.config, diagnostics: &diagnostics)
        #expect(FaviconRenderer(theme: without).render().isEmpty)
    }
}
