import CampaignModel
import Yams

extension Quiz {
    /// Parses a quiz bank (`content/quizzes/<slug>.yaml`), checking it as it goes: every problem
    /// is reported with its position, and a quiz with errors is not returned.
    static func parse(_ file: SourceFile, config: SiteConfig, diagnostics: inout [Diagnostic]) -> Quiz? {
        guard let document = YAMLDocument.parse(file.text, in: file, diagnostics: &diagnostics) else { return nil }
        guard var fields = YAMLFields(document.root, in: document, what: "a quiz bank", diagnostics: &diagnostics) else {
            return nil
        }
        var reader = QuizReader(config: config)
        defer { diagnostics += reader.diagnostics }

        let slug = String(file.relativePath.split(separator: "/").last!.dropLast(".yaml".count))
        if !Slug.isValid(slug) { reader.error(.invalidSlug(slug), at: file.location()) }
        let title = reader.text("title", in: &fields, required: true)
        let description = reader.text("description", in: &fields)
        let translationNode = fields.node("translation")
        var translation: TranslationStatus?
        if let text = fields.string("translation") {
            translation = TranslationStatus(rawValue: text)
            if translation == nil {
                reader.error(.invalidValue(field: "translation", value: text, expected: "draft or reviewed"),
                             at: fields.location(of: translationNode))
            }
        }
        let passMarkNode = fields.node("passMark")
        let passMark = fields.int("passMark") ?? 70
        if !(0...100).contains(passMark) {
            reader.error(.invalidValue(field: "passMark", value: String(passMark), expected: "a percentage from 0 to 100"),
                         at: fields.location(of: passMarkNode))
        }
        let poolNode = fields.node("pool")
        let pool = fields.int("pool")
        let shuffle = fields.bool("shuffle") ?? false
        let timerNode = fields.node("timer")
        let timer = fields.int("timer") ?? 30
        if timer < 5 {
            reader.error(.invalidValue(field: "timer", value: String(timer), expected: "at least 5 seconds"),
                         at: fields.location(of: timerNode))
        }

        let categories = reader.categories(fields.node("categories"), document: document, fallback: fields.location(of: nil))
        let results = reader.results(fields.node("results"), document: document)
        let questions = reader.questions(fields.node("questions"), document: document,
                                         categories: Set(categories.map(\.id)), fallback: fields.location(of: nil))
        if let pool {
            if pool < 1 || pool > questions.count {
                reader.error(.quizPoolTooLarge(pool: pool, questions: questions.count), at: fields.location(of: poolNode))
            }
        }
        fields.warnAboutUnknownKeys()
        reader.diagnostics += fields.diagnostics
        guard let title, !reader.diagnostics.containsErrors else { return nil }
        return Quiz(id: slug, title: title, description: description ?? Localized(), translation: translation,
                    categories: categories, questions: questions, passMark: passMark, pool: pool, shuffle: shuffle,
                    timerSeconds: timer, results: results)
    }
}

/// Reads the parts of a quiz bank, collecting diagnostics.
private struct QuizReader {
    let config: SiteConfig
    var diagnostics: [Diagnostic] = []

    mutating func error(_ reason: Reason, at location: SourceLocation) {
        diagnostics.append(.error(reason, at: location))
    }

    /// Localized text that must at least be written in the default language.
    mutating func text(_ key: String, in fields: inout YAMLFields, required: Bool = false) -> Localized<String>? {
        let node = fields.value(key)
        guard let text = fields.localizedString(key, defaultLanguage: config.defaultLanguage, required: required) else {
            return nil
        }
        for code in text.languages where config.language(code) == nil {
            error(.unknownLanguage(code.rawValue), at: fields.location(of: node))
        }
        if text[config.defaultLanguage]?.isEmpty ?? true {
            error(.missingDefaultLanguageText(field: key, language: config.defaultLanguage.rawValue), at: fields.location(of: node))
        }
        return text
    }

    mutating func list(_ node: Node?, named name: String, document: YAMLDocument, fallback: SourceLocation) -> [Node] {
        guard let node else {
            error(.missingField(name), at: fallback)
            return []
        }
        guard case .sequence(let items) = node, !items.isEmpty else {
            error(.wrongType(field: name, expected: "a list"), at: document.location(of: node))
            return []
        }
        return Array(items)
    }

    mutating func categories(_ node: Node?, document: YAMLDocument, fallback: SourceLocation) -> [QuizCategory] {
        var categories: [QuizCategory] = []
        for item in list(node, named: "categories", document: document, fallback: fallback) {
            guard var fields = YAMLFields(item, in: document, what: "a category", diagnostics: &diagnostics) else { continue }
            let idNode = fields.node("id")
            let id = fields.string("id", required: true)
            let name = text("name", in: &fields, required: true)
            fields.warnAboutUnknownKeys()
            diagnostics += fields.diagnostics
            guard let id, let name else { continue }
            if categories.contains(where: { $0.id == id }) {
                error(.duplicateID(kind: "category", id: id), at: document.location(of: idNode))
                continue
            }
            categories.append(QuizCategory(id: id, name: name))
        }
        return categories
    }

