import CampaignModel

/// A campaign's coordination report in one language: what each department did for each pillar
/// over a period, with its figures, in the order New Taipei's half-yearly conference report uses
/// (prevention, protection, prosecution, partnership, then other measures).
///
/// Plain values with every text already resolved to the report's language, so the same report
/// can be laid out as a web page, a PDF, CSV or JSON.
public struct CoordinationReport: Hashable, Sendable {
    /// The campaign's id.
    public var campaign: String
    public var title: Text
    /// The language the report was asked for; a text's own `language` differs where it fell back.
    public var language: LanguageCode
    /// The days the report covers, both included.
    public var period: ClosedRange<CalendarDay>
    /// The report's parts, in the seed report's order; parts with nothing in them are left out.
    public var parts: [Part]
    /// Every figure of the period, in part and department order.
    public var figures: [FigureRow]
    /// The quizzes' answer counts over the period, when they are known.
    public var quizzes: [QuizRow]

    /// Every event of the report, in part and department order.
    public var events: [EventRow] { parts.flatMap { $0.departments.flatMap(\.events) } }

    /// A text with the language it is written in, which differs from the report's where a
    /// translation is missing and the site's default language stands in.
    public struct Text: Hashable, Sendable {
        public var value: String
        public var language: LanguageCode

        public init(value: String, language: LanguageCode) {
            self.value = value
            self.language = language
        }
    }

    /// One part of the report: a pillar, or the other measures.
    public struct Part: Hashable, Sendable {
        public var section: ReportSection
        /// The departments with something in this part, in the campaign's order.
        public var departments: [DepartmentPart]
    }

    /// What one department did within one part of the report.
    public struct DepartmentPart: Hashable, Sendable {
        /// The department's id.
        public var department: String
        public var name: Text
        public var events: [EventRow]
        public var activities: [ActivityRow]
        public var figures: [FigureRow]
    }

    /// An event of the period.
    public struct EventRow: Hashable, Sendable {
        public var id: String
        public var department: String
        public var pillar: Pillar
        public var kind: EventKind
        public var title: Text
        public var start: EventTime
        public var end: EventTime?
        public var place: Text?
        public var audience: Text?
        public var participants: Int?
    }

    /// Work a department describes in its own words.
    public struct ActivityRow: Hashable, Sendable {
        public var department: String
        public var section: ReportSection
        public var title: Text
        /// CommonMark.
        public var text: Text
    }

    /// A number a department reported.
    public struct FigureRow: Hashable, Sendable {
        public var id: String
        public var department: String
        public var pillar: Pillar
        public var value: Double
        public var unit: String
        public var label: Text
        public var period: ClosedRange<CalendarDay>
    }

    /// How often a quiz's questions were answered over a period, and how often correctly.
    public struct QuizRow: Hashable, Sendable {
        public var quiz: String
        public var title: Text
        public var period: ClosedRange<CalendarDay>
        public var answers: Int
        public var correct: Int
        /// Correct answers in percent, two decimals; nil when nothing was answered.
        public var correctPercentage: Double?
        public var questions: [QuestionRow]
    }

    /// The counts of one question.
    public struct QuestionRow: Hashable, Sendable {
        public var id: String
        public var text: Text
        public var answers: Int
        public var correct: Int
        public var correctPercentage: Double?
    }
}

/// A part of a coordination report: one of the 4 Ps, or the other and innovative measures that
/// close it.
public enum ReportSection: Hashable, Sendable, Comparable {
    case pillar(Pillar)
    case otherMeasures

    /// Every part in the report's order.
    public static let allCases: [ReportSection] = Pillar.allCases.map(ReportSection.pillar) + [.otherMeasures]

    /// `prevention`, ..., `partnership`, `other`: how content and exports name the part.
    public var name: String {
        switch self {
        case .pillar(let pillar): pillar.rawValue
        case .otherMeasures: "other"
        }
    }

    /// The part a content name (`prevention`, `other`) stands for.
    public init?(name: String) {
        if name == "other" {
            self = .otherMeasures
        } else if let pillar = Pillar(rawValue: name) {
            self = .pillar(pillar)
        } else {
            return nil
        }
    }

    /// The pillar an activity with this part serves; nil for other measures.
    public var pillar: Pillar? {
        if case .pillar(let pillar) = self { pillar } else { nil }
    }

    public static func < (lhs: Self, rhs: Self) -> Bool {
        (allCases.firstIndex(of: lhs) ?? 0) < (allCases.firstIndex(of: rhs) ?? 0)
    }
}
