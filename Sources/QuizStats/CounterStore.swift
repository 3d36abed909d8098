import CampaignModel

/// Where the counters live: SQLite (one file) or PostgreSQL (several collectors behind a load
/// balancer). One schema for both; counters only, never a submission or anything about a person.
public protocol CounterStore: Sendable {
    /// Creates the tables when they are missing.
    func prepare() async throws
    /// Adds a tally in one transaction: when this returns, the counts are on disk; when it throws,
    /// none of them is. Called by one writer at a time (`CounterWriter`): an SQLite connection
    /// runs one transaction at once.
    func add(_ tally: Tally) async throws
    /// Every counter of the days from `from` to `to` (both included; nil for no bound).
    func counts(from: CalendarDay?, to: CalendarDay?) async throws -> StoredCounts
    /// Closes connections.
    func close() async throws
}

/// Counters as read back, summed over nothing: one row per key.
public struct StoredCounts: Hashable, Sendable {
    public var questions: [Tally.QuestionKey: Tally.Answers] = [:]
    public var choices: [Tally.ChoiceKey: Int] = [:]

    public init(questions: [Tally.QuestionKey: Tally.Answers] = [:], choices: [Tally.ChoiceKey: Int] = [:]) {
        self.questions = questions
        self.choices = choices
    }
}

/// The schema and statements both stores run (SQL both SQLite 3.24+ and PostgreSQL accept).
enum CounterSchema {
    static let tables = [
        """
        CREATE TABLE IF NOT EXISTS question_counts (
            day TEXT NOT NULL, quiz TEXT NOT NULL, question TEXT NOT NULL, language TEXT NOT NULL,
            answers BIGINT NOT NULL, correct BIGINT NOT NULL,
            PRIMARY KEY (day, quiz, question, language))
        """,
        """
        CREATE TABLE IF NOT EXISTS choice_counts (
            day TEXT NOT NULL, quiz TEXT NOT NULL, question TEXT NOT NULL, choice TEXT NOT NULL, language TEXT NOT NULL,
            picks BIGINT NOT NULL,
            PRIMARY KEY (day, quiz, question, choice, language))
        """,
    ]

    /// Adds to a question's counters ($1 day, $2 quiz, $3 question, $4 language, $5 answers, $6 correct).
    static let addQuestion = """
        INSERT INTO question_counts (day, quiz, question, language, answers, correct) VALUES ($1, $2, $3, $4, $5, $6)
        ON CONFLICT (day, quiz, question, language)
        DO UPDATE SET answers = question_counts.answers + excluded.answers, correct = question_counts.correct + excluded.correct
        """

    /// Adds to a choice's counter ($1 day, $2 quiz, $3 question, $4 choice, $5 language, $6 picks).
    static let addChoice = """
        INSERT INTO choice_counts (day, quiz, question, choice, language, picks) VALUES ($1, $2, $3, $4, $5, $6)
        ON CONFLICT (day, quiz, question, choice, language)
        DO UPDATE SET picks = choice_counts.picks + excluded.picks
        """

    static let readQuestions = """
        SELECT day, quiz, question, language, answers, correct FROM question_counts WHERE day >= $1 AND day <= $2
        """
    static let readChoices = """
        SELECT day, quiz, question, choice, language, picks FROM choice_counts WHERE day >= $1 AND day <= $2
        """

    /// Bounds for the day filter: days are `YYYY-MM-DD` text, which sorts as dates do.
    static func bounds(from: CalendarDay?, to: CalendarDay?) -> (String, String) {
        (from?.description ?? "0000-00-00", to?.description ?? "9999-99-99")
    }
}

/// Opens the store a `--database` option names: `sqlite:PATH` (the default kind, one file) or
/// `postgres://user:password@host:port/database`.
public func openCounterStore(_ spec: String) async throws -> any CounterStore {
    let store: any CounterStore
    if spec.hasPrefix("postgres://") || spec.hasPrefix("postgresql://") {
        store = try PostgresCounterStore(url: spec)
    } else if spec.hasPrefix("sqlite:") {
        store = try await SQLiteCounterStore(path: String(spec.dropFirst("sqlite:".count)))
    } else {
        throw StoreError.badURL(spec)
    }
    try await store.prepare()
    return store
}
