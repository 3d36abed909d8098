import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// A translated file from a translator's tool, read: its target language and its units.
struct ExchangeDocument: Sendable {
    /// A piece of a target as the file wrote it; a PO placeholder `{2}` is `.code(2)` until the
    /// source says whether code 2 opens a pair or stands alone.
    enum Piece: Hashable, Sendable {
        case text(String)
        case open(Int)
        case close(Int)
        case placeholder(Int)
        case code(Int)
    }

    /// How far the tool says a unit is done.
    enum State: Sendable {
        /// Not translated yet, or needing work (XLIFF `initial`, PO `fuzzy`).
        case initial
        case translated
        /// Reviewed or final (XLIFF 2.0 `reviewed`/`final`, XLIFF 1.2 `signed-off`/`final`).
        case reviewed
    }

    struct Unit: Sendable {
        /// The original's path (`about.md`, `theme/i18n`).
        var file: String
        var id: String
        /// Nil when the unit has no target or an empty one: nothing to import.
        var target: [Piece]?
        var state: State
        /// Where the unit's target (or the unit) is in the exchange file.
        var location: SourceLocation
    }

    var path: String
    var language: String?
    var languageLocation: SourceLocation
    var units: [Unit] = []
}

extension TranslationExchange {
    /// Reads an XLIFF (2.0 or 1.2) or PO file, by its content rather than its name.
    static func read(_ text: String, path: String) -> Result<ExchangeDocument, Diagnostic> {
        let start = text.drop { $0.isWhitespace || $0 == "\u{feff}" }
        if start.hasPrefix("<") { return readXLIFF(text, path: path) }
        return readPO(text, path: path)
    }

    // MARK: XLIFF

    static func readXLIFF(_ text: String, path: String) -> Result<ExchangeDocument, Diagnostic> {
        let reader = XLIFFReader(path: path)
        let parser = XMLParser(data: Data(text.utf8))
        parser.shouldProcessNamespaces = true
        parser.delegate = reader
        let parsed = parser.parse()
        if let problem = reader.problem { return .failure(problem) }
        // FoundationXML on Linux can return true after recovering from an error: check both.
        guard parsed, parser.parserError == nil else {
            let message = parser.parserError.map { ($0 as NSError).localizedDescription } ?? "not well-formed"
            return .failure(.error(.malformedTranslationFile("malformed XML: \(message)"),
                                   at: SourceLocation(file: path, line: parser.lineNumber, column: parser.columnNumber)))
        }
        guard reader.sawRoot else {
            return .failure(.error(.malformedTranslationFile("not an XLIFF file: no <xliff> element"), at: SourceLocation(file: path)))
        }
        return .success(reader.document)
    }

    /// Event by event, what an XLIFF file holds. Used by one parse on one thread, then dropped.
    private final class XLIFFReader: NSObject, XMLParserDelegate {
        let path: String
        var document: ExchangeDocument
        var problem: Diagnostic?
        var sawRoot = false
        var version = "2.0"
        var file: String?
        var unitID: String?
        var unitLocation = SourceLocation(file: "")
        var unitState: ExchangeDocument.State?
        var unitPieces: [ExchangeDocument.Piece] = []
        var hasTarget = false
        var targetLocation: SourceLocation?
        /// Inside `<target>` (2.0: of a segment; 1.2: of a trans-unit), or `<source>` of an ignorable.
        var capturing = false
        var segmentState: ExchangeDocument.State = .initial
        var openCodes: [Int?] = []
        var inIgnorable = false
        var ignorableSource: [ExchangeDocument.Piece] = []
        var ignorableTarget: [ExchangeDocument.Piece]?
        var inIgnorableSource = false

        init(path: String) {
            self.path = path
            document = ExchangeDocument(path: path, language: nil, languageLocation: SourceLocation(file: path))
        }

        func location(_ parser: XMLParser) -> SourceLocation {
            SourceLocation(file: path, line: parser.lineNumber, column: parser.columnNumber)
        }

        func fail(_ message: String, _ parser: XMLParser) {
            guard problem == nil else { return }
            problem = .error(.malformedTranslationFile(message), at: location(parser))
            parser.abortParsing()
        }

