import CampaignModel

/// `/translations.html`: the translation report for the department's coordinator, in the default
/// language, one row per page through the theme's `translation-row` template. Not linked from the
/// site and marked `noindex`.
struct TranslationReportRenderer {
    var context: RenderContext

    struct View: TemplateView {
        var languages: [Language]
        /// The rendered rows.
        var rows: String

        func value(named name: String) -> Any? {
            switch name {
            case "languages": languages
            case "rows": rows
            default: nil
            }
        }

        /// A column of the report.
        struct Language: TemplateEntry {
            var code: String
            var name: String

            func child(named key: String) -> Any? {
                switch key {
                case "code": code
                case "name": name
                default: nil
                }
            }
        }
    }

    /// One page's row: its file, its hash and its state in each language.
    struct RowView: TemplateView {
        var page: String
        var hash: String
        var states: [State]

        func value(named name: String) -> Any? {
            switch name {
            case "page": page
            case "hash": hash
            case "states": states
            default: nil
            }
        }

        /// A page's state in one language, with its label.
        struct State: TemplateEntry {
            var state: String
            var label: String
            /// Blocks translated and reviewed, in percent of the page's blocks: `100% / 40%`; empty for the original.
            var share: String
            /// The same in words, for the cell's tooltip and for screen readers.
            var shareTitle: String

            func child(named name: String) -> Any? {
                switch name {
                case "state": state
                case "label": label
                case "share": share
                case "shareTitle": shareTitle
                case "hasShare": !share.isEmpty
                default: nil
                }
            }
        }
    }

    /// Every row of the report, in page order, each with its page group's index. Generated pages
    /// (quiz sets, event lists) have nothing to translate and no row.
    func renderRows(diagnostics: inout [Diagnostic]) -> [(group: Int, html: String)] {
        let model = context.model
        return model.groups.indices.compactMap { index in
            TranslationReport.row(for: model.groups[index], languages: model.languageCodes, ledgers: model.translationLedgers).map {
                (index, renderRow($0, diagnostics: &diagnostics))
            }
        }
    }

    /// The report around its rendered rows.
    func render(rows: [String]) -> (OutputFile, [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        let view = View(languages: context.config.languages.map { .init(code: $0.code.rawValue, name: $0.name) },
                        rows: rows.joined())
        let html = context.theme.render("translations", view, shared: context.defaultData.view, diagnostics: &diagnostics)
        return (OutputFile(path: "translations.html", text: html), diagnostics)
    }

    /// One page's row of the report. Rendered with its own values only: it is a table row.
    func renderRow(_ row: TranslationReport.Row, diagnostics: inout [Diagnostic]) -> String {
        let strings = context.defaultData.strings
        let view = RowView(page: row.page, hash: row.originalHash, states: row.states.indices.map { index in
            let entry = row.states[index]
            var share = "", title = ""
            if index < row.blocks.count, entry.state != .original, row.blocks[index].total > 0 {
                let blocks = row.blocks[index]
                func percent(_ count: Int) -> Int { count * 100 / blocks.total }
                share = "\(percent(blocks.translated))% / \(percent(blocks.reviewed))%"
                title = "\(blocks.translated)/\(blocks.total) translated, \(blocks.reviewed)/\(blocks.total) reviewed"
            }
            return .init(state: entry.state.rawValue, label: strings["state_" + entry.state.rawValue] ?? entry.state.rawValue,
                         share: share, shareTitle: title)
        })
        return context.theme.render("translation-row", view, shared: nil, diagnostics: &diagnostics)
    }
}
