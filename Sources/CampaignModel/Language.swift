/// A language the site is published in.
public struct Language: Hashable, Codable, Sendable {
    /// The language's tag, e.g. `vi`.
    public var code: LanguageCode
    /// The language's name in its own script, e.g. `Tiếng Việt`, so every reader can find theirs.
    public var name: String
    /// Writing direction, for the `dir` attribute.
    public var direction: TextDirection

    /// Creates a language.
    public init(code: LanguageCode, name: String, direction: TextDirection = .leftToRight) {
        self.code = code
        self.name = name
        self.direction = direction
    }
}

/// The writing direction of a language.
public enum TextDirection: String, Hashable, Codable, Sendable {
    case leftToRight = "ltr"
    case rightToLeft = "rtl"
}
