import ArgumentParser
import DefaultTheme
import OutreachKit

/// The folders every command reads, as the same two options everywhere.
struct SiteFolders: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("Folder with site.yaml and the Markdown pages.", valueName: "folder"))
    var content = "content"

    @Option(name: .long, help: ArgumentHelp(
        "Folder with your own theme files; each overrides the built-in theme's file of the same name.",
        valueName: "folder"))
    var theme = "theme"

    /// Options reading these folders over the theme built into the program.
    func options(outputFolder: String = "site") -> BuildOptions {
        BuildOptions(contentFolder: content, themeFolder: theme, outputFolder: outputFolder,
                     builtInTheme: BuiltInTheme(files: DefaultTheme.files))
    }
}
