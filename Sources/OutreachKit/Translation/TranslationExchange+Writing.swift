/// The file formats translators' tools exchange.
public enum TranslationFormat: String, Sendable, CaseIterable {
    /// XLIFF 2.0 (OASIS), which Crowdin and Weblate read.
    case xliff
    /// XLIFF 1.2, for older CAT tools.
    case xliff12
    /// gettext PO.
    case po

    /// The usual file name extension.
    public var fileExtension: String {
        switch self {
        case .xliff: "xlf"
        case .xliff12: "xliff"
        case .po: "po"
        }
    }
}

/// Writing a catalog in an exchange format.
enum TranslationExchange {
    /// A file id that is an XML NMTOKEN: the path with `/` as `:`.
    static func fileID(_ path: String) -> String { path.replacingOccurrences(of: "/", with: ":") }

    /// The note a translator sees: where the text is, what it is, and any limit.
    static func note(_ unit: TranslationUnit, file: String) -> String {
        var parts = ["\(file):\(unit.line)", unit.field]
        if !unit.context.isEmpty { parts.append(unit.context) }
        if let limit = unit.maxLength {
            parts.append("at most \(limit) characters (the longest this poster's \(unit.field) is now, in any language; the printed layout is set for it)")
        }
        return parts.joined(separator: "; ")
    }

    static func xml(_ text: String, attribute: Bool = false) -> String {
        var result = ""
        for character in text {
            switch character {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"" where attribute: result += "&quot;"
            case "\n" where attribute: result += "&#10;"
            default: result.append(character)
            }
        }
        return result
    }

    // MARK: XLIFF 2.0

    static func xliff2(_ catalog: TranslationCatalog, units include: (TranslationUnit) -> Bool) -> String {
        var out = """
            <?xml version="1.0" encoding="UTF-8"?>
            <xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="\(catalog.sourceLanguage.rawValue)" trgLang="\(catalog.language.rawValue)">

            """
        for file in catalog.files {
            let units = file.units.filter(include)
            guard !units.isEmpty else { continue }
            out += "  <file id=\"\(xml(fileID(file.path), attribute: true))\" original=\"\(xml(file.path, attribute: true))\">\n"
            for unit in units {
                out += "    <unit id=\"\(xml(unit.id, attribute: true))\">\n"
                out += "      <notes>\n"
                out += "        <note category=\"location\">\(xml(note(unit, file: file.path)))</note>\n"
                if let previous = unit.previousSource {
                    out += "        <note category=\"previous-source\">\(xml(previous))</note>\n"
                }
                out += "      </notes>\n"
                if !unit.source.codes.isEmpty {
                    out += "      <originalData>\n"
                    for (id, code) in unit.source.codes.sorted(by: { $0.key < $1.key }) {
                        out += "        <data id=\"d\(id)s\">\(xml(code.start))</data>\n"
                        if let end = code.end { out += "        <data id=\"d\(id)e\">\(xml(end))</data>\n" }
                    }
                    out += "      </originalData>\n"
                }
                let state: String = switch unit.state {
                case .missing, .outdated: "initial"
                case .draft: "translated"
                case .reviewed: "reviewed"
                }
                out += "      <segment state=\"\(state)\">\n"
                out += "        <source xml:space=\"preserve\">\(xliff2Inline(unit.source))</source>\n"
                if let target = unit.target {
                    out += "        <target xml:space=\"preserve\">\(xliff2Inline(target))</target>\n"
                }
                out += "      </segment>\n"
                out += "    </unit>\n"
            }
            out += "  </file>\n"
        }
        return out + "</xliff>\n"
    }

    static func xliff2Inline(_ text: InlineText) -> String {
        text.pieces.map { piece in
            switch piece {
            case .text(let value): xml(value)
            case .open(let id): "<pc id=\"\(id)\" dataRefStart=\"d\(id)s\" dataRefEnd=\"d\(id)e\"\(codeType(text.codes[id]))>"
            case .close: "</pc>"
            case .placeholder(let id): "<ph id=\"\(id)\" dataRef=\"d\(id)s\"\(codeType(text.codes[id]))/>"
            }
        }.joined()
    }

    /// XLIFF 2.0's `type` of a code (`fmt`, `link`, `image`, `other`), with the `xlf:` subtype
    /// the standard defines for bold, italic and line breaks.
    private static func codeType(_ code: InlineText.Code?) -> String {
        switch code?.kind {
        case "bold": " type=\"fmt\" subType=\"xlf:b\""
        case "italic": " type=\"fmt\" subType=\"xlf:i\""
        case "lb": " type=\"fmt\" subType=\"xlf:lb\""
        case "link": " type=\"link\""
        case "image": " type=\"image\""
        default: " type=\"other\""
        }
    }

    // MARK: XLIFF 1.2

