/// How often each question of a quiz was answered, and how often correctly, over a period:
/// counts only, nothing about who answered.
public struct QuizStatistics: Hashable, Sendable {
    /// The quiz's slug.
    public var quiz: String
    /// The days the counts cover.
    public var period: ClosedRange<CalendarDay>
    /// The counts of each question that was answered, in the bank's order.
    public var questions: [QuestionCount]

    /// Creates statistics for one quiz.
    public init(quiz: String, period: ClosedRange<CalendarDay>, questions: [QuestionCount]) {
        self.quiz = quiz
        self.period = period
        self.questions = questions
    }

    /// All answers to the quiz's questions.
    public var answers: Int { questions.reduce(0) { $0 + $1.answers } }
    /// All correct answers to the quiz's questions.
    public var correct: Int { questions.reduce(0) { $0 + $1.correct } }
    /// The share of correct answers in percent, rounded to two decimals as reports print it
    /// (74.33); nil when nothing was answered.
    public var correctPercentage: Double? { Self.percentage(correct, of: answers) }

    /// `part` as a percentage of `total`, rounded to two decimals; nil when `total` is zero.
    public static func percentage(_ part: Int, of total: Int) -> Double? {
        guard total > 0 else { return nil }
        return (Double(part) * 10000 / Double(total)).rounded() / 100
    }

    /// The counts of one question.
    public struct QuestionCount: Hashable, Sendable {
        /// The question's id in the bank.
        public var question: String
        /// How many times it was answered.
        public var answers: Int
        /// How many of those answers were correct; never more than `answers`.
        public var correct: Int

        /// Creates counts; fails for negative counts or more correct answers than answers.
        public init?(question: String, answers: Int, correct: Int) {
            guard answers >= 0, correct >= 0, correct <= answers else { return nil }
            self.question = question
            self.answers = answers
            self.correct = correct
        }

        /// The share of correct answers in percent, two decimals; nil when never answered.
        public var correctPercentage: Double? { QuizStatistics.percentage(correct, of: answers) }
    }
}
