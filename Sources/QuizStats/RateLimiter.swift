import Foundation

/// Limits submissions per client address with a token bucket each: `burst` at once, then
/// `perMinute`. The addresses live in this process's memory only, are never logged or stored, and
/// are forgotten once their bucket is full again.
actor RateLimiter {
    let burst: Double
    let perSecond: Double
    private var buckets: [String: (tokens: Double, updated: ContinuousClock.Instant)] = [:]
    private var lastSweep = ContinuousClock.now

    /// A limiter that lets `burst` submissions through at once and `perMinute` after that; a
    /// `perMinute` of 0 turns it off.
    init(burst: Int, perMinute: Int) {
        self.burst = Double(burst)
        self.perSecond = Double(perMinute) / 60
    }

    /// Whether `address` may submit now (and counts the submission if so).
    func allows(_ address: String?) -> Bool {
        guard perSecond > 0 else { return true }
        let now = ContinuousClock.now
        let key = address ?? ""
        var bucket = buckets[key] ?? (burst, now)
        bucket.tokens = min(burst, bucket.tokens + seconds(from: bucket.updated, to: now) * perSecond)
        bucket.updated = now
        guard bucket.tokens >= 1 else {
            buckets[key] = bucket
            return false
        }
        bucket.tokens -= 1
        buckets[key] = bucket
        if seconds(from: lastSweep, to: now) > 60 { sweep(now) }
        return true
    }

    /// Forgets the addresses whose buckets have refilled: they would start full anyway.
    private func sweep(_ now: ContinuousClock.Instant) {
        lastSweep = now
        buckets = buckets.filter { $0.value.tokens + seconds(from: $0.value.updated, to: now) * perSecond < burst }
    }

    private func seconds(from start: ContinuousClock.Instant, to end: ContinuousClock.Instant) -> Double {
        let duration = end - start
        return Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    }
}
