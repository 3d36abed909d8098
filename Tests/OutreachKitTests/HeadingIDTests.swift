import Testing
@testable import OutreachKit

@Suite struct HeadingIDTests {
    @Test func slugsInEveryScript() {
        #expect(HeadingID.slug("Call 1955 — free, 24 hours") == "call-1955-free-24-hours")
        #expect(HeadingID.slug("Quyền lợi của bạn") == "quyền-lợi-của-bạn")
        #expect(HeadingID.slug("求助管道") == "求助管道")
        #expect(HeadingID.slug("?!") == "section")
    }

    /// The byte-by-byte path for ASCII headings gives what the character-by-character one gives,
    /// for every ASCII character in many combinations.
    @Test func asciiFastPathMatchesTheGeneralOne() {
        var generator = SystemRandomNumberGenerator()
        var samples = (0..<128).map { String(UnicodeScalar(UInt8($0))) }
        samples += ["Hello World", "  leading and trailing  ", "a--b", "A_B-c d\te\nf", "x\u{0B}y\u{0C}z\u{1F}w"]
        for _ in 0..<2000 {
            let length = Int.random(in: 0...12, using: &generator)
            samples.append(String((0..<length).map { _ in Character(UnicodeScalar(UInt8.random(in: 0...127, using: &generator))) }))
        }
        for sample in samples {
            #expect(HeadingID.asciiSlug(sample) == HeadingID.unicodeSlug(sample), "\(Array(sample.utf8))")
        }
    }
}
