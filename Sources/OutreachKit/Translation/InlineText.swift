/// A text with its inline Markdown taken out as numbered codes, the way translators' tools want
/// it: `[預防](pillars/prevention.md)` becomes an opening code, the text `預防`, and a closing code,
/// so that no tool or machine translation can change a link address or an emphasis marker.
///
/// Made by a small scanner over the Markdown of one block rather than by cmark, because what must
/// hold is exactness: `InlineText(markdown: text).markdown == text` for every text, whatever the
/// scanner recognises. A delimiter it does not pair stays in the text as it is.
struct InlineText: Hashable, Sendable {
    /// A piece of the text: text to translate, or a code standing for Markdown.
    enum Piece: Hashable, Sendable {
        case text(String)
        /// The start of a paired code (`[` of a link, `**`), by code id.
        case open(Int)
        /// The end of a paired code (`](url)`, `**`).
        case close(Int)
        /// A code that stands alone: a code span, an image, an autolink, raw HTML, a hard break.
        case placeholder(Int)
    }

    /// The Markdown a code stands for.
    struct Code: Hashable, Sendable {
        /// What is written where the code opens (or for a placeholder, all of it).
        var start: String
        /// What is written where a paired code closes; nil for a placeholder.
        var end: String?
        /// A word for what it is, for tools that show codes by type: `link`, `bold`, `code`.
        var kind: String
    }

    var pieces: [Piece]
    /// Codes by id, numbered from 1 in order of appearance.
    var codes: [Int: Code]

    init(pieces: [Piece], codes: [Int: Code]) {
        self.pieces = pieces
        self.codes = codes
    }

    /// Plain text, no codes.
    init(plain text: String) {
        pieces = text.isEmpty ? [] : [.text(text)]
        codes = [:]
    }

    /// Splits Markdown into text and codes.
    init(markdown: String) {
        var scanner = Scanner(characters: Array(markdown))
        scanner.scan(0..<scanner.characters.count)
        scanner.flush()
        pieces = scanner.pieces
        codes = scanner.codes
    }

    /// The Markdown again: the text with every code written out.
    var markdown: String {
        var result = ""
        for piece in pieces {
            switch piece {
            case .text(let text): result += text
            case .open(let id), .placeholder(let id): result += codes[id]?.start ?? ""
            case .close(let id): result += codes[id]?.end ?? ""
            }
        }
        return result
    }

    /// The text a reader sees, without the codes' Markdown: for notes and length limits.
    var plainText: String {
        pieces.map { if case .text(let text) = $0 { text } else { "" } }.joined()
    }

    /// Whether there is nothing to translate.
    var isEmpty: Bool { pieces.isEmpty }

    /// The same text with its codes renumbered to those of `source` that have the same Markdown,
    /// or nil when the two texts do not have the same codes (a translation made by hand that
    /// dropped a link or added emphasis).
    func matchingCodes(of source: InlineText) -> InlineText? {
        guard codes.count == source.codes.count else { return nil }
        var unused = Set(source.codes.keys)
        var mapping: [Int: Int] = [:]
        for id in codes.keys.sorted() {
            guard let code = codes[id],
                  let match = unused.sorted().first(where: { source.codes[$0] == code }) else { return nil }
            mapping[id] = match
            unused.remove(match)
        }
        let renumbered = pieces.map { piece -> Piece in
            switch piece {
            case .text: piece
            case .open(let id): .open(mapping[id]!)
            case .close(let id): .close(mapping[id]!)
            case .placeholder(let id): .placeholder(mapping[id]!)
            }
        }
        return InlineText(pieces: renumbered, codes: source.codes)
    }

