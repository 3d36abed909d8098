import CampaignModel
import CampaignReport
import Foundation
import Testing

/// A small campaign model built inline: two departments, events inside and outside the period and
/// the campaign, figures, activities and quiz counts.
enum SmallModel {
    static let zh = LanguageCode("zh-TW")!
    static let en = LanguageCode("en")!

    static func day(_ text: String) -> CalendarDay { CalendarDay(parsing: text)! }
    static func texts(_ zh: String, _ en: String? = nil) -> Localized<String> {
        var values = [Self.zh: zh]
        if let en { values[Self.en] = en }
        return Localized(values)
    }

    static func event(_ id: String, _ date: String, department: String, pillar: Pillar, campaign: String? = "h1",
                      participants: Int? = nil) -> Event {
        Event(id: id, title: texts("活動" + id, "Event " + id), campaign: campaign, department: department,
              start: EventTime(day: day(date)), place: texts("地點", "Place, with a comma"), participants: participants,
              pillar: pillar, kind: .talk)!
    }

    static let campaign = Campaign(id: "h1", title: texts("上半年", "First half"), pillars: Pillar.allCases,
                                   departments: ["police", "labor"], period: day("2022-01-01")...day("2022-06-30"),
                                   quizzes: ["quiz"])
    static let departments = [
        Department(id: "labor", name: texts("勞工局", "Labor Affairs"), kind: .labor),
        Department(id: "police", name: texts("警察局"), kind: .police),
    ]
    static let events = [
        event("late", "2022-06-30", department: "labor", pillar: .partnership, participants: 1000),
        event("talk", "2022-03-16", department: "police", pillar: .prevention),
        event("raid", "2022-03-14", department: "police", pillar: .prosecution),
        event("before", "2021-12-31", department: "police", pillar: .prevention),
        event("other-campaign", "2022-03-01", department: "police", pillar: .prevention, campaign: "h2"),
    ]
    static let figures = [
        Figure(id: "interpreters", department: "labor", pillar: .partnership, value: 82,
               label: texts("通譯", "interpreters"), period: day("2022-01-01")...day("2022-06-30"))!,
        Figure(id: "correct", department: "police", pillar: .prevention, value: 74.33, unit: "%",
               label: texts("答對率"), period: day("2022-01-01")...day("2022-06-30"))!,
        Figure(id: "last-year", department: "police", pillar: .prevention, value: 5,
               label: texts("去年"), period: day("2021-01-01")...day("2021-12-31"))!,
    ]
    static let activities = [
        Activity(department: "labor", pillar: nil, title: texts("創新", "New measures"), text: texts("熱線", "A **hotline**.")),
        Activity(department: "labor", pillar: .protection, title: texts("安置", "Shelter"), text: texts("安置7人")),
    ]
    static let quiz = Quiz(id: "quiz", title: texts("測驗", "Quiz"), categories: [QuizCategory(id: "c", name: texts("類"))],
                           questions: ["q1", "q2"].map { id in
                               QuizQuestion(id: id, category: "c", kind: .trueFalse, text: texts("題" + id, "Question " + id),
                                            choices: [], answers: ["true"], explanation: Localized())
                           })
    static let statistics = [
        QuizStatistics(quiz: "quiz", period: day("2022-01-01")...day("2022-06-30"), questions: [
            QuizStatistics.QuestionCount(question: "q1", answers: 100, correct: 75)!,
            QuizStatistics.QuestionCount(question: "q2", answers: 50, correct: 0)!,
        ]),
        QuizStatistics(quiz: "quiz", period: day("2023-01-01")...day("2023-06-30"), questions: []),
    ]

    static var builder: CoordinationReportBuilder {
        CoordinationReportBuilder(campaigns: [campaign], departments: departments, events: events, figures: figures,
                                  activities: activities, quizzes: [quiz], quizStatistics: statistics)
    }
}

@Suite struct CoordinationReportBuilderTests {
    let builder = SmallModel.builder

