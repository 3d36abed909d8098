import CampaignModel
import Foundation
import Testing
@testable import OutreachKit

/// E-poster images, preview card choice, the `shareImage` front matter field and the materials page.
@Suite struct EPosterTests {
    static let poster = """
        ---
        title: Warning signs
        message: Call 1955.
        paper: A4
        qr: help
        ---
        - Passport taken
        """
    static let posterVI = "---\ntitle: Dấu hiệu\nmessage: Gọi 1955.\n---\n"
    static let pamphlet = "---\ntitle: Your rights\nformat: trifold\nqr: help\n---\n## One\n"
    static let pages = ["_index.md": "---\ntitle: Home\n---\n", "help.md": "---\ntitle: Help\n---\n",
                        "help.vi.md": "---\ntitle: Trợ giúp\n---\n", "posters/signs.md": poster,
                        "posters/signs.vi.md": posterVI, "pamphlets/rights.md": pamphlet]

    @Test func sheetImagesAreThePaperAt150DotsPerInch() {
        #expect(EPosterImage.sheet.size(on: Paper(size: .a4)) == ImageSize(width: 1240, height: 1754))
        #expect(EPosterImage.sheet.size(on: Paper(size: .a4, orientation: .landscape)) == ImageSize(width: 1754, height: 1240))
        #expect(EPosterImage.sheet.size(on: Paper(size: .a3)) == ImageSize(width: 1754, height: 2480))
        #expect(EPosterImage.post.size(on: Paper(size: .a3)) == ImageSize(width: 1080, height: 1350))
        #expect(EPosterImage.card.size(on: Paper(size: .a4)) == ImageSize(width: 1200, height: 630))
    }

