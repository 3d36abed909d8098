import CampaignModel
import Foundation

/// `<lang>/manifest.webmanifest`: the Web App Manifest of one language, so that a reader can add
/// the site to a phone's home screen and open it like an app, in their language.
struct ManifestRenderer {
    var context: RenderContext

    /// Where a language's manifest is written: `en/manifest.webmanifest`.
    static func path(of language: LanguageCode) -> SitePath {
        SitePath(language: language).appending("manifest.webmanifest")
    }

    /// The theme's icons a manifest lists, by size: `assets/icons/icon-<size>.png`.
    static let iconSizes = [192, 512]

    struct Manifest: Encodable {
        var name: String
        var short_name: String
        var lang: String
        var dir: String
        var id: String
        var start_url: String
        var scope: String
        var display = "standalone"
        var theme_color: String
        var background_color: String
        var icons: [Icon]
    }

    struct Icon: Encodable {
        var src: String
        var sizes: String
        var type = "image/png"
    }

    /// One manifest per language, in the site's language order.
    func render() -> [OutputFile] {
        let config = context.config
        let icons = Self.iconSizes.map { size in
            Icon(src: config.basePath + "assets/icons/icon-\(size).png", sizes: "\(size)x\(size)")
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        return context.languages.map { data in
            let code = data.language.code
            let home = SitePath(language: code).url(in: config)
            let manifest = Manifest(
                name: data.siteTitle, short_name: config.app.shortTitle[code] ?? data.siteTitle, lang: code.rawValue,
                dir: data.language.direction.rawValue, id: home, start_url: home, scope: home,
                theme_color: config.app.themeColor, background_color: config.app.backgroundColor, icons: icons)
            let json = (try? encoder.encode(manifest)).map { String(decoding: $0, as: UTF8.self) } ?? "{}"
            return OutputFile(path: Self.path(of: code).relative, text: json + "\n")
        }
    }
}
