import CampaignModel

/// Template data for printed material (posters and pamphlets) in one language.
struct PrintViews {
    var model: SiteModel
    var language: LanguageCode
    var data: LanguageData
    /// Path from the page back to the site's root (`../../../`): printed pages link their styles
    /// relatively, so they also render from a file on disk when making PDFs.
    var rootPath: String

    var config: SiteConfig { model.config }

    func poster(_ poster: Poster) -> [String: Any] {
        let message = text(poster.message)
        let (width, height) = poster.paper.millimetres
        return [
            "paper": poster.paper.identifier,
            "paperLabel": poster.paper.description,
            "width": String(width), "height": String(height),
            "message": message.value, "messageLang": message.lang,
            "hotlines": poster.hotlines.compactMap(hotline),
            "image": poster.image.map { rootPath + LinkResolver.percentEncodePath($0) } ?? false,
            "qr": qr(for: poster.qrTarget),
        ]
    }

    func pamphlet(_ pamphlet: Pamphlet) -> [String: Any] {
        [
            "format": pamphlet.format.rawValue,
            "isTrifold": pamphlet.format == .trifold,
            "isBooklet": pamphlet.format == .booklet,
            "hotlines": pamphlet.hotlines.compactMap(hotline),
            "qr": qr(for: pamphlet.qrTarget),
        ]
    }

    /// The QR code of a page in this language, as inline SVG, with the address it encodes.
    func qr(for key: String) -> [String: Any] {
        let path = model.group(key)?.paths[language] ?? "/" + language.pathComponent + "/"
        let url = config.baseURL + path.dropFirst()
        let svg = (try? QRCode(encoding: url, correction: .medium))?.svg(title: url) ?? ""
        return ["url": url, "svg": svg]
    }

    private func hotline(_ id: String) -> [String: Any]? {
        guard let hotline = model.hotlines.first(where: { $0.id == id }) else { return nil }
        let name = text(hotline.name)
        let description = text(hotline.description)
        return ["number": hotline.number, "name": name.value, "nameLang": name.lang,
                "description": description.value, "descriptionLang": description.lang]
    }

    private func text(_ localized: Localized<String>) -> (value: String, lang: Any) {
        localized.templateText(in: language, fallback: config.defaultLanguage)
    }

    /// `../` once per folder of `sitePath` (`/en/posters/x/` → `../../../`).
    static func rootPath(of sitePath: String) -> String {
        String(repeating: "../", count: sitePath.split(separator: "/").count)
    }
}
