import Foundation
import Yams
import CampaignModel

/// Changes one value of a YAML text in place, leaving every other byte as it was (comments,
/// quoting, order), and checks the result by reading it again.
enum YAMLTextEditor {
    /// `text` as a YAML value: plain when it reads back the same that way, else double-quoted.
    static func scalar(_ text: String) -> String {
        let risky = text.isEmpty || text.contains("\n") || text.contains(": ") || text.contains(" #")
            || text.hasSuffix(":") || text.first.map({ "-?:,[]{}#&*!|>'\"%@`~ ".contains($0) }) == true
            || text.last == " " || text.contains("\t")
        if !risky, let node = try? Yams.compose(yaml: "k: " + text), let read = node.mapping?["k"],
           read.string == text, read.tag == Tag(.str) {
            return text
        }
        return YAMLText.quoted(text)
    }

    /// Sets a top-level `key:` of a YAML mapping (front matter, the theme's UI strings), replacing
    /// its value's lines or adding a line at the end. Nil when the text is not a mapping.
    static func settingTopLevel(_ key: String, to value: String, in yaml: String) -> String? {
        guard let root = try? Yams.compose(yaml: yaml) ?? Node.mapping(.init([])), case .mapping(let mapping) = root else {
            return nil
        }
        var lines = yaml.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let keys = mapping.keys.compactMap { key -> (String, Int)? in
            guard let name = key.string, let line = key.mark?.line else { return nil }
            return (name, line - 1)
        }
        let written = "\(key): \(scalar(value))"
        if let index = keys.firstIndex(where: { $0.0 == key }) {
            let start = keys[index].1
            var end = index + 1 < keys.count ? keys[index + 1].1 - 1 : lines.count - 1
            // Blank lines and comments after the value belong to what follows.
            while end > start, lines[end].trimmingCharacters(in: .whitespaces).isEmpty
                    || lines[end].trimmingCharacters(in: .whitespaces).hasPrefix("#") { end -= 1 }
            lines.replaceSubrange(start...end, with: [written])
        } else {
            var end = lines.count
            while end > 0, lines[end - 1].isEmpty { end -= 1 }
            lines.insert(written, at: end)
            if end == lines.count - 1 { /* inserted before trailing empty lines */ }
        }
        let result = lines.joined(separator: "\n")
        guard let check = try? Yams.compose(yaml: result), check.mapping?[key]?.string == value else { return nil }
        return result
    }

    /// Sets `language`'s text of the field at `path` (as `LocalizedYAML` names it) in a YAML file,
    /// replacing the one-line value or adding `language: text` after the field's last language.
    /// Nil when the field cannot be changed in place (a value over several lines).
    static func settingLocalized(path: [String], language: String, to value: String, in text: String,
                                 defaultLanguage: LanguageCode) -> String? {
        guard let root = try? Yams.compose(yaml: text),
              let field = LocalizedYAML.fields(in: root, defaultLanguage: defaultLanguage).first(where: { $0.path == path }),
              case .mapping(let mapping) = field.node else { return nil }
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { Array($0) }
        // A flow mapping (`{zh-TW: ..., en: ...}`) starts with its brace; its plain texts end at a comma.
        let isFlow = field.node.mark.map { mark in
            let row = lines[mark.line - 1]
            let index = Self.offset(ofColumn: mark.column, in: row)
            return index < row.count && row[index] == "{"
        } ?? false
        let written = isFlow && value.contains(where: { ",[]{}".contains($0) }) ? YAMLText.quoted(value) : scalar(value)
        if let existing = mapping[language], let mark = existing.mark {
            let row = mark.line - 1
            let start = Self.offset(ofColumn: mark.column, in: lines[row])
            guard let end = scalarEnd(lines[row], from: start, style: existing.scalar?.style ?? .plain, inFlow: isFlow) else { return nil }
            lines[row].replaceSubrange(start..<end, with: Array(written))
        } else {
            guard let last = Array(mapping.values).last, let mark = last.mark else { return nil }
            let row = mark.line - 1
            let start = Self.offset(ofColumn: mark.column, in: lines[row])
            guard let end = scalarEnd(lines[row], from: start, style: last.scalar?.style ?? .plain, inFlow: isFlow) else { return nil }
            if isFlow {
                lines[row].insert(contentsOf: Array(", \(language): \(written)"), at: end)
            } else {
                guard let keyMark = mapping.keys.first?.mark else { return nil }
                let indent = String(repeating: " ", count: keyMark.column - 1)
                lines.insert(Array("\(indent)\(language): \(written)"), at: row + 1)
            }
        }
        let result = lines.map { String($0) }.joined(separator: "\n")
        // Read it again: the field must now say `value`, and every other text must be as it was.
        guard let check = try? Yams.compose(yaml: result) else { return nil }
        let before = LocalizedYAML.fields(in: root, defaultLanguage: defaultLanguage)
        let after = LocalizedYAML.fields(in: check, defaultLanguage: defaultLanguage)
        guard before.count == after.count else { return nil }
        for (old, new) in zip(before, after) {
            var expected = old.values
            if old.path == path { expected[language] = value }
            guard old.path == new.path, expected == new.values else { return nil }
        }
        return result
    }

    /// The index in a line of a 1-based column counted in Unicode scalars, as libyaml counts.
    private static func offset(ofColumn column: Int, in line: [Character]) -> Int {
        var scalars = 0
        for (index, character) in line.enumerated() {
            if scalars >= column - 1 { return index }
            scalars += character.unicodeScalars.count
        }
        return line.count
    }

    /// Where a scalar that starts at `start` ends on its line; nil when it goes on to the next line.
    private static func scalarEnd(_ line: [Character], from start: Int, style: Node.Scalar.Style, inFlow: Bool) -> Int? {
        guard start < line.count else { return nil }
        switch line[start] {
        case "\"":
            var index = start + 1
            while index < line.count {
                if line[index] == "\\" { index += 2; continue }
                if line[index] == "\"" { return index + 1 }
                index += 1
            }
            return nil
        case "'":
            var index = start + 1
            while index < line.count {
                if line[index] == "'" {
                    if index + 1 < line.count, line[index + 1] == "'" { index += 2; continue }
                    return index + 1
                }
                index += 1
            }
            return nil
        case "|", ">":
            return nil
        default:
            var index = start
            while index < line.count {
                if line[index] == "#", index > start, line[index - 1] == " " { break }
                if inFlow, line[index] == "," || line[index] == "}" { break }
                index += 1
            }
            while index > start, line[index - 1] == " " { index -= 1 }
            return index
        }
    }
}

