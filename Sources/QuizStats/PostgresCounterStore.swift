import CampaignModel
import Foundation
import Logging
import PostgresNIO

/// Counters in PostgreSQL, for a department running several collectors behind a load balancer:
/// each submission's counters change in one transaction, which PostgreSQL makes durable on commit.
public final class PostgresCounterStore: CounterStore {
    let client: PostgresClient
    let logger: Logger
    private let running: Task<Void, Never>

    /// Connects to `url` (`postgres://user:password@host:port/database`, or a socket path in
    /// `?host=/run/postgresql`).
    public init(url: String, logger: Logger = Logger(label: "outreach.stats.postgres")) throws {
        client = PostgresClient(configuration: try Self.configuration(url), backgroundLogger: logger)
        self.logger = logger
        let client = self.client
        running = Task { await client.run() }
    }

    /// Reads a PostgreSQL URL into the client's configuration.
    static func configuration(_ url: String) throws -> PostgresClient.Configuration {
        guard let components = URLComponents(string: url), ["postgres", "postgresql"].contains(components.scheme) else {
            throw StoreError.badURL(url)
        }
        let path = components.path.hasPrefix("/") ? String(components.path.dropFirst()) : components.path
        let database = path.isEmpty ? nil : path
        let user = components.user ?? "postgres"
        let socketFolder = components.queryItems?.first { $0.name == "host" }?.value
        if let socketFolder, socketFolder.hasPrefix("/") {
            return .init(unixSocketPath: "\(socketFolder)/.s.PGSQL.\(components.port ?? 5432)", username: user,
                         password: components.password, database: database)
        }
        let host = components.host.flatMap { $0.isEmpty ? nil : $0 } ?? "127.0.0.1"
        return .init(host: host, port: components.port ?? 5432, username: user, password: components.password,
                     database: database, tls: .disable)
    }

    public func prepare() async throws {
        for table in CounterSchema.tables {
            try await client.query(PostgresQuery(unsafeSQL: table), logger: logger)
        }
    }

    public func add(_ tally: Tally) async throws {
        guard !tally.isEmpty else { return }
        let questions = tally.questions.sorted { $0.key < $1.key }
        let choices = tally.choices.sorted { $0.key < $1.key }
        try await client.withTransaction(logger: logger) { connection in
            for (key, value) in questions {
                var bindings = PostgresBindings()
                bindings.append(key.day.description)
                bindings.append(key.quiz)
                bindings.append(key.question)
                bindings.append(key.language)
                bindings.append(value.answers)
                bindings.append(value.correct)
                try await connection.query(PostgresQuery(unsafeSQL: CounterSchema.addQuestion, binds: bindings), logger: logger)
            }
            for (key, value) in choices {
                var bindings = PostgresBindings()
                bindings.append(key.day.description)
                bindings.append(key.quiz)
                bindings.append(key.question)
                bindings.append(key.choice)
                bindings.append(key.language)
                bindings.append(value)
                try await connection.query(PostgresQuery(unsafeSQL: CounterSchema.addChoice, binds: bindings), logger: logger)
            }
        }
    }

    public func counts(from: CalendarDay?, to: CalendarDay?) async throws -> StoredCounts {
        let (low, high) = CounterSchema.bounds(from: from, to: to)
        var result = StoredCounts()
        var bindings = PostgresBindings()
        bindings.append(low)
        bindings.append(high)
        let questions = try await client.query(PostgresQuery(unsafeSQL: CounterSchema.readQuestions, binds: bindings), logger: logger)
        for try await (day, quiz, question, language, answers, correct) in questions.decode((String, String, String, String, Int, Int).self) {
            guard let day = CalendarDay(parsing: day) else { continue }
            result.questions[Tally.QuestionKey(day: day, quiz: quiz, question: question, language: language)] =
                Tally.Answers(answers: answers, correct: correct)
        }
        let choices = try await client.query(PostgresQuery(unsafeSQL: CounterSchema.readChoices, binds: bindings), logger: logger)
        for try await (day, quiz, question, choice, language, picks) in choices.decode((String, String, String, String, String, Int).self) {
            guard let day = CalendarDay(parsing: day) else { continue }
            result.choices[Tally.ChoiceKey(day: day, quiz: quiz, question: question, choice: choice, language: language)] = picks
        }
        return result
    }

    /// Removes every counter: for tests, and for a department starting a new period afresh.
    public func deleteAll() async throws {
        try await client.query("DELETE FROM question_counts", logger: logger)
        try await client.query("DELETE FROM choice_counts", logger: logger)
    }

    public func close() async throws {
        running.cancel()
        _ = await running.value
    }
}

/// Why a store cannot be opened.
public enum StoreError: Error, Hashable, Sendable, CustomStringConvertible {
    case badURL(String)

    public var description: String {
        switch self {
        case .badURL(let url): "'\(url)' is not a database: give sqlite:PATH or postgres://user:password@host:port/database"
        }
    }
}
