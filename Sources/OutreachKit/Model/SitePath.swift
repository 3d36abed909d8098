import CampaignModel

/// Where a page (or a file next to it) lives in the built site, below the site's base:
/// `en/pillars/prevention/`. It knows its link, its absolute permalink and its output file, so no
/// caller joins or slices address strings.
struct SitePath: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// The address below the base, without a leading slash, ending in `/` for a folder:
    /// `en/help/`, `en/help/event.ics`; empty for the site's root.
    let relative: String

    init(relative: String) {
        self.relative = relative
    }

    /// The folder of a language's pages: `en/`.
    init(language: LanguageCode) {
        relative = language.pathComponent + "/"
    }

    /// `/en/help/`, as diagnostics and site-relative links write it.
    var description: String { "/" + relative }

    /// The link to it from a page of the site: the base path and the address (`/campaign/en/help/`).
    func url(in config: SiteConfig) -> String { config.basePath + relative }

    /// The absolute URL on `baseURL` (`https://example.org/en/help/`), for canonical links and feeds.
    func permalink(in config: SiteConfig) -> String { config.baseURL + relative }

    /// The file a page at this address is written to: `en/help/index.html`.
    var outputFile: String { relative + "index.html" }

    /// A file or folder inside this folder: `bilingual/`, `event.ics`.
    func appending(_ name: String) -> SitePath { SitePath(relative: relative + name) }

    /// Its folder depth, for links that climb back to the root (`en/posters/x/` is 3).
    var depth: Int { relative.utf8.reduce(0) { $1 == UInt8(ascii: "/") ? $0 + 1 : $0 } }

    static func < (lhs: SitePath, rhs: SitePath) -> Bool { lhs.relative < rhs.relative }
}

/// A page's address in every language: the same folders and slug after the language's folder,
/// unless a translation gives its own slug.
struct PageAddress: Hashable, Sendable {
    /// Folders and slug below the language folder: `pillars/prevention/`; empty for the home page.
    var location: String
    /// A translation's own `location`, where its front matter sets a slug of its own.
    var translatedLocations: [LanguageCode: String] = [:]

    /// The page's address in `language`.
    func path(in language: LanguageCode) -> SitePath {
        SitePath(relative: language.pathComponent + "/" + (translatedLocations[language] ?? location))
    }
}
