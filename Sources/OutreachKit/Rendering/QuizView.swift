import CampaignModel
import Foundation

/// Builds what the quiz template shows for one set of a quiz in one language.
///
/// Questions are an ordinary form, readable and answerable without JavaScript; the answer key and
/// the script's messages travel as JSON in a `<script type="application/json">` block.
struct QuizView {
    var quiz: Quiz
    /// Which set of the bank this page asks, from 1.
    var set: Int
    var language: LanguageCode
    var config: SiteConfig
    var strings: [String: String]
    /// The quiz's published answer counts (`data/quiz-stats.json`), shown under its title.
    var statistics: [QuizStatistics] = []

    /// Timer choices offered in challenge mode; 0 turns the limit off (WCAG 2.2.1).
    static let timerChoices = [0, 30, 60, 120]

    /// UI string keys passed to the script, by the name the script uses.
    static let scriptStrings = [
        "correct": "quiz_feedback_correct", "incorrect": "quiz_feedback_incorrect",
        "unanswered": "quiz_feedback_unanswered", "score": "quiz_score", "categoryScore": "quiz_category_score",
        "passed": "quiz_passed", "failed": "quiz_failed", "challengeStatus": "quiz_challenge_status",
        "timeLeft": "quiz_time_left", "timeUp": "quiz_time_up", "challengeDone": "quiz_challenge_done",
        "resume": "quiz_resume",
    ]

    /// The view of the quiz part of a quiz set's page; `sets` links to every set of the bank.
    func view(sets: [QuizSetView.SetLink]) -> QuizSetView {
        let timerDefault = Self.timerChoices.contains(quiz.timerSeconds) ? quiz.timerSeconds : 30
        var timerOptions = Self.timerChoices.map { seconds in
            QuizSetView.TimerOption(value: String(seconds), isOff: seconds == 0, selected: seconds == timerDefault)
        }
        if !Self.timerChoices.contains(quiz.timerSeconds) {
            timerOptions.append(.init(value: String(quiz.timerSeconds), isOff: false, selected: true))
            for index in timerOptions.indices where timerOptions[index].value == "30" { timerOptions[index].selected = false }
        }
        return QuizSetView(
            slug: quiz.id, setNumber: String(set), setCount: String(quiz.sets.count), hasSets: quiz.sets.count > 1,
            json: Self.scriptSafeJSON(data), questionCount: String(questions.count), passMark: String(quiz.passMark),
            timerOptions: timerOptions, questions: questions.map(question), sets: sets,
            privacy: strings[config.statsEndpoint == nil ? "quiz_privacy" : "quiz_privacy_counted"] ?? "",
            statistics: statisticsLine)
    }

    /// "Answered 79,371 times; 74.33% of answers correct.", over every period published; nil
    /// when nothing is.
    var statisticsLine: String? {
        let answers = statistics.reduce(0) { $0 + $1.answers }
        let correct = statistics.reduce(0) { $0 + $1.correct }
        guard answers > 0, let format = strings["quiz_stats_line"],
              let percent = QuizStatistics.percentage(correct, of: answers) else { return nil }
        return format.replacingOccurrences(of: "{answers}", with: EventViews.groupedDigits(answers))
            .replacingOccurrences(of: "{percent}", with: PageRenderer.formatted(percent))
    }

    /// The questions of this page's set.
    var questions: [QuizQuestion] {
        let sets = quiz.sets
        return sets.indices.contains(set - 1) ? sets[set - 1] : []
    }

    private func text(_ localized: Localized<String>) -> (value: String, lang: String?) {
        localized.templateText(in: language, fallback: config.defaultLanguage)
    }

    private func question(_ question: QuizQuestion) -> QuizSetView.Question {
        let questionText = text(question.text)
        let explanation = text(question.explanation)
        let choices = question.choices.map { choice in
            let label = choiceLabel(choice, of: question)
            return QuizSetView.Choice(id: choice.id, questionID: question.id, text: label.value, lang: label.lang)
        }
        let correct = question.choices.filter { question.answers.contains($0.id) }.map { choice in
            let label = choiceLabel(choice, of: question)
            return QuizSetView.Choice(id: choice.id, questionID: question.id, text: label.value, lang: label.lang)
        }
        return QuizSetView.Question(
            id: question.id, category: question.category, type: question.kind.rawValue,
            inputType: question.kind == .multiple ? "checkbox" : "radio", text: questionText.value, textLang: questionText.lang,
            choices: choices, correct: correct, explanation: explanation.value, explanationLang: explanation.lang)
    }

    private func choiceLabel(_ choice: QuizChoice, of question: QuizQuestion) -> (value: String, lang: String?) {
        guard question.kind == .trueFalse else { return text(choice.text) }
        return (strings[choice.id == "true" ? "quiz_true" : "quiz_false"] ?? choice.id, nil)
    }

    /// The answer key and messages for the script. Keys are sorted so output is byte-stable.
    private var data: QuizData {
        QuizData(
            slug: quiz.id, set: set, lang: language.rawValue, passMark: quiz.passMark, pool: questions.count,
            shuffle: quiz.shuffle, timer: quiz.timerSeconds, stats: config.statsEndpoint,
            categories: quiz.categories.map { .init(id: $0.id, name: text($0.name).value) },
            results: quiz.results.map { .init(min: $0.range.lowerBound, max: $0.range.upperBound, message: text($0.message).value) },
            questions: questions.map { question in
                var feedback: [String: String] = [:]
                for choice in question.choices {
                    if let localized = choice.feedback { feedback[choice.id] = text(localized).value }
                }
                return .init(id: question.id, category: question.category, type: question.kind.rawValue,
                             answers: question.answers.sorted(), feedback: feedback)
            },
            strings: Self.scriptStrings.compactMapValues { strings[$0] })
    }

    /// JSON that can sit inside a `<script>` element: `<`, `>` and `&` are escaped, so text such as
    /// `</script>` in a question can never end the element.
    static func scriptSafeJSON<Value: Encodable>(_ value: Value) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        guard let data = try? encoder.encode(value) else { return "{}" }
        var json = ""
        json.reserveCapacity(data.count)
        for scalar in String(decoding: data, as: UTF8.self).unicodeScalars {
            switch scalar {
            case "<": json += "\\u003c"
            case ">": json += "\\u003e"
            case "&": json += "\\u0026"
            case "\u{2028}": json += "\\u2028"
            case "\u{2029}": json += "\\u2029"
            default: json.unicodeScalars.append(scalar)
            }
        }
        return json
    }
}

/// The JSON given to `quiz.js`.
struct QuizData: Encodable {
    struct Category: Encodable { var id: String; var name: String }
    struct Result: Encodable { var min: Int; var max: Int; var message: String }
    struct Question: Encodable {
        var id: String
        var category: String
        var type: String
        var answers: [String]
        /// Per-choice feedback, only where written. The explanation is read from the page, not repeated here.
        var feedback: [String: String]
    }

    var slug: String
    /// The set of the bank on this page; saved progress is kept per set.
    var set: Int
    var lang: String
    var passMark: Int
    var pool: Int
    var shuffle: Bool
    var timer: Int
    /// Where a finished set is counted (`site.yaml`'s `stats.endpoint`); absent, nothing is sent.
    var stats: String?
    var categories: [Category]
    var results: [Result]
    var questions: [Question]
    var strings: [String: String]
}
