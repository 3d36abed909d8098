import CampaignModel
import Foundation

/// One finished quiz set as the quiz page sends it:
/// `{"quiz": "<slug>", "set": 1, "language": "vi", "answers": {"<question id>": ["<choice id>"]}}`.
/// Nothing in it says who answered.
public struct Submission: Hashable, Sendable {
    public var quiz: String
    public var set: Int
    public var language: String
    /// The picked choices of each answered question (`["true"]` or `["false"]` for true-false).
    public var answers: [String: [String]]
}

/// Why a submission is refused. Each becomes a 4xx answer with this text.
public enum Rejection: Error, Hashable, Sendable, CustomStringConvertible {
    case malformedJSON
    case unexpectedField(String)
    case unknownQuiz(String)
    case unknownSet(Int)
    case unknownLanguage(String)
    case noAnswers
    case unknownQuestion(String)
    case unknownChoice(question: String, choice: String)
    case wrongNumberOfChoices(question: String)

    public var description: String {
        switch self {
        case .malformedJSON:
            "the body must be a JSON object: {\"quiz\": ..., \"set\": ..., \"language\": ..., \"answers\": {...}}"
        case .unexpectedField(let name): "unexpected field '\(name)'"
        case .unknownQuiz(let slug): "no quiz '\(slug)'"
        case .unknownSet(let set): "the quiz has no set \(set)"
        case .unknownLanguage(let code): "'\(code)' is not a language of the site"
        case .noAnswers: "no answers"
        case .unknownQuestion(let id): "question '\(id)' is not in this set"
        case .unknownChoice(let question, let choice): "question '\(question)' has no choice '\(choice)'"
        case .wrongNumberOfChoices(let question): "question '\(question)' takes one answer, or different ones"
        }
    }
}

/// Checks submissions against the quiz banks and turns them into counts.
public struct SubmissionChecker: Sendable {
    /// The quiz banks by slug.
    public var quizzes: [String: Quiz]
    /// The site's language codes.
    public var languages: Set<String>

    public init(quizzes: [Quiz], languages: [String]) {
        self.quizzes = Dictionary(quizzes.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        self.languages = Set(languages)
    }

    /// Reads a body: a JSON object with exactly the four fields, of the right types.
    public static func parse(_ body: [UInt8]) throws(Rejection) -> Submission {
        do {
            let body = try JSONDecoder().decode(Body.self, from: Data(body))
            return Submission(quiz: body.quiz, set: body.set, language: body.language, answers: body.answers)
        } catch let extra as Body.Extra {
            throw .unexpectedField(String(extra.name.prefix(40)))
        } catch {
            throw .malformedJSON
        }
    }

    /// The body's shape, with unknown fields refused.
    private struct Body: Decodable {
        var quiz: String
        var set: Int
        var language: String
        var answers: [String: [String]]

        struct Key: CodingKey {
            var stringValue: String
            var intValue: Int? { nil }
            init(stringValue: String) { self.stringValue = stringValue }
            init?(intValue: Int) { nil }
        }

        init(from decoder: any Decoder) throws {
            let all = try decoder.container(keyedBy: Key.self)
            if let extra = all.allKeys.map(\.stringValue).sorted().first(where: { !["quiz", "set", "language", "answers"].contains($0) }) {
                throw Extra(name: extra)
            }
            quiz = try all.decode(String.self, forKey: Key(stringValue: "quiz"))
            set = try all.decode(Int.self, forKey: Key(stringValue: "set"))
            language = try all.decode(String.self, forKey: Key(stringValue: "language"))
            answers = try all.decode([String: [String]].self, forKey: Key(stringValue: "answers"))
        }

        struct Extra: Error { var name: String }
    }

    /// The counts a submission adds on `day`: one answer per answered question (correct or not),
    /// and one pick per chosen choice. Every id must be in the bank, in the set named.
    public func tally(_ submission: Submission, on day: CalendarDay) throws(Rejection) -> Tally {
        guard let quiz = quizzes[submission.quiz] else { throw .unknownQuiz(String(submission.quiz.prefix(60))) }
        let sets = quiz.sets
        guard sets.indices.contains(submission.set - 1) else { throw .unknownSet(submission.set) }
        guard languages.contains(submission.language) else { throw .unknownLanguage(String(submission.language.prefix(20))) }
        guard !submission.answers.isEmpty else { throw .noAnswers }
        let questions = Dictionary(sets[submission.set - 1].map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        var tally = Tally()
        for id in submission.answers.keys.sorted() {
            guard let question = questions[id] else { throw .unknownQuestion(String(id.prefix(60))) }
            let picked = submission.answers[id] ?? []
            let known = Set(question.choiceIDs)
            for choice in picked where !known.contains(choice) {
                throw .unknownChoice(question: id, choice: String(choice.prefix(60)))
            }
            let unique = Set(picked)
            guard !unique.isEmpty, unique.count == picked.count, question.kind == .multiple || unique.count == 1 else {
                throw .wrongNumberOfChoices(question: id)
            }
            let key = Tally.QuestionKey(day: day, quiz: quiz.id, question: id, language: submission.language)
            tally.questions[key] = Tally.Answers(answers: 1, correct: question.isAnsweredCorrectly(by: unique) ? 1 : 0)
            for choice in unique {
                tally.choices[Tally.ChoiceKey(day: day, quiz: quiz.id, question: id, choice: choice, language: submission.language)] = 1
            }
        }
        return tally
    }
}

extension QuizQuestion {
    /// The ids a reader can pick (a true-false question's choices are `true` and `false`).
    var choiceIDs: [String] { choices.map(\.id) }
}
