import CampaignModel
import QuizStats
import Testing

@Suite struct StatsReportTests {
    static let day = CalendarDay(year: 2026, month: 12, day: 2)!

    static func counts(_ cells: [(question: String, language: String, answers: Int, correct: Int)],
                       picks: [(question: String, choice: String, count: Int)] = []) -> StoredCounts {
        var counts = StoredCounts()
        for cell in cells {
            counts.questions[Tally.QuestionKey(day: day, quiz: "basics", question: cell.question, language: cell.language)] =
                Tally.Answers(answers: cell.answers, correct: cell.correct)
        }
        for pick in picks {
            counts.choices[Tally.ChoiceKey(day: day, quiz: "basics", question: pick.question, choice: pick.choice, language: "vi")] = pick.count
        }
        return counts
    }

    func report(_ counts: StoredCounts) -> StatsReport {
        StatsReport(counts: counts, quizzes: [Bank.quiz], languages: ["zh-TW", "en", "vi"], defaultLanguage: Bank.en)
    }

    @Test func headlinePerCategoryAndFacilityIndex() throws {
        let report = report(Self.counts([
            ("passport", "vi", 300, 225), ("passport", "en", 100, 75), ("passport", "zh-TW", 50, 35),
        ], picks: [("passport", "b", 335), ("passport", "a", 100), ("passport", "c", 15)]))
        let rights = try #require(report.quizzes.first?.categories.first { $0.category == "rights" })
        #expect(rights.total.answers == 450)
        #expect(rights.total.percentCorrect == 74.44)
        let passport = try #require(rights.questions.first)
        #expect(passport.total.facilityIndex == passport.total.percentCorrect)
        #expect(passport.mostChosenWrong == "a")
        #expect(passport.mostChosenWrongText == "My employer")
        #expect(report.text.contains(#"most chosen wrong answer: a ("My employer")"#))
        #expect(report.csv.contains("passport,all,450,335,74.44,74.44,a,My employer"))
        #expect(passport.languages["vi"]?.percentCorrect == 75)
        #expect(report.text.contains("Rights: answered 450 times, 74.44% correct"))
    }

    @Test func hidesSmallCellsAndOneMoreSoTotalsCannotRevealThem() throws {
        let report = report(Self.counts([
            ("passport", "vi", 300, 225), ("passport", "en", 40, 30), ("passport", "zh-TW", 4, 4),
        ]))
        let passport = try #require(report.quizzes.first?.categories.first?.questions.first)
        #expect(passport.total.answers == 344)
        #expect(passport.languages["zh-TW"]?.answers == nil, "under the threshold")
        #expect(passport.languages["en"]?.answers == nil, "hidden too, or 344 - 300 - en would give zh-TW away")
        #expect(passport.languages["vi"]?.answers == 300)
        #expect(report.csv.contains("basics,rights,passport,zh-TW,,,,,,\r\n"))
    }

    @Test func hidesAQuestionTotalUnderTheThresholdAndItsComplementInTheCategory() throws {
        let report = report(Self.counts([
            ("free", "vi", 120, 100), ("numbers", "vi", 5, 2),
        ]))
        let help = try #require(report.quizzes.first?.categories.first { $0.category == "help" })
        #expect(help.total.answers == 125)
        let totals = Dictionary(uniqueKeysWithValues: help.questions.map { ($0.question, $0.total.answers) })
        #expect(totals["numbers"] == .some(nil))
        #expect(totals["free"] == .some(nil), "or 125 - free would give numbers away")
    }

    @Test func exportKeepsQuestionsWithEnoughAnswersForTheBuild() throws {
        let json = StatisticsExport.json(counts: Self.counts([("passport", "vi", 30, 20), ("free", "vi", 3, 3)]),
                                         quizzes: [Bank.quiz], from: nil, to: nil)
        #expect(json.contains("\"id\" : \"passport\""))
        #expect(!json.contains("\"free\""))
        #expect(json.contains("\"from\" : \"2026-12-02\""))
    }
}

@Suite struct DaysTests {
    @Test func convertsDaysSince1970() {
        #expect(CalendarDay(daysSince1970: 0) == CalendarDay(year: 1970, month: 1, day: 1))
        #expect(CalendarDay(daysSince1970: 20_789) == CalendarDay(year: 2026, month: 12, day: 2))
        #expect(CalendarDay(daysSince1970: 11_016) == CalendarDay(year: 2000, month: 2, day: 29))
    }

    /// 2026-12-01 16:00 UTC is already 2 December in Taipei; 15:59:59 is not.
    @Test func takesTheDayInTaiwan() {
        #expect(CalendarDay(taiwanDayAt: 1_796_140_800) == CalendarDay(year: 2026, month: 12, day: 2))
        #expect(CalendarDay(taiwanDayAt: 1_796_140_799) == CalendarDay(year: 2026, month: 12, day: 1))
        #expect(CalendarDay(taiwanDayAt: -28_801) == CalendarDay(year: 1969, month: 12, day: 31))
    }
}
