import ArgumentParser

@main
struct Outreach: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "outreach",
        abstract: "Build a multilingual public-awareness campaign website from a folder of Markdown and YAML.",
        discussion: """
            Write pages as Markdown files in the content folder, then run `outreach build`.
            The finished website appears in the output folder, ready to copy to a web server.
            """,
        subcommands: [Build.self, Check.self, Init.self, New.self, Report.self, Serve.self, Stats.self, ThemeCommand.self, Translations.self],
        defaultSubcommand: Build.self
    )
}
