/// The view of `eposter`: a poster laid out for one image format (a 1080 x 1350 post, a
/// 1200 x 630 card, or the whole sheet), a page Chromium takes a screenshot of.
struct EPosterView: TemplateView {
    /// `post`, `card` or `sheet`: the layout's class.
    var format: String
    /// `a4-portrait`: the sheet's paper.
    var paper: String
    var width: Int
    var height: Int
    var title: String
    var titleLang: String?
    /// The poster's Markdown text as HTML (the sheet and the post show it; the card has no room).
    var content: String
    var contentLang: String?
    var poster: PosterView
    /// Path from the layout page back to the site's root, for its style sheet.
    var rootPath: String

    func value(named name: String) -> Any? {
        switch name {
        case "format": format
        case "paper": paper
        case "width": String(width)
        case "height": String(height)
        case "title": title
        case "titleLang": titleLang.orFalse
        case "content": content
        case "contentLang": contentLang.orFalse
        case "showsContent": format != EPosterImage.card.rawValue
        case "poster": poster
        case "rootPath": rootPath
        default: nil
        }
    }
}

/// The view of `site-card`: a language's 1200 x 630 preview card, for pages with no image of their own.
struct SiteCardView: TemplateView {
    var width: Int
    var height: Int
    /// The site's address without the scheme (`outreach.example.org/en/`), printed on the card.
    var address: String
    var rootPath: String

    func value(named name: String) -> Any? {
        switch name {
        case "width": String(width)
        case "height": String(height)
        case "address": address
        case "rootPath": rootPath
        default: nil
        }
    }
}
