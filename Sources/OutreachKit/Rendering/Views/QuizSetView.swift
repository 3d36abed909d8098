import Mustache

/// One set of a quiz's questions, as an ordinary form (`{{#quiz}}` in `quiz`).
struct QuizSetView: MustacheParent, Sendable {
    var slug: String
    var setNumber: String
    var setCount: String
    var hasSets: Bool
    /// The answer key and the script's messages, safe inside `<script>`.
    var json: String
    var questionCount: String
    var passMark: String
    var timerOptions: [TimerOption]
    var questions: [Question]
    var sets: [SetLink]
    /// What happens to the reader's answers: kept on the device, or counted without identifying anyone.
    var privacy: String
    /// The quiz's published counts ("Answered 79,371 times; 74.33% of answers correct."), if any.
    var statistics: String?

    func child(named name: String) -> Any? {
        switch name {
        case "privacy": privacy
        case "statistics": statistics.orFalse
        case "slug": slug
        case "setNumber": setNumber
        case "setCount": setCount
        case "hasSets": hasSets
        case "json": json
        case "questionCount": questionCount
        case "passMark": passMark
        case "timerOptions": timerOptions
        case "questions": questions
        case "sets": sets
        default: nil
        }
    }

    /// A choice of the challenge mode's time per question.
    struct TimerOption: MustacheParent, Sendable {
        var value: String
        var isOff: Bool
        var selected: Bool

        func child(named name: String) -> Any? {
            switch name {
            case "value": value
            case "isOff": isOff
            case "selected": selected
            default: nil
            }
        }
    }

    /// A question with its choices, its correct answers and its explanation.
    struct Question: MustacheParent, Sendable {
        var id: String
        var category: String
        var type: String
        /// `radio` or `checkbox`.
        var inputType: String
        var text: String
        var textLang: String?
        var choices: [Choice]
        var correct: [Choice]
        var explanation: String
        var explanationLang: String?

        func child(named name: String) -> Any? {
            switch name {
            case "id": id
            case "category": category
            case "type": type
            case "inputType": inputType
            case "text": text
            case "textLang": textLang.orFalse
            case "choices": choices
            case "correct": correct
            case "explanation": explanation
            case "explanationLang": explanationLang.orFalse
            default: nil
            }
        }
    }

    /// A choice of a question.
    struct Choice: MustacheParent, Sendable {
        var id: String
        var questionID: String
        var text: String
        var lang: String?

        func child(named name: String) -> Any? {
            switch name {
            case "id": id
            case "questionID": questionID
            case "text": text
            case "lang": lang.orFalse
            default: nil
            }
        }
    }

    /// A link to one set of the bank.
    struct SetLink: MustacheParent, Sendable {
        var number: String
        var url: String
        var current: Bool

        func child(named name: String) -> Any? {
            switch name {
            case "number": number
            case "url": url
            case "current": current
            default: nil
            }
        }
    }
}
