import Yams
import CampaignModel

/// What each translated text of one language was made from: for every block of a page and every
/// field of a YAML file that `outreach translations import` wrote, the hash and text of its
/// original at the time, and whether a person reviewed it. Kept in `content/translations/<lang>.yaml`
/// so that when an original changes, exactly the blocks that changed show as outdated.
struct TranslationLedger: Hashable, Sendable {
    /// One translated text's record.
    struct Entry: Hashable, Sendable {
        /// Reviewed or draft, as the translator's tool said.
        var state: TranslationStatus
        /// The hash of the original's text it was made from (`ContentHash.of(text:)`).
        var hash: String
        /// That text, shown to the translator as the previous source when the original changes.
        var source: String
    }

    /// Entries by the original's file (`about.md`, `quizzes/health.yaml`, `theme/i18n`), then unit id.
    var entries: [String: [String: Entry]] = [:]

    /// The ledger file of `language`, relative to the content folder.
    static func path(for language: LanguageCode) -> String { "translations/\(language.rawValue).yaml" }

    /// Whether `relativePath` (in the content folder) is a ledger file.
    static func isLedger(_ relativePath: String) -> Bool {
        relativePath.hasPrefix("translations/") && relativePath.hasSuffix(".yaml")
            && !relativePath.dropFirst("translations/".count).contains("/")
    }

    /// The entry of a unit, if import recorded one.
    func entry(file: String, unit: String) -> Entry? { entries[file]?[unit] }

    /// Reads a ledger file.
    static func parse(_ file: SourceFile, diagnostics: inout [Diagnostic]) -> TranslationLedger {
        var ledger = TranslationLedger()
        guard let document = YAMLDocument.parse(file.text, in: file, diagnostics: &diagnostics),
              let root = document.root else { return ledger }
        guard case .mapping(let files) = root else {
            diagnostics.append(.error(.notAMapping(what: "a translation ledger"), at: document.location(of: root)))
            return ledger
        }
        for (fileKey, units) in files {
            guard let path = fileKey.string, case .mapping(let unitMapping) = units else {
                diagnostics.append(.error(.notAMapping(what: "a translation ledger's file entry"), at: document.location(of: units)))
                continue
            }
            for (unitKey, value) in unitMapping {
                guard let id = unitKey.string, case .mapping(let fields) = value,
                      let stateText = fields["state"]?.string, let state = TranslationStatus(rawValue: stateText),
                      let hash = fields["hash"]?.string, let source = fields["source"]?.string else {
                    diagnostics.append(.error(.wrongType(field: "translation ledger entry", expected: "state, hash and source"),
                                              at: document.location(of: value)))
                    continue
                }
                ledger.entries[path, default: [:]][id] = Entry(state: state, hash: hash, source: source)
            }
        }
        return ledger
    }

    /// The ledger as YAML, sorted by file and unit so the same ledger is always the same bytes.
    var yaml: String {
        var text = """
            # Written by `outreach translations import`; do not edit by hand. For each translated text:
            # whether a person reviewed it, and the hash and text of the original it was made from, so
            # that `outreach translations` can name the blocks whose original changed since.

            """
        for file in entries.keys.sorted() {
            text += YAMLText.quoted(file) + ":\n"
            for (id, entry) in entries[file]!.sorted(by: { $0.key < $1.key }) {
                text += "  " + YAMLText.quoted(id) + ":\n"
                text += "    state: \(entry.state.rawValue)\n"
                text += "    hash: \"\(entry.hash)\"\n"
                text += "    source: " + YAMLText.quoted(entry.source) + "\n"
            }
        }
        return text
    }
}

/// Writing YAML scalars by hand, for files edited in place.
enum YAMLText {
    /// `text` as a double-quoted YAML scalar: always valid, whatever the text holds.
    static func quoted(_ text: String) -> String {
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\t": result += "\\t"
            case "\r": result += "\\r"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7f {
                    let hex = String(scalar.value, radix: 16)
                    result += "\\x" + String(repeating: "0", count: 2 - hex.count) + hex
                } else {
                    result.unicodeScalars.append(scalar)
                }
            }
        }
        return result + "\""
    }
}
