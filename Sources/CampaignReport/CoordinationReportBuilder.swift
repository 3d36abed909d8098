import CampaignModel

/// Builds a campaign's coordination report from the campaign model alone, so that any tool holding
/// the model (the site, a command, a spreadsheet export) gets the same report.
public struct CoordinationReportBuilder: Sendable {
    public var campaigns: [Campaign]
    public var departments: [Department]
    public var events: [Event]
    public var figures: [Figure]
    public var activities: [Activity]
    public var quizzes: [Quiz]
    public var quizStatistics: [QuizStatistics]

    public init(campaigns: [Campaign], departments: [Department], events: [Event], figures: [Figure] = [],
                activities: [Activity] = [], quizzes: [Quiz] = [], quizStatistics: [QuizStatistics] = []) {
        self.campaigns = campaigns
        self.departments = departments
        self.events = events
        self.figures = figures
        self.activities = activities
        self.quizzes = quizzes
        self.quizStatistics = quizStatistics
    }

    /// Why a report cannot be built.
    public enum Failure: Error, Hashable, Sendable {
        case unknownCampaign(String)
        /// The campaign has no start and end, and no period was asked for.
        case noPeriod(campaign: String)
        case emptyPeriod(from: CalendarDay, to: CalendarDay)
    }

    /// The report of campaign `id` in `language` (texts missing in it come in `fallback`), over
    /// `period` or, without one, the campaign's own.
    ///
    /// It holds the campaign's events that overlap the period, the figures of its departments whose
    /// period overlaps it, every activity its departments describe, and the answer counts of its
    /// quizzes over overlapping periods.
    public func build(campaign id: String, from: CalendarDay? = nil, to: CalendarDay? = nil,
                      language: LanguageCode, fallback: LanguageCode) throws(Failure) -> CoordinationReport {
        guard let campaign = campaigns.first(where: { $0.id == id }) else { throw .unknownCampaign(id) }
        guard let start = from ?? campaign.period?.lowerBound, let end = to ?? campaign.period?.upperBound else {
            throw .noPeriod(campaign: id)
        }
        guard start <= end else { throw .emptyPeriod(from: start, to: end) }
        let period = start...end
        let chain = language == fallback ? [language] : [language, fallback]
        func text(_ localized: Localized<String>) -> CoordinationReport.Text? {
            localized.resolve(chain).map { CoordinationReport.Text(value: $0.value, language: $0.language) }
        }
        func text(_ localized: Localized<String>, or placeholder: String) -> CoordinationReport.Text {
            text(localized) ?? CoordinationReport.Text(value: placeholder, language: language)
        }

        let chosenEvents = events
            .filter { $0.campaign == id && $0.start.day <= end && $0.lastDay >= start }
            .sorted { ($0.start, $0.id) < ($1.start, $1.id) }
        let departmentOrder = Self.departmentOrder(campaign: campaign, departments: departments, events: chosenEvents)
        let taking = Set(departmentOrder)
        let chosenFigures = figures.filter { taking.contains($0.department) && $0.period.overlaps(period) }
        let chosenActivities = activities.filter { taking.contains($0.department) }
        let names = Dictionary(departments.map { ($0.id, $0.name) }, uniquingKeysWith: { first, _ in first })

        func eventRow(_ event: Event) -> CoordinationReport.EventRow {
            .init(id: event.id, department: event.department, pillar: event.pillar, kind: event.kind,
                  title: text(event.title, or: event.id), start: event.start, end: event.end,
                  place: text(event.place), audience: text(event.audience), participants: event.participants)
        }
        func figureRow(_ figure: Figure) -> CoordinationReport.FigureRow {
            .init(id: figure.id, department: figure.department, pillar: figure.pillar, value: figure.value,
                  unit: figure.unit, label: text(figure.label, or: figure.id), period: figure.period)
        }

        var parts: [CoordinationReport.Part] = []
        for section in ReportSection.allCases {
            var departmentParts: [CoordinationReport.DepartmentPart] = []
            for department in departmentOrder {
                let events = chosenEvents.filter { $0.department == department && section.pillar == $0.pillar }
                let activities = chosenActivities.filter { $0.department == department && $0.pillar == section.pillar }
                let figures = chosenFigures.filter { $0.department == department && section.pillar == $0.pillar }
                guard !(events.isEmpty && activities.isEmpty && figures.isEmpty) else { continue }
                departmentParts.append(.init(
                    department: department, name: text(names[department] ?? Localized(), or: department),
                    events: events.map(eventRow),
                    activities: activities.map { activity in
                        .init(department: department, section: section, title: text(activity.title, or: ""),
                              text: text(activity.text, or: ""))
                    },
                    figures: figures.map(figureRow)))
            }
            if !departmentParts.isEmpty { parts.append(.init(section: section, departments: departmentParts)) }
        }

        let quizzesByID = Dictionary(quizzes.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let quizRows: [CoordinationReport.QuizRow] = campaign.quizzes.flatMap { slug in
            quizStatistics.filter { $0.quiz == slug && $0.period.overlaps(period) }.map { statistics in
                let questions = Dictionary((quizzesByID[slug]?.questions ?? []).map { ($0.id, $0) },
                                           uniquingKeysWith: { first, _ in first })
                return CoordinationReport.QuizRow(
                    quiz: slug, title: text(quizzesByID[slug]?.title ?? Localized(), or: slug), period: statistics.period,
                    answers: statistics.answers, correct: statistics.correct,
                    correctPercentage: statistics.correctPercentage,
                    questions: statistics.questions.map { count in
                        .init(id: count.question, text: text(questions[count.question]?.text ?? Localized(), or: count.question),
                              answers: count.answers, correct: count.correct, correctPercentage: count.correctPercentage)
                    })
            }
        }

        return CoordinationReport(
            campaign: id, title: text(campaign.title, or: id), language: language, period: period, parts: parts,
            figures: parts.flatMap { $0.departments.flatMap(\.figures) }, quizzes: quizRows)
    }

    /// The campaign's departments in its own order, then any other department one of its events
    /// names, in the model's order.
    static func departmentOrder(campaign: Campaign, departments: [Department], events: [Event]) -> [String] {
        var order = campaign.departments
        var seen = Set(order)
        let named = Set(events.map(\.department))
        for department in departments where named.contains(department.id) && !seen.contains(department.id) {
            order.append(department.id)
            seen.insert(department.id)
        }
        return order
    }
}
