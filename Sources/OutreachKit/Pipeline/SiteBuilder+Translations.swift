import Foundation
import CampaignModel

extension SiteBuilder {
    /// Every translatable text of the site for `language`, with its current translation, as an
    /// XLIFF or PO file; only the units in a state of `only` when it is given. Writes nothing.
    public func exportTranslations(language: String, format: TranslationFormat,
                                   only: Set<TranslationUnitState>? = nil) async -> (text: String?, units: Int, diagnostics: [Diagnostic]) {
        let (prepared, diagnostics) = await prepare()
        let sorted = Array(Set(diagnostics)).sortedByLocation()
        guard let prepared, !diagnostics.containsErrors else { return (nil, 0, sorted) }
        let model = prepared.renderer.model
        guard let code = LanguageCode(language), let configured = model.config.language(code)?.code,
              configured != model.config.defaultLanguage else {
            return (nil, 0, sorted + [.error(.translationLanguageNotConfigured(language),
                                             at: SourceLocation(wholeFile: options.contentFolder + "/site.yaml"))])
        }
        let catalog = TranslationCatalog(model: model, sources: prepared.translationSources, language: configured)
        let include: (TranslationUnit) -> Bool = { only?.contains($0.state) ?? true }
        let count = catalog.files.reduce(0) { $0 + $1.units.filter(include).count }
        let text: String = switch format {
        case .xliff: TranslationExchange.xliff2(catalog, units: include)
        case .xliff12: TranslationExchange.xliff12(catalog, units: include)
        case .po: TranslationExchange.po(catalog, siteTitle: model.config.title[model.config.defaultLanguage] ?? "", units: include)
        }
        return (text, count, sorted)
    }

    /// The changes that translated XLIFF or PO files make to the site's files: nothing when any
    /// of them has an error (a broken inline code, an unknown unit, malformed XML, a language the
    /// site does not have). `files` are the exchange files' paths (as shown in errors) and texts.
    public func importTranslations(_ files: [(path: String, text: String)]) async -> (changes: [TranslationFileChange], diagnostics: [Diagnostic]) {
        var documents: [ExchangeDocument] = []
        var problems: [Diagnostic] = []
        for file in files {
            switch TranslationExchange.read(file.text, path: file.path) {
            case .success(let document): documents.append(document)
            case .failure(let diagnostic): problems.append(diagnostic)
            }
        }
        guard problems.isEmpty else { return ([], problems) }
        let (prepared, diagnostics) = await prepare()
        guard let prepared, !diagnostics.containsErrors else { return ([], Array(Set(diagnostics)).sortedByLocation()) }
        let importer = TranslationImporter(model: prepared.renderer.model, sources: prepared.translationSources,
                                           contentFolder: options.contentFolder, themeFolder: options.themeFolder)
        let (changes, importProblems) = importer.changes(for: documents)
        // Changes to files whose text is already the same are no changes.
        let real = changes.filter { change in
            FolderReader.contents(of: change.path).map { String(decoding: $0, as: UTF8.self) != change.text } ?? true
        }
        return (real, importProblems.sortedByLocation())
    }

    /// Writes import's changes, each file to a temporary file next to it and then renamed over it.
    public static func write(_ changes: [TranslationFileChange]) throws {
        let manager = FileManager()
        for change in changes {
            let folder = (change.path as NSString).deletingLastPathComponent
            if !folder.isEmpty { try manager.createDirectory(atPath: folder, withIntermediateDirectories: true) }
            let temporary = change.path + ".outreach-import"
            try Data(change.text.utf8).write(to: URL(fileURLWithPath: temporary))
            // rename(2) replaces the file in one step, so a reader never sees half of it.
            guard rename(temporary, change.path) == 0 else {
                throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: change.path])
            }
        }
    }
}
