/// A government department or agency that takes part in a campaign.
public struct Department: Hashable, Sendable, Identifiable {
    /// Stable id, the file name of its page: `police`, `labor-affairs`.
    public var id: String
    /// The department's name in each language.
    public var name: Localized<String>
    public var kind: DepartmentKind

    public init(id: String, name: Localized<String>, kind: DepartmentKind) {
        self.id = id
        self.name = name
        self.kind = kind
    }
}

/// What a department does, so later tools can group them.
public enum DepartmentKind: String, Hashable, Sendable, CaseIterable, Codable {
    case police
    case labor
    case socialWelfare = "social-welfare"
    case health
    case education
    case tourism
    case immigration
    case other
}
