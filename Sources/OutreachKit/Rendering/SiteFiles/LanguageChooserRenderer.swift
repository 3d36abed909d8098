/// `index.html` at the top: a list of languages, each named in its own script.
struct LanguageChooserRenderer {
    var context: RenderContext

    struct View: TemplateView {
        var title: String
        var canonical: String
        /// The default language's home page description, for the preview card.
        var description: String
        /// The Open Graph locales of the languages besides the default one.
        var localeAlternates: [String]
        var choices: [Choice]

        func value(named name: String) -> Any? {
            switch name {
            case "title": title
            case "canonical": canonical
            case "description": description
            case "localeAlternates": localeAlternates
            case "choices": choices
            default: nil
            }
        }
    }

    /// A language to choose, named in itself, with the site's title in it.
    struct Choice: TemplateEntry {
        var code: String
        var name: String
        var dir: String
        var url: String
        var siteTitle: String

        func child(named key: String) -> Any? {
            switch key {
            case "code": code
            case "name": name
            case "dir": dir
            case "url": url
            case "siteTitle": siteTitle
            default: nil
            }
        }
    }

    func render() -> (OutputFile, [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        let config = context.config
        let home = context.model.group("_index")?.source(for: config.defaultLanguage).frontMatter.description
        let view = View(title: context.defaultData.siteTitle, canonical: config.baseURL,
                        description: PreviewText.shortened(home ?? context.defaultData.siteTitle),
                        localeAlternates: config.languages.filter { $0.code != config.defaultLanguage }.map(\.code.openGraphLocale),
                        choices: context.languages.map { data in
            Choice(code: data.language.code.rawValue, name: data.language.name, dir: data.language.direction.rawValue,
                   url: SitePath(language: data.language.code).url(in: config), siteTitle: data.siteTitle)
        })
        let html = context.theme.render("root", view, shared: context.defaultData.view, diagnostics: &diagnostics)
        return (OutputFile(path: "index.html", text: html), diagnostics)
    }
}
