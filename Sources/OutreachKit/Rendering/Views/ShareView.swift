/// The share control of a page (`{{#share}}` in `base`): the page's address in the reader's
/// language, and plain links that share it on LINE and Facebook. Nothing is asked of those sites
/// until the reader taps a link; the theme's script adds the phone's own share sheet (Web Share
/// API, with the document's title) and "copy link" where they exist.
struct ShareView: TemplateEntry {
    /// The page's absolute address in the reader's language (from `baseURL`): an untranslated page
    /// shares its own address, whose notes and menus are in the reader's language, not the original's.
    var url: String

    /// LINE's share page for custom buttons (developers.line.biz, "Using Share buttons").
    var lineURL: String { "https://social-plugins.line.me/lineit/share?url=" + Self.queryEncoded(url) }
    /// Facebook's sharer.
    var facebookURL: String { "https://www.facebook.com/sharer/sharer.php?u=" + Self.queryEncoded(url) }

    func child(named key: String) -> Any? {
        switch key {
        case "url": url
        case "lineURL": lineURL
        case "facebookURL": facebookURL
        default: nil
        }
    }

    /// `text` as one query value: every UTF-8 byte but RFC 3986's unreserved characters
    /// percent-encoded, so that `:`, `/`, `?`, `&`, `#` and `%` of the address stay inside the value.
    static func queryEncoded(_ text: String) -> String {
        let hex = Array("0123456789ABCDEF".utf8)
        var bytes: [UInt8] = []
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
                 UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "~"):
                bytes.append(byte)
            default:
                bytes += [UInt8(ascii: "%"), hex[Int(byte >> 4)], hex[Int(byte & 0x0F)]]
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
