import CampaignModel

/// What `SiteBuilder.coordinationReport` writes.
public enum ReportFormat: String, Sendable, CaseIterable {
    /// The report's web page, as the site publishes it.
    case html
    /// One sheet with a row per event, activity, figure and quiz question.
    case csv
    /// The same tables, nested by part and department (`Tests/Schemas/report.schema.json`).
    case json
}

/// Why a requested report cannot be made.
public enum ReportRequestError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The content has errors; they are in the diagnostics.
    case invalidSite
    case unknownCampaign(String, known: [String])
    case unknownLanguage(String, known: [String])
    /// The campaign has no `start` and `end`, and no period was asked for.
    case noPeriod(String)
    case emptyPeriod(from: String, to: String)

    public var description: String {
        switch self {
        case .invalidSite:
            "the content has errors (listed above); fix them first"
        case .unknownCampaign(let id, let known):
            "no campaign '\(id)'" + (known.isEmpty ? "" : "; the site's campaigns are: " + known.joined(separator: ", "))
        case .unknownLanguage(let code, let known):
            "'\(code)' is not one of the site's languages: " + known.joined(separator: ", ")
        case .noPeriod(let id):
            "campaign '\(id)' has no start and end in its front matter; give --from and --to"
        case .emptyPeriod(let from, let to):
            "--to \(to) is before --from \(from)"
        }
    }
}

/// A site's quizzes, as the statistics collector and its reports see them.
public struct QuizSite: Sendable {
    public var quizzes: [Quiz]
    public var languages: [LanguageCode]
    public var defaultLanguage: LanguageCode
    /// `scheme://host` the site is published at, the one origin allowed to submit.
    public var origin: String
}
