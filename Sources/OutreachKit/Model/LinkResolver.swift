import CampaignModel
import Foundation

/// Rewrites links and images in a page's Markdown to addresses in the built site.
///
/// A relative link to a `.md` file becomes the address of that page in the reader's language
/// (`../help.md` → `/en/help/`); a relative image becomes the address of the copied file. Links
/// with a scheme, absolute paths and `#anchors` are left as written.
struct LinkResolver: Sendable {
    /// Page keys by source path, translations included (`help.vi.md` → `help`).
    var keysBySourcePath: [String: String]
    /// Page addresses by source path, so a link costs one lookup.
    var addressesBySourcePath: [String: PageAddress]
    var assetPaths: Set<String>
    var basePath: String
    var unparsedPages: Set<String>

    init(model: SiteModel) {
        var keys: [String: String] = [:]
        var addresses: [String: PageAddress] = [:]
        for group in model.groups {
            for source in [group.original] + Array(group.translations.values) {
                keys[source.file.relativePath] = group.key
                addresses[source.file.relativePath] = group.address
            }
        }
        keysBySourcePath = keys
        addressesBySourcePath = addresses
        assetPaths = Set(model.contentAssets.map(\.relativePath))
        basePath = model.config.basePath
        unparsedPages = model.unparsedPages
    }

    /// The new URL for `link` on `page` shown in `language`, or nil to keep it; problems go to `diagnostics`.
    func resolve(_ link: CommonMark.Link, on page: PageSource, in language: LanguageCode,
                 diagnostics: inout [Diagnostic]) -> String? {
        let url = link.url
        var location: SourceLocation { page.file.location(line: link.line + page.bodyLineOffset, column: link.column) }
        // Images come from the content folder, named relative to the page; an absolute path is
        // either a mistake or an attempt to reach files outside it.
        if link.kind == .image && url.hasPrefix("/") {
            diagnostics.append(.error(.pathOutsideContent(url), at: location))
            return ""
        }
        guard Self.isRelative(url) else { return nil }
        let suffix = String(url[Self.endOfPath(url)...])
        guard let target = Self.contentPath(of: url, from: page.folder) else {
            diagnostics.append(.error(.pathOutsideContent(url), at: location))
            return ""
        }
        if target.hasSuffix(".md") {
            guard let address = addressesBySourcePath[target] else {
                if unparsedPages.contains(target) { return nil }
                diagnostics.append(.error(.brokenLink(url), at: location))
                return nil
            }
            return basePath + address.path(in: language).relative + suffix
        }
        guard assetPaths.contains(target) else {
            diagnostics.append(.error(link.kind == .image ? .missingImage(url) : .brokenLink(url), at: location))
            return nil
        }
        return basePath + Self.percentEncodePath(target) + suffix
    }

    /// Whether `url` names something in the content folder relative to the page (not `#anchor`,
    /// `/absolute` or `scheme:`).
    static func isRelative(_ url: String) -> Bool {
        !url.isEmpty && !url.hasPrefix("#") && !url.hasPrefix("/") && !hasScheme(url)
    }

    /// The content-folder path a relative URL names from `folder` (`../help.md#call` from
    /// `pillars` is `help.md`), decoded; nil when it would leave the content folder.
    static func contentPath(of url: String, from folder: String) -> String? {
        let pathPart = url[..<endOfPath(url)]
        let decoded = pathPart.utf8.contains(UInt8(ascii: "%")) ? pathPart.removingPercentEncoding ?? String(pathPart) : String(pathPart)
        return normalize(decoded, from: folder)
    }

    /// Where the path of a URL ends: at its `#fragment` or `?query`, or at its end. (Bytes, not
    /// characters: links are checked on every page of the site.)
    static func endOfPath(_ url: String) -> String.Index {
        url.utf8.firstIndex { $0 == UInt8(ascii: "#") || $0 == UInt8(ascii: "?") } ?? url.endIndex
    }

    /// `mailto:`, `https:`, `tel:`... Anything before the first `:` that is a valid scheme name.
    static func hasScheme(_ url: String) -> Bool {
        let bytes = url.utf8
        guard let colon = bytes.firstIndex(of: UInt8(ascii: ":")) else { return false }
        let scheme = bytes[..<colon]
        func isLetter(_ byte: UInt8) -> Bool { (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte) }
        guard let first = scheme.first, isLetter(first) else { return false }
        return scheme.allSatisfy { isLetter($0) || (0x30...0x39).contains($0) || $0 == UInt8(ascii: "+") || $0 == UInt8(ascii: "-") || $0 == UInt8(ascii: ".") }
    }

    /// Joins `path` to `folder` and removes `.` and `..`; nil when the result would leave the content folder.
    /// (On bytes: every relative link of every page in every language passes through here.)
    static func normalize(_ path: String, from folder: String) -> String? {
        let slash = UInt8(ascii: "/"), dot = UInt8(ascii: ".")
        var joined: [UInt8] = []
        joined.reserveCapacity(folder.utf8.count + path.utf8.count + 1)
        for text in [folder, path] {
            for component in text.utf8.split(separator: slash) {
                if component.count == 1 && component.first == dot { continue }
                if component.count == 2 && component.allSatisfy({ $0 == dot }) {
                    guard !joined.isEmpty else { return nil }
                    joined.removeSubrange((joined.lastIndex(of: slash) ?? 0)...)
                    continue
                }
                if !joined.isEmpty { joined.append(slash) }
                joined.append(contentsOf: component)
            }
        }
        return joined.isEmpty ? nil : String(decoding: joined, as: UTF8.self)
    }

    static func percentEncodePath(_ path: String) -> String {
        var allowed = CharacterSet.urlPathAllowed
        allowed.remove(charactersIn: "?#;")
        return path.addingPercentEncoding(withAllowedCharacters: allowed) ?? path
    }
}
