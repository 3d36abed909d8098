import Foundation
import CampaignModel

/// A file `outreach translations import` writes: its path and its new text.
public struct TranslationFileChange: Hashable, Sendable {
    /// The path to write, under the content or theme folder as the options name them.
    public var path: String
    public var text: String
}

/// Turns translated exchange files into changes to the site's files: checks every unit first,
/// and returns no change at all when any unit is wrong.
struct TranslationImporter {
    let model: SiteModel
    let sources: TranslationSources
    let contentFolder: String
    let themeFolder: String

    /// A unit's new text and state, decided from the exchange file.
    private struct Decision {
        var markdown: String
        var state: TranslationStatus
        var location: SourceLocation
    }

    func changes(for documents: [ExchangeDocument]) -> ([TranslationFileChange], [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        var catalogs: [LanguageCode: TranslationCatalog] = [:]
        // Language, then file path, then unit id.
        var decisions: [LanguageCode: [String: [String: Decision]]] = [:]
        for document in documents {
            guard let text = document.language, let code = LanguageCode(text),
                  let language = model.config.language(code)?.code, language != model.config.defaultLanguage else {
                diagnostics.append(.error(.translationLanguageNotConfigured(document.language ?? ""), at: document.languageLocation))
                continue
            }
            if catalogs[language] == nil { catalogs[language] = TranslationCatalog(model: model, sources: sources, language: language) }
            let catalog = catalogs[language]!
            var filesByPath: [String: TranslationCatalog.File] = [:]
            for file in catalog.files { filesByPath[file.path] = file }
            for unit in document.units {
                guard let file = filesByPath[unit.file] else {
                    diagnostics.append(.error(.unknownTranslationFile(unit.file), at: unit.location))
                    continue
                }
                guard let known = file.units.first(where: { $0.id == unit.id }) else {
                    diagnostics.append(.error(.unknownTranslationUnit(file: unit.file, id: unit.id), at: unit.location))
                    continue
                }
                guard let raw = unit.target else { continue }
                let pieces = raw.map { piece -> InlineText.Piece in
                    switch piece {
                    case .text(let text): .text(text)
                    case .open(let id): .open(id)
                    case .close(let id): .close(id)
                    case .placeholder(let id): .placeholder(id)
                    case .code(let id): known.source.codes[id]?.end != nil ? .open(id) : .placeholder(id)
                    }
                }
                if let problem = InlineText.codeProblem(in: pieces, source: known.source) {
                    diagnostics.append(.error(.translationCodesMismatch(problem), at: unit.location))
                    continue
                }
                let target = InlineText(pieces: pieces, codes: known.source.codes).normalized()
                let changed = target.markdown != known.target?.markdown
                let reviewed = unit.state == .reviewed
                if !changed && !(reviewed && known.state != .reviewed) { continue }
                decisions[language, default: [:]][file.path, default: [:]][unit.id] =
                    Decision(markdown: target.markdown, state: reviewed ? .reviewed : .draft, location: unit.location)
            }
        }
        guard !diagnostics.containsErrors else { return ([], diagnostics) }

        var changes: [TranslationFileChange] = []
        for (language, files) in decisions.sorted(by: { $0.key.rawValue < $1.key.rawValue }) {
            let catalog = catalogs[language]!
            var ledger = sources.ledgers[language] ?? TranslationLedger()
            var yamlTexts: [String: String] = [:]
            for (path, decided) in files.sorted(by: { $0.key < $1.key }) {
                guard let file = catalog.file(path) else { continue }
                // The ledger records every translated text of a file that import touches.
                var allReviewed = true
                for unit in file.units {
                    if let decision = decided[unit.id] {
                        ledger.entries[path, default: [:]][unit.id] = .init(
                            state: decision.state, hash: ContentHash.of(text: unit.source.markdown), source: unit.source.markdown)
                        if decision.state != .reviewed { allReviewed = false }
                        continue
                    }
                    switch unit.state {
                    case .missing: allReviewed = false
                    case .outdated:
                        allReviewed = false
                        if ledger.entry(file: path, unit: unit.id) == nil {
                            // Made from an earlier original that is not known: stays outdated.
                            ledger.entries[path, default: [:]][unit.id] = .init(state: .reviewed, hash: "", source: "")
                        }
                    case .draft, .reviewed:
                        if unit.state == .draft { allReviewed = false }
                        if ledger.entry(file: path, unit: unit.id) == nil {
                            ledger.entries[path, default: [:]][unit.id] = .init(
                                state: unit.state == .reviewed ? .reviewed : .draft,
                                hash: ContentHash.of(text: unit.source.markdown), source: unit.source.markdown)
                        }
                    }
                }
                switch file.kind {
                case .page(let key):
                    guard let group = model.group(key) else { continue }
                    switch pageChange(group, file: file, decided: decided, language: language, reviewed: allReviewed) {
                    case .success(let change): changes.append(change)
                    case .failure(let diagnostic): diagnostics.append(diagnostic)
                    }
                case .yaml:
                    var text = yamlTexts[path] ?? sources.yamlFiles.first { $0.relativePath == path }?.text ?? ""
                    for unit in file.units {
                        guard let decision = decided[unit.id] else { continue }
                        guard let edited = YAMLTextEditor.settingLocalized(
                            path: unit.yamlPath, language: language.rawValue,
                            to: decision.markdown, in: text, defaultLanguage: catalog.sourceLanguage) else {
                            diagnostics.append(.error(.translationNotWritable(file: path, field: unit.id), at: decision.location))
                            continue
                        }
                        text = edited
                    }
                    yamlTexts[path] = text
                    changes.append(TranslationFileChange(path: contentFolder + "/" + path, text: text))
                case .themeStrings:
                    let name = language.rawValue + ".yaml"
                    var text = sources.themeStrings[name]?.text
                        ?? "# Interface text of the theme (\(language.rawValue)), written by `outreach translations import`.\n"
                    for unit in file.units {
                        guard let decision = decided[unit.id] else { continue }
                        guard let edited = YAMLTextEditor.settingTopLevel(unit.id, to: decision.markdown, in: text) else {
                            diagnostics.append(.error(.translationNotWritable(file: "i18n/" + name, field: unit.id), at: decision.location))
                            continue
                        }
                        text = edited
                    }
                    changes.append(TranslationFileChange(path: themeFolder + "/i18n/" + name, text: text))
                }
            }
            if ledger != sources.ledgers[language] ?? TranslationLedger() {
                changes.append(TranslationFileChange(path: contentFolder + "/" + TranslationLedger.path(for: language), text: ledger.yaml))
            }
        }
        guard !diagnostics.containsErrors else { return ([], diagnostics) }
        return (changes, diagnostics)
    }

    /// The translation file of a page with the decided texts and its new state.
    private func pageChange(_ group: PageGroup, file: TranslationCatalog.File, decided: [String: Decision],
                            language: LanguageCode, reviewed: Bool) -> Result<TranslationFileChange, Diagnostic> {
        let original = group.original
        let relative = String(original.file.relativePath.dropLast(3)) + ".\(language.rawValue).md"
        let path = contentFolder + "/" + relative
        let originalBlocks = MarkdownBlocks(original.body)
        var blockTexts: [Int: String] = [:]
        for (id, decision) in decided where id.hasPrefix("b") {
            if let number = Int(id.dropFirst()) { blockTexts[number - 1] = decision.markdown }
        }
        let status = reviewed ? "reviewed" : "draft"
        let pageHash = ContentHash.of(original)
        guard let translation = group.translations[language] else {
            // A new translation: the original's blocks, translated where a translation is given.
            var front = ""
            let fields = FrontMatterText(original.file.text).fields
            for field in TranslationCatalog.pageFields {
                guard let value = decided[field]?.markdown ?? fields[field]?.text else { continue }
                front += "\(field): \(YAMLTextEditor.scalar(value))\n"
            }
            front += "translation: \(status)\n"
            if reviewed { front += "translationOf: \"\(pageHash)\"\n" }
            return .success(TranslationFileChange(path: path, text: "---\n" + front + "---\n" + originalBlocks.replacing(blockTexts)))
        }
        let text = translation.file.text
        guard case .success(let split) = FrontMatter.split(text) else {
            return .failure(.error(.missingFrontMatter, at: translation.file.location()))
        }
        // The file is: the opening fence line, the YAML, the closing fence, the body.
        let head = String(text.prefix { $0 != "\n" }) + "\n"
        let bodyStart = text.utf8.count - split.body.utf8.count
        let middleStart = head.utf8.count + split.yaml.utf8.count
        let utf8 = text.utf8
        let middle = String(text[utf8.index(utf8.startIndex, offsetBy: middleStart)..<utf8.index(utf8.startIndex, offsetBy: bodyStart)])
        var yaml = split.yaml
        func set(_ key: String, _ value: String) -> Bool {
            guard let edited = YAMLTextEditor.settingTopLevel(key, to: value, in: yaml) else { return false }
            yaml = edited
            return true
        }
        for field in TranslationCatalog.pageFields {
            guard let decision = decided[field] else { continue }
            guard set(field, decision.markdown) else {
                return .failure(.error(.translationNotWritable(file: relative, field: field), at: decision.location))
            }
        }
        let front = translation.frontMatter
        if front.translation?.rawValue != status || (front.translation == nil && !reviewed) { _ = set("translation", status) }
        if reviewed && front.translationOf != pageHash { _ = set("translationOf", pageHash) }
        var body = split.body
        if !blockTexts.isEmpty {
            if file.bodyIsUnaligned {
                let missing = originalBlocks.blocks.indices.filter { blockTexts[$0] == nil }.count
                guard missing == 0 else {
                    let location = decided.values.map(\.location).min() ?? translation.file.location()
                    return .failure(.error(.translationBodyNotAligned(file: relative, missing: missing), at: location))
                }
                body = originalBlocks.replacing(blockTexts)
            } else {
                body = MarkdownBlocks(split.body).replacing(blockTexts)
            }
        }
        return .success(TranslationFileChange(path: path, text: head + yaml + middle + body))
    }
}

