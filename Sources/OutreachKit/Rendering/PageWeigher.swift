import CampaignModel

/// Weighs pages as a reader on a slow connection downloads them: the HTML and every stylesheet
/// and script it loads from the site, each gzipped (every browser accepts gzip, and brotli is
/// smaller still, so the limit holds whichever the server sends). A page over `site.yaml`'s
/// `pageWeightLimit` is a warning, so an error under `--strict`.
///
/// The stylesheets and scripts are found in the page as written (`<link rel="stylesheet" href>`,
/// `<script src>`), not from the model: weight is a property of the bytes sent, whatever the
/// theme's templates put there. The service worker and the manifest are not counted: the
/// browser fetches them once, after the page.
struct PageWeigher: Sendable {
    /// The gzipped size of each theme stylesheet and script, by output path (`assets/style.css`).
    let assetSizes: [String: Int]
    let basePath: String
    let limit: Int

    /// Gzips the theme's stylesheets and scripts once per build.
    init(theme: Theme, config: SiteConfig) {
        var sizes: [String: Int] = [:]
        for (path, bytes) in theme.assetContents where path.hasSuffix(".css") || path.hasSuffix(".js") || path.hasSuffix(".mjs") {
            sizes["assets/" + path] = Gzip.compress(bytes).count
        }
        assetSizes = sizes
        basePath = config.basePath
        limit = config.pageWeightLimit
    }

    /// The weight of the page written to `path` (`en/help/index.html`), whose HTML gzips to
    /// `compressedSize` bytes.
    func weight(of html: String, at path: String, compressedSize: Int) -> Int {
        compressedSize + Set(loadedFiles(in: html, at: path)).reduce(0) { $0 + (assetSizes[$1] ?? 0) }
    }

    /// A warning at `source` when the page is over the limit.
    func check(_ html: String, at path: String, compressedSize: Int, source: PageSource) -> Diagnostic? {
        let weight = weight(of: html, at: path, compressedSize: compressedSize)
        guard weight > limit else { return nil }
        let address = path.hasSuffix("index.html") ? String(path.dropLast("index.html".count)) : path
        return .warning(.pageTooHeavy(page: basePath + address, weight: weight, limit: limit), at: source.file.location())
    }

    /// The site files (output paths) that the page's `<link rel="stylesheet">` and `<script src>`
    /// elements load, in order.
    func loadedFiles(in html: String, at path: String) -> [String] {
        var found: [String] = []
        var html = html
        html.withUTF8 { bytes in
            var index = 0
            while let start = Self.find(UInt8(ascii: "<"), in: bytes, from: index) {
                index = start + 1
                let isScript = Self.hasPrefix(Self.scriptTag, in: bytes, at: start)
                guard isScript || Self.hasPrefix(Self.linkTag, in: bytes, at: start),
                      let end = Self.find(UInt8(ascii: ">"), in: bytes, from: start) else { continue }
                let tag = String(decoding: bytes[start..<end], as: UTF8.self)
                index = end
                let reference: String?
                if isScript {
                    reference = Self.attribute("src", in: tag)
                } else if Self.attribute("rel", in: tag)?.lowercased().split(separator: " ").contains("stylesheet") == true {
                    reference = Self.attribute("href", in: tag)
                } else {
                    reference = nil
                }
                if let reference, let file = resolve(reference, from: path) { found.append(file) }
            }
        }
        return found
    }

    /// The output path a reference on the page at `path` points to, or nil when it leaves the site.
    func resolve(_ reference: String, from path: String) -> String? {
        var reference = Substring(reference)
        if let cut = reference.firstIndex(where: { $0 == "?" || $0 == "#" }) { reference = reference[..<cut] }
        if reference.contains("://") || reference.hasPrefix("//") { return nil }
        if reference.hasPrefix("/") {
            return reference.hasPrefix(basePath) ? String(reference.dropFirst(basePath.count)) : nil
        }
        var parts = path.split(separator: "/", omittingEmptySubsequences: false).dropLast().map(String.init)
        for part in reference.split(separator: "/", omittingEmptySubsequences: false) {
            switch part {
            case "..":
                guard !parts.isEmpty else { return nil }
                parts.removeLast()
            case ".", "": continue
            default: parts.append(String(part))
            }
        }
        return parts.joined(separator: "/")
    }

    /// `name="value"` in a tag's text (the theme's templates quote every attribute with `"`).
    static func attribute(_ name: String, in tag: String) -> String? {
        guard let start = tag.range(of: " " + name + "=\"") else { return nil }
        let rest = tag[start.upperBound...]
        guard let end = rest.firstIndex(of: "\"") else { return nil }
        return String(rest[..<end])
    }

    private static let scriptTag = Array("<script".utf8)
    private static let linkTag = Array("<link".utf8)

    private static func find(_ byte: UInt8, in bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
        var index = start
        while index < bytes.count {
            if bytes[index] == byte { return index }
            index += 1
        }
        return nil
    }

    private static func hasPrefix(_ prefix: [UInt8], in bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Bool {
        guard index + prefix.count <= bytes.count else { return false }
        for offset in prefix.indices where bytes[index + offset] != prefix[offset] { return false }
        return true
    }
}
