import CampaignModel
import Foundation

/// Starting files for `outreach new`: correctly formed, with every field explained in a comment,
/// so department staff can fill them in without looking anything up.
public enum Scaffold {
    public enum Kind: String, CaseIterable, Sendable {
        case page, event, poster, pamphlet, quiz
    }

    /// The default language of the site in `contentFolder` (from its `site.yaml`), if it can be read.
    public static func defaultLanguage(inContentFolder contentFolder: String) -> LanguageCode? {
        guard let data = FolderReader.contents(of: contentFolder + "/site.yaml"),
              let text = String(validating: data, as: UTF8.self) else { return nil }
        var diagnostics: [Diagnostic] = []
        let file = SourceFile(relativePath: "site.yaml", displayPath: contentFolder + "/site.yaml", text: text)
        return SiteConfig.parse(file, baseURLOverride: nil, diagnostics: &diagnostics)?.defaultLanguage
    }

    /// The ids in the site's `hotlines.yaml`, in order; empty when it cannot be read.
    public static func hotlineIDs(inContentFolder contentFolder: String) -> [String] {
        guard let data = FolderReader.contents(of: contentFolder + "/hotlines.yaml"),
              let text = String(validating: data, as: UTF8.self) else { return [] }
        var diagnostics: [Diagnostic] = []
        let file = SourceFile(relativePath: "hotlines.yaml", displayPath: "hotlines.yaml", text: text)
        let config = SiteConfig(title: Localized(), baseURL: "https://example.org/", defaultLanguage: LanguageCode("en")!,
                                languages: [], allowsUnsafeHTML: false)
        return Hotline.parseList(file, config: config, diagnostics: &diagnostics).map(\.id)
    }

    /// Where the new file goes, relative to the content folder: `events/<slug>.md`, or with a
    /// language suffix for a translation (`events/<slug>.vi.md`).
    public static func path(for kind: Kind, slug: String, language: LanguageCode?) -> String {
        let suffix = language.map { "." + $0.rawValue } ?? ""
        switch kind {
        case .page: return slug + suffix + ".md"
        case .event: return "events/" + slug + suffix + ".md"
        case .poster: return "posters/" + slug + suffix + ".md"
        case .pamphlet: return "pamphlets/" + slug + suffix + ".md"
        case .quiz: return "quizzes/" + slug + ".yaml"
        }
    }

    /// Whether `slug` can name a page (for `page`, folders are allowed: `pillars/new-topic`).
    public static func isValid(slug: String, for kind: Kind) -> Bool {
        let parts = slug.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        guard kind == .page || parts.count == 1 else { return false }
        return !parts.isEmpty && parts.allSatisfy(Slug.isValid)
    }