    @Test func everyPosterGetsThreeImagesInEveryLanguageAndEveryLanguageACard() {
        let site = InlineSite(Self.pages, makesImages: true)
        var diagnostics: [Diagnostic] = []
        let jobs = site.renderer.imageJobs(diagnostics: &diagnostics)
        #expect(jobs.map(\.image) == [
            "en/preview-card.png", "vi/preview-card.png",
            "en/posters/signs/signs-en-1080x1350.png", "en/posters/signs/signs-en-1200x630.png", "en/posters/signs/signs-en-a4-portrait.png",
            "vi/posters/signs/signs-vi-1080x1350.png", "vi/posters/signs/signs-vi-1200x630.png", "vi/posters/signs/signs-vi-a4-portrait.png",
        ])
        #expect(jobs.map { "\($0.width)x\($0.height)" } == ["1200x630", "1200x630", "1080x1350", "1200x630", "1240x1754",
                                                         "1080x1350", "1200x630", "1240x1754"])
        #expect(jobs.allSatisfy { $0.assets == ["assets/eposter.css"] })
        // The layout page is shot beside the image, so its relative links are the poster page's.
        #expect(jobs[2].layoutPath == "en/posters/signs/signs-en-1080x1350.png.html")
    }

    @Test func aPosterPageAlsoWritesItsQRCodeAsAStandaloneSVG() throws {
        let site = InlineSite(Self.pages)
        let index = try #require(site.model.index(ofKey: "posters/signs"))
        let files = site.renderer.render(index, in: LanguageCode("vi")!).files
        let svg = try #require(files.first { $0.path == "vi/posters/signs/signs-vi-qr.svg" })
        guard case .text(let text) = svg.contents else { Issue.record("not text"); return }
        #expect(text.hasPrefix("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"296\" height=\"296\" "))
        #expect(text.contains("aria-label=\"https://example.org/campaign/vi/help/\""))
    }

    @Test func posterAndCampaignPagesNameThePostersCardOthersTheLanguagesCard() {
        let campaign = "---\ntitle: Spring\nstart: 2022-01-01\nend: 2022-06-30\n---\n"
        let posterInCampaign = Self.poster.replacingOccurrences(of: "qr: help", with: "qr: help\ncampaign: spring")
        var pages = Self.pages
        pages["posters/signs.md"] = posterInCampaign
        pages["campaigns/spring.md"] = campaign
        let site = InlineSite(pages, makesImages: true)
        let card = site.view("posters/signs", in: "vi").page.shareImage
        #expect(card?.src == "https://example.org/campaign/vi/posters/signs/signs-vi-1200x630.png")
        #expect(card?.width == 1200 && card?.height == 630)
        #expect(card?.alt == "Dấu hiệu Gọi 1955.")
        #expect(site.view("campaigns/spring").page.shareImage?.src == "https://example.org/campaign/en/posters/signs/signs-en-1200x630.png")
        #expect(site.view("help").page.shareImage == nil)
        let languageCard = site.renderer.context.data(for: LanguageCode("vi")!).view.shareImage
        #expect(languageCard?.src == "https://example.org/campaign/vi/preview-card.png")
        #expect(languageCard?.child(named: "twitterCard") as? String == "summary_large_image")

        // Without images, no page names a card that would not exist.
        let withoutImages = InlineSite(pages)
        #expect(withoutImages.view("posters/signs").page.shareImage == nil)
        #expect(withoutImages.renderer.context.data(for: LanguageCode("vi")!).view.shareImage == nil)
    }

    @Test func aPagesOwnImageComesFirstWithItsRealSize() {
        let png = PreviewCardTests.pngHeader(width: 800, height: 418) + [0, 0, 0, 0]
        let jpeg: [UInt8] = [0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x04, 0x4A, 0x46, 0xFF, 0xC0, 0x00, 0x11, 0x08, 0x02, 0x76, 0x04, 0xB0,
                             0x03, 0x01, 0x22, 0x00]
        let assets = [AssetFile(relativePath: "img/card.png", bytes: png), AssetFile(relativePath: "posters/photo.jpg", bytes: jpeg)]
        var pages = Self.pages
        pages["help.md"] = "---\ntitle: Help\nshareImage: img/card.png\nshareImageAlt: Two workers\n---\n"
        pages["posters/signs.md"] = Self.poster.replacingOccurrences(of: "qr: help", with: "qr: help\nshareImage: photo.jpg")
        let site = InlineSite(pages, assets: assets, makesImages: true)
        #expect(site.diagnostics.isEmpty)
        let help = site.view("help", in: "vi").page.shareImage
        #expect(help?.src == "https://example.org/campaign/img/card.png")
        #expect(help.map { ($0.width, $0.height) } ?? (0, 0) == (800, 418))
        #expect(help?.alt == "Two workers")
        let poster = site.view("posters/signs").page.shareImage
        #expect(poster?.src == "https://example.org/campaign/posters/photo.jpg")
        #expect(poster.map { ($0.width, $0.height) } ?? (0, 0) == (1200, 630))
    }

    @Test func aMissingOrUnsupportedShareImageIsAnErrorAtItsPosition() {
        let gif = Array("GIF89a, not a card".utf8)
        let pages = ["_index.md": "---\ntitle: Home\n---\n",
                     "help.md": "---\ntitle: Help\nshareImage: img/missing.png\n---\n",
                     "about.md": "---\ntitle: About\ndescription: x\nshareImage: img/anim.gif\n---\n",
                     "far.md": "---\ntitle: Far\nshareImage: ../../etc/card.png\n---\n"]
        let site = InlineSite(pages, assets: [AssetFile(relativePath: "img/anim.gif", bytes: gif)])
        let found = site.diagnostics.map { "\($0.location.file):\($0.location.line):\($0.location.column) \($0.reason)" }.sorted()
        #expect(found == [
            "content/about.md:4:13 unsupportedShareImage(\"img/anim.gif\")",
            "content/far.md:3:13 pathOutsideContent(\"../../etc/card.png\")",
            "content/help.md:3:13 missingImage(\"img/missing.png\")",
        ])
    }

    @Test func theMaterialsPageListsEveryPosterAndPamphletWithDownloadsAndASnippet() throws {
        let title = Localized(["en": "Materials", "vi": "Tài liệu"].reduce(into: [LanguageCode: String]()) { $0[LanguageCode($1.key)!] = $1.value })
        let site = InlineSite(Self.pages, materialsTitle: title, makesImages: true)
        let (template, page) = site.view("materials", in: "vi")
        #expect(template == "materials")
        #expect(site.model.group(.materials)?.path(in: LanguageCode("vi")!).relative == "vi/materials/")
        guard case .materials(let materials) = page.special else { Issue.record("no materials"); return }
        #expect(materials.items.map(\.url) == ["/campaign/vi/pamphlets/rights/", "/campaign/vi/posters/signs/"])
        let poster = try #require(materials.items.last)
        #expect(poster.thumbnail?.src == "/campaign/vi/posters/signs/signs-vi-1080x1350.png")
        #expect(poster.downloads.map(\.url) == ["/campaign/vi/posters/signs/signs-vi-1080x1350.png",
                                                "/campaign/vi/posters/signs/signs-vi-1200x630.png",
                                                "/campaign/vi/posters/signs/signs-vi-a4-portrait.png",
                                                "/campaign/vi/posters/signs/signs-vi-qr.svg"])
        #expect(poster.snippet == "<a href=\"https://example.org/campaign/vi/help/\"><img src=\"https://example.org/campaign/vi/posters/signs/"
                + "signs-vi-1080x1350.png\" width=\"1080\" height=\"1350\" style=\"max-width:100%;height:auto\" alt=\"Dấu hiệu Gọi 1955.\"></a>")
        #expect(materials.items.first?.snippet == nil)

        // Without images: no thumbnail or snippet naming files that do not exist, the QR code still.
        let plain = InlineSite(Self.pages, materialsTitle: title)
        guard case .materials(let without) = plain.view("materials").page.special else { Issue.record("no materials"); return }
        #expect(without.items.last?.thumbnail == nil)
        #expect(without.items.last?.snippet == nil)
        #expect(without.items.last?.downloads.map(\.detail) == ["SVG"])
        #expect(!without.hasImages)
    }

    @Test func theSnippetEscapesWhatItQuotes() {
        let snippet = PageRenderer.snippet(target: "https://example.org/a?b=1&c=2", image: "https://example.org/x.png",
                                           size: ImageSize(width: 1080, height: 1350), alt: "Say \"no\" <now>")
        #expect(snippet.contains("href=\"https://example.org/a?b=1&amp;c=2\""))
        #expect(snippet.contains("alt=\"Say &quot;no&quot; &lt;now&gt;\""))
    }

    @Test func aJPEGsSizeIsReadFromItsFrameHeader() {
        // SOI, an APP0 segment of 4 bytes, then SOF0 with height 630 and width 1200.
        let jpeg: [UInt8] = [0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x04, 0x00, 0x00, 0xFF, 0xC0, 0x00, 0x11, 0x08, 0x02, 0x76, 0x04, 0xB0, 0x03]
        #expect(ImageSize(jpeg: jpeg) == ImageSize(width: 1200, height: 630))
        #expect(ImageSize(image: jpeg) == ImageSize(width: 1200, height: 630))
        #expect(ImageSize(jpeg: Array("not a jpeg at all".utf8)) == nil)
        // A Huffman table (DHT, 0xC4) is not a frame header.
        #expect(ImageSize(jpeg: [0xFF, 0xD8, 0xFF, 0xC4, 0x00, 0x04, 0x00, 0x00, 0xFF, 0xD9, 0, 0, 0, 0]) == nil)
    }

    @Test func anImageIsReusedOnlyWhenItsInputsAreThoseRecordedBeforeIt() throws {
        let root = FileManager().temporaryDirectory.appendingPathComponent("outreach-plan-\(UUID().uuidString)")
        defer { try? FileManager().removeItem(at: root) }
        let staging = root.appendingPathComponent("staging"), previous = root.appendingPathComponent("previous")
        for folder in [staging, previous] {
            try FileManager().createDirectory(at: folder.appendingPathComponent("assets"), withIntermediateDirectories: true)
            try Data("body { color: red }".utf8).write(to: folder.appendingPathComponent("assets/eposter.css"))
        }
        let job = ImageJob(image: "en/card.png", width: 1200, height: 630, layout: "<p>card</p>", assets: ["assets/eposter.css"])
        // No previous output: everything is shot.
        let first = ImagePlan(jobs: [job], staging: staging, previous: previous)
        #expect(first.rendered == 1 && first.reused == 0)
        // The previous output has the image and the same hash: reused.
        try FileManager().createDirectory(at: previous.appendingPathComponent("en"), withIntermediateDirectories: true)
        try Data([1, 2, 3]).write(to: previous.appendingPathComponent("en/card.png"))
        try Data(first.manifest.utf8).write(to: previous.appendingPathComponent(ImagePlan.manifestPath))
        #expect(ImagePlan(jobs: [job], staging: staging, previous: previous).reused == 1)
        // A changed layout page, a changed style sheet or a changed size: shot again.
        var changed = job
        changed.layout = "<p>card!</p>"
        #expect(ImagePlan(jobs: [changed], staging: staging, previous: previous).reused == 0)
        changed = job
        changed.width = 1201
        #expect(ImagePlan(jobs: [changed], staging: staging, previous: previous).reused == 0)
        try Data("body { color: blue }".utf8).write(to: staging.appendingPathComponent("assets/eposter.css"))
        #expect(ImagePlan(jobs: [job], staging: staging, previous: previous).reused == 0)
    }
}
