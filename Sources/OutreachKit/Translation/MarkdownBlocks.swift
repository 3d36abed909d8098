import Foundation

/// A Markdown body as the blocks a translator translates one by one (headings, paragraphs, list
/// items, quotes), each with its Markdown text and where that text sits in the body's lines, so a
/// translation can be written back in place while every other line stays as it is.
struct MarkdownBlocks: Sendable {
    /// One block: what it is and its text, without the container markers (`- `, `> `, `## `).
    struct Block: Hashable, Sendable {
        var kind: CommonMark.TextBlock.Kind
        var level: Int
        /// The block's Markdown text; lines of a paragraph joined with `\n`.
        var text: String
        /// 1-based line of the block's first line in the body.
        var line: Int
        /// 0-based line indices of the text's lines in the body.
        var lines: ClosedRange<Int>
        /// What comes before the text on each of its lines (indentation, `- `, `> `, `## `).
        var prefixes: [String]
        /// What comes after the text on its last line (an ATX heading's closing `#`s, trailing spaces).
        var suffix: String

        /// Kind and level, which two texts must share block by block to be translations of each other.
        var shape: String { level > 0 ? "h\(level)" : kind.rawValue }

        /// A name for a translator's note: `heading (level 2)`, `list item`.
        var description: String { level > 0 ? "heading (level \(level))" : kind.rawValue }
    }

    /// The body's lines, split on `\n`.
    var lines: [String]
    var blocks: [Block]

    init(_ body: String) {
        lines = body.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        var blocks: [Block] = []
        for found in CommonMark.textBlocks(of: body) {
            if let block = Self.block(found, lines: lines) { blocks.append(block) }
        }
        self.blocks = blocks
    }

    /// The kinds of the blocks in order: two bodies with the same shape pair block by block.
    var shape: [String] { blocks.map(\.shape) }

    private static func block(_ found: CommonMark.TextBlock, lines: [String]) -> Block? {
        let first = found.startLine - 1
        guard first >= 0, first < lines.count else { return nil }
        // cmark counts columns in bytes.
        let firstLine = Array(lines[first].utf8)
        let textStart = min(max(found.startColumn - 1, 0), firstLine.count)
        let firstPrefix = String(decoding: firstLine[..<textStart], as: UTF8.self)
        var firstText = String(decoding: firstLine[textStart...], as: UTF8.self)
        if found.kind == .heading, firstText.hasPrefix("#") {
            // ATX heading: the text is after the opening #s and before an optional closing sequence.
            let hashes = firstText.prefix { $0 == "#" }
            let afterHashes = firstText.dropFirst(hashes.count)
            let spaces = afterHashes.prefix { $0 == " " || $0 == "\t" }
            var content = String(afterHashes.dropFirst(spaces.count))
            var suffix = ""
            let trailingSpace = content.reversed().prefix { $0 == " " || $0 == "\t" }
            content.removeLast(trailingSpace.count)
            suffix = String(trailingSpace.reversed())
            let closing = content.reversed().prefix { $0 == "#" }
            if !closing.isEmpty, closing.count < content.count,
               let before = content.dropLast(closing.count).last, before == " " || before == "\t" {
                let gap = content.dropLast(closing.count).reversed().prefix { $0 == " " || $0 == "\t" }
                suffix = String(gap.reversed()) + String(closing) + suffix
                content = String(content.dropLast(closing.count + gap.count))
            } else if closing.count == content.count {
                suffix = content + suffix
                content = ""
            }
            return Block(kind: .heading, level: found.level, text: content, line: found.startLine, lines: first...first,
                         prefixes: [firstPrefix + String(hashes) + String(spaces)], suffix: suffix)
        }
        // For a setext heading, `textBlocks` ends the text above its underline.
        let last = min(max(found.endLine - 1, first), lines.count - 1)
        var prefixes = [firstPrefix]
        var texts = [firstText]
        if last > first {
            for index in first + 1...last {
                let line = lines[index]
                let prefix = line.prefix { $0 == " " || $0 == "\t" || $0 == ">" }
                prefixes.append(String(prefix))
                texts.append(String(line.dropFirst(prefix.count)))
            }
        }
        let trailing = texts[texts.count - 1].reversed().prefix { $0 == " " || $0 == "\t" }
        // Two trailing spaces at the very end are no hard break; keep them out of the translator's text.
        texts[texts.count - 1].removeLast(trailing.count)
        firstText = texts[0]
        return Block(kind: found.kind, level: found.level, text: texts.joined(separator: "\n"), line: found.startLine,
                     lines: first...last, prefixes: prefixes, suffix: String(trailing.reversed()))
    }

    /// The body with the texts of some blocks replaced (by block index), every other line unchanged.
    func replacing(_ texts: [Int: String]) -> String {
        var lines = self.lines
        // From the last block up, so earlier blocks' line numbers stay right.
        for (index, text) in texts.sorted(by: { $0.key > $1.key }) where blocks.indices.contains(index) {
            let block = blocks[index]
            var newLines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            if block.kind == .heading && block.prefixes[0].contains("#") {
                newLines = [newLines.joined(separator: " ")]
            }
            let continuation = block.prefixes.count > 1
                ? block.prefixes[block.prefixes.count - 1]
                : String(block.prefixes[0].map { $0 == ">" ? ">" : (($0 == "\t") ? "\t" : " ") })
            var written: [String] = []
            for (number, line) in newLines.enumerated() {
                let prefix = number < block.prefixes.count ? block.prefixes[number] : continuation
                written.append(prefix + line)
            }
            written[written.count - 1] += block.suffix
            lines.replaceSubrange(block.lines, with: written)
        }
        return lines.joined(separator: "\n")
    }
}
