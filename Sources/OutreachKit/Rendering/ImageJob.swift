/// An image the build makes by taking a screenshot of a layout page: an e-poster in one of its
/// formats, or a language's preview card. Rendered (as HTML) with the pages; shot in the finish step.
struct ImageJob: Hashable, Sendable {
    /// The PNG's path in the site (`en/posters/signs/signs-en-1080x1350.png`).
    var image: String
    var width: Int
    var height: Int
    /// The layout page: HTML laid out for exactly `width` by `height` pixels.
    var layout: String
    /// Files of the site the layout page loads (its style sheet, the poster's photo), by path in the
    /// site: a change in any of them makes the image again.
    var assets: [String]

    /// Where the layout page is written while it is shot, beside the image so that its relative
    /// links are those of the poster's page; removed before the swap, never published.
    var layoutPath: String { image + ".html" }
}
