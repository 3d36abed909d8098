import Testing
@testable import OutreachKit

@Suite struct YAMLFieldsTests {
    /// The whole numbers of `yaml`'s fields, and the problems found reading them.
    func ints(_ yaml: String, keys: [String]) -> ([Int?], [String]) {
        var diagnostics: [Diagnostic] = []
        let file = SourceFile(relativePath: "page.md", displayPath: "content/page.md", text: yaml)
        guard let document = YAMLDocument.parse(yaml, in: file, diagnostics: &diagnostics),
              var fields = YAMLFields(document.root, in: document, what: "test", diagnostics: &diagnostics) else {
            return ([], diagnostics.map { "\($0.reason)" })
        }
        let values = keys.map { fields.int($0) }
        return (values, (diagnostics + fields.diagnostics).map { "\($0.location) \($0.reason)" })
    }

    @Test func readsDecimalNumbersDirectlyAndOtherFormsThroughYams() {
        let (values, problems) = ints("a: 12\nb: -3\nc: 0\nd: 012\ne: 0x1F\nf: 1_000\n", keys: ["a", "b", "c", "d", "e", "f"])
        #expect(values == [12, -3, 0, 10, 31, 1000])
        #expect(problems.isEmpty)
    }

    @Test func refusesTextAndQuotedNumbers() {
        let (values, problems) = ints("a: twelve\nb: \"12\"\nc: 1.5\n", keys: ["a", "b", "c"])
        #expect(values == [nil, nil, nil])
        #expect(problems.count == 3)
        #expect(problems.allSatisfy { $0.contains("whole number") })
    }
}
