import CampaignModel

extension Hotline {
    /// Parses `hotlines.yaml` (`hotlines:` then a list of `id`, `number`, `name`, `description`).
    /// Returns each hotline with the location of its id, for duplicate reports.
    static func parseList(_ file: SourceFile, config: SiteConfig, diagnostics: inout [Diagnostic]) -> [Hotline] {
        guard let document = YAMLDocument.parse(file.text, in: file, diagnostics: &diagnostics) else { return [] }
        guard var fields = YAMLFields(document.root, in: document, what: "hotlines.yaml", diagnostics: &diagnostics) else {
            return []
        }
        defer { diagnostics += fields.diagnostics }
        guard let list = fields.node("hotlines") else {
            fields.warnAboutUnknownKeys()
            diagnostics.append(.error(.missingField("hotlines"), at: fields.location(of: nil)))
            return []
        }
        fields.warnAboutUnknownKeys()
        guard case .sequence(let items) = list else {
            diagnostics.append(.error(.wrongType(field: "hotlines", expected: "a list of hotlines"), at: fields.location(of: list)))
            return []
        }
        var hotlines: [Hotline] = []
        for item in items {
            guard var entry = YAMLFields(item, in: document, what: "a hotline", diagnostics: &diagnostics) else { continue }
            let idNode = entry.node("id")
            let id = entry.string("id", required: true)
            let numberNode = entry.node("number")
            var number = entry.string("number", required: true)
            if let text = number, text.isEmpty || !text.allSatisfy({ $0.isASCII && ($0.isNumber || "+-() ".contains($0)) }) {
                diagnostics.append(.error(.invalidValue(field: "number", value: text, expected: "a phone number (digits, spaces, + - and brackets)"),
                                          at: entry.location(of: numberNode)))
                number = nil
            }
            let name = entry.localizedString("name", defaultLanguage: config.defaultLanguage, required: true)
            let description = entry.localizedString("description", defaultLanguage: config.defaultLanguage)
            entry.warnAboutUnknownKeys()
            diagnostics += entry.diagnostics
            for localized in [name, description].compactMap({ $0 }) {
                for code in localized.languages where config.language(code) == nil {
                    diagnostics.append(.error(.unknownLanguage(code.rawValue), at: entry.location(of: nil)))
                }
            }
            if let name, name[config.defaultLanguage] == nil {
                diagnostics.append(.error(.missingField("name.\(config.defaultLanguage)"), at: entry.location(of: entry.value("name"))))
            }
            guard let id, let number, let name else { continue }
            if hotlines.contains(where: { $0.id == id }) {
                diagnostics.append(.error(.duplicateHotline(id), at: entry.location(of: idNode)))
                continue
            }
            hotlines.append(Hotline(id: id, number: number, name: name, description: description ?? Localized()))
        }
        return hotlines
    }
}
