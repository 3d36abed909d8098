import Testing
@testable import QuizStats

@Suite struct RateLimiterTests {
    /// One address flooding is refused while another is still served, and nothing else is kept.
    @Test func oneFloodingAddressDoesNotStopOthers() async {
        let limiter = RateLimiter(burst: 5, perMinute: 1)
        var flooding: [Bool] = []
        for _ in 0..<20 { flooding.append(await limiter.allows("192.0.2.1")) }
        #expect(flooding.filter { $0 }.count == 5)
        #expect(await limiter.allows("192.0.2.2"))
        #expect(await limiter.allows("2001:db8::1"))
    }

    @Test func zeroPerMinuteTurnsTheLimitOff() async {
        let limiter = RateLimiter(burst: 1, perMinute: 0)
        for _ in 0..<100 { #expect(await limiter.allows("192.0.2.1")) }
    }
}
