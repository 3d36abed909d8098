import Yams
import CampaignModel

/// Parses YAML text into a node tree that remembers positions, reporting syntax errors as diagnostics.
///
/// `lineOffset` is the number of lines above the YAML in its file (the opening `---` of front
/// matter), so every position points at the real line.
struct YAMLDocument {
    var root: Node?
    var file: SourceFile
    var lineOffset: Int

    /// Only `true`/`false` (and YAML 1.1's `yes`/`no`/`on`/`off`) need a tag from Yams: every
    /// other value is read from its text by `YAMLFields`. Yams's default resolver tries seven
    /// regular expressions on every plain value, a tenth of the parsing time of a large site.
    private static let resolver = Resolver.basic.appending(.bool)

    static func parse(_ text: String, in file: SourceFile, lineOffset: Int = 0) -> Result<YAMLDocument, Diagnostic> {
        do {
            let root = try Yams.compose(yaml: text, resolver, .default, .utf8)
            return .success(YAMLDocument(root: root, file: file, lineOffset: lineOffset))
        } catch let error as YamlError {
            return .failure(diagnostic(for: error, in: file, lineOffset: lineOffset))
        } catch {
            return .failure(.error(.yamlSyntax(String(describing: error)), at: file.location(line: lineOffset + 1)))
        }
    }

    /// Parses `text`, or records the syntax error in `diagnostics` and returns nil.
    static func parse(_ text: String, in file: SourceFile, lineOffset: Int = 0,
                      diagnostics: inout [Diagnostic]) -> YAMLDocument? {
        switch parse(text, in: file, lineOffset: lineOffset) {
        case .success(let document): return document
        case .failure(let diagnostic):
            diagnostics.append(diagnostic)
            return nil
        }
    }

    /// The location of `node` in the file.
    func location(of node: Node?) -> SourceLocation {
        guard let mark = node?.mark else { return file.location(line: lineOffset + 1) }
        return file.location(line: mark.line + lineOffset, column: mark.column)
    }

    private static func diagnostic(for error: YamlError, in file: SourceFile, lineOffset: Int) -> Diagnostic {
        func at(_ mark: Mark) -> SourceLocation { file.location(line: mark.line + lineOffset, column: mark.column) }
        switch error {
        case .scanner(let context, let problem, let mark, _),
             .parser(let context, let problem, let mark, _),
             .composer(let context, let problem, let mark, _):
            // libyaml reports where it noticed the problem; say where the construct began too.
            let started = context.map { "\($0.text) started at line \($0.mark.line + lineOffset), column \($0.mark.column)" }
            let text = [started, problem].compactMap { $0 }.joined(separator: ": ")
            return .error(.yamlSyntax(text), at: at(mark))
        case .duplicatedKeysInMapping(let duplicates, let context):
            return .error(.yamlSyntax("duplicate key '\(duplicates.joined(separator: "', '"))'"), at: at(context.mark))
        case .reader(let problem, _, _, _):
            return .error(.yamlSyntax(problem), at: file.location(line: lineOffset + 1))
        default:
            return .error(.yamlSyntax(String(describing: error)), at: file.location(line: lineOffset + 1))
        }
    }
}

/// Reads typed fields out of a YAML mapping, collecting a positioned diagnostic for every problem.
struct YAMLFields {
    let document: YAMLDocument
    let mapping: Node.Mapping
    let node: Node
    private(set) var diagnostics: [Diagnostic] = []
    private var used: Set<String> = []
    /// The values by key text. `Node.Mapping`'s own subscript compares whole nodes, tags and
    /// positions included, with every key in turn: for a dozen fields read from each of tens of
    /// thousands of pages, that was a third of the time spent reading front matter.
    private let valuesByKey: [String: Node]

    /// Fails with a diagnostic when `node` is not a mapping.
    init?(_ node: Node?, in document: YAMLDocument, what: String, diagnostics: inout [Diagnostic]) {
        guard let node, case .mapping(let mapping) = node else {
            diagnostics.append(.error(.notAMapping(what: what), at: document.location(of: node)))
            return nil
        }
        self.document = document
        self.mapping = mapping
        self.node = node
        var valuesByKey: [String: Node] = [:]
        valuesByKey.reserveCapacity(mapping.count)
        for (key, value) in mapping {
            // Yams has already rejected duplicate keys; keep the first, as the subscript would.
            if case .scalar(let scalar) = key, valuesByKey[scalar.string] == nil { valuesByKey[scalar.string] = value }
        }
        self.valuesByKey = valuesByKey
    }

    /// The raw node for `key`, marking the key as known.
    mutating func node(_ key: String) -> Node? {
        used.insert(key)
        return valuesByKey[key]
    }

    /// The raw node for `key`, without marking it (to point a diagnostic at it).
    func value(_ key: String) -> Node? { valuesByKey[key] }

    func location(of node: Node?) -> SourceLocation { document.location(of: node ?? self.node) }

