/// A BCP 47 language tag as written in `site.yaml`, such as `zh-TW` or `fil`.
///
/// Two codes are equal when they differ only in case, because BCP 47 tags are case-insensitive;
/// the spelling from the site configuration is kept for display and for `lang` attributes.
public struct LanguageCode: Hashable, Comparable, Codable, Sendable, CustomStringConvertible {
    /// The tag as written, e.g. `zh-TW`.
    public let rawValue: String
    /// The lower-cased form used in URLs and file names, and for comparing: `zh-tw`. Kept, not
    /// computed, because codes are dictionary keys looked up many times for every page.
    public let pathComponent: String

    /// Creates a code when `rawValue` has the shape of a language tag (`ll`, `lll`, `ll-RR`, ...).
    public init?(_ rawValue: String) {
        guard Self.isWellFormed(rawValue) else { return nil }
        self.rawValue = rawValue
        self.pathComponent = rawValue.lowercased()
    }

    /// The primary language subtag, lower-cased: `zh` for `zh-TW`.
    public var primarySubtag: String {
        String(pathComponent.split(separator: "-").first ?? "")
    }

    public var description: String { rawValue }

    public static func == (lhs: Self, rhs: Self) -> Bool { lhs.pathComponent == rhs.pathComponent }
    public func hash(into hasher: inout Hasher) { hasher.combine(pathComponent) }
    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.pathComponent < rhs.pathComponent }

    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let code = LanguageCode(text) else {
            throw DecodingError.dataCorrupted(
                .init(codingPath: decoder.codingPath, debugDescription: "'\(text)' is not a language tag"))
        }
        self = code
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }

    /// Whether `text` has the shape of a language tag: `ll` or `lll`, then any number of `-` subtags of 2 to 8 letters or digits.
    public static func isWellFormed(_ text: String) -> Bool {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard let first = parts.first, (2...3).contains(first.count),
              first.allSatisfy({ $0.isASCII && $0.isLetter }) else { return false }
        return parts.dropFirst().allSatisfy { part in
            (2...8).contains(part.count) && part.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber) }
        }
    }
}
