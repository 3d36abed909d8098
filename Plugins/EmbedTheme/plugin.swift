import Foundation
import PackagePlugin

/// Builds the repository's `theme/` (the default theme) and `starter/` (what `outreach init`
/// writes) folders into the program: every file becomes part of a generated Swift source, so
/// `outreach` alone can start and build a site.
///
/// The file list is read again on every build, so adding or removing a file needs no step.
@main
struct EmbedTheme: BuildToolPlugin {
    static let folders = ["theme", "starter"]

    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        let root = context.package.directoryURL
        let output = context.pluginWorkDirectoryURL.appendingPathComponent("EmbeddedFiles.swift")
        var inputs: [URL] = []
        for folder in Self.folders {
            let url = root.appendingPathComponent(folder)
            guard let walker = FileManager.default.enumerator(at: url, includingPropertiesForKeys: [.isRegularFileKey],
                                                              options: [.skipsHiddenFiles]) else { continue }
            for case let file as URL in walker where (try? file.resourceValues(forKeys: [.isRegularFileKey]))?.isRegularFile == true {
                inputs.append(file)
            }
        }
        return [.buildCommand(displayName: "Embedding the default theme and the starter site (\(inputs.count) files)",
                              executable: try context.tool(named: "ThemeEmbedder").url,
                              arguments: [root.path, output.path] + Self.folders,
                              inputFiles: inputs.sorted { $0.path < $1.path },
                              outputFiles: [output])]
    }
}
