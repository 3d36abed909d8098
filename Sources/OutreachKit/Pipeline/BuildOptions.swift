import CampaignModel

/// Everything a build depends on besides the files themselves. The engine reads no environment or clock.
public struct BuildOptions: Sendable {
    /// The content folder, e.g. `content`.
    public var contentFolder: String
    /// The theme folder, e.g. `theme`. With a built-in theme, its files override the built-in
    /// ones, and it need not exist.
    public var themeFolder: String
    /// The theme to use for every file the theme folder lacks (the CLI passes the one built into it).
    public var builtInTheme: BuiltInTheme?
    /// The output folder, replaced only when the build succeeds.
    public var outputFolder: String
    /// Overrides `baseURL` from `site.yaml` (for previews and staging copies).
    public var baseURL: String?
    /// Include pages whose front matter says `draft: true`.
    public var includeDrafts: Bool
    /// Treat warnings as errors.
    public var strict: Bool
    /// The day the site is built for (events after it are "upcoming"). The CLI takes it from
    /// `SOURCE_DATE_EPOCH`; without it, the newest date in the content is used, never the clock.
    public var today: CalendarDay?
    /// Print posters and pamphlets to PDF with this renderer (`--pdf`); nil prints none.
    public var pdfPrinter: PDFPrinter?
    /// Makes every poster's images and the preview cards with this renderer (Chromium); nil makes
    /// none (the report then notes that they were skipped, and cards show the theme's icon).
    public var imageRenderer: ImageRenderer?
    /// Builds the search index over the finished site before it is swapped in; nil builds none
    /// (the report then notes that search was skipped, if the site has a search page).
    public var searchIndexer: (any SearchIndexer)?
    /// How many cores to parse and render on; nil for all of them. 1 does everything in one task,
    /// in order: the sequential build the parallel one must match byte for byte.
    public var workers: Int?

    /// Creates options; the defaults are the folder names of a standard site.
    public init(contentFolder: String = "content", themeFolder: String = "theme", outputFolder: String = "site",
                baseURL: String? = nil, includeDrafts: Bool = false, strict: Bool = false, today: CalendarDay? = nil,
                pdfPrinter: PDFPrinter? = nil, builtInTheme: BuiltInTheme? = nil,
                searchIndexer: (any SearchIndexer)? = nil, imageRenderer: ImageRenderer? = nil) {
        self.imageRenderer = imageRenderer
        self.builtInTheme = builtInTheme
        self.contentFolder = contentFolder
        self.themeFolder = themeFolder
        self.outputFolder = outputFolder
        self.baseURL = baseURL
        self.includeDrafts = includeDrafts
        self.strict = strict
        self.today = today
        self.pdfPrinter = pdfPrinter
        self.searchIndexer = searchIndexer
    }
}
