import Foundation
import CampaignModel

/// The load phase: reads the content and theme folders and sorts their files by role.
struct Loader {
    var options: BuildOptions

    struct Loaded {
        var siteFile: SourceFile?
        var hotlinesFile: SourceFile?
        var figuresFile: SourceFile?
        var quizStatisticsFile: SourceFile?
        var markdownFiles: [SourceFile] = []
        var quizFiles: [SourceFile] = []
        /// `translations/<lang>.yaml`: what each imported translation was made from.
        var ledgerFiles: [SourceFile] = []
        var contentAssets: [AssetFile] = []
        var templates: [SourceFile] = []
        var i18n: [SourceFile] = []
        /// The built-in theme's UI strings, which a site's own files override key by key.
        var builtInI18n: [SourceFile] = []
        /// The theme's assets, read into memory: a few small files, which the service worker's
        /// cache name hashes, the page weights count, and the build then writes from memory.
        var themeAssets: [AssetFile] = []
        var diagnostics: [Diagnostic] = []
    }

    func load() -> Loaded {
        var loaded = Loaded()
        let content = FolderReader(root: options.contentFolder) { path in
            path.hasSuffix(".md") || path.hasSuffix(".yaml") || path.hasSuffix(".yml") || path == QuizStatistics.contentPath
        }
        guard FileManager().fileExists(atPath: options.contentFolder) else {
            loaded.diagnostics.append(.error(.missingContentFolder, at: SourceLocation(wholeFile: options.contentFolder)))
            return loaded
        }
        let contentFiles = content.read()
        loaded.diagnostics += contentFiles.diagnostics
        loaded.contentAssets = contentFiles.assets
        for file in contentFiles.textFiles {
            switch file.relativePath {
            case "site.yaml": loaded.siteFile = file
            case "hotlines.yaml": loaded.hotlinesFile = file
            case "figures.yaml": loaded.figuresFile = file
            case QuizStatistics.contentPath: loaded.quizStatisticsFile = file
            case let path where path.hasSuffix(".md"): loaded.markdownFiles.append(file)
            case let path where path.hasPrefix("quizzes/") && path.hasSuffix(".yaml") && !path.dropFirst(8).contains("/"):
                loaded.quizFiles.append(file)
            case let path where TranslationLedger.isLedger(path):
                loaded.ledgerFiles.append(file)
            default: break  // Data files for later features (quizzes, events) are read by their own phases.
            }
        }
        if loaded.siteFile == nil {
            loaded.diagnostics.append(.error(.missingSiteFile, at: SourceLocation(wholeFile: options.contentFolder + "/site.yaml")))
        }

        func read(_ folder: String, overlay: Bool = true, isText: @escaping (String) -> Bool) -> FolderReader.Contents {
            var contents = FolderReader.Contents()
            // Without a built-in theme, the folder must be there, and its absence is reported.
            if options.builtInTheme == nil || FileManager().fileExists(atPath: options.themeFolder + "/" + folder) {
                contents = FolderReader(root: options.themeFolder + "/" + folder, isText: isText).read()
            }
            guard let builtIn = options.builtInTheme, overlay else { return contents }
            // A site's own theme overrides the built-in one file by file.
            let own = Set(contents.textFiles.map(\.relativePath) + contents.assets.map(\.relativePath))
            for (relative, bytes) in builtIn.files(under: folder, notIn: own) {
                if isText(relative) {
                    contents.textFiles.append(SourceFile(relativePath: relative,
                                                         displayPath: BuiltInTheme.displayFolder + "/" + folder + "/" + relative,
                                                         text: String(decoding: bytes, as: UTF8.self)))
                } else {
                    contents.assets.append(AssetFile(relativePath: relative, bytes: bytes))
                }
            }
            contents.textFiles.sort { $0.relativePath < $1.relativePath }
            contents.assets.sort { $0.relativePath < $1.relativePath }
            return contents
        }
        let templates = read("templates") { _ in true }
        let i18n = read("i18n", overlay: false) { _ in true }
        loaded.builtInI18n = (options.builtInTheme?.files(under: "i18n", notIn: []) ?? []).map { relative, bytes in
            SourceFile(relativePath: relative, displayPath: BuiltInTheme.displayFolder + "/i18n/" + relative,
                       text: String(decoding: bytes, as: UTF8.self))
        }
        let assets = read("assets") { _ in false }
        loaded.templates = templates.textFiles
        loaded.i18n = i18n.textFiles
        loaded.themeAssets = assets.assets.compactMap { asset in
            guard case .disk(let path) = asset.source else { return asset }
            guard let data = FileManager().contents(atPath: path) else {
                loaded.diagnostics.append(.error(.unreadableFile(path), at: SourceLocation(file: path)))
                return nil
            }
            return AssetFile(relativePath: asset.relativePath, bytes: Array(data))
        }
        loaded.diagnostics += templates.diagnostics + i18n.diagnostics + assets.diagnostics
        return loaded
    }
}

extension Loader {
    /// The pixel sizes of the content files at `paths` that are PNG or JPEG images (the preview
    /// card images pages name); a path that is no content file, or no such image, is left out.
    static func imageSizes(of paths: Set<String>, in assets: [AssetFile]) -> [String: ImageSize] {
        var sizes: [String: ImageSize] = [:]
        for asset in assets where paths.contains(asset.relativePath) {
            let bytes: [UInt8]? = switch asset.source {
            case .memory(let bytes): bytes
            case .disk(let path): FileManager().contents(atPath: path).map { Array($0) }
            }
            if let bytes, let size = ImageSize(image: bytes) { sizes[asset.relativePath] = size }
        }
        return sizes
    }
}

/// The number of cores to spread rendering over. Read once from the system, not from the environment.
enum ProcessInfoCores {
    static var count: Int { ProcessInfo.processInfo.activeProcessorCount }
}
