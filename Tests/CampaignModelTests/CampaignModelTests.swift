import CampaignModel
import Testing

@Suite struct EventTests {
    let day = CalendarDay(year: 2022, month: 3, day: 16)!

    @Test func refusesAnEndBeforeTheStart() {
        let start = EventTime(day: day, minutes: 14 * 60)
        #expect(Event(id: "a", title: Localized(), department: "police", start: start,
                      end: EventTime(day: day, minutes: 13 * 60), pillar: .prevention, kind: .talk) == nil)
        #expect(Event(id: "a", title: Localized(), department: "police", start: start,
                      end: EventTime(day: day, minutes: 15 * 60), pillar: .prevention, kind: .talk) != nil)
        #expect(Event(id: "a", title: Localized(), department: "police", start: start, pillar: .prevention, kind: .talk)?.lastDay == day)
    }

    @Test func parsesTimesInTaiwan() {
        #expect(EventTime(parsing: "2022-03-16")?.isAllDay == true)
        #expect(EventTime(parsing: "2022-03-16 14:30")?.description == "2022-03-16T14:30:00+08:00")
        #expect(EventTime(parsing: "2022-03-16T09:05")?.clockTime == "09:05")
        for bad in ["2022-03-16 24:00", "2022-03-16 9:00", "2022-03-16x10:00", "16/03/2022"] {
            #expect(EventTime(parsing: bad) == nil, "\(bad)")
        }
    }

    @Test func ordersAllDayBeforeTimedOnTheSameDay() {
        #expect(EventTime(day: day) < EventTime(day: day, minutes: 0))
        #expect(EventTime(day: day, minutes: 600) < EventTime(day: CalendarDay(year: 2022, month: 3, day: 17)!))
    }
}

@Suite struct FigureTests {
    let half = CalendarDay(year: 2022, month: 1, day: 1)!...CalendarDay(year: 2022, month: 6, day: 30)!

    @Test func refusesNegativeAndNonFiniteValues() {
        #expect(Figure(id: "x", department: "police", pillar: .prosecution, value: -1, label: Localized(), period: half) == nil)
        #expect(Figure(id: "x", department: "police", pillar: .prosecution, value: .nan, label: Localized(), period: half) == nil)
        #expect(Figure(id: "x", department: "health", pillar: .prevention, value: 74.33, unit: "%", label: Localized(), period: half)?.unit == "%")
    }
}

@Suite struct PaperTests {
    @Test func knowsISOSizesAndOrientation() {
        #expect(Paper(size: .a4).millimetres == (210, 297))
        #expect(Paper(size: .a3, orientation: .landscape).millimetres == (420, 297))
        #expect(Paper(size: .a4, orientation: .landscape).identifier == "a4-landscape")
    }
}

@Suite struct QuizModelTests {
    func question(_ id: String, _ category: String) -> QuizQuestion {
        QuizQuestion(id: id, category: category, kind: .single, text: Localized(), choices: [], answers: ["a"], explanation: Localized())
    }

    @Test func dealsTheBankIntoMixedSetsOfAtMostThePoolSize() {
        let categories = ["t", "m", "g"].map { QuizCategory(id: $0, name: Localized()) }
        let questions = (0..<7).map { question("t\($0)", "t") } + (0..<3).map { question("m\($0)", "m") } + (0..<3).map { question("g\($0)", "g") }
        let quiz = Quiz(id: "q", title: Localized(), categories: categories, questions: questions, pool: 5)
        let sets = quiz.sets
        #expect(sets.count == 3)
        #expect(sets.map(\.count).max()! <= 5)
        #expect(sets.map(\.count).max()! - sets.map(\.count).min()! <= 1)
        #expect(Set(sets.flatMap { $0.map(\.id) }) == Set(questions.map(\.id)), "every question in exactly one set")
        #expect(sets.flatMap { $0 }.count == questions.count)
        for set in sets {
            #expect(Set(set.map(\.category)).count >= 2, "each set mixes categories")
        }
    }

    @Test func scoresMultipleChoiceOnlyWhenEveryRightChoiceAndNoOtherIsPicked() {
        let question = QuizQuestion(id: "q", category: "c", kind: .multiple, text: Localized(), choices: [],
                                    answers: ["a", "c"], explanation: Localized())
        #expect(question.isAnsweredCorrectly(by: ["a", "c"]))
        #expect(!question.isAnsweredCorrectly(by: ["a"]))
        #expect(!question.isAnsweredCorrectly(by: ["a", "b", "c"]))
    }
}
