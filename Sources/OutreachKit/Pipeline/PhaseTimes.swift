/// How long each phase of a build took, for `outreach build --timings` and for profiling large
/// sites. Durations never reach the built site, which stays the same from build to build.
public struct PhaseTimes: Sendable {
    /// Phases in the order they ran, with their durations.
    public private(set) var phases: [(name: String, duration: Duration)] = []
    private let clock = ContinuousClock()
    private var lapStart: ContinuousClock.Instant

    init() {
        lapStart = clock.now
    }

    /// Ends the current phase, naming it, and starts the next.
    mutating func lap(_ name: String) {
        let now = clock.now
        phases.append((name, now - lapStart))
        lapStart = now
    }
}