    mutating func string(_ key: String, required: Bool = false) -> String? {
        guard let value = node(key) else {
            if required { diagnostics.append(.error(.missingField(key), at: location(of: nil))) }
            return nil
        }
        guard case .scalar(let scalar) = value, !isNull(value) else {
            if required || !isNull(value) {
                diagnostics.append(.error(.wrongType(field: key, expected: "text"), at: location(of: value)))
            }
            return nil
        }
        if required && scalar.string.unicodeScalars.allSatisfy(\.properties.isWhitespace) {
            diagnostics.append(.error(.missingField(key), at: location(of: value)))
            return nil
        }
        return scalar.string
    }

    mutating func int(_ key: String) -> Int? {
        guard let value = node(key), !isNull(value) else { return nil }
        guard let number = Self.decimal(value) ?? value.int else {
            diagnostics.append(.error(.wrongType(field: key, expected: "a whole number"), at: location(of: value)))
            return nil
        }
        return number
    }

    /// A plain scalar of decimal digits (`3`, `-12`), read directly: Yams' general conversion
    /// (radix prefixes, underscores, sexagesimal) goes through Foundation for every page's weight.
    /// Anything else, including YAML 1.1's octal `012`, is left to Yams.
    static func decimal(_ node: Node) -> Int? {
        guard case .scalar(let scalar) = node, scalar.style == .plain || scalar.style == .any else { return nil }
        let digits = scalar.string.utf8.first == UInt8(ascii: "-") ? scalar.string.utf8.dropFirst() : scalar.string.utf8[...]
        guard let first = digits.first, first != UInt8(ascii: "0") || digits.count == 1,
              digits.allSatisfy({ (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }) else { return nil }
        return Int(scalar.string)
    }

    mutating func bool(_ key: String) -> Bool? {
        guard let value = node(key), !isNull(value) else { return nil }
        guard let flag = value.bool else {
            diagnostics.append(.error(.wrongType(field: key, expected: "true or false"), at: location(of: value)))
            return nil
        }
        return flag
    }

    /// A list of strings; a single string is accepted as a list of one.
    mutating func strings(_ key: String) -> [(String, SourceLocation)]? {
        guard let value = node(key), !isNull(value) else { return nil }
        switch value {
        case .scalar(let scalar):
            return [(scalar.string, location(of: value))]
        case .sequence(let sequence):
            var result: [(String, SourceLocation)] = []
            for item in sequence {
                guard case .scalar(let scalar) = item else {
                    diagnostics.append(.error(.wrongType(field: key, expected: "a list of text values"), at: location(of: item)))
                    continue
                }
                result.append((scalar.string, location(of: item)))
            }
            return result
        default:
            diagnostics.append(.error(.wrongType(field: key, expected: "a list of text values"), at: location(of: value)))
            return nil
        }
    }

    /// A date written `YYYY-MM-DD` (or a full timestamp), kept as its calendar day.
    mutating func day(_ key: String) -> CalendarDay? {
        guard let value = node(key), !isNull(value) else { return nil }
        guard case .scalar(let scalar) = value, let day = CalendarDay(parsing: scalar.string) else {
            diagnostics.append(.error(.wrongType(field: key, expected: "a date like 2022-03-16"), at: location(of: value)))
            return nil
        }
        return day
    }

    /// Warns about keys nobody asked for, so a misspelt field does not vanish silently.
    mutating func warnAboutUnknownKeys() {
        for (key, _) in mapping {
            guard case .scalar(let scalar) = key, !used.contains(scalar.string) else { continue }
            diagnostics.append(.warning(.unknownField(scalar.string), at: location(of: key)))
        }
    }

    private func isNull(_ node: Node) -> Bool {
        if case .scalar(let scalar) = node, scalar.style == .plain,
           ["", "~", "null", "Null", "NULL"].contains(scalar.string) { return true }
        return false
    }
}

extension YAMLFields {
    /// Text given per language (`{zh-TW: ..., en: ...}`), or one plain text meaning the default language.
    mutating func localizedString(_ key: String, defaultLanguage: LanguageCode, required: Bool = false)
        -> Localized<String>?
    {
        guard let value = node(key), !isNull(value) else {
            if required { diagnostics.append(.error(.missingField(key), at: location(of: nil))) }
            return nil
        }
        switch value {
        case .scalar(let scalar):
            return Localized([defaultLanguage: scalar.string])
        case .mapping(let mapping):
            var values: [LanguageCode: String] = [:]
            for (languageNode, textNode) in mapping {
                guard let tag = languageNode.string, let code = LanguageCode(tag) else {
                    diagnostics.append(.error(.invalidValue(field: "language", value: languageNode.string ?? "?",
                                                            expected: "a language code such as en"),
                                              at: location(of: languageNode)))
                    continue
                }
                guard case .scalar(let text) = textNode else {
                    diagnostics.append(.error(.wrongType(field: "\(key).\(tag)", expected: "text"), at: location(of: textNode)))
                    continue
                }
                values[code] = text.string
            }
            return Localized(values)
        default:
            diagnostics.append(.error(.wrongType(field: key, expected: "text, or text per language"), at: location(of: value)))
            return nil
        }
    }
}

extension YAMLFields {
    /// Records a problem found while interpreting a field's value.
    mutating func appendError(_ reason: Reason, at location: SourceLocation) {
        diagnostics.append(.error(reason, at: location))
    }
}
