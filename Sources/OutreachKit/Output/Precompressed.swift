/// The brotli and gzip copies written beside a text file of the site (`help/index.html.br`,
/// `help/index.html.gz`), so that a server sends them as they are instead of compressing every
/// request (nginx's `brotli_static` and `gzip_static`).
struct Precompressed: Sendable {
    var brotli: [UInt8]
    var gzip: [UInt8]

    /// Both copies of `bytes`, the brotli one compressed with `effort`.
    init(_ bytes: some Collection<UInt8>, effort: Brotli.Effort = .page) {
        brotli = Brotli.compress(bytes, effort: effort)
        gzip = Gzip.compress(bytes)
    }

    /// File name endings of the files that get copies: text formats that compress well. Images,
    /// PDFs and fonts are compressed already.
    static let extensions: Set<String> = ["html", "css", "js", "mjs", "json", "webmanifest", "xml", "svg", "ics"]

    /// Whether the file at `path` gets compressed copies.
    static func applies(to path: String) -> Bool {
        guard let dot = path.lastIndex(of: "."), !path[dot...].contains("/") else { return false }
        return extensions.contains(path[path.index(after: dot)...].lowercased())
    }

    /// The copies' paths beside `path`, with the bytes of each.
    func files(beside path: String) -> [(path: String, bytes: [UInt8])] {
        [(path + ".br", brotli), (path + ".gz", gzip)]
    }
}
