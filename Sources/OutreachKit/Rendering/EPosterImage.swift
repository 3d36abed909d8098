import CampaignModel

/// The images every poster is also published as, in each language, beside its page: for posts on
/// LINE, Facebook and Instagram, for preview cards, and for printing from an image.
enum EPosterImage: String, CaseIterable, Sendable {
    /// 1080 x 1350, a portrait post.
    case post
    /// 1200 x 630, a link's preview card.
    case card
    /// The whole sheet at 150 dots per inch: 1240 x 1754 for A4 portrait, 1754 x 2480 for A3.
    case sheet

    /// Dots per inch of the sheet image: enough to print an A4 sheet legibly, small enough to post.
    static let sheetDPI = 150

    /// The image's size in pixels for a poster on `paper`.
    func size(on paper: Paper) -> ImageSize {
        switch self {
        case .post: return ImageSize(width: 1080, height: 1350)
        case .card: return ImageSize(width: 1200, height: 630)
        case .sheet:
            let (width, height) = paper.millimetres
            // Millimetres at 150 dpi, to the nearest pixel: 210 mm is 1240 px, 297 mm 1754 px.
            func pixels(_ millimetres: Int) -> Int { (millimetres * Self.sheetDPI * 10 + 127) / 254 }
            return ImageSize(width: pixels(width), height: pixels(height))
        }
    }

    /// `forced-labour-signs-vi-1080x1350.png`, `forced-labour-signs-vi-a4-portrait.png`.
    func fileName(of poster: Poster, in language: LanguageCode) -> String {
        let size = size(on: poster.paper)
        let suffix = self == .sheet ? poster.paper.identifier : "\(size.width)x\(size.height)"
        return "\(poster.id)-\(language.pathComponent)-\(suffix).png"
    }

    /// The image's address in the site, in the folder of the poster's page.
    func path(of poster: Poster, page: SitePath, in language: LanguageCode) -> SitePath {
        page.appending(fileName(of: poster, in: language))
    }

    /// `forced-labour-signs-vi-qr.svg`: the poster's QR code alone, beside its page.
    static func qrFileName(of poster: Poster, in language: LanguageCode) -> String {
        "\(poster.id)-\(language.pathComponent)-qr.svg"
    }
}

/// A language's preview card, for pages with no image of their own: 1200 x 630, at
/// `/<lang>/preview-card.png`, made from the theme's `site-card` template.
enum SiteCard {
    static let size = ImageSize(width: 1200, height: 630)

    static func path(in language: LanguageCode) -> SitePath {
        SitePath(language: language).appending("preview-card.png")
    }
}
