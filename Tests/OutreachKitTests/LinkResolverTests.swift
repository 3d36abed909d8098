import Testing
@testable import OutreachKit

@Suite struct LinkResolverTests {
    @Test func normalizesRelativePaths() {
        #expect(LinkResolver.normalize("../help.md", from: "pillars") == "help.md")
        #expect(LinkResolver.normalize("./img/a.png", from: "guide") == "guide/img/a.png")
        #expect(LinkResolver.normalize("a/../b.md", from: "") == "b.md")
    }

    @Test func refusesPathsThatLeaveTheContentFolder() {
        #expect(LinkResolver.normalize("../../etc/passwd", from: "pillars") == nil)
        #expect(LinkResolver.normalize("..", from: "") == nil)
    }

    @Test func recognisesSchemes() {
        #expect(LinkResolver.hasScheme("https://example.org"))
        #expect(LinkResolver.hasScheme("mailto:someone@example.org"))
        #expect(LinkResolver.hasScheme("tel:1955"))
        #expect(!LinkResolver.hasScheme("help.md"))
        #expect(!LinkResolver.hasScheme("guide/a:b.md"))
    }
}
