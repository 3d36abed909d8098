import Mustache
import Synchronization

/// The HTML escaping of `{{value}}` in every template of a theme.
///
/// swift-mustache's own escaping compares whole characters, so a `"` or `<` followed by a
/// combining mark (`"\u{301}`) is one character that is not `"` and goes through unescaped: a title
/// could end an attribute early. This escapes the five special bytes wherever they are, and works
/// on UTF-8 bytes instead of characters, which matters on a site with tens of thousands of pages.
struct HTMLEscaping: MustacheContentType {
    /// The name templates are parsed with; see `pragma`.
    static let name = "OUTREACH_HTML"

    /// Put before a template's text so that the whole template, and every partial and block
    /// rendered from it, escapes with this type. (Partials start again with the library's
    /// default, so each template needs it.)
    static let pragma = "{{% CONTENT_TYPE: \(name)}}"

    private static let registered = Mutex(false)

    /// Makes the type known to swift-mustache's parser, once per process.
    static func register() {
        registered.withLock { done in
            guard !done else { return }
            MustacheContentTypes.register(HTMLEscaping(), named: name)
            done = true
        }
    }

    func escapeText(_ text: String) -> String {
        Self.escape(text)
    }

    /// `&`, `<`, `>`, `"` and `'` as entities, byte by byte; XML spells the apostrophe `&apos;`.
    static func escape(_ text: String, apostrophe: String = "&#39;") -> String {
        let utf8 = text.utf8
        guard utf8.contains(where: { $0 == 0x3C || $0 == 0x3E || $0 == 0x26 || $0 == 0x22 || $0 == 0x27 }) else { return text }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(utf8.count + 16)
        for byte in utf8 {
            switch byte {
            case 0x3C: bytes += "&lt;".utf8
            case 0x3E: bytes += "&gt;".utf8
            case 0x26: bytes += "&amp;".utf8
            case 0x22: bytes += "&quot;".utf8
            case 0x27: bytes += apostrophe.utf8
            default: bytes.append(byte)
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
