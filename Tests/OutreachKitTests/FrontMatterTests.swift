import Testing
@testable import OutreachKit

@Suite struct FrontMatterTests {
    @Test func splitsYAMLAndBodyWithLineOffsets() throws {
        let split = try FrontMatter.split("---\ntitle: A\nweight: 2\n---\n# Body\n").get()
        #expect(split.yaml == "title: A\nweight: 2")
        #expect(split.yamlLineOffset == 1)
        #expect(split.body == "# Body\n")
        #expect(split.bodyLineOffset == 4)
    }

    @Test func reportsMissingAndUnclosedFrontMatter() {
        #expect(FrontMatter.split("# No front matter\n") == .failure(.missing))
        #expect(FrontMatter.split("---\ntitle: A\n# Body\n") == .failure(.unclosed))
        #expect(FrontMatter.split("") == .failure(.missing))
    }

    @Test func acceptsDotsAsClosingFence() throws {
        let split = try FrontMatter.split("---\ntitle: A\n...\nBody").get()
        #expect(split.body == "Body")
    }
}
