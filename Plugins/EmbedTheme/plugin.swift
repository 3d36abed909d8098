import Foundation
import PackagePlugin

/// Builds the repository's `theme/` folder into the program: every file becomes part of a
/// generated Swift source, so `outreach` can build a site that has no theme of its own.
///
/// The file list is read again on every build, so adding or removing a theme file needs no step.
@main
struct EmbedTheme: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        let theme = context.package.directoryURL.appendingPathComponent("theme")
        let output = context.pluginWorkDirectoryURL.appendingPathComponent("EmbeddedTheme.swift")
        var inputs: [URL] = []
        if let walker = FileManager.default.enumerator(at: theme, includingPropertiesForKeys: [.isRegularFileKey],
                                                       options: [.skipsHiddenFiles]) {
            for case let url as URL in walker where (try? url.resourceValues(forKeys: [.isRegularFileKey]))?.isRegularFile == true {
                inputs.append(url)
            }
        }
        return [.buildCommand(displayName: "Embedding the default theme (\(inputs.count) files)",
                              executable: try context.tool(named: "ThemeEmbedder").url,
                              arguments: [theme.path, output.path],
                              inputFiles: inputs.sorted { $0.path < $1.path },
                              outputFiles: [output])]
    }
}
