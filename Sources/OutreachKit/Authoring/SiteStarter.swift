import CampaignModel

/// The small site `outreach init` writes: a home page and a help page, Taiwan's national hotlines,
/// a short quiz and a poster, in the languages asked for, every text marked as a draft.
///
/// It is made from the starter site built into the program, which holds every page in every
/// language (`help.vi.md`) and every text in every language (a `vi:` line in each YAML text). The
/// first language becomes the original (`help.md`); files and lines of other languages are left out.
public enum SiteStarter {
    /// The languages the starter site and the default theme are written in, with their names.
    public static let languages: [(code: LanguageCode, name: String)] = [
        (LanguageCode("zh-TW")!, "繁體中文"), (LanguageCode("en")!, "English"), (LanguageCode("vi")!, "Tiếng Việt"),
        (LanguageCode("id")!, "Bahasa Indonesia"), (LanguageCode("th")!, "ไทย"), (LanguageCode("fil")!, "Filipino"),
    ]

    /// The site's title in each language when none is given.
    static let titles: [LanguageCode: String] = [
        LanguageCode("zh-TW")!: "一起防制人口販運", LanguageCode("en")!: "Together against human trafficking",
        LanguageCode("vi")!: "Cùng nhau phòng chống mua bán người", LanguageCode("id")!: "Bersama melawan perdagangan orang",
        LanguageCode("th")!: "ร่วมกันต่อต้านการค้ามนุษย์", LanguageCode("fil")!: "Sama-sama laban sa human trafficking",
    ]

    /// Why the files cannot be made.
    public enum Problem: Error, Hashable, Sendable, CustomStringConvertible {
        case noLanguages
        case unknownLanguage(String)
        case repeatedLanguage(String)

        public var description: String {
            let known = SiteStarter.languages.map(\.code.rawValue).joined(separator: ",")
            switch self {
            case .noLanguages: return "give at least one language, such as --languages \(known)"
            case .unknownLanguage(let code): return "'\(code)' is not a language Outreach can start a site in; choose from \(known)"
            case .repeatedLanguage(let code): return "'\(code)' is listed twice"
            }
        }
    }

    /// Reads `--languages zh-TW,en,vi` into codes, the site's default first.
    public static func languages(from list: String) throws(Problem) -> [LanguageCode] {
        var codes: [LanguageCode] = []
        for part in list.split(separator: ",").map({ $0.trimmingCharacters(in: .whitespaces) }) where !part.isEmpty {
            guard let code = LanguageCode(part), let known = languages.first(where: { $0.code == code })?.code else {
                throw .unknownLanguage(part)
            }
            guard !codes.contains(known) else { throw .repeatedLanguage(part) }
            codes.append(known)
        }
        guard !codes.isEmpty else { throw .noLanguages }
        return codes
    }

    /// The files of the new site, by path inside the site's folder (`content/help.md`), in path order.
    public static func files(from starter: [(path: String, bytes: [UInt8])], languages chosen: [LanguageCode],
                             title: String?) -> [(path: String, text: String)] {
        guard let original = chosen.first else { return [] }
        let others = Set(languages.map(\.code)).subtracting(chosen)
        var files: [(path: String, text: String)] = [("content/site.yaml", siteFile(languages: chosen, title: title))]
        for file in starter {
            var path = file.path
            let text = String(decoding: file.bytes, as: UTF8.self)
            if path.hasSuffix(".md") {
                let stem = path.dropLast(3)
                guard let dot = stem.lastIndex(of: "."), let code = LanguageCode(String(stem[stem.index(after: dot)...])) else {
                    files.append((path, text))
                    continue
                }
                if others.contains(code) { continue }
                if code == original { path = stem[..<dot] + ".md" }
                files.append((path, text))
            } else if path.hasSuffix(".yaml") {
                // A text's translations are one `code: text` line each.
                let lines = text.split(separator: "\n", omittingEmptySubsequences: false).filter { line in
                    let key = line.drop { $0 == " " }.prefix { $0 != ":" }
                    return !(line.first == " " && LanguageCode(String(key)).map(others.contains) == true)
                }
                files.append((path, lines.joined(separator: "\n")))
            } else {
                files.append((path, text))
            }
        }
        return files.sorted { $0.path < $1.path }
    }

    /// `site.yaml` for `languages`, the first the default.
    static func siteFile(languages chosen: [LanguageCode], title: String?) -> String {
        func quoted(_ text: String) -> String {
            "\"" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
        }
        var text = """
            # The site's settings. Every page and text below is a draft translation
            # (translation: draft) until a person has reviewed it.
            title:

            """
        for code in chosen {
            // A title given on the command line is the default language's; the others fall back to it.
            if let title {
                if code == chosen.first { text += "  \(code.rawValue): \(quoted(title))\n" }
            } else if let name = titles[code] {
                text += "  \(code.rawValue): \(quoted(name))\n"
            }
        }
        text += """

            # Where the site will be published: replace it with the department's own address.
            baseURL: https://example.org/

            defaultLanguage: \(chosen[0].rawValue)

            # Offered to readers in this order; each name is written in the language itself.
            languages:

            """
        for code in chosen {
            let name = languages.first { $0.code == code }?.name ?? code.rawValue
            text += "  - code: \(code.rawValue)\n    name: \(quoted(name))\n"
        }
        return text
    }
}
