import CampaignModel
import Foundation
import Testing
import TestSupport
@testable import OutreachKit

@Suite struct QuizParsingTests {
    let config = SiteConfig(title: Localized([LanguageCode("en")!: "Test"]), baseURL: "https://example.org/",
                            defaultLanguage: LanguageCode("en")!,
                            languages: [Language(code: LanguageCode("en")!, name: "English"),
                                        Language(code: LanguageCode("vi")!, name: "Tiếng Việt")],
                            allowsUnsafeHTML: false)

    func parse(_ yaml: String) -> (Quiz?, [String]) {
        var diagnostics: [Diagnostic] = []
        let file = SourceFile(relativePath: "quizzes/test.yaml", displayPath: "content/quizzes/test.yaml", text: yaml)
        let quiz = Quiz.parse(file, config: config, diagnostics: &diagnostics)
        return (quiz, diagnostics.sortedByLocation().map { "\($0.location) \($0.reason)" })
    }

    @Test func parsesTheFixtureBank() throws {
        let text = try String(contentsOf: Fixtures.url("Sites/basic/content/quizzes/basics.yaml"), encoding: .utf8)
        let (quiz, problems) = parse(text)
        #expect(problems.isEmpty)
        let bank = try #require(quiz)
        #expect(bank.id == "test")
        #expect(bank.questions.map(\.id) == ["passport", "hotlines", "fees"])
        #expect(bank.questions.map(\.kind) == [.single, .multiple, .trueFalse])
        #expect(bank.questions[1].answers == ["a", "b"])
        #expect(bank.questions[2].choices.map(\.id) == ["true", "false"])
        #expect(bank.questions[2].answers == ["false"])
        #expect(bank.questionsPerAttempt == 2)
        #expect(bank.passMark == 60)
        #expect(bank.resultMessage(forPercent: 75)?[LanguageCode("vi")!] == "Tốt lắm.")
        #expect(bank.questions[1].isAnsweredCorrectly(by: ["a", "b"]))
        #expect(!bank.questions[1].isAnsweredCorrectly(by: ["a"]))
    }

    @Test func reportsEachMistakeWithItsPosition() {
        let (quiz, problems) = parse("""
            title: {en: Q}
            pool: 3
            categories:
              - {id: c, name: {en: C}}
            questions:
              - id: x
                category: nope
                text: {vi: Chỉ tiếng Việt}
                choices: [{id: a, text: {en: A}}, {id: b, text: {en: B}}]
                answer: z
                explanation: {en: E}
            """)
        #expect(quiz == nil)
        #expect(problems == [
            "content/quizzes/test.yaml:2:7 quizPoolTooLarge(pool: 3, questions: 1)",
            "content/quizzes/test.yaml:7:15 unknownQuizCategory(\"nope\")",
            "content/quizzes/test.yaml:8:11 missingDefaultLanguageText(field: \"text\", language: \"en\")",
            "content/quizzes/test.yaml:10:13 unknownQuizAnswer(\"z\")",
        ])
    }

    @Test func scriptJSONCannotCloseItsScriptElement() {
        let json = QuizView.scriptSafeJSON(["text": "</script><script>alert(1)</script> & \u{2028}"])
        #expect(!json.contains("<"))
        #expect(!json.contains(">"))
        #expect(!json.contains("&"))
        #expect(json.contains("\\u003c/script\\u003e"))
        let decoded = try? JSONDecoder().decode([String: String].self, from: Data(json.utf8))
        #expect(decoded?["text"] == "</script><script>alert(1)</script> & \u{2028}")
    }
}
