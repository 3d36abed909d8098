import CampaignModel

/// Builds the views of printed material (posters and pamphlets) in one language.
struct PrintViews {
    var model: SiteModel
    var language: LanguageCode
    var data: LanguageData
    /// Path from the page back to the site's root (`../../../`): printed pages link their styles
    /// relatively, so they also render from a file on disk when making PDFs.
    var rootPath: String

    var config: SiteConfig { model.config }

    func poster(_ poster: Poster, pdf: String?) -> PosterView {
        let message = poster.message.templateText(in: language, fallback: config.defaultLanguage)
        let (width, height) = poster.paper.millimetres
        return PosterView(
            paper: poster.paper.identifier, paperLabel: poster.paper.description,
            width: String(width), height: String(height), message: message.value, messageLang: message.lang,
            hotlines: poster.hotlines.compactMap { data.hotlinesByID[$0] },
            image: poster.image.map { rootPath + LinkResolver.percentEncodePath($0) },
            qr: qr(for: poster.qrTarget), pdf: pdf)
    }

    func pamphlet(_ pamphlet: Pamphlet, pdf: String?, bilingualWith partner: String) -> PamphletView {
        PamphletView(
            format: pamphlet.format.rawValue, isTrifold: pamphlet.format == .trifold, isBooklet: pamphlet.format == .booklet,
            hotlines: pamphlet.hotlines.compactMap { data.hotlinesByID[$0] }, qr: qr(for: pamphlet.qrTarget), pdf: pdf,
            bilingual: ("bilingual/", partner))
    }

    /// The QR code of a page in this language, as inline SVG, with the address it encodes.
    func qr(for key: String) -> QRView {
        let path = model.group(key)?.path(in: language) ?? SitePath(language: language)
        let url = path.permalink(in: config)
        let svg = (try? QRCode(encoding: url, correction: .medium))?.svg(title: url) ?? ""
        return QRView(url: url, svg: svg)
    }

    /// `../` once per folder of `path` (`en/posters/x/` → `../../../`).
    static func rootPath(of path: SitePath) -> String {
        String(repeating: "../", count: path.depth)
    }
}
