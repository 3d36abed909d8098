/// Text for a preview card: LINE and Facebook show a line or two of `og:description`, so a
/// long description is cut there instead of being sent twice in full on every page (it is already
/// the page's `<meta name="description">`).
enum PreviewText {
    /// The most characters a card's description keeps.
    static let limit = 80

    /// `text` when it is short; else its first `limit` characters cut after the last space or
    /// Chinese punctuation among them (when that keeps at least half), followed by "…".
    static func shortened(_ text: String, limit: Int = limit) -> String {
        guard text.count > limit else { return text }
        let head = text.prefix(limit)
        let breaks: Set<Character> = [" ", "\u{3000}", "，", "。", "、", "；", "：", "！", "？"]
        var end = head.endIndex
        if let last = head.lastIndex(where: { breaks.contains($0) }), head.distance(from: head.startIndex, to: last) >= limit / 2 {
            end = last
        }
        let kept = head[..<end].trimmingSuffix(while: { breaks.contains($0) || $0 == "," || $0 == "." })
        return kept + "…"
    }
}

private extension Substring {
    func trimmingSuffix(while shouldDrop: (Character) -> Bool) -> Substring {
        var end = endIndex
        while end > startIndex, shouldDrop(self[index(before: end)]) { end = index(before: end) }
        return self[..<end]
    }
}
