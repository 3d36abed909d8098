import CampaignModel
import Foundation

/// `<lang>/sw.js`: the service worker of one language's pages. The theme's
/// `assets/service-worker.js` does the work; this file tells it what to keep, and sits in the
/// language's folder so that its scope is that language's pages.
///
/// It keeps, for this language only: the home page, the pages `site.yaml` lists under `offline`,
/// every quiz set, the offline page, the manifest and the theme's assets. The cache's name ends
/// in a hash of all of their bytes, so a build that changes any of them changes this file; the
/// browser then installs the new worker, which deletes the old cache.
struct ServiceWorkerRenderer {
    var context: RenderContext

    /// Where a language's worker is written: `en/sw.js`.
    static func path(of language: LanguageCode) -> SitePath {
        SitePath(language: language).appending("sw.js")
    }

    /// The theme asset that does the work, loaded by every language's worker.
    static let script = "service-worker.js"

    /// The paths (below the base) of the files a language's worker keeps, in order.
    func precachedPaths(in language: LanguageCode) -> [String] {
        let model = context.model
        return model.offlinePages.map { model.groups[$0].path(in: language).outputFile }
            + [OfflinePageRenderer.path(of: language).relative, ManifestRenderer.path(of: language).relative]
            + context.theme.assets.map { "assets/" + $0.relativePath }
    }

    /// Every language's worker. `contents` has the bytes of every precached file, by output path.
    func render(contents: [String: [UInt8]]) -> [OutputFile] {
        let config = context.config
        return context.languages.map { data in
            let code = data.language.code
            let paths = precachedPaths(in: code)
            var hash = FNV1a()
            for path in paths {
                hash.add(Array(path.utf8) + [0])
                hash.add(contents[path] ?? [])
                hash.add([0])
            }
            let scope = SitePath(language: code).url(in: config)
            let prefix = "outreach:" + scope + ":"
            let settings = Settings(cache: prefix + hash.hex, cachePrefix: prefix,
                                    offline: OfflinePageRenderer.path(of: code).url(in: config),
                                    precache: paths.map { url(of: $0, config: config) })
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
            let json = (try? encoder.encode(settings)).map { String(decoding: $0, as: UTF8.self) } ?? "{}"
            let quotedScript = (try? encoder.encode(config.basePath + "assets/" + Self.script))
                .map { String(decoding: $0, as: UTF8.self) } ?? "\"\""
            let text = """
                // The service worker of the \(code.rawValue) pages, written by Outreach: what the theme's
                // assets/\(Self.script) keeps on the phone for use without a connection.
                self.outreachOffline = \(json);
                importScripts(\(quotedScript));

                """
            return OutputFile(path: Self.path(of: code).relative, text: text)
        }
    }

    /// A page's address ends in `/`, not `index.html`: the worker keeps what readers open.
    private func url(of path: String, config: SiteConfig) -> String {
        let address = path.hasSuffix("/index.html") ? String(path.dropLast("index.html".count)) : path
        return config.basePath + address
    }

    struct Settings: Encodable {
        /// This build's cache: the prefix and the hash of the kept files.
        var cache: String
        /// Every build's cache of this language starts so; the worker deletes the others.
        var cachePrefix: String
        var offline: String
        var precache: [String]
    }
}