    mutating func results(_ node: Node?, document: YAMLDocument) -> [QuizResultRange] {
        guard let node else { return [] }
        var results: [QuizResultRange] = []
        for item in list(node, named: "results", document: document, fallback: document.location(of: node)) {
            guard var fields = YAMLFields(item, in: document, what: "a result message", diagnostics: &diagnostics) else { continue }
            let minimum = fields.int("min") ?? 0
            let maximum = fields.int("max") ?? 100
            let message = text("message", in: &fields, required: true)
            fields.warnAboutUnknownKeys()
            diagnostics += fields.diagnostics
            guard minimum <= maximum, (0...100).contains(minimum), (0...100).contains(maximum) else {
                error(.invalidValue(field: "score range", value: "\(minimum)-\(maximum)", expected: "min ≤ max, both 0 to 100"),
                      at: fields.location(of: nil))
                continue
            }
            if let message { results.append(QuizResultRange(range: minimum...maximum, message: message)) }
        }
        return results
    }

    mutating func questions(_ node: Node?, document: YAMLDocument, categories: Set<String>,
                            fallback: SourceLocation) -> [QuizQuestion] {
        var questions: [QuizQuestion] = []
        for item in list(node, named: "questions", document: document, fallback: fallback) {
            guard var fields = YAMLFields(item, in: document, what: "a question", diagnostics: &diagnostics) else { continue }
            if let question = self.question(&fields, document: document, categories: categories) {
                if questions.contains(where: { $0.id == question.id }) {
                    error(.duplicateID(kind: "question", id: question.id), at: fields.location(of: fields.value("id")))
                } else {
                    questions.append(question)
                }
            }
            fields.warnAboutUnknownKeys()
            diagnostics += fields.diagnostics
        }
        return questions
    }

    private mutating func question(_ fields: inout YAMLFields, document: YAMLDocument,
                                   categories: Set<String>) -> QuizQuestion? {
        let idNode = fields.node("id")
        let id = fields.string("id", required: true)
        if let id, !Slug.isValid(id) { error(.invalidSlug(id), at: fields.location(of: idNode)) }
        let categoryNode = fields.node("category")
        let category = fields.string("category", required: true)
        if let category, !categories.contains(category) {
            error(.unknownQuizCategory(category), at: fields.location(of: categoryNode))
        }
        let typeNode = fields.node("type")
        var kind = QuestionKind.single
        if let typeText = fields.string("type") {
            if let parsed = QuestionKind(rawValue: typeText) { kind = parsed } else {
                error(.invalidValue(field: "type", value: typeText, expected: "single, multiple or true-false"),
                      at: fields.location(of: typeNode))
            }
        }
        let questionText = text("text", in: &fields, required: true)
        let explanation = text("explanation", in: &fields, required: true)

        var choices: [QuizChoice] = []
        let choicesNode = fields.node("choices")
        if kind == .trueFalse {
            choices = ["true", "false"].map { QuizChoice(id: $0, text: Localized()) }
        } else {
            for item in list(choicesNode, named: "choices", document: document, fallback: fields.location(of: nil)) {
                guard var choiceFields = YAMLFields(item, in: document, what: "a choice", diagnostics: &diagnostics) else { continue }
                let choiceIDNode = choiceFields.node("id")
                let choiceID = choiceFields.string("id", required: true)
                let choiceText = text("text", in: &choiceFields, required: true)
                let feedback = text("feedback", in: &choiceFields)
                choiceFields.warnAboutUnknownKeys()
                diagnostics += choiceFields.diagnostics
                guard let choiceID, let choiceText else { continue }
                if choices.contains(where: { $0.id == choiceID }) {
                    error(.duplicateID(kind: "choice", id: choiceID), at: document.location(of: choiceIDNode))
                    continue
                }
                choices.append(QuizChoice(id: choiceID, text: choiceText, feedback: feedback))
            }
            if choices.count == 1 {
                error(.invalidValue(field: "choices", value: "1 choice", expected: "at least 2 choices"),
                      at: fields.location(of: choicesNode))
            }
        }

        let answerNode = fields.node("answer")
        var answers: [(String, SourceLocation)] = []
        switch answerNode {
        case nil:
            error(.missingField("answer"), at: fields.location(of: nil))
        case .scalar(let scalar)?:
            let value = kind == .trueFalse ? (answerNode?.bool.map { $0 ? "true" : "false" } ?? scalar.string) : scalar.string
            answers = [(value, fields.location(of: answerNode))]
        case .sequence(let items)?:
            for item in items {
                if let value = item.string { answers.append((value, fields.location(of: item))) }
            }
        default:
            error(.wrongType(field: "answer", expected: "a choice id or a list of choice ids"), at: fields.location(of: answerNode))
        }
        for (answer, location) in answers where !choices.contains(where: { $0.id == answer }) {
            error(.unknownQuizAnswer(answer), at: location)
        }
        if kind != .multiple && answers.count > 1 {
            error(.tooManyAnswers(type: kind.rawValue, count: answers.count), at: fields.location(of: answerNode))
        }
        if answerNode != nil && answers.isEmpty {
            error(.missingField("answer"), at: fields.location(of: answerNode))
        }
        guard let id, let category, let questionText, let explanation else { return nil }
        return QuizQuestion(id: id, category: category, kind: kind, text: questionText, choices: choices,
                            answers: Set(answers.map(\.0)), explanation: explanation)
    }
}