    @Test func ordersPartsAsTheSeedReportAndDepartmentsAsTheCampaign() throws {
        let report = try builder.build(campaign: "h1", language: SmallModel.en, fallback: SmallModel.zh)
        #expect(report.parts.map(\.section) == [.pillar(.prevention), .pillar(.protection), .pillar(.prosecution),
                                                .pillar(.partnership), .otherMeasures])
        #expect(report.parts.map { $0.departments.map(\.department) } == [["police"], ["labor"], ["police"], ["labor"], ["labor"]])
        #expect(report.title == .init(value: "First half", language: SmallModel.en))
    }

    @Test func keepsOnlyTheCampaignsEventsAndFiguresOfThePeriod() throws {
        let report = try builder.build(campaign: "h1", language: SmallModel.en, fallback: SmallModel.zh)
        #expect(report.events.map(\.id) == ["talk", "raid", "late"])
        #expect(report.figures.map(\.id) == ["correct", "interpreters"])
        let march = try builder.build(campaign: "h1", from: SmallModel.day("2022-03-15"), to: SmallModel.day("2022-03-31"),
                                      language: SmallModel.en, fallback: SmallModel.zh)
        #expect(march.events.map(\.id) == ["talk"])
        #expect(march.period == SmallModel.day("2022-03-15")...SmallModel.day("2022-03-31"))
    }

    @Test func marksTextsThatFellBackToTheDefaultLanguage() throws {
        let report = try builder.build(campaign: "h1", language: SmallModel.en, fallback: SmallModel.zh)
        let police = try #require(report.parts.first?.departments.first)
        #expect(police.name == .init(value: "警察局", language: SmallModel.zh))
        let shelter = try #require(report.parts[1].departments.first?.activities.first)
        #expect(shelter.title == .init(value: "Shelter", language: SmallModel.en))
        #expect(shelter.text == .init(value: "安置7人", language: SmallModel.zh))
    }

    @Test func sumsQuizCountsOfOverlappingPeriodsOnly() throws {
        let report = try builder.build(campaign: "h1", language: SmallModel.zh, fallback: SmallModel.zh)
        let quiz = try #require(report.quizzes.first)
        #expect(report.quizzes.count == 1)
        #expect((quiz.answers, quiz.correct, quiz.correctPercentage) == (150, 75, 50))
        #expect(quiz.questions.map(\.correctPercentage) == [75, 0])
        #expect(quiz.questions.first?.text.value == "題q1")
    }

    @Test func refusesUnknownCampaignsAndEmptyPeriods() {
        #expect(throws: CoordinationReportBuilder.Failure.unknownCampaign("nope")) {
            try builder.build(campaign: "nope", language: SmallModel.en, fallback: SmallModel.zh)
        }
        #expect(throws: CoordinationReportBuilder.Failure.emptyPeriod(from: SmallModel.day("2022-02-01"), to: SmallModel.day("2022-01-01"))) {
            try builder.build(campaign: "h1", from: SmallModel.day("2022-02-01"), to: SmallModel.day("2022-01-01"),
                              language: SmallModel.en, fallback: SmallModel.zh)
        }
        var undated = builder
        undated.campaigns[0].period = nil
        #expect(throws: CoordinationReportBuilder.Failure.noPeriod(campaign: "h1")) {
            try undated.build(campaign: "h1", language: SmallModel.en, fallback: SmallModel.zh)
        }
    }
}

@Suite struct CoordinationReportExportTests {
    let report = try! SmallModel.builder.build(campaign: "h1", language: SmallModel.en, fallback: SmallModel.zh)

    @Test func csvHasARowPerRecordWithEveryColumn() {
        let csv = report.csv
        #expect(csv.hasSuffix("\r\n"))
        let lines = csv.split(separator: "\r\n").map(String.init)
        #expect(lines.first == "record,part,department,id,title,start,end,kind,place,audience,participants,value,unit,answers,correct,correctPercentage,text")
        let records = lines.dropFirst().map { $0.prefix { $0 != "," } }
        #expect(records == ["event", "figure", "activity", "event", "event", "figure", "activity", "quiz", "question", "question"])
        #expect(lines.contains("event,prevention,police,talk,Event talk,2022-03-16,,talk,\"Place, with a comma\",,,,,,,,"))
        #expect(lines.contains("figure,prevention,police,correct,答對率,2022-01-01,2022-06-30,,,,,74.33,%,,,,"))
        #expect(lines.contains("quiz,,,quiz,Quiz,2022-01-01,2022-06-30,,,,,,,150,75,50,"))
    }

    @Test func csvDefusesFormulas() {
        #expect(CSVTable.quote("=SUM(A1)") == "'=SUM(A1)")
        #expect(CSVTable.quote("-1") == "'-1")
        #expect(CSVTable.quote("say \"hi\"") == "\"say \"\"hi\"\"\"")
    }

    @Test func jsonNestsTheSameTablesWithStableKeys() throws {
        let data = Data(report.json.utf8)
        let document = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect(document["version"] as? Int == 1)
        #expect(document["from"] as? String == "2022-01-01")
        let parts = try #require(document["parts"] as? [[String: Any]])
        #expect(parts.map { $0["part"] as? String } == ["prevention", "protection", "prosecution", "partnership", "other"])
        let figures = try #require(document["figures"] as? [[String: Any]])
        #expect(figures.map { $0["value"] as? Double } == [74.33, 82])
        let again = try SmallModel.builder.build(campaign: "h1", language: SmallModel.en, fallback: SmallModel.zh)
        #expect(report.json == again.json)
    }
}
