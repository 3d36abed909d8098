import Mustache

/// A QR code of a page's address, as inline SVG.
struct QRView: MustacheParent, Sendable {
    var url: String
    var svg: String

    func child(named name: String) -> Any? {
        switch name {
        case "url": url
        case "svg": svg
        default: nil
        }
    }
}

/// A poster's sheet (`{{#poster}}` in `poster`).
struct PosterView: MustacheParent, Sendable {
    /// `a4-portrait`.
    var paper: String
    /// `A4 portrait`.
    var paperLabel: String
    var width: String
    var height: String
    var message: String
    var messageLang: String?
    var hotlines: [HotlineView]
    /// The image's address relative to the page, if the poster has one.
    var image: String?
    var qr: QRView
    /// The PDF's file name, when the build prints PDFs.
    var pdf: String?

    func child(named name: String) -> Any? {
        switch name {
        case "paper": paper
        case "paperLabel": paperLabel
        case "width": width
        case "height": height
        case "message": message
        case "messageLang": messageLang.orFalse
        case "hotlines": hotlines
        case "image": image.orFalse
        case "qr": qr
        case "pdf": pdf.orFalse
        default: nil
        }
    }
}

/// A pamphlet's panels (`{{#pamphlet}}` in `pamphlet`).
struct PamphletView: MustacheParent, Sendable {
    /// `trifold` or `booklet`.
    var format: String
    var isTrifold: Bool
    var isBooklet: Bool
    var hotlines: [HotlineView]
    var qr: QRView
    var pdf: String?
    /// The link to the bilingual print page, and the language printed beside this one.
    var bilingual: (url: String, with: String)

    func child(named name: String) -> Any? {
        switch name {
        case "format": format
        case "isTrifold": isTrifold
        case "isBooklet": isBooklet
        case "hotlines": hotlines
        case "qr": qr
        case "pdf": pdf.orFalse
        case "bilingual": BilingualLink(url: bilingual.url, with: bilingual.with)
        default: nil
        }
    }

    /// `{{#bilingual}}<a href="{{url}}">… {{with}}</a>{{/bilingual}}`.
    struct BilingualLink: MustacheParent, Sendable {
        var url: String
        var with: String

        func child(named name: String) -> Any? {
            switch name {
            case "url": url
            case "with": with
            default: nil
            }
        }
    }
}

/// A pamphlet in the reader's language beside its original (`{{#bilingual}}` in `pamphlet-bilingual`).
struct BilingualView: MustacheParent, Sendable {
    var language: String
    var languageName: String
    var originalLanguage: String
    var originalName: String
    var originalDir: String
    var originalTitle: String
    var rows: [Row]

    /// One section of the pamphlet in both languages, as HTML.
    struct Row: MustacheParent, Sendable {
        var translation: String
        var original: String

        func child(named name: String) -> Any? {
            switch name {
            case "translation": translation
            case "original": original
            default: nil
            }
        }
    }

    func child(named name: String) -> Any? {
        switch name {
        case "language": language
        case "languageName": languageName
        case "originalLanguage": originalLanguage
        case "originalName": originalName
        case "originalDir": originalDir
        case "originalTitle": originalTitle
        case "rows": rows
        default: nil
        }
    }
}
