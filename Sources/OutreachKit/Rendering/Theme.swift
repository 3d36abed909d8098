import Foundation
import CampaignModel
import Mustache

/// The theme, loaded and compiled once per build: templates, UI strings per language, and assets.
struct Theme: Sendable {
    /// Templates the engine renders directly; partials they use are checked too.
    static let requiredTemplates = ["base", "home", "section", "page", "quiz", "event", "events", "poster", "pamphlet", "pamphlet-bilingual", "report", "translations", "translation-row", "404", "root", "offline", "privacy"]
    /// Templates of the images a build with Chromium makes (a theme that predates them needs them
    /// only then; a missing one is reported when it is rendered).
    static let imageTemplates = ["eposter", "site-card"]

    var library: MustacheLibrary
    /// Template sources by name, kept to point diagnostics at the right line.
    var templateFiles: [String: SourceFile]
    var strings: [LanguageCode: UIStrings]
    /// The assets, their bytes in memory (the loader reads them).
    var assets: [AssetFile]
    /// The assets' bytes, by path in the assets folder.
    let assetContents: [String: [UInt8]]

    init(library: MustacheLibrary, templateFiles: [String: SourceFile], strings: [LanguageCode: UIStrings], assets: [AssetFile]) {
        self.library = library
        self.templateFiles = templateFiles
        self.strings = strings
        self.assets = assets
        var contents: [String: [UInt8]] = [:]
        for asset in assets {
            if case .memory(let bytes) = asset.source { contents[asset.relativePath] = bytes }
        }
        assetContents = contents
    }

    /// Templates under `fragments/`, rendered once per language rather than on every page.
    var fragmentNames: [String] {
        templateFiles.keys.filter { $0.hasPrefix("fragments/") }.sorted()
    }

    /// Names of the 4 Ps in each language, from `pillar_<name>` UI strings.
    var pillarNames: [Pillar: Localized<String>] {
        var names: [Pillar: Localized<String>] = [:]
        for pillar in Pillar.allCases {
            names[pillar] = Localized(strings.compactMapValues { $0["pillar_" + pillar.rawValue] })
        }
        return names
    }

    /// The title of a campaign's report page, with `{campaign}` for the campaign's title, from
    /// the `report_page_title` UI string.
    var reportTitle: Localized<String> {
        Localized(strings.compactMapValues { $0["report_page_title"] })
    }

    /// Title of the generated search page in each language, from the `search_title` UI string;
    /// nil when the theme has no `search` template (the site then has no search page).
    var searchTitle: Localized<String>? {
        guard templateFiles["search"] != nil else { return nil }
        return Localized(strings.compactMapValues { $0["search_title"] })
    }

    /// Title of the generated materials page in each language, from the `materials_title` UI
    /// string; nil when the theme has no `materials` template (the site then has no materials page).
    var materialsTitle: Localized<String>? {
        guard templateFiles["materials"] != nil else { return nil }
        return Localized(strings.compactMapValues { $0["materials_title"] })
    }

    /// Titles for sections that have no `_index.md`, from `section_title_<folder>` UI strings.
    var sectionTitles: [String: Localized<String>] {
        var titles: [String: Localized<String>] = [:]
        for (language, table) in strings {
            for (key, value) in table.values where key.hasPrefix("section_title_") {
                titles[String(key.dropFirst("section_title_".count)), default: Localized()][language] = value
            }
        }
        return titles
    }

    /// Compiles the theme's templates and reads its UI strings, reporting every problem.
    static func load(templates: [SourceFile], i18n: [SourceFile], builtInI18n: [SourceFile] = [], assets: [AssetFile],
                     config: SiteConfig, diagnostics: inout [Diagnostic]) -> Theme {
        HTMLEscaping.register()
        var library = MustacheLibrary()
        var files: [String: SourceFile] = [:]
        for file in templates where file.relativePath.hasSuffix(".mustache") {
            let name = String(file.relativePath.dropLast(".mustache".count))
            files[name] = file
            do {
                library.register(try MustacheTemplate(string: HTMLEscaping.pragma + file.text), named: name)
            } catch let error as MustacheTemplate.ParserError {
                // Positions on the first line count the pragma put before the file's text.
                let line = error.context.lineNumber
                let column = error.context.columnNumber - (line == 1 ? HTMLEscaping.pragma.count : 0)
                diagnostics.append(.error(.templateSyntax(String(describing: error.error)),
                                          at: file.location(line: line, column: max(1, column))))
            } catch {
                diagnostics.append(.error(.templateSyntax(String(describing: error)), at: file.location()))
            }
        }
        let themeFolder = templates.first.map { String($0.displayPath.dropLast($0.relativePath.count + 1)) } ?? "theme/templates"
        for name in requiredTemplates where files[name] == nil {
            diagnostics.append(.error(.missingTemplate(name), at: SourceLocation(file: themeFolder + "/" + name + ".mustache")))
        }
        for file in files.values.sorted(by: { $0.relativePath < $1.relativePath }) {
            for reference in PartialReference.all(in: file.text) where files[reference.name] == nil {
                diagnostics.append(.error(.missingTemplate(reference.name),
                                          at: file.location(line: reference.line, column: reference.column)))
            }
        }
        let strings = UIStrings.load(i18n, builtIn: builtInI18n, config: config, diagnostics: &diagnostics)
        return Theme(library: library, templateFiles: files, strings: strings, assets: assets)
    }
}

/// A `{{> name}}` or `{{< name}}` tag in a template, found so a missing partial is an error, not an empty string.
struct PartialReference: Hashable {
    var name: String
    var line: Int
    var column: Int

    static func all(in text: String) -> [PartialReference] {
        var references: [PartialReference] = []
        var line = 1
        var column = 1
        var index = text.startIndex
        while index < text.endIndex {
            if text[index...].hasPrefix("{{>") || text[index...].hasPrefix("{{<") {
                let nameStart = text.index(index, offsetBy: 3)
                if let close = text[nameStart...].range(of: "}}") {
                    let name = text[nameStart..<close.lowerBound].trimmingCharacters(in: .whitespaces)
                    references.append(PartialReference(name: name, line: line, column: column))
                }
            }
            if text[index] == "\n" { line += 1; column = 1 } else { column += 1 }
            index = text.index(after: index)
        }
        return references
    }
}
