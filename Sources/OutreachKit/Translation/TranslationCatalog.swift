import Foundation
import Yams
import CampaignModel

/// How far one translatable text is translated into one language.
public enum TranslationUnitState: String, Sendable, CaseIterable, Comparable {
    /// No translation: readers see the original.
    case missing
    /// Translated, and its original changed since.
    case outdated
    /// Translated, awaiting review.
    case draft
    /// Reviewed by a person, and made from the current original.
    case reviewed

    public static func < (lhs: Self, rhs: Self) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}

/// One text to translate: a page's title, one block of its body, one field of a quiz bank.
struct TranslationUnit: Sendable {
    /// Stable within its file: `title`, `b3` (the third block of the body), `questions.passport-kept.text`.
    var id: String
    var source: InlineText
    /// The current translation, when there is one whose inline codes match the source's.
    var target: InlineText?
    var state: TranslationUnitState
    /// The original the outdated translation was made from.
    var previousSource: String?
    /// What the text is: `title`, `paragraph`, `list item`, `name`.
    var field: String
    /// Where it is, for the translator: the heading it is under, the question it belongs to.
    var context: String
    /// 1-based line of the source text in its file.
    var line: Int
    /// A limit in characters, where a printed layout needs one.
    var maxLength: Int?
    /// Markdown text (inline codes), not a plain field.
    var isMarkdown: Bool
    /// For a field of a YAML file: its keys from the root (`LocalizedYAML.Field.path`).
    var yamlPath: [String] = []
}

/// Every translatable text of a site for one language, file by file.
struct TranslationCatalog: Sendable {
    /// Where a file's translations are written.
    enum Kind: Hashable, Sendable {
        /// A Markdown page, by its key: translations go to `<key>.<lang>.md`.
        case page(key: String)
        /// A YAML file with text per language (`zh-TW:`, `vi:`): translations go into it.
        case yaml
        /// The theme's UI strings: `i18n/<lang>.yaml` of the site's theme folder.
        case themeStrings
    }

    /// One file of the site and its texts.
    struct File: Sendable {
        /// The original's path: relative to the content folder, or `theme/i18n` for the UI strings.
        var path: String
        var kind: Kind
        var units: [TranslationUnit]
        /// A page whose translation exists but does not have the original's blocks (made by hand
        /// with a paragraph split or merged): its body can only be replaced whole.
        var bodyIsUnaligned = false
    }

    var sourceLanguage: LanguageCode
    var language: LanguageCode
    var files: [File]

    /// The file with this path.
    func file(_ path: String) -> File? { files.first { $0.path == path } }

    /// The theme's UI strings as a file of the catalog.
    static let themePath = "theme/i18n"

    /// Front matter fields a translation gives in its own language.
    static let pageFields = ["title", "description", "message", "place", "audience"]
}

/// What the catalog is built from: the site model and the raw files whose positions it reports.
struct TranslationSources: Sendable {
    /// site.yaml, hotlines.yaml, figures.yaml and the quiz banks: YAML with text per language.
    var yamlFiles: [SourceFile] = []
    /// The theme's UI strings of the site's own theme folder, by file name (`vi.yaml`).
    var themeStrings: [String: SourceFile] = [:]
    /// The built-in theme's, for the strings a site does not override.
    var builtInThemeStrings: [String: SourceFile] = [:]
    /// Ledgers by language.
    var ledgers: [LanguageCode: TranslationLedger] = [:]
    /// Ledger files as read, to write them back with changes.
    var ledgerFiles: [LanguageCode: SourceFile] = [:]
}

extension TranslationCatalog {
    /// The catalog of `language` for a site.
    init(model: SiteModel, sources: TranslationSources, language: LanguageCode) {
        sourceLanguage = model.config.defaultLanguage
        self.language = language
        let ledger = sources.ledgers[language] ?? TranslationLedger()
        var files: [File] = []
        for group in model.groups {
            if let file = Self.pageFile(group, language: language, ledger: ledger) { files.append(file) }
        }
        for yaml in sources.yamlFiles {
            if let file = Self.yamlFile(yaml, defaultLanguage: sourceLanguage, language: language, ledger: ledger) {
                files.append(file)
            }
        }
        if let file = Self.themeFile(sources, defaultLanguage: sourceLanguage, language: language, ledger: ledger) {
            files.append(file)
        }
        self.files = files
    }

