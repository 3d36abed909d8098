/// `/favicon.ico`: the theme's `assets/icons/favicon.ico`, also at the top of the site, where
/// browsers and other clients ask for it whether or not a page links it.
struct FaviconRenderer {
    var theme: Theme

    /// The favicon in the theme's assets folder.
    static let themePath = "icons/favicon.ico"

    /// The file, or nothing when the theme has no favicon.
    func render() -> [OutputFile] {
        theme.assets.filter { $0.relativePath == Self.themePath }.map { OutputFile(path: "favicon.ico", asset: $0) }
    }
}
