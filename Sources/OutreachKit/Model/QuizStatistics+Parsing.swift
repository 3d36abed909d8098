import CampaignModel

extension QuizStatistics {
    /// Where a site keeps its quiz answer counts: exported by the statistics collector, or typed in
    /// from a department's own counts. Read as data, never published as a file.
    static let contentPath = "data/quiz-stats.json"

    /// Parses `data/quiz-stats.json` (JSON, read with the YAML parser so every problem has a line
    /// and column): per quiz and period, each question's answers and correct answers. Every quiz
    /// and question id is checked against the banks.
    ///
    /// ```json
    /// {"quizzes": [{"quiz": "health-and-safety", "from": "2022-01-01", "to": "2022-06-30",
    ///   "questions": [{"id": "q1", "answers": 120, "correct": 90}]}]}
    /// ```
    static func parseList(_ file: SourceFile, quizzes: [String: Quiz], diagnostics: inout [Diagnostic]) -> [QuizStatistics] {
        guard let document = YAMLDocument.parse(file.text, in: file, diagnostics: &diagnostics),
              var fields = YAMLFields(document.root, in: document, what: contentPath, diagnostics: &diagnostics) else {
            return []
        }
        defer { diagnostics += fields.diagnostics }
        _ = fields.int("version")
        guard let list = fields.node("quizzes"), case .sequence(let items) = list else {
            diagnostics.append(.error(.missingField("quizzes"), at: fields.location(of: nil)))
            return []
        }
        fields.warnAboutUnknownKeys()
        var result: [QuizStatistics] = []
        for item in items {
            guard var entry = YAMLFields(item, in: document, what: "a quiz's counts", diagnostics: &diagnostics) else { continue }
            let slug = entry.reference("quiz", required: true)
            let from = entry.day("from")
            let toNode = entry.node("to")
            let to = entry.day("to")
            let questionsNode = entry.node("questions")
            let quiz = slug.flatMap { quizzes[$0.id] }
            if let slug, quiz == nil {
                entry.appendError(.unknownReference(kind: "quiz", id: slug.id), at: slug.location)
            }
            if from == nil { entry.appendError(.missingField("from"), at: entry.location(of: nil)) }
            if to == nil { entry.appendError(.missingField("to"), at: entry.location(of: nil)) }
            if let from, let to, to < from {
                entry.appendError(.endBeforeStart(start: from.description, end: to.description), at: entry.location(of: toNode))
            }
            var counts: [QuestionCount] = []
            if case .sequence(let questions)? = questionsNode {
                let known = Set(quiz?.questions.map(\.id) ?? [])
                var seen: Set<String> = []
                for question in questions {
                    guard var count = YAMLFields(question, in: document, what: "a question's counts", diagnostics: &diagnostics) else {
                        continue
                    }
                    let id = count.reference("id", required: true)
                    let answersNode = count.value("answers")
                    let answers = count.int("answers")
                    let correct = count.int("correct")
                    count.warnAboutUnknownKeys()
                    diagnostics += count.diagnostics
                    for key in ["answers", "correct"] where count.value(key) == nil {
                        diagnostics.append(.error(.missingField(key), at: count.location(of: nil)))
                    }
                    guard let id, let answers, let correct else { continue }
                    if quiz != nil, !known.contains(id.id) {
                        diagnostics.append(.error(.unknownReference(kind: "question", id: id.id), at: id.location))
                    } else if !seen.insert(id.id).inserted {
                        diagnostics.append(.error(.duplicateID(kind: "question", id: id.id), at: id.location))
                    } else if let value = QuestionCount(question: id.id, answers: answers, correct: correct) {
                        counts.append(value)
                    } else {
                        diagnostics.append(.error(.invalidValue(field: "count", value: "\(correct) of \(answers)",
                                                                expected: "counts of 0 or more, with no more correct answers than answers"),
                                                  at: count.location(of: answersNode)))
                    }
                }
            } else {
                entry.appendError(.wrongType(field: "questions", expected: "a list of question counts"),
                                  at: entry.location(of: questionsNode))
            }
            entry.warnAboutUnknownKeys()
            diagnostics += entry.diagnostics
            guard let quiz, let from, let to, from <= to else { continue }
            // In the bank's order, whatever the file's.
            let order = Dictionary(uniqueKeysWithValues: quiz.questions.enumerated().map { ($1.id, $0) })
            counts.sort { (order[$0.question] ?? 0) < (order[$1.question] ?? 0) }
            result.append(QuizStatistics(quiz: quiz.id, period: from...to, questions: counts))
        }
        return result
    }
}
