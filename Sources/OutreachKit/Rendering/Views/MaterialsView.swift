import Mustache

/// The materials page's list (`{{#materials}}` in `materials`): every poster and pamphlet with
/// its downloads, and for each e-poster a snippet to put it on another website.
struct MaterialsView: MustacheParent, Sendable {
    var items: [Item]
    /// Whether the images were made (else the page says how to make them).
    var hasImages: Bool

    /// One poster or pamphlet.
    struct Item: MustacheParent, Sendable {
        var title: String
        var titleLang: String?
        /// The poster's or pamphlet's page.
        var url: String
        /// `A4 portrait`, or the pamphlet's format.
        var paperLabel: String
        var isPoster: Bool
        /// The 1080 x 1350 image shown small, when images were made.
        var thumbnail: Thumbnail?
        var downloads: [Download]
        /// The HTML to paste into another website (shown as text, escaped by the template).
        var snippet: String?
        /// The page the e-poster links to (its QR code's), absolute.
        var target: String?

        func child(named name: String) -> Any? {
            switch name {
            case "title": title
            case "titleLang": titleLang.orFalse
            case "url": url
            case "paperLabel": paperLabel
            case "isPoster": isPoster
            case "thumbnail": thumbnail.orFalse
            case "downloads": downloads
            case "hasDownloads": !downloads.isEmpty
            case "snippet": snippet.orFalse
            case "target": target.orFalse
            default: nil
            }
        }
    }

    /// A small picture of an e-poster, at the size it is shown (the image itself is larger).
    struct Thumbnail: MustacheParent, Sendable {
        var src: String
        var width: Int
        var height: Int

        func child(named name: String) -> Any? {
            switch name {
            case "src": src
            case "width": String(width)
            case "height": String(height)
            default: nil
            }
        }
    }

    /// A file to download: its link and what it is (`PNG, 1080 × 1350`).
    struct Download: MustacheParent, Sendable {
        var label: String
        var detail: String
        var url: String

        func child(named name: String) -> Any? {
            switch name {
            case "label": label
            case "detail": detail
            case "url": url
            default: nil
            }
        }
    }

    func child(named name: String) -> Any? {
        switch name {
        case "items": items
        case "hasImages": hasImages
        default: nil
        }
    }
}