    /// The unit's state from the ledger when import recorded it, else from what the file says.
    static func state(hasTarget: Bool, entry: TranslationLedger.Entry?, source: String,
                      fallback: TranslationUnitState) -> (TranslationUnitState, String?) {
        guard hasTarget else { return (.missing, nil) }
        guard let entry else { return (fallback, nil) }
        if entry.hash != ContentHash.of(text: source) { return (.outdated, entry.source) }
        return (entry.state == .reviewed ? .reviewed : .draft, nil)
    }

    /// Whether a page has a file of its own to translate (the translation report's rule).
    static func isTranslatable(_ group: PageGroup) -> Bool {
        guard !group.original.file.text.isEmpty else { return false }
        switch group.kind {
        case .report, .eventList(.some): return false
        case .quizSet(_, let set) where set > 1: return false
        default: return true
        }
    }

    static func pageFile(_ group: PageGroup, language: LanguageCode, ledger: TranslationLedger) -> File? {
        // A quiz bank's page comes from its YAML file, whose texts are that file's units.
        guard isTranslatable(group), group.original.file.relativePath.hasSuffix(".md") else { return nil }
        let original = group.original
        let path = original.file.relativePath
        let translation = group.translations[language]
        let pageHash = ContentHash.of(original)
        var fallback = TranslationUnitState.draft
        if let front = translation?.frontMatter, front.translation != .draft {
            fallback = front.translationOf.map { $0 == pageHash } ?? true ? .reviewed : .outdated
        }
        let originalFields = FrontMatterText(original.file.text)
        let translatedFields = translation.map { FrontMatterText($0.file.text) }
        let isPoster: Bool = if case .poster = group.kind { true } else { false }
        var units: [TranslationUnit] = []
        for field in pageFields {
            guard let (text, line) = originalFields.fields[field], !text.isEmpty else { continue }
            let target = translatedFields?.fields[field]?.text
            let (state, previous) = Self.state(hasTarget: target != nil, entry: ledger.entry(file: path, unit: field),
                                               source: text, fallback: fallback)
            var maxLength: Int?
            if isPoster && (field == "title" || field == "message") {
                let lengths = [text] + group.translations.values.compactMap { FrontMatterText($0.file.text).fields[field]?.text }
                maxLength = lengths.map(\.count).max()
            }
            units.append(TranslationUnit(id: field, source: InlineText(plain: text), target: target.map(InlineText.init(plain:)),
                                         state: state, previousSource: previous, field: field, context: "front matter",
                                         line: line, maxLength: maxLength, isMarkdown: false))
        }
        let blocks = MarkdownBlocks(original.body)
        let translatedBlocks = translation.map { MarkdownBlocks($0.body) }
        let aligned = translatedBlocks.map { $0.shape == blocks.shape } ?? true
        var heading = ""
        for (index, block) in blocks.blocks.enumerated() {
            let id = "b\(index + 1)"
            let source = InlineText(markdown: block.text)
            var target: InlineText?
            if aligned, let translated = translatedBlocks?.blocks[index] {
                target = InlineText(markdown: translated.text).matchingCodes(of: source)
            }
            let (state, previous) = Self.state(hasTarget: target != nil, entry: ledger.entry(file: path, unit: id),
                                               source: block.text, fallback: fallback)
            units.append(TranslationUnit(id: id, source: source, target: target, state: state, previousSource: previous,
                                         field: block.description, context: heading.isEmpty ? "" : "under “\(heading)”",
                                         line: block.line + original.bodyLineOffset, maxLength: nil, isMarkdown: true))
            if block.kind == .heading { heading = source.plainText }
        }
        return File(path: path, kind: .page(key: group.key), units: units, bodyIsUnaligned: !aligned)
    }

    private static func yamlFile(_ file: SourceFile, defaultLanguage: LanguageCode, language: LanguageCode,
                                 ledger: TranslationLedger) -> File? {
        guard let root = try? Yams.compose(yaml: file.text) else { return nil }
        var fallback = TranslationUnitState.draft
        if case .mapping(let top) = root, top["translation"]?.string == TranslationStatus.reviewed.rawValue { fallback = .reviewed }
        var units: [TranslationUnit] = []
        for field in LocalizedYAML.fields(in: root, defaultLanguage: defaultLanguage) {
            let id = field.path.joined(separator: ".")
            let target = field.values[language.rawValue]
            let (state, previous) = Self.state(hasTarget: target != nil, entry: ledger.entry(file: file.relativePath, unit: id),
                                               source: field.source, fallback: fallback)
            units.append(TranslationUnit(id: id, source: InlineText(plain: field.source), target: target.map(InlineText.init(plain:)),
                                         state: state, previousSource: previous, field: field.path.last ?? id,
                                         context: field.path.dropLast().joined(separator: " › "), line: field.line,
                                         maxLength: nil, isMarkdown: false, yamlPath: field.path))
        }
        return units.isEmpty ? nil : File(path: file.relativePath, kind: .yaml, units: units)
    }

