import CampaignModel

/// `<lang>/privacy.html`: what the site does with its readers, in their language: no cookies, no
/// trackers, nothing loaded from elsewhere; quiz answers kept on the device, or, when `site.yaml`
/// names a statistics collector, what one finished set sends and what is kept of it. The quiz
/// pages link to it.
struct PrivacyPageRenderer {
    var context: RenderContext

    /// Where a language's privacy page is written: `en/privacy.html` (a file, so no page's folder
    /// can have its address).
    static func path(of language: LanguageCode) -> SitePath {
        SitePath(language: language).appending("privacy.html")
    }

    /// One page per language, in the site's language order.
    func render() -> [(OutputFile, [Diagnostic])] {
        context.languages.map { data in
            var diagnostics: [Diagnostic] = []
            let config = context.config
            let code = data.language.code
            let path = Self.path(of: code)
            let counted = config.statsEndpoint != nil
            let page = PageView(
                title: data.strings["privacy_title"] ?? "", description: data.strings["privacy_intro"] ?? "", content: "",
                isFallback: false, isDraft: false, isSearchable: false, fragments: nil,
                languages: LanguageLink.switcher(config: config, current: code, path: Self.path(of:)),
                canonical: path.permalink(in: config), alternates: [], xDefault: nil,
                share: ShareView(url: path.permalink(in: config)),
                special: .privacy(counted: counted))
            let html = context.theme.render("privacy", page, shared: data.view, diagnostics: &diagnostics)
            return (OutputFile(path: path.relative, text: html), diagnostics)
        }
    }
}
