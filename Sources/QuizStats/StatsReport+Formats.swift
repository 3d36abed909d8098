import CampaignModel
import CampaignReport
import Foundation

extension StatsReport {
    /// The report for a terminal: each category's headline, then its questions.
    public var text: String {
        var lines: [String] = []
        let period = [from?.description, to?.description].map { $0 ?? "…" }.joined(separator: " to ")
        lines.append("Quiz answers, \(period). Cells under \(Self.threshold) answers are shown as '<\(Self.threshold)'.")
        for quiz in quizzes {
            lines.append("")
            lines.append("\(quiz.title) (\(quiz.quiz))")
            for category in quiz.categories {
                lines.append("  \(category.name): " + Self.headline(category.total))
                for question in category.questions {
                    var line = "    \(question.question): " + Self.headline(question.total)
                    let languages = question.languages.keys.sorted().map { "\($0) \(Self.short(question.languages[$0] ?? .empty))" }
                    line += "; " + languages.joined(separator: ", ")
                    if let wrong = question.mostChosenWrong {
                        line += "; most chosen wrong answer: \(wrong)" + (question.mostChosenWrongText.map { " (\"\($0)\")" } ?? "")
                    }
                    lines.append(line)
                }
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// "answered 79,371 times, 74.33% correct".
    static func headline(_ cell: Cell) -> String {
        guard let answers = cell.answers else { return "answered <\(threshold) times" }
        let percent = cell.percentCorrect.map { " \(number($0))% correct" } ?? ""
        return "answered \(answers.formatted(.number.grouping(.automatic).locale(Locale(identifier: "en_US")))) times," + percent
    }

    static func short(_ cell: Cell) -> String {
        guard let answers = cell.answers else { return "<\(threshold)" }
        return cell.percentCorrect.map { "\(answers) (\(number($0))%)" } ?? "\(answers)"
    }

    static func number(_ value: Double) -> String {
        value == value.rounded() ? String(Int(value)) : String(value)
    }

    /// One row per quiz × category × question × language (`all` for a question's total, and a
    /// row with an empty question for a category's headline). Suppressed cells are empty.
    public var csv: String {
        var table = CSVTable(header: ["quiz", "category", "question", "language", "answers", "correct", "percentCorrect",
                                      "facilityIndex", "mostChosenWrong", "mostChosenWrongText"])
        func row(_ quiz: String, _ category: String, _ question: String, _ language: String, _ cell: Cell,
                 _ wrong: String = "", _ wrongText: String = "") {
            table.rows.append([quiz, category, question, language, cell.answers.map(String.init) ?? "",
                               cell.correct.map(String.init) ?? "", cell.percentCorrect.map(Self.number) ?? "",
                               cell.facilityIndex.map(Self.number) ?? "", wrong, wrongText])
        }
        for quiz in quizzes {
            for category in quiz.categories {
                row(quiz.quiz, category.category, "", "all", category.total)
                for question in category.questions {
                    row(quiz.quiz, category.category, question.question, "all", question.total,
                        question.mostChosenWrong ?? "", question.mostChosenWrongText ?? "")
                    for language in question.languages.keys.sorted() {
                        row(quiz.quiz, category.category, question.question, language, question.languages[language] ?? .empty)
                    }
                }
            }
        }
        return table.text
    }

    /// The same, nested, for scripts: suppressed counts are `null`.
    public var json: String {
        struct CellRecord: Encodable {
            var answers: Int?
            var correct: Int?
            var percentCorrect: Double?
            var facilityIndex: Double?
            init(_ cell: Cell) {
                answers = cell.answers
                correct = cell.correct
                percentCorrect = cell.percentCorrect
                facilityIndex = cell.facilityIndex
            }
            func encode(to encoder: any Encoder) throws {
                var container = encoder.container(keyedBy: CodingKeys.self)
                try container.encode(answers, forKey: .answers)
                try container.encode(correct, forKey: .correct)
                try container.encode(percentCorrect, forKey: .percentCorrect)
                try container.encode(facilityIndex, forKey: .facilityIndex)
            }
            enum CodingKeys: String, CodingKey { case answers, correct, percentCorrect, facilityIndex }
        }
        struct QuestionRecord: Encodable {
            var id: String
            var text: String
            var total: CellRecord
            var languages: [String: CellRecord]
            var mostChosenWrong: String?
            var mostChosenWrongText: String?
        }
        struct CategoryRecord: Encodable {
            var id: String
            var name: String
            var total: CellRecord
            var questions: [QuestionRecord]
        }
        struct QuizRecord: Encodable {
            var quiz: String
            var title: String
            var categories: [CategoryRecord]
        }
        struct Document: Encodable {
            var version = 1
            var from: String?
            var to: String?
            var threshold: Int
            var quizzes: [QuizRecord]
        }
        let document = Document(from: from?.description, to: to?.description, threshold: Self.threshold, quizzes: quizzes.map { quiz in
            QuizRecord(quiz: quiz.quiz, title: quiz.title, categories: quiz.categories.map { category in
                CategoryRecord(id: category.category, name: category.name, total: CellRecord(category.total),
                               questions: category.questions.map { question in
                                   QuestionRecord(id: question.question, text: question.text, total: CellRecord(question.total),
                                                  languages: question.languages.mapValues(CellRecord.init),
                                                  mostChosenWrong: question.mostChosenWrong,
                                                  mostChosenWrongText: question.mostChosenWrongText)
                               })
            })
        })
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        return (try? encoder.encode(document)).map { String(decoding: $0, as: UTF8.self) + "\n" } ?? "{}\n"
    }
}

/// `content/data/quiz-stats.json` from the counters: each quiz's questions with at least
/// `StatsReport.threshold` answers, summed over languages and days, for the build to show on quiz
/// pages without any live request.
public enum StatisticsExport {
    public static func json(counts: StoredCounts, quizzes: [Quiz], from: CalendarDay?, to: CalendarDay?) -> String {
        struct QuestionRecord: Encodable {
            var id: String
            var answers: Int
            var correct: Int
        }
        struct QuizRecord: Encodable {
            var quiz: String
            var from: String
            var to: String
            var questions: [QuestionRecord]
        }
        struct Document: Encodable {
            var version = 1
            var quizzes: [QuizRecord]
        }
        var records: [QuizRecord] = []
        for quiz in quizzes {
            let keys = counts.questions.filter { $0.key.quiz == quiz.id }
            guard let first = keys.keys.map(\.day).min(), let last = keys.keys.map(\.day).max() else { continue }
            var totals: [String: Tally.Answers] = [:]
            for (key, value) in keys {
                totals[key.question, default: Tally.Answers(answers: 0, correct: 0)].answers += value.answers
                totals[key.question, default: Tally.Answers(answers: 0, correct: 0)].correct += value.correct
            }
            let questions = quiz.questions.compactMap { question -> QuestionRecord? in
                guard let total = totals[question.id], total.answers >= StatsReport.threshold else { return nil }
                return QuestionRecord(id: question.id, answers: total.answers, correct: total.correct)
            }
            guard !questions.isEmpty else { continue }
            records.append(QuizRecord(quiz: quiz.id, from: (from ?? first).description, to: (to ?? last).description, questions: questions))
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        return (try? encoder.encode(Document(quizzes: records))).map { String(decoding: $0, as: UTF8.self) + "\n" } ?? "{}\n"
    }
}
