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
    ///
    /// Scans UTF-8 bytes line by line: every page of a site goes through here.
    static func split(_ text: String) -> Result<FrontMatter, Failure> {
        let bytes = Array(text.utf8)
        var lineStart = 0
        var lineNumber = 0
        var yamlStart: Int?
        while lineStart <= bytes.count {
            var lineEnd = lineStart
            while lineEnd < bytes.count && bytes[lineEnd] != UInt8(ascii: "\n") { lineEnd += 1 }
            let isFence = Self.isFence(bytes[lineStart..<lineEnd], closing: yamlStart != nil)
            if let start = yamlStart {
                if isFence {
                    let yaml = Self.text(of: text, from: start, to: max(start, lineStart - 1))
                    let body = Self.text(of: text, from: min(lineEnd + 1, bytes.count), to: bytes.count)
                    return .success(FrontMatter(yaml: lineStart > start ? yaml : "", yamlLineOffset: 1,
                                                body: body, bodyLineOffset: lineNumber + 1))
                }
            } else {
                guard isFence else { return .failure(.missing) }
                yamlStart = lineEnd + 1
            }
            lineNumber += 1
            lineStart = lineEnd + 1
        }
        return .failure(yamlStart == nil ? .missing : .unclosed)
    }

    /// The text between two UTF-8 offsets that fall at line starts or ends, copied without
    /// decoding it again (it is already valid).
    private static func text(of text: String, from start: Int, to end: Int) -> String {
        let utf8 = text.utf8
        return String(text[utf8.index(utf8.startIndex, offsetBy: start)..<utf8.index(utf8.startIndex, offsetBy: end)])
    }

    /// `---` (or, closing, `...`), allowing spaces around it.
    private static func isFence(_ line: ArraySlice<UInt8>, closing: Bool) -> Bool {
        var trimmed = line[...]
        while let first = trimmed.first, first == UInt8(ascii: " ") { trimmed = trimmed.dropFirst() }
        while let last = trimmed.last, last == UInt8(ascii: " ") || last == UInt8(ascii: "\t") { trimmed = trimmed.dropLast() }
        guard trimmed.count == 3 else { return false }
        return trimmed.allSatisfy { $0 == UInt8(ascii: "-") } || (closing && trimmed.allSatisfy { $0 == UInt8(ascii: ".") })
    }
}
