import CampaignModel

/// How far each page is translated, for the department's translation coordinator.
public struct TranslationReport: Sendable {
    /// The state of one page in one language.
    public enum State: String, Sendable, Comparable {
        /// No file for this language: readers see the original.
        case missing
        /// Translated, awaiting review (`translation: draft`).
        case draft
        /// Reviewed, but the original changed since (`translationOf` is not the original's hash).
        case outdated
        /// Reviewed, and made from the current original.
        case reviewed
        /// The page in the default language itself.
        case original

        public static func < (lhs: State, rhs: State) -> Bool {
            let order: [State] = [.missing, .outdated, .draft, .reviewed, .original]
            return order.firstIndex(of: lhs)! < order.firstIndex(of: rhs)!
        }
    }

    public struct Row: Sendable {
        /// The original's file, relative to the content folder: `pillars/prevention.md`.
        public var page: String
        /// The hash of the original's text: put it in a translation's `translationOf` after reviewing it.
        public var originalHash: String
        /// State per language, in the site's language order.
        public var states: [(language: LanguageCode, state: State)]
        /// Block by block (title, description, each heading and paragraph), per language in the
        /// same order: how many there are, how many are translated and reviewed, which are outdated.
        public var blocks: [Blocks] = []
    }

    /// The blocks of one page in one language.
    public struct Blocks: Sendable {
        public var total: Int
        /// Translated, whether reviewed, draft or outdated.
        public var translated: Int
        public var reviewed: Int
        /// Blocks whose original changed since their translation: unit id and line in the original.
        public var outdated: [(id: String, line: Int)]
    }

    public var languages: [LanguageCode]
    public var rows: [Row]

    /// Pages per state, per language.
    public func count(_ state: State, in language: LanguageCode) -> Int {
        rows.filter { row in row.states.contains { $0.language == language && $0.state == state } }.count
    }
}

extension TranslationReport {
    /// The report for every Markdown page of the model (generated pages have nothing to translate).
    init(model: SiteModel) {
        languages = model.config.languages.map(\.code)
        rows = model.groups.compactMap { Self.row(for: $0, languages: model.languageCodes, ledgers: model.translationLedgers) }
    }

    /// The row of one page; nil for pages with no file of their own: generated sections, event
    /// lists and reports (made from other pages), and a quiz's later sets (its bank has one row).
    static func row(for group: PageGroup, languages: [LanguageCode], ledgers: [LanguageCode: TranslationLedger] = [:]) -> Row? {
        guard !group.original.file.text.isEmpty else { return nil }
        switch group.kind {
        case .report, .eventList(.some): return nil
        case .quizSet(_, let set) where set > 1: return nil
        default: break
        }
        let hash = ContentHash.of(group.original)
        let states = languages.map { language -> (LanguageCode, State) in
            if language == group.original.language { return (language, .original) }
            guard let translation = group.translations[language] else { return (language, .missing) }
            if translation.frontMatter.translation == .draft { return (language, .draft) }
            if let made = translation.frontMatter.translationOf, made != hash { return (language, .outdated) }
            return (language, .reviewed)
        }
        let blocks = languages.map { language -> Blocks in
            guard language != group.original.language,
                  let file = TranslationCatalog.pageFile(group, language: language, ledger: ledgers[language] ?? TranslationLedger()) else {
                return Blocks(total: 0, translated: 0, reviewed: 0, outdated: [])
            }
            return Blocks(total: file.units.count, translated: file.units.filter { $0.state != .missing }.count,
                          reviewed: file.units.filter { $0.state == .reviewed }.count,
                          outdated: file.units.filter { $0.state == .outdated }.map { ($0.id, $0.line) })
        }
        return Row(page: group.original.file.relativePath, originalHash: hash, states: states, blocks: blocks)
    }
}

/// A short, stable fingerprint of a page's text, so a reviewed translation can say which version
/// of the original it was made from. FNV-1a (64 bit): a change detector, not a security measure.
enum ContentHash {
    static func of(_ page: PageSource) -> String {
        var hash = FNV1a()
        for var text in [page.frontMatter.title, "\n", page.body] {
            // Over the contiguous bytes rather than the UTF-8 view: every original page is hashed.
            text.withUTF8 { hash.add($0) }
        }
        return hash.hex
    }
}

extension ContentHash {
    /// The fingerprint of one text: a block of a page or a field of a YAML file, as a translation's
    /// source. The same FNV-1a as a page's, over the text's UTF-8.
    static func of(text: String) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in text.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01b3
        }
        let hex = String(hash, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }
}
