import CampaignModel

/// The site's settings from `content/site.yaml`.
public struct SiteConfig: Sendable {
    /// The site's name in each language.
    public var title: Localized<String>
    /// Absolute URL the site is published at, ending in `/`.
    public var baseURL: String {
        didSet { basePath = Self.path(of: baseURL) }
    }
    /// The language of the original pages; translations fall back to it.
    public var defaultLanguage: LanguageCode
    /// The site's languages in the order they are offered to readers.
    public var languages: [Language]
    /// Whether Markdown may contain raw HTML. Off by default: content is untrusted.
    public var allowsUnsafeHTML: Bool
    /// Date patterns that replace the theme's per language, e.g. Minguo years for `zh-TW`.
    public var dateFormats: [LanguageCode: String] = [:]
    /// The main menu in order, as written (`help`, `pillars`, `quiz`), with positions; nil lists
    /// the top-level sections and the pages that ask (`menu: true`) by weight.
    var menu: [(entry: String, location: SourceLocation)]?
    /// Where finished quiz sets are counted (`stats: {endpoint: https://...}`): the quiz sends each
    /// one there, and only then may pages connect to that origin. Nil counts nothing.
    public var statsEndpoint: String?

    /// `scheme://host[:port]` of `statsEndpoint`, the one origin pages may connect to.
    public var statsOrigin: String? {
        guard let endpoint = statsEndpoint, let schemeEnd = endpoint.range(of: "://") else { return nil }
        let rest = endpoint[schemeEnd.upperBound...]
        return String(endpoint[..<(rest.firstIndex(of: "/") ?? endpoint.endIndex)])
    }

    /// Pages kept on the reader's phone for use without a connection (`help`), as written, with
    /// positions; the home page, every quiz set and the offline page are always kept.
    var offlinePages: [(entry: String, location: SourceLocation)] = []
    /// The most a page may weigh, in bytes: its HTML, stylesheets and scripts, each gzipped.
    /// A heavier page is a warning (an error under `--strict`).
    public var pageWeightLimit: Int = SiteConfig.defaultPageWeightLimit
    /// How the site looks when added to a phone's home screen (the Web App Manifest).
    public var app = AppSettings()

    /// 30,000 bytes: the heaviest page of the campaign site, a Thai quiz set, weighs 16,423 bytes
    /// (the median page about 6,700), so this leaves nearly twice that for longer Thai pages; at
    /// 400 kbit/s it is 0.6 s of transfer (README, "Page weight").
    public static let defaultPageWeightLimit = 30_000

    /// The Web App Manifest's settings (`app:` in `site.yaml`).
    public struct AppSettings: Sendable {
        /// A name short enough for a phone's home screen, per language; a language without one uses the title.
        public var shortTitle = Localized<String>()
        /// The browser's toolbar colour, `#rrggbb`.
        public var themeColor = "#0b5394"
        /// The splash screen's colour, `#rrggbb`.
        public var backgroundColor = "#ffffff"
    }

    /// The path part of `baseURL` (`/` or `/campaign/`), prefixed to every link inside the site.
    /// Kept rather than computed: pages ask for it for every link they make.
    public private(set) var basePath: String

    init(title: Localized<String>, baseURL: String, defaultLanguage: LanguageCode, languages: [Language],
         allowsUnsafeHTML: Bool, dateFormats: [LanguageCode: String] = [:],
         menu: [(entry: String, location: SourceLocation)]? = nil) {
        self.title = title
        self.baseURL = baseURL
        self.basePath = Self.path(of: baseURL)
        self.defaultLanguage = defaultLanguage
        self.languages = languages
        self.allowsUnsafeHTML = allowsUnsafeHTML
        self.dateFormats = dateFormats
        self.menu = menu
    }

    private static func path(of baseURL: String) -> String {
        guard let schemeEnd = baseURL.range(of: "://") else { return "/" }
        let afterScheme = baseURL[schemeEnd.upperBound...]
        guard let slash = afterScheme.firstIndex(of: "/") else { return "/" }
        return String(afterScheme[slash...])
    }

    /// `scheme://host` of `baseURL`, for making absolute URLs from site paths.
    public var origin: String {
        String(baseURL.dropLast(basePath.count))
    }

    private static func config(_ languages: [Language], has code: LanguageCode) -> Bool {
        languages.contains { $0.code == code }
    }

