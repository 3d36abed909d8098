/// `sitemap.xml` listing every page really written in its language, with `xhtml:link` alternates.
struct SitemapRenderer {
    var model: SiteModel

    func render() -> OutputFile {
        let config = model.config
        var xml = """
        <?xml version="1.0" encoding="UTF-8"?>
        <urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">

        """
        for group in model.groups {
            let alternates = PageRenderer.alternates(for: group, config: config)
            let xDefault = group.path(in: config.defaultLanguage).permalink(in: config)
            for language in config.languages where group.isAvailable(in: language.code) {
                let source = group.source(for: language.code)
                xml += "  <url>\n    <loc>\(XMLText.escape(group.path(in: language.code).permalink(in: config)))</loc>\n"
                if let date = source.frontMatter.date ?? group.original.frontMatter.date {
                    xml += "    <lastmod>\(date)</lastmod>\n"
                }
                for alternate in alternates {
                    xml += "    <xhtml:link rel=\"alternate\" hreflang=\"\(XMLText.escape(alternate.hreflang))\" href=\"\(XMLText.escape(alternate.href))\"/>\n"
                }
                xml += "    <xhtml:link rel=\"alternate\" hreflang=\"x-default\" href=\"\(XMLText.escape(xDefault))\"/>\n"
                xml += "  </url>\n"
            }
        }
        xml += "</urlset>\n"
        return OutputFile(path: "sitemap.xml", text: xml)
    }
}

/// `robots.txt` allowing everything and naming the sitemap.
struct RobotsRenderer {
    var config: SiteConfig

    func render() -> OutputFile {
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