    /// What is wrong with a translation's codes, compared with its source's; nil when they match:
    /// every code of the source once, of the same type, paired codes nested properly.
    static func codeProblem(in pieces: [Piece], source: InlineText) -> String? {
        var seen: Set<Int> = []
        var open: [Int] = []
        for piece in pieces {
            switch piece {
            case .text: continue
            case .open(let id), .placeholder(let id):
                guard let code = source.codes[id] else { return "inline code \(id) is not in the source" }
                guard seen.insert(id).inserted else { return "inline code \(id) is used twice" }
                if case .open = piece {
                    guard code.end != nil else { return "inline code \(id) is a placeholder in the source, not a pair" }
                    open.append(id)
                } else if code.end != nil {
                    return "inline code \(id) encloses text in the source, but stands alone here"
                }
            case .close(let id):
                guard open.last == id else { return "inline code \(id) is closed out of order" }
                open.removeLast()
            }
        }
        if let id = open.last { return "inline code \(id) is opened but never closed" }
        let missing = Set(source.codes.keys).subtracting(seen)
        if let id = missing.min() { return "inline code \(id) of the source is missing" }
        return nil
    }

    /// Joins neighbouring text pieces, so equal texts compare equal however they were built.
    func normalized() -> InlineText {
        var merged: [Piece] = []
        for piece in pieces {
            if case .text(let text) = piece {
                if text.isEmpty { continue }
                if case .text(let previous) = merged.last {
                    merged[merged.count - 1] = .text(previous + text)
                    continue
                }
            }
            merged.append(piece)
        }
        return InlineText(pieces: merged, codes: codes)
    }

    /// The scanner: left to right, with recursion into a link's text or an emphasis (bounded by
    /// the nesting the text has, which one block of Markdown keeps small).
    private struct Scanner {
        let characters: [Character]
        var pieces: [Piece] = []
        var codes: [Int: Code] = [:]
        var text = ""

        init(characters: [Character]) { self.characters = characters }

        mutating func flush() {
            if !text.isEmpty { pieces.append(.text(text)); text = "" }
        }

        mutating func newCode(_ code: Code) -> Int {
            let id = codes.count + 1
            codes[id] = code
            return id
        }

        mutating func placeholder(_ range: Range<Int>, kind: String) {
            flush()
            pieces.append(.placeholder(newCode(Code(start: String(characters[range]), end: nil, kind: kind))))
        }

        mutating func pair(start: String, end: String, kind: String, inner: Range<Int>) {
            flush()
            let id = newCode(Code(start: start, end: end, kind: kind))
            pieces.append(.open(id))
            scan(inner)
            flush()
            pieces.append(.close(id))
        }

        mutating func scan(_ range: Range<Int>) {
            var index = range.lowerBound
            while index < range.upperBound {
                let character = characters[index]
                switch character {
                case "\\":
                    if index + 1 < range.upperBound, characters[index + 1] == "\n" {
                        placeholder(index..<index + 2, kind: "lb")
                        index += 2
                    } else {
                        text += String(characters[index..<min(index + 2, range.upperBound)])
                        index += 2
                    }
                    continue
                case "`":
                    if let end = codeSpanEnd(from: index, in: range) {
                        placeholder(index..<end, kind: "code")
                        index = end
                        continue
                    }
                case "!", "[":
                    let bracket = character == "!" ? index + 1 : index
                    if bracket < range.upperBound, characters[bracket] == "[",
                       let (close, end) = linkEnd(from: bracket, in: range) {
                        pair(start: String(characters[index...bracket]), end: String(characters[close..<end]),
                             kind: character == "!" ? "image" : "link", inner: bracket + 1..<close)
                        index = end
                        continue
                    }
                case "<":
                    if let end = angleEnd(from: index, in: range) {
                        placeholder(index..<end, kind: "html")
                        index = end
                        continue
                    }
                case "*", "_":
                    var run = index
                    while run < range.upperBound, characters[run] == character { run += 1 }
                    let length = run - index
                    if length <= 3, let close = emphasisClose(character, length: length, from: index, in: range) {
                        let marker = String(repeating: character, count: length)
                        pair(start: marker, end: marker, kind: length == 1 ? "italic" : "bold", inner: run..<close)
                        index = close + length
                        continue
                    }
                    text += String(characters[index..<run])
                    index = run
                    continue
                case " ":
                    var run = index
                    while run < range.upperBound, characters[run] == " " { run += 1 }
                    if run - index >= 2, run < range.upperBound, characters[run] == "\n" {
                        placeholder(index..<run + 1, kind: "lb")
                        index = run + 1
                        continue
                    }
                default:
                    break
                }
                text.append(character)
                index += 1
            }
        }

