import ArgumentParser
import Foundation
import OutreachKit

struct Serve: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Preview the site at http://127.0.0.1:1313/ while you write; pages reload when you save.",
        discussion: """
            Builds the site, serves it on this computer only, and rebuilds whenever a file in the
            content or theme folder changes. Open browser tabs reload by themselves. If a file has a
            mistake, the browser shows it (file, line, column) and the last good site stays served.
            Press Ctrl-C to stop.
            """
    )

    @Option(name: .long, help: "Port to serve on.")
    var port: UInt16 = 1313

    @OptionGroup var folders: SiteFolders

    @Option(name: .long, help: ArgumentHelp("Folder to build the preview into.", valueName: "folder"))
    var output = ".build/preview-site"

    @Flag(name: .long, help: "Include pages marked `draft: true`.")
    var drafts = false

    func run() async throws {
        var options = folders.options(outputFolder: output)
        options.baseURL = "http://127.0.0.1:\(port)/"
        options.includeDrafts = drafts
        options.today = Environment.sourceDateEpochDay()
        let preview = PreviewServer(options: options, port: port, watched: [folders.content, folders.theme])
        try await preview.run()
    }
}
