/// A quiz for the public: questions in several languages sharing one answer key.
///
/// All text is localized inline, so every language asks the same questions with the same correct
/// answers; a translation can never disagree on what is right.
public struct Quiz: Hashable, Sendable, Identifiable {
    /// The quiz's slug, from its file name: `health-and-safety`.
    public var id: String
    public var title: Localized<String>
    public var description: Localized<String>
    /// Whether a person has reviewed the translations.
    public var translation: TranslationStatus?
    public var categories: [QuizCategory]
    public var questions: [QuizQuestion]
    /// Percentage of correct answers needed to pass, 0...100.
    public var passMark: Int
    /// How many questions one attempt draws from the bank; nil means all of them.
    public var pool: Int?
    /// Whether the browser shuffles questions and choices.
    public var shuffle: Bool
    /// Seconds per question in challenge mode; players can turn the limit off or lengthen it.
    public var timerSeconds: Int
    /// Messages for score ranges, as H5P shows them.
    public var results: [QuizResultRange]

    /// Creates a quiz.
    public init(id: String, title: Localized<String>, description: Localized<String> = Localized(),
                translation: TranslationStatus? = nil, categories: [QuizCategory], questions: [QuizQuestion],
                passMark: Int = 70, pool: Int? = nil, shuffle: Bool = false, timerSeconds: Int = 30,
                results: [QuizResultRange] = []) {
        self.id = id
        self.title = title
        self.description = description
        self.translation = translation
        self.categories = categories
        self.questions = questions
        self.passMark = passMark
        self.pool = pool
        self.shuffle = shuffle
        self.timerSeconds = timerSeconds
        self.results = results
    }

    /// The number of questions in one attempt.
    public var questionsPerAttempt: Int { min(pool ?? questions.count, questions.count) }

    /// The bank dealt into sets of at most `pool` questions, one attempt each.
    ///
    /// Questions are dealt like cards, category by category, so every set mixes the categories
    /// and set sizes differ by at most one. A page holds one set: a whole bank in Thai or Chinese
    /// would not fit the page budget of a phone on a slow connection.
    public var sets: [[QuizQuestion]] {
        guard !questions.isEmpty else { return [] }
        let count = (questions.count + questionsPerAttempt - 1) / questionsPerAttempt
        var sets = Array(repeating: [QuizQuestion](), count: count)
        let categoryOrder = categories.map(\.id)
        let dealt = questions.enumerated().sorted { lhs, rhs in
            let left = categoryOrder.firstIndex(of: lhs.element.category) ?? categoryOrder.count
            let right = categoryOrder.firstIndex(of: rhs.element.category) ?? categoryOrder.count
            return (left, lhs.offset) < (right, rhs.offset)
        }
        for (position, question) in dealt.enumerated() {
            sets[position % count].append(question.element)
        }
        // Within a set, keep the bank's order.
        let order = Dictionary(uniqueKeysWithValues: questions.enumerated().map { ($1.id, $0) })
        return sets.map { $0.sorted { order[$0.id]! < order[$1.id]! } }
    }

    /// The category with this id.
    public func category(_ id: String) -> QuizCategory? { categories.first { $0.id == id } }

    /// The message for a score, given as a percentage.
    public func resultMessage(forPercent percent: Int) -> Localized<String>? {
        results.first { $0.range.contains(percent) }?.message
    }
}

/// A topic questions are grouped by, for per-category results ("Anti-trafficking 4/5").
public struct QuizCategory: Hashable, Sendable, Identifiable {
    public var id: String
    public var name: Localized<String>

    public init(id: String, name: Localized<String>) {
        self.id = id
        self.name = name
    }
}

/// How a question is answered.
public enum QuestionKind: String, Hashable, Sendable, CaseIterable {
    /// Exactly one choice is correct (radio buttons).
    case single
    /// One or more choices are correct, and all of them must be picked (checkboxes).
    case multiple
    /// The choices are "true" and "false".
    case trueFalse = "true-false"
}

/// One question of a quiz.
public struct QuizQuestion: Hashable, Sendable, Identifiable {
    /// Stable id, unique in its quiz; used for form field names and saved progress.
    public var id: String
    /// The id of its category.
    public var category: String
    public var kind: QuestionKind
    public var text: Localized<String>
    /// The choices; for true-false questions, `true` and `false`.
    public var choices: [QuizChoice]
    /// Ids of the correct choices.
    public var answers: Set<String>
    public var explanation: Localized<String>

    public init(id: String, category: String, kind: QuestionKind, text: Localized<String>, choices: [QuizChoice],
                answers: Set<String>, explanation: Localized<String>) {
        self.id = id
        self.category = category
        self.kind = kind
        self.text = text
        self.choices = choices
        self.answers = answers
        self.explanation = explanation
    }

    /// Whether picking exactly `selected` answers the question correctly.
    public func isAnsweredCorrectly(by selected: Set<String>) -> Bool {
        selected == answers
    }
}

/// One possible answer.
public struct QuizChoice: Hashable, Sendable, Identifiable {
    /// Stable id within its question (`a`, `b`, or `true`/`false`).
    public var id: String
    /// The choice's text; empty for true-false, whose labels come from the theme.
    public var text: Localized<String>
    /// Shown when a player picks this choice.
    public var feedback: Localized<String>?

    public init(id: String, text: Localized<String>, feedback: Localized<String>? = nil) {
        self.id = id
        self.text = text
        self.feedback = feedback
    }
}

/// A message for scores within a percentage range, both ends included.
public struct QuizResultRange: Hashable, Sendable {
    public var range: ClosedRange<Int>
    public var message: Localized<String>

    public init(range: ClosedRange<Int>, message: Localized<String>) {
        self.range = range
        self.message = message
    }
}