        func append(_ piece: ExchangeDocument.Piece) {
            if inIgnorable {
                if inIgnorableSource { ignorableSource.append(piece) } else { ignorableTarget?.append(piece) }
            } else {
                unitPieces.append(piece)
            }
        }

        func codeID(_ attributes: [String: String], _ parser: XMLParser) -> Int? {
            guard let text = attributes["id"], let id = Int(text) else {
                fail("inline code id '\(attributes["id"] ?? "")' is not one of the source's codes", parser)
                return nil
            }
            return id
        }

        func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                    attributes: [String: String] = [:]) {
            if !sawRoot {
                guard name == "xliff" else { return fail("not an XLIFF file: the root element is <\(name)>", parser) }
                sawRoot = true
                version = attributes["version"] ?? "2.0"
                if version.hasPrefix("2") {
                    document.language = attributes["trgLang"]
                    document.languageLocation = location(parser)
                } else if !version.hasPrefix("1.") {
                    return fail("XLIFF version '\(version)' is not 2.0 or 1.2", parser)
                }
                return
            }
            if capturing || inIgnorableSource {
                switch name {
                case "pc", "g":
                    guard let id = codeID(attributes, parser) else { return }
                    openCodes.append(id)
                    append(.open(id))
                case "ph", "x":
                    guard let id = codeID(attributes, parser) else { return }
                    append(.placeholder(id))
                case "mrk", "sm", "em":
                    openCodes.append(nil)  // annotations a tool may add: their text counts, the marker does not
                default:
                    fail("<\(name)> in a target is not an inline code Outreach wrote; use the codes of the source (<pc>, <ph>, <g>, <x>)", parser)
                }
                return
            }
            switch name {
            case "file":
                file = attributes["original"] ?? attributes["id"].map { $0.replacingOccurrences(of: ":", with: "/") }
                if !version.hasPrefix("2"), let language = attributes["target-language"] {
                    if document.language == nil { document.language = language; document.languageLocation = location(parser) }
                }
            case "unit", "trans-unit":
                unitID = attributes["id"]
                unitLocation = location(parser)
                unitPieces = []
                hasTarget = false
                targetLocation = nil
                unitState = nil
            case "segment":
                segmentState = Self.state2(attributes["state"])
            case "ignorable":
                inIgnorable = true
                ignorableSource = []
                ignorableTarget = nil
            case "source" where inIgnorable:
                inIgnorableSource = true
            case "target":
                if inIgnorable { ignorableTarget = []; capturing = true; return }
                capturing = true
                hasTarget = true
                if targetLocation == nil { targetLocation = location(parser) }
                let state = version.hasPrefix("2") ? segmentState : Self.state12(attributes["state"])
                unitState = unitState.map { Self.lower($0, state) } ?? state
            default:
                break
            }
        }

