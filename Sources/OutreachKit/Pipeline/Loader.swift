import Foundation

/// The load phase: reads the content and theme folders and sorts their files by role.
struct Loader {
    var options: BuildOptions

    struct Loaded {
        var siteFile: SourceFile?
        var hotlinesFile: SourceFile?
        var figuresFile: SourceFile?
        var markdownFiles: [SourceFile] = []
        var quizFiles: [SourceFile] = []
        var contentAssets: [AssetFile] = []
        var templates: [SourceFile] = []
        var i18n: [SourceFile] = []
        var themeAssets: [AssetFile] = []
        /// The theme's assets' bytes, by path in the assets folder: a few small files, read here
        /// because the service worker's cache name hashes them and the page weights count them.
        var themeAssetContents: [String: [UInt8]] = [:]
        var diagnostics: [Diagnostic] = []
    }

    func load() -> Loaded {
        var loaded = Loaded()
        let content = FolderReader(root: options.contentFolder) { $0.hasSuffix(".md") || $0.hasSuffix(".yaml") || $0.hasSuffix(".yml") }
        guard FileManager().fileExists(atPath: options.contentFolder) else {
            loaded.diagnostics.append(.error(.missingFile(options.contentFolder), at: SourceLocation(file: options.contentFolder)))
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
            case let path where path.hasSuffix(".md"): loaded.markdownFiles.append(file)
            case let path where path.hasPrefix("quizzes/") && path.hasSuffix(".yaml") && !path.dropFirst(8).contains("/"):
                loaded.quizFiles.append(file)
            default: break  // Data files for later features (quizzes, events) are read by their own phases.
            }
        }
        if loaded.siteFile == nil {
            loaded.diagnostics.append(.error(.missingFile("site.yaml"), at: SourceLocation(file: options.contentFolder + "/site.yaml")))
        }

        let templates = FolderReader(root: options.themeFolder + "/templates") { _ in true }.read()
        let i18n = FolderReader(root: options.themeFolder + "/i18n") { _ in true }.read()
        let assets = FolderReader(root: options.themeFolder + "/assets") { _ in false }.read()
        loaded.templates = templates.textFiles
        loaded.i18n = i18n.textFiles
        loaded.themeAssets = assets.assets
        for asset in assets.assets {
            if let data = FileManager().contents(atPath: asset.absolutePath) {
                loaded.themeAssetContents[asset.relativePath] = Array(data)
            } else {
                loaded.diagnostics.append(.error(.unreadableFile(asset.absolutePath), at: SourceLocation(file: asset.absolutePath)))
            }
        }
        loaded.diagnostics += templates.diagnostics + i18n.diagnostics + assets.diagnostics
        return loaded
    }
}

/// The number of cores to spread rendering over. Read once from the system, not from the environment.
enum ProcessInfoCores {
    static var count: Int { ProcessInfo.processInfo.activeProcessorCount }
}
