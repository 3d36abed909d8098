import CampaignModel

extension LanguageCode {
    /// The locale Open Graph names this language by (`og:locale`): language and territory joined
    /// by an underscore, `zh_TW` for `zh-TW`; a bare language gets the territory its readers here
    /// come from (`vi_VN`, `fil_PH`), and an unknown one stays bare.
    var openGraphLocale: String {
        let parts = rawValue.split(separator: "-")
        if parts.count >= 2, let region = parts.last(where: { $0.count == 2 && $0.allSatisfy(\.isLetter) }) {
            return parts[0].lowercased() + "_" + region.uppercased()
        }
        let primary = primarySubtag
        return Self.openGraphTerritories[primary].map { primary + "_" + $0 } ?? primary
    }

    /// The territory of a bare language's readers, for Open Graph, which wants one.
    private static let openGraphTerritories = [
        "en": "US", "vi": "VN", "id": "ID", "th": "TH", "fil": "PH", "tl": "PH", "zh": "TW", "ms": "MY",
        "my": "MM", "km": "KH", "ja": "JP", "ko": "KR",
    ]
}
