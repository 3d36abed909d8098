/// A Markdown file split into its YAML front matter and its body.
///
/// Front matter is the block between a first line `---` and the next line `---` (or `...`).
/// Line offsets are kept so YAML and Markdown positions can be reported against the whole file.
struct FrontMatter: Equatable {
    /// The YAML text between the fences.
    var yaml: String
    /// Lines above the YAML (the opening fence): add to YAML line numbers.
    var yamlLineOffset: Int
    /// The Markdown after the closing fence.
    var body: String
    /// Lines above the body: add to Markdown line numbers.
    var bodyLineOffset: Int

    enum Failure: Error, Equatable {
        case missing
        case unclosed
    }

    /// Splits `text`; fails when the file does not start with `---` or the block is never closed.
    static func split(_ text: String) -> Result<FrontMatter, Failure> {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false)[...]
        guard let first = lines.first, isFence(first, closing: false) else { return .failure(.missing) }
        lines = lines.dropFirst()
        var yamlLines: [Substring] = []
        var consumed = 1
        while let line = lines.first {
            lines = lines.dropFirst()
            consumed += 1
            if isFence(line, closing: true) {
                return .success(FrontMatter(
                    yaml: yamlLines.joined(separator: "\n"),
                    yamlLineOffset: 1,
                    body: lines.joined(separator: "\n"),
                    bodyLineOffset: consumed))
            }
            yamlLines.append(line)
        }
        return .failure(.unclosed)
    }

    private static func isFence(_ line: Substring, closing: Bool) -> Bool {
        let trimmed = line.drop { $0 == " " }.reversed().drop { $0 == " " || $0 == "\t" }
        let fence = String(trimmed.reversed())
        return fence == "---" || (closing && fence == "...")
    }
}