    private static func themeFile(_ sources: TranslationSources, defaultLanguage: LanguageCode, language: LanguageCode,
                                  ledger: TranslationLedger) -> File? {
        let name = defaultLanguage.rawValue + ".yaml"
        guard let sourceFile = sources.themeStrings[name] ?? sources.builtInThemeStrings[name] else { return nil }
        let source = LocalizedYAML.flatStrings(sourceFile.text)
        let own = sources.themeStrings[language.rawValue + ".yaml"].map { LocalizedYAML.flatStrings($0.text) } ?? [:]
        let builtIn = sources.builtInThemeStrings[language.rawValue + ".yaml"].map { LocalizedYAML.flatStrings($0.text) } ?? [:]
        let units = source.sorted { ($0.value.line, $0.key) < ($1.value.line, $1.key) }.map { key, value -> TranslationUnit in
            let target = own[key]?.text ?? builtIn[key]?.text
            let (state, previous) = Self.state(hasTarget: target != nil, entry: ledger.entry(file: themePath, unit: key),
                                               source: value.text, fallback: .draft)
            return TranslationUnit(id: key, source: InlineText(plain: value.text), target: target.map(InlineText.init(plain:)),
                                   state: state, previousSource: previous, field: key, context: "the theme's interface text",
                                   line: value.line, maxLength: nil, isMarkdown: false)
        }
        return units.isEmpty ? nil : File(path: themePath, kind: .themeStrings, units: units)
    }
}

/// The top-level text fields of a page's front matter, with their lines in the file.
struct FrontMatterText {
    var fields: [String: (text: String, line: Int)] = [:]
    /// The front matter's YAML and the line it starts on.
    var yaml = ""
    var body = ""

    init(_ text: String) {
        guard case .success(let split) = FrontMatter.split(text) else { return }
        yaml = split.yaml
        body = split.body
        guard let root = try? Yams.compose(yaml: split.yaml), case .mapping(let mapping) = root else { return }
        for (key, value) in mapping {
            guard let name = key.string, case .scalar(let scalar) = value else { continue }
            fields[name] = (scalar.string, (value.mark?.line ?? 0) + split.yamlLineOffset)
        }
    }
}

/// Finding the texts given per language in a YAML file.
enum LocalizedYAML {
    /// A mapping from language codes to texts, where it is.
    struct Field {
        /// Keys from the root, with a list item named by its `id` (or its 1-based position).
        var path: [String]
        var source: String
        var values: [String: String]
        var line: Int
        var node: Node
    }

    /// Every mapping that has the default language as a key and only texts as values, in file order.
    static func fields(in root: Node, defaultLanguage: LanguageCode) -> [Field] {
        var found: [Field] = []
        var stack: [(Node, [String])] = [(root, [])]
        while let (node, path) = stack.popLast() {
            switch node {
            case .mapping(let mapping):
                if let source = mapping[defaultLanguage.rawValue]?.string, !path.isEmpty,
                   mapping.allSatisfy({ if case .scalar = $0.value { true } else { false } }) {
                    var values: [String: String] = [:]
                    for (key, value) in mapping { if let code = key.string { values[code] = value.string } }
                    found.append(Field(path: path, source: source, values: values, line: mapping[defaultLanguage.rawValue]?.mark?.line ?? 0, node: node))
                    continue
                }
                for (key, value) in mapping.reversed() {
                    if let name = key.string { stack.append((value, path + [name])) }
                }
            case .sequence(let sequence):
                for (index, item) in sequence.enumerated().reversed() {
                    let name = item.mapping?["id"]?.string ?? String(index + 1)
                    stack.append((item, path + [name]))
                }
            default:
                break
            }
        }
        return found
    }

    /// A flat file of `key: text` lines (the theme's UI strings), with lines; nested keys joined by dots.
    static func flatStrings(_ text: String) -> [String: (text: String, line: Int)] {
        guard let root = try? Yams.compose(yaml: text), case .mapping(let mapping) = root else { return [:] }
        var strings: [String: (text: String, line: Int)] = [:]
        for (key, value) in mapping {
            guard let name = key.string, case .scalar(let scalar) = value else { continue }
            strings[name] = (scalar.string, value.mark?.line ?? 0)
        }
        return strings
    }
}
