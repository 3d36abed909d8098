import CampaignModel

/// `<lang>/offline.html`: what the service worker shows, in the reader's language, for a page
/// that was never opened on this phone while there is no connection. It keeps the site's header
/// and footer (the hotlines) and lists the pages that do work offline.
struct OfflinePageRenderer {
    var context: RenderContext

    /// Where a language's offline page is written: `en/offline.html` (a file, so no page's
    /// folder can have its address).
    static func path(of language: LanguageCode) -> SitePath {
        SitePath(language: language).appending("offline.html")
    }

    /// One page per language, in the site's language order.
    func render() -> [(OutputFile, [Diagnostic])] {
        context.languages.map { data in render(data) }
    }

    private func render(_ data: LanguageData) -> (OutputFile, [Diagnostic]) {
        let model = context.model
        let config = context.config
        let code = data.language.code
        var diagnostics: [Diagnostic] = []
        // A quiz's sets share its title: its first set stands for all of them.
        let kept = model.offlinePages.filter { index in
            if case .quizSet(_, let set) = model.groups[index].kind { set == 1 } else { true }
        }
        let path = Self.path(of: code)
        let page = PageView(
            title: data.strings["offline_title"] ?? "", description: data.strings["offline_text"] ?? "", content: "",
            // The offline page is the service worker's stand-in, never a search result.
            isFallback: false, isDraft: false, isSearchable: false, fragments: nil,
            // Like every page's switcher, to this page in the other languages.
            languages: LanguageLink.switcher(config: config, current: code, path: Self.path(of:)),
            children: kept.map { PageRenderer.link(to: model.groups[$0], in: code, config: config) },
            canonical: path.permalink(in: config), alternates: [], xDefault: nil)
        let html = context.theme.render("offline", page, shared: data.view, diagnostics: &diagnostics)
        return (OutputFile(path: path.relative, text: html), diagnostics)
    }
}
