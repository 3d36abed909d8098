import CampaignModel

extension Localized where Value == String {
    /// The text for `language` (falling back to `defaultLanguage`), and the `lang` attribute value
    /// templates need: false when it is in the reader's language, else the language it fell back to.
    func templateText(in language: LanguageCode, fallback defaultLanguage: LanguageCode) -> (value: String, lang: Any) {
        guard let resolved = resolve(language, fallback: defaultLanguage) else { return ("", false) }
        return (resolved.value, resolved.language == language ? false : resolved.language.rawValue)
    }
}
