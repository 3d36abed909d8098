import CampaignModel

extension Localized where Value == String {
    /// The text for `language` (falling back to `defaultLanguage`), and the `lang` attribute value
    /// templates need: nil when it is in the reader's language, else the language it fell back to.
    func templateText(in language: LanguageCode, fallback defaultLanguage: LanguageCode) -> (value: String, lang: String?) {
        guard let resolved = resolve(language, fallback: defaultLanguage) else { return ("", nil) }
        return (resolved.value, resolved.language == language ? nil : resolved.language.rawValue)
    }
}
