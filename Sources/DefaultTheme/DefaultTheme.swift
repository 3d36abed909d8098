import Foundation

/// The theme built into `outreach`: the repository's `theme/` folder at the time the program was
/// built (templates, UI strings and assets), used for any file a site's own theme does not have.
public enum DefaultTheme {
    /// Every file, by its path inside the theme folder (`templates/base.mustache`), in path order.
    public static var files: [(path: String, bytes: [UInt8])] { EmbeddedFiles.files(under: "theme") }
}

/// The site `outreach init` starts from: the repository's `starter/` folder, with every page in
/// every language (`help.vi.md`) and every text in every language, for `SiteStarter` to narrow down.
public enum StarterSite {
    /// Every file, by its path inside the starter folder (`content/help.en.md`), in path order.
    public static var files: [(path: String, bytes: [UInt8])] { EmbeddedFiles.files(under: "starter") }
}

extension EmbeddedFiles {
    /// The files under `folder`, with paths relative to it.
    static func files(under folder: String) -> [(path: String, bytes: [UInt8])] {
        base64Files.compactMap { file in
            guard file.path.hasPrefix(folder + "/") else { return nil }
            return (String(file.path.dropFirst(folder.count + 1)), [UInt8](Data(base64Encoded: file.base64) ?? Data()))
        }
    }
}
