/// Ids for headings, so every section of a page can be linked to (`/en/help/#call-1955`).
enum HeadingID {
    /// Lower-cased letters and digits of `text` (any script), words joined by `-`.
    static func slug(_ text: String) -> String {
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
