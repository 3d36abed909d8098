import CampaignModel
import Yams

/// The theme's interface text in one language (`theme/i18n/<code>.yaml`): "Skip to content", "Languages", ...
struct UIStrings: Sendable {
    var language: LanguageCode
    var values: [String: String]

    subscript(key: String) -> String? { values[key] }

    /// Reads one file per site language, over the built-in theme's file of that language when there
    /// is one (a site's own file overrides it key by key). The default language's keys are the
    /// reference: every other language must have each of them, and a missing one is reported by key
    /// and language.
    static func load(_ files: [SourceFile], builtIn: [SourceFile] = [], config: SiteConfig,
                     diagnostics: inout [Diagnostic]) -> [LanguageCode: UIStrings] {
        var result: [LanguageCode: UIStrings] = [:]
        var fileByLanguage: [LanguageCode: SourceFile] = [:]
        for (file, isBuiltIn) in builtIn.map({ ($0, true) }) + files.map({ ($0, false) }) where file.relativePath.hasSuffix(".yaml") {
            let stem = String(file.relativePath.dropLast(".yaml".count))
            guard let code = LanguageCode(stem), let language = config.language(code) else { continue }
            let strings = parse(file, language: language.code, diagnostics: &diagnostics)
            if isBuiltIn || result[language.code] == nil {
                result[language.code] = strings
            } else {
                result[language.code]?.values.merge(strings.values) { _, own in own }
            }
            if !isBuiltIn || fileByLanguage[language.code] == nil { fileByLanguage[language.code] = file }
        }
        let folder = (files.first ?? builtIn.first).map { String($0.displayPath.dropLast($0.relativePath.count + 1)) } ?? "theme/i18n"
        for language in config.languages where result[language.code] == nil {
            diagnostics.append(.error(.missingTranslationFile(language: language.code.rawValue),
                                      at: SourceLocation(file: "\(folder)/\(language.code.rawValue).yaml")))
        }
        guard let reference = result[config.defaultLanguage] else { return result }
        for language in config.languages where language.code != config.defaultLanguage {
            guard let strings = result[language.code], let file = fileByLanguage[language.code] else { continue }
            for key in reference.values.keys.sorted() where strings[key] == nil {
                diagnostics.append(.error(.missingTranslationKey(key: key, language: language.code.rawValue),
                                          at: file.location()))
            }
        }
        return result
    }

    private static func parse(_ file: SourceFile, language: LanguageCode, diagnostics: inout [Diagnostic]) -> UIStrings {
        var strings = UIStrings(language: language, values: [:])
        guard let document = YAMLDocument.parse(file.text, in: file, diagnostics: &diagnostics) else { return strings }
        guard let fields = YAMLFields(document.root, in: document, what: "UI strings", diagnostics: &diagnostics) else {
            return strings
        }
        for (keyNode, valueNode) in fields.mapping {
            guard let key = keyNode.string else { continue }
            guard case .scalar(let scalar) = valueNode else {
                diagnostics.append(.error(.wrongType(field: key, expected: "text"), at: document.location(of: valueNode)))
                continue
            }
            strings.values[key] = scalar.string
        }
        return strings
    }
}
