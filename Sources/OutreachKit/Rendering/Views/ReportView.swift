import Mustache

/// The view of `report.mustache`: a campaign's coordination report, by part and department.
struct ReportView: MustacheParent, Sendable {
    /// First and last day, as `2022-01-01` and as the reader reads dates.
    var from: String
    var fromText: String
    var to: String
    var toText: String
    var parts: [Part]
    /// Every figure of the period, for the summary table.
    var figures: [FigureRow]
    var quizzes: [QuizRow]
    /// The stylesheet that prints the report's title at the top of every printed page.
    var runningHeaderURL: String
    /// The report's PDF, when the build prints PDFs.
    var pdf: String?

    func child(named name: String) -> Any? {
        switch name {
        case "from": from
        case "fromText": fromText
        case "to": to
        case "toText": toText
        case "parts": parts
        case "figures": figures
        case "hasFigures": !figures.isEmpty
        case "quizzes": quizzes
        case "hasQuizzes": !quizzes.isEmpty
        case "runningHeaderURL": runningHeaderURL
        case "pdf": pdf.orFalse
        default: nil
        }
    }

    /// A pillar, or the other measures.
    struct Part: MustacheParent, Sendable {
        var anchor: String
        /// `1`, `2`...: its number in the report.
        var number: String
        var name: String
        var departments: [DepartmentPart]

        func child(named name: String) -> Any? {
            switch name {
            case "anchor": anchor
            case "number": number
            case "name": self.name
            case "departments": departments
            default: nil
            }
        }
    }

    /// What one department did within a part.
    struct DepartmentPart: MustacheParent, Sendable {
        var anchor: String
        var name: String
        var nameLang: String?
        var url: String?
        var activities: [Activity]
        var events: [EventRow]
        var figures: [FigureView]

        func child(named name: String) -> Any? {
            switch name {
            case "anchor": anchor
            case "name": self.name
            case "nameLang": nameLang.orFalse
            case "url": url.orFalse
            case "activities": activities
            case "events": events
            case "hasEvents": !events.isEmpty
            case "figures": figures
            case "hasFigures": !figures.isEmpty
            default: nil
            }
        }
    }

    /// A section of the department's page, as HTML.
    struct Activity: MustacheParent, Sendable {
        var title: String
        var lang: String?
        var html: String

        func child(named name: String) -> Any? {
            switch name {
            case "title": title
            case "lang": lang.orFalse
            case "html": html
            default: nil
            }
        }
    }

    /// A row of a part's table of events.
    struct EventRow: MustacheParent, Sendable {
        var isoDate: String
        var date: String
        var title: String
        var titleLang: String?
        var url: String?
        var place: String
        var placeLang: String?
        var audience: String
        var audienceLang: String?
        /// `1,000`, or empty when the source does not say.
        var participants: String

        func child(named name: String) -> Any? {
            switch name {
            case "isoDate": isoDate
            case "date": date
            case "title": title
            case "titleLang": titleLang.orFalse
            case "url": url.orFalse
            case "place": place
            case "placeLang": placeLang.orFalse
            case "audience": audience
            case "audienceLang": audienceLang.orFalse
            case "participants": participants
            default: nil
            }
        }
    }

    /// A row of the figures table.
    struct FigureRow: MustacheParent, Sendable {
        var part: String
        var department: String
        var departmentLang: String?
        var figure: FigureView

        func child(named name: String) -> Any? {
            switch name {
            case "part": part
            case "department": department
            case "departmentLang": departmentLang.orFalse
            case "figure": figure
            default: nil
            }
        }
    }

    /// A quiz's answer counts over a period.
    struct QuizRow: MustacheParent, Sendable {
        var title: String
        var lang: String?
        var url: String?
        var period: String
        var answers: String
        var correct: String
        var percentage: String
        var questions: [QuestionRow]

        func child(named name: String) -> Any? {
            switch name {
            case "title": title
            case "lang": lang.orFalse
            case "url": url.orFalse
            case "period": period
            case "answers": answers
            case "correct": correct
            case "percentage": percentage
            case "questions": questions
            default: nil
            }
        }
    }

    /// One question's counts.
    struct QuestionRow: MustacheParent, Sendable {
        var text: String
        var lang: String?
        var answers: String
        var correct: String
        var percentage: String

        func child(named name: String) -> Any? {
            switch name {
            case "text": text
            case "lang": lang.orFalse
            case "answers": answers
            case "correct": correct
            case "percentage": percentage
            default: nil
            }
        }
    }
}
