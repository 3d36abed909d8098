import CampaignModel

/// What a build did, for the CLI to show.
public struct BuildReport: Sendable {
    /// Every problem found, sorted by location.
    public var diagnostics: [Diagnostic]
    /// Pages per language, in the site's language order (empty when the build failed).
    public var languages: [LanguageSummary]
    /// Number of files written, pages and assets together.
    public var filesWritten: Int
    /// Whether the output folder was replaced.
    public var succeeded: Bool
    /// What the build has to say besides problems (search skipped).
    public var notes: [BuildNote] = []
    /// Images Chromium rendered (one launch each), and images taken unchanged from the previous output.
    public var imagesRendered = 0
    public var imagesReused = 0
    /// How long each phase took.
    public var times = PhaseTimes()
}

/// How complete one language of the site is.
public struct LanguageSummary: Hashable, Sendable {
    public var language: LanguageCode
    /// Pages published in this language, fallbacks included.
    public var pages: Int
    /// Pages shown in the default language because they are not translated.
    public var untranslatedPages: Int
    /// Quiz questions shown in the default language because they are not translated.
    public var untranslatedQuizQuestions: Int
}