    /// The configured language with this code, if any.
    public func language(_ code: LanguageCode) -> Language? {
        languages.first { $0.code == code }
    }
}

extension SiteConfig {
    /// Parses `site.yaml`; returns nil when it cannot be used, with the reasons in `diagnostics`.
    static func parse(_ file: SourceFile, baseURLOverride: String?, diagnostics: inout [Diagnostic]) -> SiteConfig? {
        guard let document = YAMLDocument.parse(file.text, in: file, diagnostics: &diagnostics) else { return nil }
        guard var fields = YAMLFields(document.root, in: document, what: "site.yaml", diagnostics: &diagnostics) else {
            return nil
        }
        defer { diagnostics += fields.diagnostics }

        var languages: [Language] = []
        if let list = fields.node("languages") {
            if case .sequence(let items) = list, !items.isEmpty {
                for item in items {
                    guard var entry = YAMLFields(item, in: document, what: "a language", diagnostics: &diagnostics) else { continue }
                    defer { diagnostics += entry.diagnostics }
                    let codeNode = entry.node("code")
                    guard let codeText = entry.string("code", required: true), let name = entry.string("name", required: true) else { continue }
                    guard let code = LanguageCode(codeText) else {
                        diagnostics.append(.error(.invalidValue(field: "language code", value: codeText, expected: "a code such as en or zh-TW"),
                                                  at: entry.location(of: codeNode)))
                        continue
                    }
                    guard !languages.contains(where: { $0.code == code }) else {
                        diagnostics.append(.error(.duplicateLanguage(codeText), at: entry.location(of: codeNode)))
                        continue
                    }
                    var direction = TextDirection.leftToRight
                    let directionNode = entry.node("direction")
                    if let text = entry.string("direction") {
                        if let parsed = TextDirection(rawValue: text) { direction = parsed } else {
                            diagnostics.append(.error(.invalidValue(field: "direction", value: text, expected: "ltr or rtl"),
                                                      at: entry.location(of: directionNode)))
                        }
                    }
                    entry.warnAboutUnknownKeys()
                    languages.append(Language(code: code, name: name, direction: direction))
                }
            } else {
                diagnostics.append(.error(.wrongType(field: "languages", expected: "a list of languages, each with code and name"),
                                          at: fields.location(of: list)))
            }
        } else {
            diagnostics.append(.error(.missingField("languages"), at: fields.location(of: nil)))
        }

        let defaultNode = fields.node("defaultLanguage")
        let defaultText = fields.string("defaultLanguage", required: true)
        var defaultLanguage: LanguageCode?
        if let defaultText {
            if let code = LanguageCode(defaultText), languages.contains(where: { $0.code == code }) {
                defaultLanguage = code
            } else if !languages.isEmpty {
                diagnostics.append(.error(.defaultLanguageNotListed(defaultText), at: fields.location(of: defaultNode)))
            }
        }

        let baseNode = fields.node("baseURL")
        var baseURL = baseURLOverride ?? fields.string("baseURL", required: true)
        if let url = baseURL {
            let lowered = url.lowercased()
            let hasHost = url.split(separator: "/", omittingEmptySubsequences: true).count >= 2
            if (lowered.hasPrefix("https://") || lowered.hasPrefix("http://")) && hasHost
                && !url.contains(where: { $0.isWhitespace || $0 == "\"" || $0 == "<" || $0 == ">" }) {
                baseURL = url.hasSuffix("/") ? url : url + "/"
            } else {
                diagnostics.append(.error(.invalidBaseURL(url),
                                          at: baseURLOverride == nil ? fields.location(of: baseNode) : file.location()))
                baseURL = nil
            }
        }

        let menu = fields.strings("menu").map { $0.map { (entry: $0.0, location: $0.1) } }
        var dateFormats: [LanguageCode: String] = [:]
        if let formats = fields.localizedString("dateFormats", defaultLanguage: LanguageCode("und")!) {
            for code in formats.languages {
                if config(languages, has: code) { dateFormats[code] = formats[code] } else {
                    diagnostics.append(.error(.unknownLanguage(code.rawValue), at: fields.location(of: fields.value("dateFormats"))))
                }
            }
        }
        var statsEndpoint: String?
        if let stats = fields.node("stats"),
           var statsFields = YAMLFields(stats, in: document, what: "stats settings", diagnostics: &diagnostics) {
            let endpointNode = statsFields.value("endpoint")
            if let endpoint = statsFields.string("endpoint", required: true) {
                let lowered = endpoint.lowercased()
                let hasHost = endpoint.split(separator: "/", omittingEmptySubsequences: true).count >= 2
                if (lowered.hasPrefix("https://") || lowered.hasPrefix("http://")) && hasHost
                    && !endpoint.contains(where: { $0.isWhitespace || "\"'<>;,".contains($0) }) {
                    statsEndpoint = endpoint
                } else {
                    diagnostics.append(.error(.invalidValue(field: "stats endpoint", value: endpoint,
                                                            expected: "an absolute http or https URL"),
                                              at: statsFields.location(of: endpointNode)))
                }
            }
            statsFields.warnAboutUnknownKeys()
            diagnostics += statsFields.diagnostics
        }
        let offlinePages = fields.strings("offline").map { $0.map { (entry: $0.0, location: $0.1) } } ?? []
        var pageWeightLimit = defaultPageWeightLimit
        let limitNode = fields.node("pageWeightLimit")
        if limitNode != nil, let limit = fields.int("pageWeightLimit") {
            if limit > 0 { pageWeightLimit = limit } else {
                diagnostics.append(.error(.invalidValue(field: "pageWeightLimit", value: String(limit), expected: "a number of bytes above 0"),
                                          at: fields.location(of: limitNode)))
            }
        }
        var app = AppSettings()
        if let appNode = fields.node("app"),
           var appFields = YAMLFields(appNode, in: document, what: "app settings", diagnostics: &diagnostics) {
            for (key, path) in [("themeColor", \AppSettings.themeColor), ("backgroundColor", \AppSettings.backgroundColor)] {
                let node = appFields.node(key)
                guard let colour = appFields.string(key) else { continue }
                if isHexColour(colour) { app[keyPath: path] = colour } else {
                    diagnostics.append(.error(.invalidValue(field: key, value: colour, expected: "a colour written #rrggbb"),
                                              at: appFields.location(of: node)))
                }
            }
            if let shortTitle = appFields.localizedString("shortTitle", defaultLanguage: defaultLanguage ?? LanguageCode("und")!) {
                for code in shortTitle.languages where !config(languages, has: code) {
                    diagnostics.append(.error(.unknownLanguage(code.rawValue), at: appFields.location(of: appFields.value("shortTitle"))))
                }
                app.shortTitle = shortTitle
            }
            appFields.warnAboutUnknownKeys()
            diagnostics += appFields.diagnostics
        }
        var allowsUnsafeHTML = false
        if let markdown = fields.node("markdown") {
            if var markdownFields = YAMLFields(markdown, in: document, what: "markdown settings", diagnostics: &diagnostics) {
                allowsUnsafeHTML = markdownFields.bool("unsafe") ?? false
                markdownFields.warnAboutUnknownKeys()
                diagnostics += markdownFields.diagnostics
            }
        }

        guard let defaultLanguage, let baseURL else {
            _ = fields.localizedString("title", defaultLanguage: LanguageCode("en")!)
            fields.warnAboutUnknownKeys()
            return nil
        }
        let title = fields.localizedString("title", defaultLanguage: defaultLanguage, required: true)
        if let title {
            for code in title.languages where !languages.contains(where: { $0.code == code }) {
                diagnostics.append(.error(.unknownLanguage(code.rawValue), at: fields.location(of: fields.value("title"))))
            }
            if title[defaultLanguage] == nil {
                diagnostics.append(.error(.missingField("title.\(defaultLanguage)"), at: fields.location(of: fields.value("title"))))
            }
        }
        fields.warnAboutUnknownKeys()
        guard let title else { return nil }
        var config = SiteConfig(title: title, baseURL: baseURL, defaultLanguage: defaultLanguage, languages: languages,
                                allowsUnsafeHTML: allowsUnsafeHTML, dateFormats: dateFormats, menu: menu)
        config.statsEndpoint = statsEndpoint
        config.offlinePages = offlinePages
        config.pageWeightLimit = pageWeightLimit
        config.app = app
        return config
    }

    /// `#0b5394`: what a manifest and `<meta name="theme-color">` take without surprises.
    private static func isHexColour(_ text: String) -> Bool {
        text.utf8.count == 7 && text.hasPrefix("#") && text.dropFirst().allSatisfy(\.isHexDigit)
    }
}