    static func xliff12(_ catalog: TranslationCatalog, units include: (TranslationUnit) -> Bool) -> String {
        var out = """
            <?xml version="1.0" encoding="UTF-8"?>
            <xliff xmlns="urn:oasis:names:tc:xliff:document:1.2" version="1.2">

            """
        for file in catalog.files {
            let units = file.units.filter(include)
            guard !units.isEmpty else { continue }
            out += "  <file original=\"\(xml(file.path, attribute: true))\" source-language=\"\(catalog.sourceLanguage.rawValue)\" target-language=\"\(catalog.language.rawValue)\" datatype=\"x-outreach\">\n"
            out += "    <body>\n"
            for unit in units {
                var attributes = "id=\"\(xml(unit.id, attribute: true))\" xml:space=\"preserve\""
                if let limit = unit.maxLength { attributes += " maxwidth=\"\(limit)\" size-unit=\"char\"" }
                out += "      <trans-unit \(attributes)>\n"
                out += "        <source>\(xliff12Inline(unit.source))</source>\n"
                if let target = unit.target {
                    let state: String = switch unit.state {
                    case .missing: "needs-translation"
                    case .outdated: "needs-review-translation"
                    case .draft: "translated"
                    case .reviewed: "signed-off"
                    }
                    out += "        <target state=\"\(state)\">\(xliff12Inline(target))</target>\n"
                }
                out += "        <note from=\"outreach\">\(xml(note(unit, file: file.path)))</note>\n"
                if let previous = unit.previousSource {
                    out += "        <note from=\"outreach\" annotates=\"source\">previous source: \(xml(previous))</note>\n"
                }
                out += "      </trans-unit>\n"
            }
            out += "    </body>\n  </file>\n"
        }
        return out + "</xliff>\n"
    }

    static func xliff12Inline(_ text: InlineText) -> String {
        text.pieces.map { piece in
            switch piece {
            case .text(let value): xml(value)
            case .open(let id): "<g id=\"\(id)\" ctype=\"\(ctype12(text.codes[id]))\">"
            case .close: "</g>"
            case .placeholder(let id): "<x id=\"\(id)\" ctype=\"\(ctype12(text.codes[id]))\"/>"
            }
        }.joined()
    }

    private static func ctype12(_ code: InlineText.Code?) -> String {
        switch code?.kind {
        case "bold": "bold"
        case "italic": "italic"
        case "link": "link"
        case "image": "image"
        case "lb": "lb"
        case let kind?: "x-" + kind
        case nil: "x-code"
        }
    }

    // MARK: PO

    static func po(_ catalog: TranslationCatalog, siteTitle: String, units include: (TranslationUnit) -> Bool) -> String {
        var out = """
            # \(siteTitle.replacingOccurrences(of: "\n", with: " ")): translations from \(catalog.sourceLanguage.rawValue) into \(catalog.language.rawValue).
            # Written by `outreach translations export`; bring it back with `outreach translations import`.
            # {1}…{/1} and {2} stand for Markdown (a link, emphasis, code): keep them, move them as the sentence needs.
            msgid ""
            msgstr ""
            "Project-Id-Version: outreach\\n"
            "Language: \(catalog.language.rawValue)\\n"
            "MIME-Version: 1.0\\n"
            "Content-Type: text/plain; charset=UTF-8\\n"
            "Content-Transfer-Encoding: 8bit\\n"
            "X-Source-Language: \(catalog.sourceLanguage.rawValue)\\n"

            """
        for file in catalog.files {
            for unit in file.units where include(unit) {
                out += "\n#. " + note(unit, file: file.path).replacingOccurrences(of: "\n", with: " ") + "\n"
                for (id, code) in unit.source.codes.sorted(by: { $0.key < $1.key }) {
                    let shown = code.end.map { "{\(id)}…{/\(id)} = \(code.start)…\($0)" } ?? "{\(id)} = \(code.start)"
                    out += "#. " + shown.replacingOccurrences(of: "\n", with: "\\n") + "\n"
                }
                out += "#: \(file.path):\(unit.line)\n"
                if unit.state == .outdated { out += "#, fuzzy\n" }
                if let previous = unit.previousSource {
                    out += "#| msgctxt \(poString(file.path + "#" + unit.id))\n"
                    out += poLines(previous, keyword: "#| msgid", comment: "#| ")
                }
                out += "msgctxt \(poString(file.path + "#" + unit.id))\n"
                out += poLines(poText(unit.source), keyword: "msgid", comment: "")
                out += poLines(unit.target.map(poText) ?? "", keyword: "msgstr", comment: "")
            }
        }
        return out
    }

    /// A text with its codes as numbered placeholders: `{1}text{/1}`, `{2}`.
    static func poText(_ text: InlineText) -> String {
        text.pieces.map { piece in
            switch piece {
            case .text(let value): value
            case .open(let id), .placeholder(let id): "{\(id)}"
            case .close(let id): "{/\(id)}"
            }
        }.joined()
    }

    static func poString(_ text: String) -> String {
        var result = "\""
        for character in text {
            switch character {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\t": result += "\\t"
            case "\r": result += "\\r"
            default: result.append(character)
            }
        }
        return result + "\""
    }

    /// A keyword and its string, split after each newline the way msgmerge writes long texts.
    static func poLines(_ text: String, keyword: String, comment: String) -> String {
        guard text.contains("\n") else { return "\(keyword) \(poString(text))\n" }
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { String($0) }
        for index in lines.indices.dropLast() { lines[index] += "\n" }
        if lines.last == "" { lines.removeLast() }
        return "\(keyword) \"\"\n" + lines.map { comment + poString($0) + "\n" }.joined()
    }
}
