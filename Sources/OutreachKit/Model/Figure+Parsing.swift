import CampaignModel

extension Figure {
    /// Parses `figures.yaml`: numbers departments reported, each with what it counts and its period.
    /// `departments` are the known department ids; an unknown one is reported at its position.
    static func parseList(_ file: SourceFile, config: SiteConfig, departments: Set<String>,
                          diagnostics: inout [Diagnostic]) -> [Figure] {
        guard let document = YAMLDocument.parse(file.text, in: file, diagnostics: &diagnostics),
              var fields = YAMLFields(document.root, in: document, what: "figures.yaml", diagnostics: &diagnostics) else {
            return []
        }
        defer { diagnostics += fields.diagnostics }
        guard let list = fields.node("figures"), case .sequence(let items) = list else {
            diagnostics.append(.error(.missingField("figures"), at: fields.location(of: nil)))
            return []
        }
        fields.warnAboutUnknownKeys()
        var figures: [Figure] = []
        for item in items {
            guard var entry = YAMLFields(item, in: document, what: "a figure", diagnostics: &diagnostics) else { continue }
            let idNode = entry.node("id")
            let id = entry.string("id", required: true)
            let department = entry.reference("department", required: true)
            let pillar: Pillar? = entry.enumValue("pillar", required: true, expected: "a pillar")
            let valueNode = entry.node("value")
            let value = valueNode.flatMap { $0.float ?? $0.int.map(Double.init) }
            let unit = entry.string("unit") ?? ""
            let label = entry.localizedString("label", defaultLanguage: config.defaultLanguage, required: true)
            let start = entry.day("start")
            let endNode = entry.node("end")
            let end = entry.day("end")
            entry.warnAboutUnknownKeys()
            diagnostics += entry.diagnostics
            if let department, !departments.contains(department.id) {
                diagnostics.append(.error(.unknownReference(kind: "department", id: department.id), at: department.location))
            }
            if valueNode != nil && value == nil || (value ?? 0) < 0 {
                diagnostics.append(.error(.wrongType(field: "value", expected: "a number"), at: entry.location(of: valueNode)))
            }
            if let start, let end, end < start {
                diagnostics.append(.error(.endBeforeStart(start: start.description, end: end.description), at: entry.location(of: endNode)))
            }
            guard let id, let department, let pillar, let value, let label, let start else { continue }
            if figures.contains(where: { $0.id == id }) {
                diagnostics.append(.error(.duplicateID(kind: "figure", id: id), at: entry.location(of: idNode)))
                continue
            }
            guard let figure = Figure(id: id, department: department.id, pillar: pillar, value: value, unit: unit,
                                      label: label, period: start...max(start, end ?? start)) else { continue }
            figures.append(figure)
        }
        return figures
    }
}
