import CampaignModel
import Mustache

extension Theme {
    /// Renders `template` with `view` over the language's shared values, reporting every name the
    /// template used that neither defines. `recorder` can be passed in to learn what it used.
    func render<View: TemplateView>(_ template: String, _ view: View, shared: LanguageView?,
                                    recorder: TemplateRecorder = TemplateRecorder(),
                                    diagnostics: inout [Diagnostic]) -> String {
        let root = TemplateRoot(view: view, shared: shared, recorder: recorder)
        let html = library.render(root, withTemplate: template) ?? ""
        for name in Set(recorder.missing).sorted() {
            diagnostics.append(.error(.missingTemplateVariable(name: name, template: template),
                                      at: location(ofTag: name, preferring: template)))
        }
        return html
    }

    /// Where `{{name}}` (or `{{#name}}`, `{{t.name}}`...) first appears, to point a diagnostic at it.
    func location(ofTag name: String, preferring templateName: String) -> SourceLocation {
        let ordered = [templateFiles[templateName]].compactMap { $0 }
            + templateFiles.values.sorted { $0.relativePath < $1.relativePath }
        for file in ordered {
            var line = 1
            for text in file.text.split(separator: "\n", omittingEmptySubsequences: false) {
                for opener in ["{{", "{{{", "{{#", "{{^", "{{&", "{{/"] {
                    if let range = text.range(of: opener + name) {
                        let column = text[..<range.lowerBound].unicodeScalars.count + 1
                        return file.location(line: line, column: column)
                    }
                }
                line += 1
            }
        }
        return SourceLocation(file: templateFiles[templateName]?.displayPath ?? templateName)
    }
}

/// What every renderer of a build shares: the checked model, the compiled theme, and the data of
/// each language, computed once.
struct RenderContext: Sendable {
    private(set) var model: SiteModel
    let theme: Theme
    /// One per site language, in the site's order.
    let languages: [LanguageData]

    var config: SiteConfig { model.config }

    /// The data of `language` (every site language has some; others get the default language's).
    func data(for language: LanguageCode) -> LanguageData {
        languages.first { $0.language.code == language } ?? languages[0]
    }

    /// The default language's data, which site-wide files (404, the language chooser) start from.
    var defaultData: LanguageData { data(for: config.defaultLanguage) }

    /// Puts an edited page's source in place (`serve`'s edit of a page's text).
    mutating func replaceSource(_ source: PageSource, ofGroup index: Int) {
        model.replaceSource(source, ofGroup: index)
    }
}
