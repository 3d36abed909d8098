import CampaignModel
import Foundation
import Hummingbird
import HummingbirdTesting
import NIOCore
import QuizStats
import Testing

/// A two-set quiz bank: a single-choice, a true-false and a multiple-choice question.
enum Bank {
    static let vi = LanguageCode("vi")!
    static let en = LanguageCode("en")!
    static let day = CalendarDay(year: 2026, month: 12, day: 2)!

    static let quiz = Quiz(
        id: "basics", title: Localized([en: "Basics"]), categories: [
            QuizCategory(id: "rights", name: Localized([en: "Rights"])),
            QuizCategory(id: "help", name: Localized([en: "Help"])),
        ],
        questions: [
            QuizQuestion(id: "passport", category: "rights", kind: .single, text: Localized([en: "Who keeps your passport?"]),
                         choices: [("a", "My employer"), ("b", "I do"), ("c", "My broker")].map {
                             QuizChoice(id: $0.0, text: Localized([en: $0.1]))
                         },
                         answers: ["b"], explanation: Localized()),
            QuizQuestion(id: "free", category: "help", kind: .trueFalse, text: Localized([en: "1955 is free."]),
                         choices: ["true", "false"].map { QuizChoice(id: $0, text: Localized()) },
                         answers: ["true"], explanation: Localized()),
            QuizQuestion(id: "numbers", category: "help", kind: .multiple, text: Localized([en: "Which are hotlines?"]),
                         choices: ["a", "b", "c"].map { QuizChoice(id: $0, text: Localized([en: $0])) },
                         answers: ["a", "b"], explanation: Localized()),
        ],
        pool: 2)

    static let checker = SubmissionChecker(quizzes: [quiz], languages: ["zh-TW", "en", "vi"])

    /// The ids of set `number` (1-based), as the page deals them.
    static func set(_ number: Int) -> [String] { quiz.sets[number - 1].map(\.id) }

    static func body(_ answers: [String: [String]], set: Int = 1, language: String = "vi", quiz: String = "basics") -> String {
        let encoded = try! JSONEncoder().encode(answers)
        return #"{"quiz":"\#(quiz)","set":\#(set),"language":"\#(language)","answers":\#(String(decoding: encoded, as: UTF8.self))}"#
    }

    /// A valid answer to every question of set 1.
    static var firstSet: [String: [String]] {
        Dictionary(uniqueKeysWithValues: set(1).map { id in
            (id, id == "free" ? ["true"] : id == "numbers" ? ["a", "b"] : ["b"])
        })
    }
}

/// A store that fails every write, to see that nothing is acknowledged that was not stored.
final class BrokenStore: CounterStore {
    func prepare() async throws {}
    func add(_ tally: Tally) async throws { throw CancellationError() }
    func counts(from: CalendarDay?, to: CalendarDay?) async throws -> StoredCounts { StoredCounts() }
    func close() async throws {}
}

@Suite struct SubmissionTests {
    @Test func countsEveryAnsweredQuestionAndPickedChoice() throws {
        let submission = try SubmissionChecker.parse(Array(Bank.body(Bank.firstSet).utf8))
        let tally = try Bank.checker.tally(submission, on: Bank.day)
        #expect(tally.questions.count == Bank.set(1).count)
        #expect(tally.questions.values.allSatisfy { $0 == Tally.Answers(answers: 1, correct: 1) })
        #expect(tally.choices.values.reduce(0, +) == Bank.firstSet.values.map(\.count).reduce(0, +))
    }

