import CampaignModel

extension PageRenderer {
    /// `index.html` at the top: a list of languages, each named in its own script.
    func renderLanguageChooser() -> (OutputFile, [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        let defaultData = shared[config.defaultLanguage]!
        var values = defaultData.common
        values["title"] = defaultData.siteTitle
        values["canonical"] = config.baseURL
        values["choices"] = config.languages.map { language -> [String: Any] in
            let data = shared[language.code]!
            return [
                "code": language.code.rawValue,
                "name": language.name,
                "dir": language.direction.rawValue,
                "url": config.basePath + language.code.pathComponent + "/",
                "siteTitle": data.siteTitle,
            ]
        }
        let html = render("root", values: values, diagnostics: &diagnostics)
        return (OutputFile(path: "index.html", text: html), diagnostics)
    }

    /// `404.html`: the message in every language, since the reader's language is not known.
    func renderNotFound() -> (OutputFile, [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        let defaultData = shared[config.defaultLanguage]!
        var values = defaultData.common
        values["title"] = defaultData.strings["not_found_title"] ?? ""
        values["messages"] = config.languages.map { language -> [String: Any] in
            let data = shared[language.code]!
            return [
                "code": language.code.rawValue,
                "dir": language.direction.rawValue,
                "name": language.name,
                "heading": data.strings["not_found_title"] ?? "",
                "text": data.strings["not_found_text"] ?? "",
                "homeLabel": data.strings["home"] ?? "",
                "url": config.basePath + language.code.pathComponent + "/",
            ]
        }
        let html = render("404", values: values, diagnostics: &diagnostics)
        return (OutputFile(path: "404.html", text: html), diagnostics)
    }

    /// `sitemap.xml` listing every page really written in its language, with `xhtml:link` alternates.
    func renderSitemap() -> OutputFile {
        var xml = """
        <?xml version="1.0" encoding="UTF-8"?>
        <urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">

        """
        for group in model.groups {
            let alternates = alternates(for: group)
            for language in config.languages where group.isAvailable(in: language.code) {
                let source = group.source(for: language.code)
                xml += "  <url>\n    <loc>\(XMLText.escape(absoluteURL(group.paths[language.code]!)))</loc>\n"
                if let date = source.frontMatter.date ?? group.original.frontMatter.date {
                    xml += "    <lastmod>\(date)</lastmod>\n"
                }
                for alternate in alternates {
                    xml += "    <xhtml:link rel=\"alternate\" hreflang=\"\(XMLText.escape(alternate.hreflang))\" href=\"\(XMLText.escape(alternate.href))\"/>\n"
                }
                let xDefault = absoluteURL(group.paths[config.defaultLanguage]!)
                xml += "    <xhtml:link rel=\"alternate\" hreflang=\"x-default\" href=\"\(XMLText.escape(xDefault))\"/>\n"
                xml += "  </url>\n"
            }
        }
        xml += "</urlset>\n"
        return OutputFile(path: "sitemap.xml", text: xml)
    }

    /// `robots.txt` allowing everything and naming the sitemap.
    func renderRobots() -> OutputFile {
        OutputFile(path: "robots.txt", text: "User-agent: *\nAllow: /\n\nSitemap: \(config.baseURL)sitemap.xml\n")
    }
}

/// Escaping for text and attribute values in XML and HTML written without a template.
public enum XMLText {
    /// `&`, `<`, `>`, `"` and `'` as entities.
    public static func escape(_ text: String) -> String {
        HTMLEscaping.escape(text, apostrophe: "&apos;")
    }
}

extension PageRenderer {
    /// Every row of the translation report, in page order, each with its page group's index.
    /// Generated pages (quiz sets, event lists) have nothing to translate and no row.
    func renderTranslationRows(diagnostics: inout [Diagnostic]) -> [(group: Int, html: String)] {
        model.groups.indices.compactMap { index in
            TranslationReport.row(for: model.groups[index], languages: model.languageCodes).map {
                (index, renderTranslationRow($0, diagnostics: &diagnostics))
            }
        }
    }

    /// `/translations.html`: the translation report for the department's coordinator, in the
    /// default language, around its rendered rows. Not linked from the site and marked `noindex`.
    func renderTranslationReport(rows: [String]) -> (OutputFile, [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        var values = shared[config.defaultLanguage]!.common
        values["languages"] = config.languages.map { ["code": $0.code.rawValue, "name": $0.name] as [String: Any] }
        values["rows"] = rows.joined()
        let html = render("translations", values: values, diagnostics: &diagnostics)
        return (OutputFile(path: "translations.html", text: html), diagnostics)
    }

    /// One page's row of the report, through the theme's `translation-row` template.
    func renderTranslationRow(_ row: TranslationReport.Row, diagnostics: inout [Diagnostic]) -> String {
        let strings = shared[config.defaultLanguage]!.strings
        let values: [String: Any] = [
            "page": row.page, "hash": row.originalHash,
            "states": row.states.map { entry -> [String: Any] in
                ["state": entry.state.rawValue, "label": strings["state_" + entry.state.rawValue] ?? entry.state.rawValue]
            },
        ]
        return render("translation-row", values: values, diagnostics: &diagnostics)
    }
}
