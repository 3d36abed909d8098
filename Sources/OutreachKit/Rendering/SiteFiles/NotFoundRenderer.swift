/// `404.html`: the message in every language, since the reader's language is not known.
struct NotFoundRenderer {
    var context: RenderContext

    struct View: TemplateView {
        var title: String
        var messages: [Message]

        func value(named name: String) -> Any? {
            switch name {
            case "title": title
            case "messages": messages
            default: nil
            }
        }
    }

    /// The message in one language, with a link to that language's home page.
    struct Message: TemplateEntry {
        var code: String
        var dir: String
        var name: String
        var heading: String
        var text: String
        var homeLabel: String
        var url: String

        func child(named key: String) -> Any? {
            switch key {
            case "code": code
            case "dir": dir
            case "name": name
            case "heading": heading
            case "text": text
            case "homeLabel": homeLabel
            case "url": url
            default: nil
            }
        }
    }

    func render() -> (OutputFile, [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        let view = View(title: context.defaultData.strings["not_found_title"] ?? "", messages: context.languages.map { data in
            Message(code: data.language.code.rawValue, dir: data.language.direction.rawValue, name: data.language.name,
                    heading: data.strings["not_found_title"] ?? "", text: data.strings["not_found_text"] ?? "",
                    homeLabel: data.strings["home"] ?? "", url: SitePath(language: data.language.code).url(in: context.config))
        })
        let html = context.theme.render("404", view, shared: context.defaultData.view, diagnostics: &diagnostics)
        return (OutputFile(path: "404.html", text: html), diagnostics)
    }
}
