import CampaignModel
import Mustache

// The small entries templates walk in lists: links, hotlines, figures. One struct per shape,
// used by every template that shows one. A name an entry does not have returns nil, so Mustache
// looks it up further out, as it does for any section value.

/// A page in a list: a breadcrumb, a child page, a piece of campaign material, an event's campaign.
struct PageLink: MustacheParent, Sendable {
    var title: String
    var url: String
    /// Child pages show their description; other links have none.
    var description: String? = nil
    /// The title's language when it is not the page's (an untranslated page), for `lang="…"`.
    var lang: String?

    func child(named name: String) -> Any? {
        switch name {
        case "title": title
        case "url": url
        case "description": description
        case "lang": lang.orFalse
        default: nil
        }
    }
}

/// A link with a name: an event's department or pillar, a filter of the events page.
struct NamedLink: MustacheParent, Sendable {
    var name: String
    var url: String
    /// The name's language when it is not the page's.
    var lang: String? = nil
    /// Whether it is the page being shown (a filter's current choice).
    var current = false

    func child(named key: String) -> Any? {
        switch key {
        case "name": name
        case "url": url
        case "lang": lang.orFalse
        case "current": current
        default: nil
        }
    }
}

/// One language in the language switcher, linking to this page in that language.
struct LanguageLink: MustacheParent, Sendable {
    var code: String
    var name: String
    var url: String
    /// The language's direction when it differs from the page's (an Arabic name on an English
    /// page), else nil: the page's own `dir` already applies.
    var dir: String?
    var current: Bool

    func child(named key: String) -> Any? {
        switch key {
        case "code": code
        case "name": name
        case "url": url
        case "dir": dir.orFalse
        case "current": current
        default: nil
        }
    }

    /// The switcher of a page every language has at its own address (`path(language)`), such as
    /// the offline and privacy pages: the same page in each language, `current` marked.
    static func switcher(config: SiteConfig, current: LanguageCode, path: (LanguageCode) -> SitePath) -> [LanguageLink] {
        let pageDirection = config.language(current)?.direction
        return config.languages.map { language in
            LanguageLink(code: language.code.rawValue, name: language.name, url: path(language.code).url(in: config),
                         dir: language.direction == pageDirection ? nil : language.direction.rawValue,
                         current: language.code == current)
        }
    }
}

/// A `<link rel="alternate" hreflang=…>`: the page in a language it is really written in.
struct AlternateLink: MustacheParent, Sendable {
    var hreflang: String
    var href: String

    func child(named name: String) -> Any? {
        switch name {
        case "hreflang": hreflang
        case "href": href
        default: nil
        }
    }
}

/// An entry of the main menu.
struct MenuEntry: MustacheParent, Sendable {
    var title: String
    var url: String
    var current: Bool
    var lang: String?

    func child(named name: String) -> Any? {
        switch name {
        case "title": title
        case "url": url
        case "current": current
        case "lang": lang.orFalse
        default: nil
        }
    }
}

/// A help line in one language, as the header, footer, pages and printed material show it.
struct HotlineView: MustacheParent, Sendable {
    var id: String
    var number: String
    var tel: String
    var name: String
    var nameLang: String?
    var description: String
    var descriptionLang: String?

    func child(named key: String) -> Any? {
        switch key {
        case "id": id
        case "number": number
        case "tel": tel
        case "name": name
        case "nameLang": nameLang.orFalse
        case "description": description
        case "descriptionLang": descriptionLang.orFalse
        default: nil
        }
    }
}

/// A figure from `figures.yaml` on a department's or pillar's page.
struct FigureView: MustacheParent, Sendable {
    /// `79,371` or `74.33%`.
    var value: String
    var label: String
    var lang: String?
    /// `1 January 2022 – 30 June 2022`.
    var period: String

    func child(named name: String) -> Any? {
        switch name {
        case "value": value
        case "label": label
        case "lang": lang.orFalse
        case "period": period
        default: nil
        }
    }
}

/// The image of a preview card (`og:image`): its absolute address, real size and text.
struct ShareImageView: TemplateEntry {
    var src: String
    var width: Int
    var height: Int
    var alt: String

    /// A language's card: its 1200 x 630 preview card image when the build makes images, else the
    /// theme's icon.
    static func languageCard(of theme: Theme, config: SiteConfig, language: LanguageCode, alt: String,
                             makesImages: Bool) -> ShareImageView? {
        guard makesImages else { return siteCard(of: theme, config: config, alt: alt) }
        return ShareImageView(src: SiteCard.path(in: language).permalink(in: config), width: SiteCard.size.width,
                              height: SiteCard.size.height, alt: alt)
    }

    /// The theme's icon, the preview card of pages when the build makes no images (no Chromium):
    /// `assets/icons/icon-512.png`, at the size its PNG header states; nil when the theme has no
    /// such PNG.
    static func siteCard(of theme: Theme, config: SiteConfig, alt: String) -> ShareImageView? {
        guard let bytes = theme.assetContents[siteCardPath], let size = ImageSize(png: bytes) else { return nil }
        return ShareImageView(src: config.baseURL + "assets/" + siteCardPath, width: size.width, height: size.height, alt: alt)
    }

    /// The site card, in the theme's assets folder.
    static let siteCardPath = "icons/icon-512.png"

    func child(named key: String) -> Any? {
        switch key {
        case "src": src
        case "width": String(width)
        case "height": String(height)
        case "alt": alt
        // A wide image is shown large in the card; the square icon beside the text.
        case "twitterCard": width >= 2 * height * 9 / 10 && width >= 600 ? "summary_large_image" : "summary"
        default: nil
        }
    }
}
