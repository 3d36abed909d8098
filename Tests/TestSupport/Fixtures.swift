import Foundation

/// Paths to the repository's test fixtures and built products, shared by the test targets.
public enum Fixtures {
    /// The repository root, found from this file's location.
    public static let repositoryRoot: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// `Tests/Fixtures/<name>`.
    public static func url(_ name: String) -> URL {
        repositoryRoot.appendingPathComponent("Tests/Fixtures").appendingPathComponent(name)
    }

    /// A fresh, empty temporary folder.
    public static func temporaryFolder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("outreach-tests-" + UUID().uuidString)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}

import OutreachKit

extension Fixtures {
    /// Builds a fixture site (`content/`, and `theme/` or the basic fixture's theme) into `output`.
    public static func build(site: URL, output: URL, strict: Bool = false, theme: URL? = nil) async -> BuildReport {
        let theme = theme ?? (FileManager.default.fileExists(atPath: site.appendingPathComponent("theme").path)
            ? site.appendingPathComponent("theme") : url("Sites/basic/theme"))
        let options = BuildOptions(contentFolder: site.appendingPathComponent("content").path,
                                   themeFolder: theme.path, outputFolder: output.path, strict: strict)
        return await SiteBuilder(options: options).build()
    }

    /// Diagnostics as `path:line:column: severity: reason`, with paths relative to `root`, so
    /// expectations name the reason and position rather than the wording of the message.
    public static func describe(_ diagnostics: [Diagnostic], relativeTo root: URL) -> [String] {
        let prefix = root.path.hasSuffix("/") ? root.path : root.path + "/"
        func relative(_ path: String) -> String {
            path.hasPrefix(prefix) ? String(path.dropFirst(prefix.count)) : path
        }
        return diagnostics.map { diagnostic in
            var reason = String(describing: diagnostic.reason)
            reason = reason.replacingOccurrences(of: prefix, with: "")
            let location = diagnostic.location
            return "\(relative(location.file)):\(location.line):\(location.column): \(diagnostic.severity.rawValue): \(reason)"
        }
    }

    /// Every regular file under `folder`, by relative path, with its bytes.
    public static func snapshot(of folder: URL) throws -> [String: Data] {
        var files: [String: Data] = [:]
        let base = folder.resolvingSymlinksInPath().path + "/"
        guard let enumerator = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: [.isRegularFileKey]) else {
            return files
        }
        for case let url as URL in enumerator {
            guard try url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile == true else { continue }
            let path = url.resolvingSymlinksInPath().path
            files[String(path.dropFirst(base.count))] = try Data(contentsOf: url)
        }
        return files
    }
}
