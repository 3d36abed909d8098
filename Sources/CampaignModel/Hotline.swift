/// A help line the public can call, defined once in `content/hotlines.yaml` and referred to by id.
public struct Hotline: Hashable, Codable, Sendable, Identifiable {
    /// The stable id pages use to refer to it, e.g. `1955`.
    public var id: String
    /// The number as dialled, e.g. `0800-024-111`.
    public var number: String
    /// The hotline's name in each language.
    public var name: Localized<String>
    /// Who it is for, when it answers, in which languages.
    public var description: Localized<String>

    /// Creates a hotline.
    public init(id: String, number: String, name: Localized<String>, description: Localized<String>) {
        self.id = id
        self.number = number
        self.name = name
        self.description = description
    }

    /// The `tel:` URI for the number, digits and a leading `+` only.
    public var telephoneURI: String {
        "tel:" + number.filter { $0.isASCII && ($0.isNumber || $0 == "+") }
    }
}