        /// The end of a code span starting at a backtick run, when a run of the same length closes it.
        func codeSpanEnd(from start: Int, in range: Range<Int>) -> Int? {
            var run = start
            while run < range.upperBound, characters[run] == "`" { run += 1 }
            let length = run - start
            var index = run
            while index < range.upperBound {
                if characters[index] == "`" {
                    var end = index
                    while end < range.upperBound, characters[end] == "`" { end += 1 }
                    if end - index == length { return end }
                    index = end
                } else {
                    index += 1
                }
            }
            return nil
        }

        /// For `[` at `start`: the index of its `]` and the end of `](url "title")` or `][ref]`.
        func linkEnd(from start: Int, in range: Range<Int>) -> (Int, Int)? {
            var depth = 0
            var index = start
            var close: Int?
            while index < range.upperBound {
                switch characters[index] {
                case "\\": index += 1
                case "[": depth += 1
                case "]":
                    depth -= 1
                    if depth == 0 { close = index }
                default: break
                }
                if close != nil { break }
                index += 1
            }
            guard let close, close + 1 < range.upperBound else { return nil }
            let opener = characters[close + 1]
            guard opener == "(" || opener == "[" else { return nil }
            let closer: Character = opener == "(" ? ")" : "]"
            var nested = 0
            index = close + 1
            while index < range.upperBound {
                let character = characters[index]
                if character == "\\" { index += 2; continue }
                if character == "\n" && opener == "(" { return nil }
                if character == opener && opener == "(" { nested += 1 }
                if character == closer {
                    if opener == "(" { nested -= 1 }
                    if opener == "[" || nested == 0 { return (close, index + 1) }
                }
                if character == "[" && opener == "[" && index > close + 1 { return nil }
                index += 1
            }
            return nil
        }

        /// An autolink (`<https://...>`, `<name@host>`) or an HTML tag, up to its `>` on the same line.
        func angleEnd(from start: Int, in range: Range<Int>) -> Int? {
            guard start + 1 < range.upperBound else { return nil }
            let next = characters[start + 1]
            guard next.isLetter || next == "/" || next == "!" || next == "?" else { return nil }
            var index = start + 1
            while index < range.upperBound {
                let character = characters[index]
                if character == ">" { return index + 1 }
                if character == "<" || character == "\n" || (character == " " && !next.isLetter) { return nil }
                index += 1
            }
            return nil
        }

        /// Where an emphasis opened by `length` of `marker` at `start` closes, by CommonMark's
        /// flanking rules in a simple form: the opener is followed by a non-space, the closer
        /// preceded by one, and `_` does not open or close inside a word.
        func emphasisClose(_ marker: Character, length: Int, from start: Int, in range: Range<Int>) -> Int? {
            let after = start + length
            guard after < range.upperBound, !characters[after].isWhitespace else { return nil }
            if marker == "_", start > range.lowerBound, characters[start - 1].isLetter || characters[start - 1].isNumber { return nil }
            var index = after + 1
            while index < range.upperBound {
                let character = characters[index]
                if character == "\\" { index += 2; continue }
                if character == "`", let end = codeSpanEnd(from: index, in: range) { index = end; continue }
                if character == marker {
                    var run = index
                    while run < range.upperBound, characters[run] == marker { run += 1 }
                    let followedByWord = run < range.upperBound && (characters[run].isLetter || characters[run].isNumber)
                    if run - index == length, !characters[index - 1].isWhitespace, !(marker == "_" && followedByWord) {
                        return index
                    }
                    index = run
                    continue
                }
                index += 1
            }
            return nil
        }
    }
}
