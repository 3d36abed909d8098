/// Chinese, Japanese and Thai as the search index is given them: every character (grapheme) of a
/// run of these scripts followed by a space, so that each is a word of its own.
///
/// Pagefind 1.5 splits these scripts into words twice, differently: at indexing with its own
/// dictionaries and when searching with the browser's `Intl.Segmenter` (its issue #1237), so a
/// word may be indexed in one cut and looked up in another and not be found (`警察局` was found on
/// 1 of the 12 pages holding it, Thai `ผู้เสียหาย` on none of 13). One character can be cut only one
/// way, so the index holds characters, the search page looks them up as characters, and keeps the
/// pages where the reader's words appear whole (`theme/assets/search-terms.js`, which undoes this
/// for excerpts). Overlapping pairs were the first idea, but the browser cuts a pair it does not
/// know as a word (`察局`) into two characters again.
public enum SpacedText {
    /// Stands for a space of the original between two such characters, which the search page
    /// turns back into a space (a plain space there means "added for the index").
    public static let originalSpace: Character = "\u{3000}"

    /// Languages whose pages are indexed this way: those Pagefind segments into words.
    public static func applies(toLanguage tag: String) -> Bool {
        let primary = tag.split(separator: "-").first.map { $0.lowercased() } ?? ""
        return ["zh", "ja", "th"].contains(primary)
    }

    /// `text` with a space between neighbouring characters of unspaced scripts, and the original's
    /// whitespace between two of them as `originalSpace`. Everything else is left as it is.
    public static func spaced(_ text: String) -> String {
        let characters = Array(text)
        var result = ""
        result.reserveCapacity(text.utf8.count * 2)
        var index = 0
        while index < characters.count {
            let character = characters[index]
            if character.isWhitespace, let previous = characters[..<index].last, isUnspaced(previous) {
                var end = index
                while end < characters.count, characters[end].isWhitespace { end += 1 }
                if end < characters.count, isUnspaced(characters[end]) {
                    // Alone: Pagefind folds runs of whitespace into one space.
                    result.append(originalSpace)
                    index = end
                    continue
                }
            }
            result.append(character)
            if isUnspaced(character), index + 1 < characters.count, isUnspaced(characters[index + 1]) {
                result.append(" ")
            }
            index += 1
        }
        return result
    }

    /// Whether a character is written without spaces between words: Han ideographs, kana, Thai.
    static func isUnspaced(_ character: Character) -> Bool {
        guard let scalar = character.unicodeScalars.first else { return false }
        switch scalar.value {
        case 0x0E01...0x0E5B,            // Thai
             0x3041...0x30FF,            // Hiragana and Katakana
             0x3400...0x4DBF,            // CJK Extension A
             0x4E00...0x9FFF,            // CJK Unified Ideographs
             0xF900...0xFAFF,            // CJK Compatibility Ideographs
             0x20000...0x3134F:          // CJK Extensions B to G
            return true
        default:
            return false
        }
    }
}
