import CampaignModel
import Foundation

extension PageRenderer {
    /// The language printed beside `language`: the original's, or for the original itself the first
    /// language it is translated into.
    func bilingualPartner(of group: PageGroup, for language: LanguageCode) -> LanguageCode {
        guard language == group.original.language else { return group.original.language }
        return config.languages.map(\.code).first { $0 != language && group.translations[$0] != nil } ?? language
    }

    /// `<pamphlet>/bilingual/`: the reader's language and the original side by side, section by
    /// section, for a worker and an employer reading together. Every language has one, so the
    /// language switcher works there as everywhere else.
    func renderBilingual(_ group: PageGroup, in language: LanguageCode, page: PageView,
                         diagnostics: inout [Diagnostic]) -> OutputFile {
        func sections(of source: PageSource, idPrefix: String) -> [String] {
            let options = CommonMark.Options(allowsUnsafeHTML: config.allowsUnsafeHTML, headingIDPrefix: idPrefix)
            var ignored: [Diagnostic] = []  // Links were already checked when the pages themselves were rendered.
            let html = CommonMark.render(source.body, options: options) { link in
                links.resolve(link, on: source, in: language, diagnostics: &ignored)
            }.html
            return Self.splitAtHeadings(html)
        }
        let translation = group.source(for: language)
        let original = group.source(for: bilingualPartner(of: group, for: language))
        let left = sections(of: translation, idPrefix: "")
        let right = sections(of: original, idPrefix: "original-")
        var page = page
        // A print variant of the pamphlet page: it points search engines there and lists no alternates.
        page.alternates = []
        page.xDefault = nil
        // Both languages side by side: the pamphlet's own page is the one search finds.
        page.isSearchable = false
        page.languages = languageSwitcher(for: group, current: language).map { entry in
            var entry = entry
            entry.url += "bilingual/"
            return entry
        }
        let originalLanguage = config.language(original.language)
        let bilingual = BilingualView(
            language: language.rawValue, languageName: config.language(language)?.name ?? "",
            originalLanguage: original.language.rawValue, originalName: originalLanguage?.name ?? "",
            originalDir: originalLanguage?.direction.rawValue ?? "ltr", originalTitle: original.frontMatter.title,
            rows: (0..<max(left.count, right.count)).map { index in
                BilingualView.Row(translation: index < left.count ? left[index] : "", original: index < right.count ? right[index] : "")
            })
        let rootPath = PrintViews.rootPath(of: group.path(in: language))
        page.special = .bilingual(bilingual, rootPath: rootPath)
        let html = context.theme.render("pamphlet-bilingual", page, shared: context.data(for: language).view,
                                        diagnostics: &diagnostics)
        return OutputFile(path: group.path(in: language).appending("bilingual/").outputFile, text: html)
    }

    /// Cuts rendered HTML before each `<h2`, so sections of two languages can be paired.
    static func splitAtHeadings(_ html: String) -> [String] {
        var sections: [String] = []
        var current = ""
        for line in html.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix("<h2"), !current.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
                sections.append(current)
                current = ""
            }
            current += line + "\n"
        }
        if !current.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty { sections.append(current) }
        return sections
    }
}
