/// Whether a person has reviewed a page's translation.
public enum TranslationStatus: String, Hashable, Codable, Sendable {
    /// Drafted (by a person or a tool) and awaiting review; the page says so.
    case draft
    /// Checked by a person who reads the language.
    case reviewed
}
