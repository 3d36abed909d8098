import ArgumentParser

/// The folders every command reads, as the same two options everywhere.
struct SiteFolders: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("Folder with site.yaml and the Markdown pages.", valueName: "folder"))
    var content = "content"

    @Option(name: .long, help: ArgumentHelp("Folder with the theme's templates, UI strings and assets.", valueName: "folder"))
    var theme = "theme"
}
