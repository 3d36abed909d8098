/// Rules for the words that become parts of page addresses.
enum Slug {
    /// Letters and digits of any script, `-` and `_`; nothing that could leave a folder or need escaping.
    static func isValid(_ text: String) -> Bool {
        guard let first = text.first, first.isLetter || first.isNumber else { return false }
        return text.allSatisfy { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" }
    }
}
