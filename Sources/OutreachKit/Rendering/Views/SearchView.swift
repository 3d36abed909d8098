import Mustache

/// The search page's part (`{{#search}}`): where Pagefind's bundle is, and the section lists
/// offered instead when search cannot run (no JavaScript, or no index).
struct SearchView: MustacheParent, Sendable {
    /// Pagefind's bundle folder as a link, `/pagefind/` under the site's base path.
    var bundlePath: String
    /// The site's top-level sections in the page's language.
    var sections: [PageLink]

    func child(named name: String) -> Any? {
        switch name {
        case "bundlePath": bundlePath
        case "sections": sections
        case "hasSections": !sections.isEmpty
        default: nil
        }
    }
}
