import CampaignModel
import Foundation

extension CoordinationReport {
    /// The report's tables as one CSV sheet for the coordination committee's spreadsheets: a row
    /// per event, activity, figure and quiz question, each naming its part and department.
    ///
    /// Columns: `record` (event, activity, figure, quiz, question), `part`, `department`, `id`,
    /// `title`, `start`, `end`, `kind`, `place`, `audience`, `participants`, `value`, `unit`,
    /// `answers`, `correct`, `correctPercentage`, `text`.
    public var csv: String {
        var table = CSVTable(header: ["record", "part", "department", "id", "title", "start", "end", "kind", "place",
                                      "audience", "participants", "value", "unit", "answers", "correct",
                                      "correctPercentage", "text"])
        func row(_ record: String, part: String = "", department: String = "", id: String = "", title: String = "",
                 start: String = "", end: String = "", kind: String = "", place: String = "", audience: String = "",
                 participants: String = "", value: String = "", unit: String = "", answers: String = "",
                 correct: String = "", percentage: String = "", text: String = "") {
            table.rows.append([record, part, department, id, title, start, end, kind, place, audience, participants,
                               value, unit, answers, correct, percentage, text])
        }
        for part in parts {
            for department in part.departments {
                for event in department.events {
                    row("event", part: part.section.name, department: department.department, id: event.id,
                        title: event.title.value, start: event.start.description, end: event.end?.description ?? "",
                        kind: event.kind.rawValue, place: event.place?.value ?? "", audience: event.audience?.value ?? "",
                        participants: event.participants.map(String.init) ?? "")
                }
                for activity in department.activities {
                    row("activity", part: part.section.name, department: department.department,
                        title: activity.title.value, text: activity.text.value)
                }
                for figure in department.figures {
                    row("figure", part: part.section.name, department: department.department, id: figure.id,
                        title: figure.label.value, start: figure.period.lowerBound.description,
                        end: figure.period.upperBound.description, value: Self.number(figure.value), unit: figure.unit)
                }
            }
        }
        for quiz in quizzes {
            row("quiz", id: quiz.quiz, title: quiz.title.value, start: quiz.period.lowerBound.description,
                end: quiz.period.upperBound.description, answers: String(quiz.answers), correct: String(quiz.correct),
                percentage: quiz.correctPercentage.map(Self.number) ?? "")
            for question in quiz.questions {
                row("question", id: quiz.quiz + "/" + question.id, title: question.text.value,
                    answers: String(question.answers), correct: String(question.correct),
                    percentage: question.correctPercentage.map(Self.number) ?? "")
            }
        }
        return table.text
    }

    /// The report as JSON (`Tests/Schemas/report.schema.json`): the same tables, nested by part
    /// and department, with sorted keys so the same report gives the same bytes.
    public var json: String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        guard let data = try? encoder.encode(Document(self)) else { return "{}\n" }
        return String(decoding: data, as: UTF8.self) + "\n"
    }

    /// `82`, `79371`, `74.33`: whole numbers without a decimal point.
    static func number(_ value: Double) -> String {
        if value == value.rounded(), abs(value) < 1e15 { return String(Int(value)) }
        return String(value)
    }

    /// The JSON document's shape, apart from the report's so that field names stay stable.
    private struct Document: Encodable {
        var version = 1
        var campaign: String
        var title: String
        var language: String
        var from: String
        var to: String
        var parts: [PartRecord]
        var figures: [FigureRecord]
        var quizzes: [QuizRecord]

        init(_ report: CoordinationReport) {
            campaign = report.campaign
            title = report.title.value
            language = report.language.rawValue
            from = report.period.lowerBound.description
            to = report.period.upperBound.description
            parts = report.parts.map { part in
                PartRecord(part: part.section.name, departments: part.departments.map { department in
                    DepartmentRecord(
                        id: department.department, name: department.name.value,
                        events: department.events.map { event in
                            EventRecord(id: event.id, title: event.title.value, start: event.start.description,
                                        end: event.end?.description, kind: event.kind.rawValue, place: event.place?.value,
                                        audience: event.audience?.value, participants: event.participants)
                        },
                        activities: department.activities.map { ActivityRecord(title: $0.title.value, text: $0.text.value) },
                        figures: department.figures.map(FigureRecord.init))
                })
            }
            figures = report.figures.map(FigureRecord.init)
            quizzes = report.quizzes.map { quiz in
                QuizRecord(quiz: quiz.quiz, title: quiz.title.value, from: quiz.period.lowerBound.description,
                           to: quiz.period.upperBound.description, answers: quiz.answers, correct: quiz.correct,
                           correctPercentage: quiz.correctPercentage,
                           questions: quiz.questions.map { question in
                               QuestionRecord(id: question.id, text: question.text.value, answers: question.answers,
                                              correct: question.correct, correctPercentage: question.correctPercentage)
                           })
            }
        }
    }

    private struct PartRecord: Encodable {
        var part: String
        var departments: [DepartmentRecord]
    }

    private struct DepartmentRecord: Encodable {
        var id: String
        var name: String
        var events: [EventRecord]
        var activities: [ActivityRecord]
        var figures: [FigureRecord]
    }

    private struct EventRecord: Encodable {
        var id: String
        var title: String
        var start: String
        var end: String?
        var kind: String
        var place: String?
        var audience: String?
        var participants: Int?
    }

    private struct ActivityRecord: Encodable {
        var title: String
        /// CommonMark.
        var text: String
    }

    private struct FigureRecord: Encodable {
        var id: String
        var department: String
        var pillar: String
        var value: Double
        var unit: String
        var label: String
        var from: String
        var to: String

        init(_ figure: CoordinationReport.FigureRow) {
            id = figure.id
            department = figure.department
            pillar = figure.pillar.rawValue
            value = figure.value
            unit = figure.unit
            label = figure.label.value
            from = figure.period.lowerBound.description
            to = figure.period.upperBound.description
        }
    }

    private struct QuizRecord: Encodable {
        var quiz: String
        var title: String
        var from: String
        var to: String
        var answers: Int
        var correct: Int
        var correctPercentage: Double?
        var questions: [QuestionRecord]
    }

    private struct QuestionRecord: Encodable {
        var id: String
        var text: String
        var answers: Int
        var correct: Int
        var correctPercentage: Double?
    }
}