        func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
            if capturing || inIgnorableSource {
                switch name {
                case "pc", "g":
                    if let id = openCodes.popLast() ?? nil { append(.close(id)) }
                    return
                case "mrk", "sm", "em":
                    _ = openCodes.popLast()
                    return
                case "ph", "x":
                    return
                case "target":
                    capturing = false
                    return
                case "source":
                    inIgnorableSource = false
                    return
                default:
                    return
                }
            }
            switch name {
            case "ignorable":
                inIgnorable = false
                unitPieces += ignorableTarget ?? ignorableSource
            case "unit", "trans-unit":
                guard let file, let unitID else {
                    return fail("<\(name)> without an id, or outside a <file> with an 'original' or 'id'", parser)
                }
                let empty = unitPieces.allSatisfy { if case .text(let text) = $0 { text.isEmpty } else { false } }
                document.units.append(ExchangeDocument.Unit(
                    file: file, id: unitID, target: hasTarget && !empty ? unitPieces : nil,
                    state: unitState ?? .initial, location: targetLocation ?? unitLocation))
                self.unitID = nil
            default:
                break
            }
        }

        /// Called where libxml2 finds the error, so the position is the error's, not the file's end.
        func parser(_ parser: XMLParser, parseErrorOccurred parseError: Error) {
            let code = (parseError as NSError).code
            fail("malformed XML (error \(code)): \(Self.describe(code))", parser)
        }

        /// Words for the usual NSXMLParser error codes.
        static func describe(_ code: Int) -> String {
            switch code {
            case 76: "an end tag does not match its start tag"
            case 5: "the document ends before its elements are closed"
            case 9, 64: "a character that XML does not allow"
            case 23, 41: "an attribute is not written name=\"value\""
            case 68: "'&' starts no entity; write &amp;"
            default: "not well-formed"
            }
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) {
            if capturing || inIgnorableSource { append(.text(string)) }
        }

        func parser(_ parser: XMLParser, foundCDATA data: Data) {
            if capturing || inIgnorableSource { append(.text(String(decoding: data, as: UTF8.self))) }
        }

        static func state2(_ text: String?) -> ExchangeDocument.State {
            switch text {
            case "reviewed", "final": .reviewed
            case "translated": .translated
            default: .initial
            }
        }

        static func state12(_ text: String?) -> ExchangeDocument.State {
            switch text {
            case "signed-off", "final": .reviewed
            case nil, "translated": .translated
            default: .initial
            }
        }

        static func lower(_ a: ExchangeDocument.State, _ b: ExchangeDocument.State) -> ExchangeDocument.State {
            func rank(_ state: ExchangeDocument.State) -> Int {
                switch state { case .initial: 0; case .translated: 1; case .reviewed: 2 }
            }
            return rank(a) <= rank(b) ? a : b
        }
    }

    // MARK: PO

    static func readPO(_ text: String, path: String) -> Result<ExchangeDocument, Diagnostic> {
        struct Entry {
            var context: String?
            var id: String?
            var translation: String?
            var isFuzzy = false
            var start = 1
            var translationLine = 1
        }
        var entries: [Entry] = []
        var current = Entry()
        var field: WritableKeyPath<Entry, String?>?
        var flags: [String] = []
        var hasContent = false
        func finish() {
            if hasContent {
                current.isFuzzy = flags.contains("fuzzy")
                entries.append(current)
            }
            current = Entry()
            flags = []
            field = nil
            hasContent = false
        }
        func error(_ message: String, _ line: Int, _ column: Int = 1) -> Result<ExchangeDocument, Diagnostic> {
            .failure(.error(.malformedTranslationFile(message), at: SourceLocation(file: path, line: line, column: column)))
        }
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        for (index, rawLine) in lines.enumerated() {
            let number = index + 1
            let line = rawLine.hasSuffix("\r") ? rawLine.dropLast() : rawLine
            let trimmed = line.drop { $0 == " " || $0 == "\t" }
            if trimmed.isEmpty { if hasContent && current.translation != nil { finish() }; continue }
            if trimmed.hasPrefix("#") {
                if hasContent && current.translation != nil { finish() }
                if trimmed.hasPrefix("#,") {
                    flags += trimmed.dropFirst(2).split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
                }
                continue
            }
            if trimmed.hasPrefix("\"") {
                guard let field else { return error("a string here continues nothing: it must follow msgctxt, msgid or msgstr", number) }
                guard let value = poUnquote(trimmed) else {
                    return error("string is not closed with \" or has an unknown escape", number, line.count - trimmed.count + 1)
                }
                current[keyPath: field] = (current[keyPath: field] ?? "") + value
                continue
            }
            let keyword = trimmed.prefix { !$0.isWhitespace }
            let rest = trimmed.dropFirst(keyword.count).drop { $0 == " " || $0 == "\t" }
            let column = line.count - rest.count + 1
            guard let value = poUnquote(rest) else {
                return error("expected a quoted string after '\(keyword)'", number, column)
            }
            switch keyword {
            case "msgctxt":
                if hasContent { finish() }
                current.start = number
                current.context = value
                field = \.context
            case "msgid":
                if hasContent && current.id != nil { finish() }
                if !hasContent { current.start = number }
                current.id = value
                field = \.id
            case "msgstr", "msgstr[0]":
                guard current.id != nil else { return error("msgstr without a msgid before it", number) }
                current.translation = value
                current.translationLine = number
                field = \.translation
            case "msgid_plural":
                return error("plural forms are not used by Outreach", number)
            default:
                return error("unknown keyword '\(keyword)'; expected msgctxt, msgid or msgstr", number)
            }
            hasContent = true
        }
        finish()
        // The header: the entry with an empty msgid and no context, first.
        guard let header = entries.first, header.id == "", header.context == nil else {
            return error("no PO header (an entry with msgid \"\" naming the Language) at the start of the file", entries.first?.start ?? 1)
        }
        var language: String?
        for field in (header.translation ?? "").split(separator: "\n") {
            let parts = field.split(separator: ":", maxSplits: 1)
            guard parts.count == 2 else {
                return error("PO header line '\(field)' is not 'Name: value'", header.translationLine)
            }
            let name = parts[0].trimmingCharacters(in: .whitespaces)
            let value = parts[1].trimmingCharacters(in: .whitespaces)
            if name == "Language" { language = value }
            if name == "Content-Type", !value.lowercased().contains("charset=utf-8") {
                return error("PO header: Content-Type must say charset=UTF-8", header.translationLine)
            }
        }
        guard let language, !language.isEmpty else {
            return error("PO header has no 'Language:' line naming the target language", header.translationLine)
        }
        var document = ExchangeDocument(path: path, language: language.replacingOccurrences(of: "_", with: "-"),
                                        languageLocation: SourceLocation(file: path, line: header.translationLine, column: 1))
        for entry in entries.dropFirst() {
            guard let context = entry.context, let hash = context.lastIndex(of: "#") else {
                return error("entry has no msgctxt \"file#unit\" naming where its text belongs", entry.start)
            }
            let translation = entry.translation ?? ""
            document.units.append(ExchangeDocument.Unit(
                file: String(context[..<hash]), id: String(context[context.index(after: hash)...]),
                target: translation.isEmpty ? nil : poPieces(translation),
                state: entry.isFuzzy ? .initial : .translated,
                location: SourceLocation(file: path, line: entry.translationLine, column: 1)))
        }
        return .success(document)
    }

    /// `{1}`, `{/1}` and text between them.
    static func poPieces(_ text: String) -> [ExchangeDocument.Piece] {
        var pieces: [ExchangeDocument.Piece] = []
        var buffer = ""
        var index = text.startIndex
        while index < text.endIndex {
            if text[index] == "{", let close = text[index...].firstIndex(of: "}") {
                var inner = text[text.index(after: index)..<close]
                let isClose = inner.hasPrefix("/")
                if isClose { inner = inner.dropFirst() }
                if let id = Int(inner), !inner.isEmpty, inner.allSatisfy(\.isASCII) {
                    if !buffer.isEmpty { pieces.append(.text(buffer)); buffer = "" }
                    pieces.append(isClose ? .close(id) : .code(id))
                    index = text.index(after: close)
                    continue
                }
            }
            buffer.append(text[index])
            index = text.index(after: index)
        }
        if !buffer.isEmpty { pieces.append(.text(buffer)) }
        return pieces
    }

    /// The value of a PO string `"..."`, or nil when it is not one.
    static func poUnquote(_ text: Substring) -> String? {
        var trimmed = text
        while let last = trimmed.last, last == " " || last == "\t" { trimmed = trimmed.dropLast() }
        guard trimmed.count >= 2, trimmed.first == "\"", trimmed.last == "\"" else { return nil }
        var result = ""
        var escaped = false
        for character in trimmed.dropFirst().dropLast() {
            if escaped {
                switch character {
                case "n": result += "\n"
                case "t": result += "\t"
                case "r": result += "\r"
                case "\"": result += "\""
                case "\\": result += "\\"
                default: return nil
                }
                escaped = false
            } else if character == "\\" {
                escaped = true
            } else if character == "\"" {
                return nil
            } else {
                result.append(character)
            }
        }
        return escaped ? nil : result
    }
}