    @Test(arguments: [
        ("", Rejection.malformedJSON),
        ("[]", .malformedJSON),
        (#"{"quiz":"basics","set":"1","language":"vi","answers":{}}"#, .malformedJSON),
        (#"{"quiz":"basics","set":1,"language":"vi","answers":{},"ip":"1.2.3.4"}"#, .unexpectedField("ip")),
        (#"{"quiz":"basics","set":1,"language":"vi","answers":{}}"#, .noAnswers),
        (#"{"quiz":"other","set":1,"language":"vi","answers":{"x":["a"]}}"#, .unknownQuiz("other")),
        (#"{"quiz":"basics","set":9,"language":"vi","answers":{"x":["a"]}}"#, .unknownSet(9)),
        (#"{"quiz":"basics","set":1,"language":"fr","answers":{"x":["a"]}}"#, .unknownLanguage("fr")),
    ])
    func refusesMalformedOrUnknown(body: String, expected: Rejection) {
        #expect(throws: expected) {
            try Bank.checker.tally(try SubmissionChecker.parse(Array(body.utf8)), on: Bank.day)
        }
    }

    @Test func refusesQuestionsOfAnotherSetUnknownChoicesAndWrongCounts() throws {
        let other = Bank.set(2)[0]
        let inFirst = Bank.set(1)
        #expect(throws: Rejection.unknownQuestion(other)) {
            try Bank.checker.tally(SubmissionChecker.parse(Array(Bank.body([other: ["a"]]).utf8)), on: Bank.day)
        }
        let single = try #require(inFirst.first { $0 != "numbers" })
        let choice = single == "free" ? "maybe" : "z"
        #expect(throws: Rejection.unknownChoice(question: single, choice: choice)) {
            try Bank.checker.tally(SubmissionChecker.parse(Array(Bank.body([single: [choice]]).utf8)), on: Bank.day)
        }
        let twice = single == "free" ? ["true", "false"] : ["a", "b"]
        #expect(throws: Rejection.wrongNumberOfChoices(question: single)) {
            try Bank.checker.tally(SubmissionChecker.parse(Array(Bank.body([single: twice]).utf8)), on: Bank.day)
        }
    }

    /// Random bytes and random damage to a valid body never crash the parser, and whatever it
    /// accepts is a submission the checker would count with ids from the bank only.
    @Test func survivesRandomAndDamagedBodies() throws {
        var generator = SplitMix64(seed: 20_261_202)
        let valid = Array(Bank.body(Bank.firstSet).utf8)
        var accepted = 0
        for round in 0..<20_000 {
            var bytes: [UInt8]
            if round % 2 == 0 {
                bytes = (0..<Int(generator.next() % 200)).map { _ in UInt8(truncatingIfNeeded: generator.next()) }
            } else {
                bytes = valid
                for _ in 0..<(1 + Int(generator.next() % 4)) {
                    let index = Int(generator.next() % UInt64(bytes.count))
                    switch generator.next() % 3 {
                    case 0: bytes[index] = UInt8(truncatingIfNeeded: generator.next())
                    case 1: bytes.remove(at: index)
                    default: bytes.insert(UInt8(truncatingIfNeeded: generator.next() % 128), at: index)
                    }
                    if bytes.isEmpty { break }
                }
            }
            guard let submission = try? SubmissionChecker.parse(bytes),
                  let tally = try? Bank.checker.tally(submission, on: Bank.day) else { continue }
            accepted += 1
            let ids = Set(Bank.quiz.questions.map(\.id))
            #expect(tally.questions.keys.allSatisfy { ids.contains($0.question) && $0.quiz == "basics" })
        }
        #expect(accepted < 20_000)
    }
}

/// A small deterministic random number generator for the damage above.
struct SplitMix64: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

@Suite(.serialized) struct CollectorRouteTests {
    static let origin = "https://outreach.example.org"

    func withCollector(store: (any CounterStore)? = nil, burst: Int = 60, perMinute: Int = 120,
                       _ test: @Sendable (any TestClientProtocol, any CounterStore) async throws -> Void) async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("outreach-stats-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let counters: any CounterStore
        if let store { counters = store } else { counters = try await openCounterStore("sqlite:" + folder.appendingPathComponent("c.sqlite").path) }
        let collector = Collector(checker: Bank.checker, store: counters, allowedOrigin: Self.origin, burst: burst,
                                  perMinute: perMinute, today: { Bank.day })
        let app = Application(router: collector.makeRouter())
        try await app.test(.router) { client in try await test(client, counters) }
        try await counters.close()
    }

    static let plain: HTTPFields = [.contentType: "text/plain;charset=UTF-8"]

    @Test func countsASubmissionAndAnswersNoContent() async throws {
        try await withCollector { client, store in
            var headers = Self.plain
            headers[.origin] = Self.origin
            try await client.execute(uri: "/api/v1/answers", method: .post, headers: headers,
                                     body: ByteBuffer(string: Bank.body(Bank.firstSet))) { response in
                #expect(response.status == .noContent)
                #expect(response.headers[.accessControlAllowOrigin] == Self.origin)
                #expect(response.headers[.setCookie] == nil)
            }
            let counts = try await store.counts(from: nil, to: nil)
            #expect(counts.questions.count == Bank.set(1).count)
            #expect(counts.questions.keys.allSatisfy { $0.language == "vi" && $0.day == Bank.day })
        }
    }

    @Test func refusesWithAClearClientError() async throws {
        try await withCollector { client, store in
            let cases: [(String, HTTPRequest.Method, HTTPFields, String, HTTPResponse.Status)] = [
                ("malformed", .post, Self.plain, "{not json", .badRequest),
                ("unknown quiz", .post, Self.plain, Bank.body(["x": ["a"]], quiz: "nope"), .unprocessableContent),
                ("unknown question", .post, Self.plain, Bank.body(["nope": ["a"]]), .unprocessableContent),
                ("wrong content type", .post, [.contentType: "application/json"], Bank.body(Bank.firstSet), .unsupportedMediaType),
                ("no content type", .post, [:], Bank.body(Bank.firstSet), .unsupportedMediaType),
                ("too large", .post, Self.plain, String(repeating: " ", count: 5000) + Bank.body(Bank.firstSet), .contentTooLarge),
                ("other origin", .post, [.contentType: "text/plain", .origin: "https://evil.example"], Bank.body(Bank.firstSet), .forbidden),
                ("GET", .get, [:], "", .methodNotAllowed),
                ("PUT", .put, Self.plain, Bank.body(Bank.firstSet), .methodNotAllowed),
            ]
            for (name, method, headers, body, status) in cases {
                try await client.execute(uri: "/api/v1/answers", method: method, headers: headers, body: ByteBuffer(string: body)) { response in
                    #expect(response.status == status, "\(name)")
                    #expect(response.headers[.accessControlAllowOrigin] == nil, "\(name)")
                }
            }
            #expect(try await store.counts(from: nil, to: nil) == StoredCounts(), "nothing refused is counted")
        }
    }

    @Test func preflightAndHealthCheck() async throws {
        try await withCollector { client, _ in
            try await client.execute(uri: "/api/v1/answers", method: .options, headers: [.origin: Self.origin]) { response in
                #expect(response.status == .noContent)
                #expect(response.headers[.accessControlAllowOrigin] == Self.origin)
                #expect(response.headers[.accessControlAllowMethods] == "POST")
            }
            try await client.execute(uri: "/api/v1/answers", method: .options, headers: [.origin: "https://evil.example"]) { response in
                #expect(response.status == .forbidden)
            }
            try await client.execute(uri: "/healthz", method: .get) { response in
                #expect(response.status == .ok)
                #expect(String(buffer: response.body) == "ok\n")
            }
        }
    }

    @Test func floodGetsTooManyRequests() async throws {
        try await withCollector(burst: 3, perMinute: 1) { client, store in
            var statuses: [HTTPResponse.Status] = []
            for _ in 0..<6 {
                try await client.execute(uri: "/api/v1/answers", method: .post, headers: Self.plain,
                                         body: ByteBuffer(string: Bank.body(Bank.firstSet))) { statuses.append($0.status) }
            }
            #expect(statuses == [.noContent, .noContent, .noContent, .tooManyRequests, .tooManyRequests, .tooManyRequests])
            let counts = try await store.counts(from: nil, to: nil)
            #expect(counts.questions.values.allSatisfy { $0.answers == 3 })
        }
    }

    @Test func aStoreThatFailsIsNeverAcknowledged() async throws {
        try await withCollector(store: BrokenStore()) { client, _ in
            try await client.execute(uri: "/api/v1/answers", method: .post, headers: Self.plain,
                                     body: ByteBuffer(string: Bank.body(Bank.firstSet))) { response in
                #expect(response.status == .serviceUnavailable)
            }
        }
    }
}