    /// The file's text. A translation (`language` set) holds only the fields a translator writes.
    /// `department` fills an event's department; `today` its date and the page's.
    public static func text(for kind: Kind, slug: String, language: LanguageCode?, defaultLanguage: LanguageCode,
                            department: String?, hotlines: [String], today: CalendarDay) -> String {
        let hotlineList = "[" + hotlines.prefix(3).map { "\"\($0)\"" }.joined(separator: ", ") + "]"
        let name = slug.split(separator: "/").last.map(String.init) ?? slug
        let title = name.replacingOccurrences(of: "-", with: " ").capitalized
        let translation = language == nil ? "" : """
            translation: draft            # draft until a person who reads the language has checked it;
                                          # then `reviewed`, and translationOf: <hash from `outreach translations`>

            """
        switch (kind, language) {
        case (.quiz, _):
            return quiz(title: title, language: defaultLanguage)
        case (.page, nil):
            return """
                ---
                title: \(title)                 # required: the page's heading and its name in menus
                description: One sentence about this page, for search engines and link previews.
                date: \(today)                  # optional: when the text was last checked
                weight: 10                      # optional: smaller numbers come first in menus and lists
                # slug: \(name)                 # optional: the last part of the address (default: the file name)
                # hotlines: ["1955"]            # optional: hotline ids from hotlines.yaml to show on the page
                # draft: true                   # optional: leave the page out unless building with --drafts
                # menu: true                    # optional: list it in the main menu (when site.yaml has no menu:)
                # Link to other pages by their file, e.g. [where to get help](help.md); images: ![what it shows](img/photo.jpg)
                ---

                Write the page here in Markdown.

                """
        case (.event, nil):
            return """
                ---
                title: \(title)                 # required
                description: What happened, in one sentence.
                department: \(department ?? "police")          # required: a file name in departments/
                start: \(today)                 # required: 2022-03-16, or 2022-03-16 14:30 (Taiwan time)
                # end: \(today) 16:00           # optional: when it ended
                # campaign: new-taipei-2022-h1  # optional: a file name in campaigns/
                place: Where it took place
                audience: Who it was for
                # participants: 100             # optional: only when the source gives the number
                pillar: prevention              # required: prevention, protection, prosecution or partnership
                kind: talk                      # required: talk, training, distribution, inspection, meeting, outreach or operation
                ---

                What happened, for the public. Only facts from the department's own report.

                """
        case (.poster, nil):
            return """
                ---
                title: \(title)                 # required: the headline, short enough to read from two metres
                message: The one sentence a passer-by should remember.
                paper: A4                       # required: A4 or A3
                orientation: portrait           # portrait or landscape
                hotlines: \(hotlineList)              # hotline ids from hotlines.yaml, printed large
                # qr: help                      # optional: the page the QR code opens (default: the campaign page, else the quiz, else home)
                # campaign: new-taipei-2022-h1  # optional: a file name in campaigns/
                # image: img/photo.jpg          # optional: an image next to this file
                ---
                - A short point
                - Another short point

                """
        case (.pamphlet, nil):
            return """
                ---
                title: \(title)                 # required: on the cover
                description: One or two sentences for the cover.
                format: trifold                 # required: trifold (A4, two-sided, folded in three) or booklet (A5)
                hotlines: \(hotlineList)              # hotline ids from hotlines.yaml
                # qr: help                      # optional: the page the QR code opens
                # campaign: new-taipei-2022-h1
                ---
                ## Your rights

                - A point

                ## Where to get help

                - A point

                """
        case (_, let language?):
            let messageLine = kind == .poster ? "message: The key message, translated.\n" : ""
            let descriptionLine = kind == .poster ? "" : "description: The description, translated.\n"
            let placeLines = kind == .event ? "place: The place, translated.\naudience: The audience, translated.\n" : ""
            return "---\ntitle: \(title) (\(language.rawValue))\n" + descriptionLine + messageLine + placeLines + translation
                + "---\n\nThe text, translated. Keep the headings, lists and links of the original.\n"
        }
    }

    private static func quiz(title: String, language: LanguageCode) -> String {
        let code = language.rawValue
        return """
            # A quiz bank. All text is given per language (add a line per language) so every language
            # shares one answer key. See README.md, "Quizzes".
            title: {\(code): "\(title)"}
            description: {\(code): "What this quiz is about."}
            translation: draft          # draft until every language has been checked
            passMark: 70                # percent needed to pass
            # pool: 9                   # optional: questions per set; the bank is dealt into sets, one page each
            shuffle: true               # shuffle questions and choices in the browser
            timer: 30                   # seconds per question in challenge mode (players can turn it off)
            categories:
              - id: anti-trafficking
                name: {\(code): "Anti-trafficking"}
            results:                    # messages for score ranges, in percent
              - {min: 0, max: 69, message: {\(code): "Keep learning and try again."}}
              - {min: 70, max: 100, message: {\(code): "Well done!"}}
            questions:
              - id: first-question      # stable: keep it when you edit the question
                category: anti-trafficking
                type: single            # single, multiple or true-false
                text: {\(code): "The question?"}
                choices:
                  - {id: a, text: {\(code): "A wrong answer"}}
                  - {id: b, text: {\(code): "The right answer"}}
                answer: b               # multiple: [a, b]; true-false: true or false, and no choices
                explanation: {\(code): "Why b is right, and where to get help."}

            """
    }
}
