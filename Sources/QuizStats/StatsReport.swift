import CampaignModel
import Foundation

/// What the counters say, per quiz, category, question and language: answers, the share correct,
/// the facility index, and the most chosen wrong answer; with each category's headline ("answered
/// N times, X% correct"), as the health department reported its e-sports quiz.
///
/// Cells of fewer than `threshold` answers are suppressed, and so is one more cell of any row or
/// total that would otherwise give a suppressed cell away by subtraction.
public struct StatsReport: Hashable, Sendable {
    /// Cells with fewer answers than this (but some) are not shown.
    public static let threshold = 10

    public var from: CalendarDay?
    public var to: CalendarDay?
    public var quizzes: [QuizPart]

    public struct QuizPart: Hashable, Sendable {
        public var quiz: String
        public var title: String
        public var categories: [CategoryPart]
    }

    public struct CategoryPart: Hashable, Sendable {
        public var category: String
        public var name: String
        /// The headline: every answer to the category's questions.
        public var total: Cell
        public var questions: [QuestionPart]
    }

    public struct QuestionPart: Hashable, Sendable {
        public var question: String
        public var text: String
        public var total: Cell
        /// By language code, in the order of `languages`.
        public var languages: [String: Cell]
        /// The wrong choice picked most often (its id), when the count is shown.
        public var mostChosenWrong: String?
        /// That choice's text in the default language (nil for true-false, whose labels are the theme's).
        public var mostChosenWrongText: String?
    }

    /// One cell: the counts, or nil where suppressed.
    public struct Cell: Hashable, Sendable {
        public var answers: Int?
        public var correct: Int?

        public static let empty = Cell(answers: 0, correct: 0)

        /// Correct answers in percent, two decimals.
        public var percentCorrect: Double? {
            guard let answers, let correct, answers > 0 else { return nil }
            return QuizStatistics.percentage(correct, of: answers)
        }

        /// Moodle's facility index: the mean score as a percentage of the maximum. Answers here
        /// score 1 (every right choice and no other) or 0, so it equals the percentage correct.
        public var facilityIndex: Double? { percentCorrect }

        var isSuppressed: Bool { answers == nil }
    }

    /// Builds the report of `counts` for the quizzes in `quizzes`, with `languages` as columns.
    public init(counts: StoredCounts, quizzes: [Quiz], languages: [String], defaultLanguage: LanguageCode,
                from: CalendarDay? = nil, to: CalendarDay? = nil) {
        self.from = from
        self.to = to
        var answers: [String: [String: [String: Tally.Answers]]] = [:]  // quiz → question → language
        for (key, value) in counts.questions {
            var cell = answers[key.quiz, default: [:]][key.question, default: [:]][key.language] ?? Tally.Answers(answers: 0, correct: 0)
            cell.answers += value.answers
            cell.correct += value.correct
            answers[key.quiz, default: [:]][key.question, default: [:]][key.language] = cell
        }
        var picks: [String: [String: [String: Int]]] = [:]  // quiz → question → choice
        for (key, value) in counts.choices { picks[key.quiz, default: [:]][key.question, default: [:]][key.choice, default: 0] += value }

        func text(_ localized: Localized<String>, _ fallback: String) -> String {
            localized.resolve(defaultLanguage, fallback: defaultLanguage)?.value ?? fallback
        }
        self.quizzes = quizzes.compactMap { quiz -> QuizPart? in
            guard let quizCounts = answers[quiz.id] else { return nil }
            let categories = quiz.categories.compactMap { category -> CategoryPart? in
                let questions = quiz.questions.filter { $0.category == category.id && quizCounts[$0.id] != nil }
                guard !questions.isEmpty else { return nil }
                var parts = questions.map { question -> QuestionPart in
                    let byLanguage = quizCounts[question.id] ?? [:]
                    var cells = languages.map { language in
                        byLanguage[language].map { Cell(answers: $0.answers, correct: $0.correct) } ?? .empty
                    }
                    let total = byLanguage.values.reduce(Tally.Answers(answers: 0, correct: 0)) {
                        Tally.Answers(answers: $0.answers + $1.answers, correct: $0.correct + $1.correct)
                    }
                    var totalCell = Cell(answers: total.answers, correct: total.correct)
                    Self.suppress(&cells, total: &totalCell)
                    let wrong = (picks[quiz.id]?[question.id] ?? [:])
                        .filter { !question.answers.contains($0.key) && $0.value > 0 }
                        .sorted { ($1.value, $0.key) < ($0.value, $1.key) }.first
                    let shownWrong = wrong.flatMap { $0.value >= Self.threshold ? $0.key : nil }
                    let wrongText = shownWrong.flatMap { id in question.choices.first { $0.id == id } }
                        .map { text($0.text, "") }.flatMap { $0.isEmpty ? nil : $0 }
                    return QuestionPart(
                        question: question.id, text: text(question.text, question.id), total: totalCell,
                        languages: Dictionary(uniqueKeysWithValues: zip(languages, cells)),
                        mostChosenWrong: shownWrong, mostChosenWrongText: wrongText)
                }
                let sum = questions.compactMap { quizCounts[$0.id] }.flatMap(\.values)
                    .reduce(Tally.Answers(answers: 0, correct: 0)) {
                        Tally.Answers(answers: $0.answers + $1.answers, correct: $0.correct + $1.correct)
                    }
                var headline = Cell(answers: sum.answers, correct: sum.correct)
                var totals = parts.map(\.total)
                Self.suppress(&totals, total: &headline)
                for index in parts.indices where totals[index].isSuppressed && !parts[index].total.isSuppressed {
                    parts[index].total = totals[index]
                    parts[index].languages = parts[index].languages.mapValues { _ in Cell(answers: nil, correct: nil) }
                    parts[index].mostChosenWrong = nil
                    parts[index].mostChosenWrongText = nil
                }
                return CategoryPart(category: category.id, name: text(category.name, category.id), total: headline, questions: parts)
            }
            return QuizPart(quiz: quiz.id, title: text(quiz.title, quiz.id), categories: categories)
        }
    }

    /// Hides cells of 1 to `threshold - 1` answers; when a shown total would give away the only
    /// hidden cell (total minus the others), hides the smallest other non-empty cell too. A total
    /// under the threshold is hidden with every cell.
    static func suppress(_ cells: inout [Cell], total: inout Cell) {
        func small(_ cell: Cell) -> Bool { (cell.answers ?? 0) > 0 && (cell.answers ?? 0) < threshold }
        if small(total) {
            total = Cell(answers: nil, correct: nil)
            cells = cells.map { $0.answers == 0 ? $0 : Cell(answers: nil, correct: nil) }
            return
        }
        for index in cells.indices where small(cells[index]) { cells[index] = Cell(answers: nil, correct: nil) }
        let hidden = cells.filter(\.isSuppressed).count
        if hidden == 1, !total.isSuppressed {
            let candidate = cells.indices.filter { !cells[$0].isSuppressed && (cells[$0].answers ?? 0) > 0 }
                .min { (cells[$0].answers ?? 0, $0) < (cells[$1].answers ?? 0, $1) }
            if let candidate {
                cells[candidate] = Cell(answers: nil, correct: nil)
            } else {
                // Nothing else to hide: the total itself would reveal the cell.
                total = Cell(answers: nil, correct: nil)
            }
        }
    }
}
