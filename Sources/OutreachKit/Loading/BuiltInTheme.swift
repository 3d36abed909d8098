/// A theme held in memory, such as the default theme built into the `outreach` program. A site's
/// own theme folder overrides it file by file.
public struct BuiltInTheme: Sendable {
    /// The files, by path inside the theme folder (`templates/base.mustache`).
    public var files: [(path: String, bytes: [UInt8])]

    /// How built-in files are named in diagnostics, in place of a folder on disk.
    public static let displayFolder = "(built-in theme)"

    public init(files: [(path: String, bytes: [UInt8])]) {
        self.files = files.sorted { $0.path < $1.path }
    }

    /// The files under `folder` (`templates`), with paths relative to it, that `existing` lacks.
    func files(under folder: String, notIn existing: Set<String>) -> [(relativePath: String, bytes: [UInt8])] {
        files.compactMap { file in
            guard file.path.hasPrefix(folder + "/") else { return nil }
            let relative = String(file.path.dropFirst(folder.count + 1))
            return existing.contains(relative) || relative.split(separator: "/").contains(where: { $0.hasPrefix(".") })
                ? nil : (relative, file.bytes)
        }
    }
}
