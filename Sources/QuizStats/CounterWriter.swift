/// Writes tallies to the store in batches: every submission that arrives while a transaction is
/// being committed waits for the next one, which carries them all. Each caller returns only after
/// the transaction holding its counts has committed, so a 204 is never sent for counts that could
/// still be lost, and a busy collector does one disk sync per batch rather than per submission.
public actor CounterWriter {
    private let store: any CounterStore
    private var pending: [(tally: Tally, done: CheckedContinuation<Void, any Error>)] = []
    private var isWriting = false

    public init(store: any CounterStore) {
        self.store = store
    }

    /// Adds `tally` to the store; returns when it is committed, throws when it is not.
    public func record(_ tally: Tally) async throws {
        try await withCheckedThrowingContinuation { continuation in
            pending.append((tally, continuation))
            if !isWriting {
                isWriting = true
                Task { await self.writeBatches() }
            }
        }
    }

    private func writeBatches() async {
        while !pending.isEmpty {
            let batch = pending
            pending = []
            var merged = Tally()
            for item in batch { merged.add(item.tally) }
            do {
                try await store.add(merged)
                for item in batch { item.done.resume() }
            } catch {
                for item in batch { item.done.resume(throwing: error) }
            }
        }
        isWriting = false
    }
}
