/// A campaign: a coordinated effort of several departments over a period.
public struct Campaign: Hashable, Sendable, Identifiable {
    /// Stable id, the file name of its page.
    public var id: String
    public var title: Localized<String>
    public var summary: Localized<String>
    /// The pillars of the 4 Ps it serves.
    public var pillars: [Pillar]
    /// Ids of the departments taking part.
    public var departments: [String]
    /// First and last day, both included.
    public var period: ClosedRange<CalendarDay>?
    /// Who it is for, in each language.
    public var audience: Localized<String>
    /// Languages its material is offered in.
    public var languages: [LanguageCode]
    /// Slugs of the quizzes that belong to it.
    public var quizzes: [String]

    public init(id: String, title: Localized<String>, summary: Localized<String> = Localized(), pillars: [Pillar] = [],
                departments: [String] = [], period: ClosedRange<CalendarDay>? = nil,
                audience: Localized<String> = Localized(), languages: [LanguageCode] = [], quizzes: [String] = []) {
        self.id = id
        self.title = title
        self.summary = summary
        self.pillars = pillars
        self.departments = departments
        self.period = period
        self.audience = audience
        self.languages = languages
        self.quizzes = quizzes
    }
}
