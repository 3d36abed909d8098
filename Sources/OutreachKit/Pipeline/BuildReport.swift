import CampaignModel

/// What a build did, for the CLI to show.
public struct BuildReport: Sendable {
    /// Every problem found, sorted by location.
    public var diagnostics: [Diagnostic]
    /// Pages written per language, in the site's language order (empty when the build failed).
    public var pagesPerLanguage: [(language: LanguageCode, pages: Int, fallbacks: Int)]
    /// Number of files written, pages and assets together.
    public var filesWritten: Int
    /// Whether `site/` was replaced.
    public var succeeded: Bool
}
