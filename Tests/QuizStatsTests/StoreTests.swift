import CampaignModel
import Foundation
import QuizStats
import Testing

/// The same tests on both stores: SQLite always, PostgreSQL when `OUTREACH_TEST_POSTGRES` names a
/// server (`make test` starts Debian's PostgreSQL for them; see Tests/Support/postgres.sh).
@Suite(.serialized) struct StoreTests {
    static let postgres = ProcessInfo.processInfo.environment["OUTREACH_TEST_POSTGRES"]
    static let kinds = ["sqlite"] + (postgres == nil ? [] : ["postgres"])

    /// A fresh store of `kind`: a new SQLite file, or new tables in a new PostgreSQL schema.
    static func freshStore(_ kind: String) async throws -> any CounterStore {
        if kind == "postgres", let url = postgres {
            let store = try await openCounterStore(url)
            try await (store as? PostgresCounterStore)?.deleteAll()
            return store
        }
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("outreach-store-\(UUID().uuidString).sqlite")
        return try await openCounterStore("sqlite:" + file.path)
    }

    static func tally(_ day: CalendarDay, question: String, correct: Bool, choice: String, language: String = "vi") -> Tally {
        var tally = Tally()
        tally.questions[Tally.QuestionKey(day: day, quiz: "basics", question: question, language: language)] =
            Tally.Answers(answers: 1, correct: correct ? 1 : 0)
        tally.choices[Tally.ChoiceKey(day: day, quiz: "basics", question: question, choice: choice, language: language)] = 1
        return tally
    }

    @Test(arguments: kinds)
    func addsUpAndFiltersByDay(kind: String) async throws {
        let store = try await Self.freshStore(kind)
        let first = CalendarDay(year: 2026, month: 12, day: 1)!
        let second = CalendarDay(year: 2026, month: 12, day: 2)!
        try await store.add(Self.tally(first, question: "passport", correct: true, choice: "b"))
        try await store.add(Self.tally(first, question: "passport", correct: false, choice: "a"))
        try await store.add(Self.tally(second, question: "passport", correct: true, choice: "b"))
        let all = try await store.counts(from: nil, to: nil)
        #expect(all.questions[Tally.QuestionKey(day: first, quiz: "basics", question: "passport", language: "vi")]
                == Tally.Answers(answers: 2, correct: 1))
        #expect(all.choices.values.reduce(0, +) == 3)
        let onlySecond = try await store.counts(from: second, to: second)
        #expect(onlySecond.questions.count == 1)
        #expect(onlySecond.questions.keys.first?.day == second)
        try await store.close()
    }

    @Test(arguments: kinds)
    func concurrentSubmissionsAreAllCounted(kind: String) async throws {
        let store = try await Self.freshStore(kind)
        let writer = CounterWriter(store: store)
        let day = CalendarDay(year: 2026, month: 12, day: 2)!
        try await withThrowingTaskGroup(of: Void.self) { group in
            for index in 0..<200 {
                group.addTask { try await writer.record(Self.tally(day, question: "q\(index % 5)", correct: index % 2 == 0, choice: "a")) }
            }
            try await group.waitForAll()
        }
        let counts = try await store.counts(from: nil, to: nil)
        #expect(counts.questions.values.reduce(0) { $0 + $1.answers } == 200)
        #expect(counts.questions.values.reduce(0) { $0 + $1.correct } == 100)
        try await store.close()
    }
}
