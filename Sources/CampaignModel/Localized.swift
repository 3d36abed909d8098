/// A value given in several languages, such as a title written in Chinese and English.
///
/// Lookups fall back along a chain (the reader's language, then the site's default language) and
/// report which language answered, so a page can mark fallback text with its real `lang`.
public struct Localized<Value: Sendable>: Sendable {
    /// The values by language, as written.
    public private(set) var values: [LanguageCode: Value]

    /// Creates a localized value from its translations.
    public init(_ values: [LanguageCode: Value] = [:]) {
        self.values = values
    }

    /// The value written for exactly `language`, if any.
    public subscript(language: LanguageCode) -> Value? {
        get { values[language] }
        set { values[language] = newValue }
    }

    /// The languages this value is written in, sorted.
    public var languages: [LanguageCode] { values.keys.sorted() }

    /// The first value found along `chain`, with the language it was written in.
    public func resolve(_ chain: [LanguageCode]) -> Resolved? {
        for language in chain {
            if let value = values[language] { return Resolved(value: value, language: language) }
        }
        return nil
    }

    /// The value for `language`, falling back to `defaultLanguage`.
    public func resolve(_ language: LanguageCode, fallback defaultLanguage: LanguageCode) -> Resolved? {
        resolve([language, defaultLanguage])
    }

    /// A value together with the language it is actually written in.
    public struct Resolved: Sendable {
        /// The value found.
        public var value: Value
        /// The language `value` is written in; differs from the one asked for on fallback.
        public var language: LanguageCode

        /// Creates a resolved value.
        public init(value: Value, language: LanguageCode) {
            self.value = value
            self.language = language
        }
    }
}

extension Localized: Equatable where Value: Equatable {}
extension Localized: Hashable where Value: Hashable {}
extension Localized.Resolved: Equatable where Value: Equatable {}

extension Localized: Codable where Value: Codable {
    public init(from decoder: any Decoder) throws {
        let raw = try decoder.singleValueContainer().decode([String: Value].self)
        var values: [LanguageCode: Value] = [:]
        for (key, value) in raw {
            guard let code = LanguageCode(key) else {
                throw DecodingError.dataCorrupted(
                    .init(codingPath: decoder.codingPath, debugDescription: "'\(key)' is not a language tag"))
            }
            values[code] = value
        }
        self.values = values
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        let raw = Dictionary(uniqueKeysWithValues: values.map { ($0.key.rawValue, $0.value) })
        try container.encode(raw)
    }
}
