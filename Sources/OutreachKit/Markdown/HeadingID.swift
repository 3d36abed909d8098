/// Ids for headings, so every section of a page can be linked to (`/en/help/#call-1955`).
enum HeadingID {
    /// Lower-cased letters and digits of `text` (any script), words joined by `-`.
    static func slug(_ text: String) -> String {
        text.utf8.allSatisfy({ $0 < 0x80 }) ? asciiSlug(text) : unicodeSlug(text)
    }

    static func unicodeSlug(_ text: String) -> String {
        var slug = ""
        var pendingDash = false
        for character in text.lowercased() {
            if character.isLetter || character.isNumber || character == "_" {
                if pendingDash && !slug.isEmpty { slug.append("-") }
                pendingDash = false
                slug.append(character)
            } else if character.isWhitespace || character == "-" {
                pendingDash = true
            }
        }
        return slug.isEmpty ? "section" : slug
    }

    /// `slug` for ASCII text, byte by byte: the same result, without Unicode character properties.
    static func asciiSlug(_ text: String) -> String {
        var bytes: [UInt8] = []
        var pendingDash = false
        for byte in text.utf8 {
            let lower = (0x41...0x5A).contains(byte) ? byte + 0x20 : byte
            if (0x61...0x7A).contains(lower) || (0x30...0x39).contains(lower) || lower == UInt8(ascii: "_") {
                if pendingDash && !bytes.isEmpty { bytes.append(UInt8(ascii: "-")) }
                pendingDash = false
                bytes.append(lower)
            } else if lower == 0x20 || (0x09...0x0D).contains(lower) || lower == UInt8(ascii: "-") {
                pendingDash = true
            }
        }
        return bytes.isEmpty ? "section" : String(decoding: bytes, as: UTF8.self)
    }

    /// `slug`, or `slug-1`, `slug-2`... when a heading with the same text came before.
    static func unique(_ slug: String, among used: inout Set<String>) -> String {
        var candidate = slug
        var counter = 0
        while used.contains(candidate) {
            counter += 1
            candidate = "\(slug)-\(counter)"
        }
        used.insert(candidate)
        return candidate
    }
}
