/// Ongoing work a department describes in its own words, rather than an event on a given day:
/// "labor inspectors promote the rule of law to construction companies", "a database of 82
/// interpreters". Coordination reports list it under the pillar it serves.
public struct Activity: Hashable, Sendable {
    /// Id of the department that does it.
    public var department: String
    /// The pillar it serves; nil for the report's last part, other or innovative measures.
    public var pillar: Pillar?
    /// A short heading: "Shelter and resettlement".
    public var title: Localized<String>
    /// What was done, as CommonMark.
    public var text: Localized<String>

    /// Creates an activity.
    public init(department: String, pillar: Pillar?, title: Localized<String>, text: Localized<String>) {
        self.department = department
        self.pillar = pillar
        self.title = title
        self.text = text
    }
}
