import CampaignModel

/// Counts to add to the store: answers and correct answers per question, and picks per choice,
/// each by quiz, language and day. Never anything about who answered.
public struct Tally: Hashable, Sendable {
    /// Answers and correct answers of one question, in one language, on one day.
    public struct QuestionKey: Hashable, Sendable, Comparable {
        public var day: CalendarDay
        public var quiz: String
        public var question: String
        public var language: String

        public init(day: CalendarDay, quiz: String, question: String, language: String) {
            self.day = day
            self.quiz = quiz
            self.question = question
            self.language = language
        }

        public static func < (lhs: Self, rhs: Self) -> Bool {
            (lhs.day, lhs.quiz, lhs.question, lhs.language) < (rhs.day, rhs.quiz, rhs.question, rhs.language)
        }
    }

    /// How often one choice was picked, in one language, on one day.
    public struct ChoiceKey: Hashable, Sendable, Comparable {
        public var day: CalendarDay
        public var quiz: String
        public var question: String
        public var choice: String
        public var language: String

        public init(day: CalendarDay, quiz: String, question: String, choice: String, language: String) {
            self.day = day
            self.quiz = quiz
            self.question = question
            self.choice = choice
            self.language = language
        }

        public static func < (lhs: Self, rhs: Self) -> Bool {
            (lhs.day, lhs.quiz, lhs.question, lhs.choice, lhs.language)
                < (rhs.day, rhs.quiz, rhs.question, rhs.choice, rhs.language)
        }
    }

    /// Answers and correct answers.
    public struct Answers: Hashable, Sendable {
        public var answers: Int
        public var correct: Int

        public init(answers: Int, correct: Int) {
            self.answers = answers
            self.correct = correct
        }
    }

    public var questions: [QuestionKey: Answers] = [:]
    public var choices: [ChoiceKey: Int] = [:]

    public init() {}

    public var isEmpty: Bool { questions.isEmpty && choices.isEmpty }

    /// Adds another tally's counts to this one.
    public mutating func add(_ other: Tally) {
        for (key, value) in other.questions {
            questions[key, default: Answers(answers: 0, correct: 0)].answers += value.answers
            questions[key, default: Answers(answers: 0, correct: 0)].correct += value.correct
        }
        for (key, value) in other.choices { choices[key, default: 0] += value }
    }
}
