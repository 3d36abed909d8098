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
    /// Site paths per language (`/en/help/`) by source path, so a link costs one lookup.
    var pathsBySourcePath: [String: [LanguageCode: String]]
    var assetPaths: Set<String>
    var basePath: String
    var unparsedPages: Set<String>

    init(model: SiteModel) {
        var keys: [String: String] = [:]
        var paths: [String: [LanguageCode: String]] = [:]
        for group in model.groups {
            for source in [group.original] + Array(group.translations.values) {
                keys[source.file.relativePath] = group.key
                paths[source.file.relativePath] = group.paths
            }
        }
        keysBySourcePath = keys
        pathsBySourcePath = paths
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
        let suffix = url.firstIndex(where: { $0 == "#" || $0 == "?" }).map { String(url[$0...]) } ?? ""
        guard let target = Self.contentPath(of: url, from: page.folder) else {
            diagnostics.append(.error(.pathOutsideContent(url), at: location))
            return ""
        }
        if target.hasSuffix(".md") {
            guard let path = pathsBySourcePath[target]?[language] else {
                if unparsedPages.contains(target) { return nil }
                diagnostics.append(.error(.brokenLink(url), at: location))
                return nil
            }
            return basePath + path.dropFirst() + suffix
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
        let pathPart = url.firstIndex(where: { $0 == "#" || $0 == "?" }).map { url[..<$0] } ?? Substring(url)
        let decoded = pathPart.contains("%") ? pathPart.removingPercentEncoding ?? String(pathPart) : String(pathPart)
        return normalize(decoded, from: folder)
    }

    /// The key of the page a relative `.md` link on `page` points to, if it is a page of this site.
    func pageKey(of url: String, on page: PageSource) -> String? {
        guard Self.isRelative(url), let path = Self.contentPath(of: url, from: page.folder), path.hasSuffix(".md") else {
            return nil
        }
        return keysBySourcePath[path]
    }

    /// `mailto:`, `https:`, `tel:`... Anything before the first `:` that is a valid scheme name.
    static func hasScheme(_ url: String) -> Bool {
        guard let colon = url.firstIndex(of: ":") else { return false }
        let scheme = url[..<colon]
        guard let first = scheme.first, first.isASCII, first.isLetter else { return false }
        return scheme.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || "+-.".contains($0)) }
    }

    /// Joins `path` to `folder` and removes `.` and `..`; nil when the result would leave the content folder.
    static func normalize(_ path: String, from folder: String) -> String? {
        var parts = folder.split(separator: "/").map(String.init)
        for component in path.split(separator: "/", omittingEmptySubsequences: true) {
            switch component {
            case ".": continue
            case "..":
                guard !parts.isEmpty else { return nil }
                parts.removeLast()
            default: parts.append(String(component))
            }
        }
        return parts.isEmpty ? nil : parts.joined(separator: "/")
    }

    static func percentEncodePath(_ path: String) -> String {
        var allowed = CharacterSet.urlPathAllowed
        allowed.remove(charactersIn: "?#;")
        return path.addingPercentEncoding(withAllowedCharacters: allowed) ?? path
    }
}
