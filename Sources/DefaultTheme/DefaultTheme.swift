import Foundation

/// The theme built into `outreach`: the repository's `theme/` folder at the time the program was
/// built (templates, UI strings and assets), used for any file a site's own theme does not have.
public enum DefaultTheme {
    /// Every file, by its path inside the theme folder (`templates/base.mustache`), in path order.
    public static var files: [(path: String, bytes: [UInt8])] {
        base64Files.map { file in (file.path, [UInt8](Data(base64Encoded: file.base64) ?? Data())) }
    }
}
