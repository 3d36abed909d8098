import CampaignModel
import Logging
import SQLiteNIO

/// Counters in one SQLite file: nothing else to run. WAL journal with `synchronous = FULL`, so a
/// committed transaction survives the process being killed (and the machine losing power).
public final class SQLiteCounterStore: CounterStore {
    let connection: SQLiteConnection

    /// Opens (or creates) the database file at `path`.
    public init(path: String) async throws {
        connection = try await SQLiteConnection.open(storage: .file(path: path))
        _ = try await connection.query("PRAGMA journal_mode = WAL")
        _ = try await connection.query("PRAGMA synchronous = FULL")
        _ = try await connection.query("PRAGMA busy_timeout = 5000")
    }

    public func prepare() async throws {
        for table in CounterSchema.tables { _ = try await connection.query(table) }
    }

    public func add(_ tally: Tally) async throws {
        guard !tally.isEmpty else { return }
        _ = try await connection.query("BEGIN IMMEDIATE")
        do {
            for (key, value) in tally.questions.sorted(by: { $0.key < $1.key }) {
                _ = try await connection.query(CounterSchema.addQuestion, [
                    .text(key.day.description), .text(key.quiz), .text(key.question), .text(key.language),
                    .integer(value.answers), .integer(value.correct),
                ])
            }
            for (key, value) in tally.choices.sorted(by: { $0.key < $1.key }) {
                _ = try await connection.query(CounterSchema.addChoice, [
                    .text(key.day.description), .text(key.quiz), .text(key.question), .text(key.choice),
                    .text(key.language), .integer(value),
                ])
            }
            _ = try await connection.query("COMMIT")
        } catch {
            _ = try? await connection.query("ROLLBACK")
            throw error
        }
    }

    public func counts(from: CalendarDay?, to: CalendarDay?) async throws -> StoredCounts {
        let (low, high) = CounterSchema.bounds(from: from, to: to)
        var result = StoredCounts()
        for row in try await connection.query(CounterSchema.readQuestions, [.text(low), .text(high)]) {
            guard let day = row.column("day")?.string.flatMap(CalendarDay.init(parsing:)),
                  let quiz = row.column("quiz")?.string, let question = row.column("question")?.string,
                  let language = row.column("language")?.string,
                  let answers = row.column("answers")?.integer, let correct = row.column("correct")?.integer else { continue }
            result.questions[Tally.QuestionKey(day: day, quiz: quiz, question: question, language: language)] =
                Tally.Answers(answers: answers, correct: correct)
        }
        for row in try await connection.query(CounterSchema.readChoices, [.text(low), .text(high)]) {
            guard let day = row.column("day")?.string.flatMap(CalendarDay.init(parsing:)),
                  let quiz = row.column("quiz")?.string, let question = row.column("question")?.string,
                  let choice = row.column("choice")?.string, let language = row.column("language")?.string,
                  let picks = row.column("picks")?.integer else { continue }
            result.choices[Tally.ChoiceKey(day: day, quiz: quiz, question: question, choice: choice, language: language)] = picks
        }
        return result
    }

    public func close() async throws {
        try await connection.close()
    }
}
