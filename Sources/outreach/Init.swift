import ArgumentParser
import DefaultTheme
import Foundation
import CampaignModel
import OutreachKit

struct Init: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Start a new campaign site in a folder.",
        discussion: """
            Writes content/ with site.yaml, Taiwan's national hotlines, a home page and a help page in
            each language, a short quiz and a poster, all marked as draft translations. The site builds
            at once with the theme built into outreach; 'outreach theme eject' writes that theme out to
            change it. Nothing is ever overwritten.

            Examples:
              outreach init demo
              outreach init --languages en,vi,id --title "Labor Affairs Department"
            """
    )

    @Argument(help: ArgumentHelp("Where to create the site; the current folder by default.", valueName: "folder"))
    var folder = "."

    @Option(name: .long, help: ArgumentHelp("The site's languages, the default first.", valueName: "codes"))
    var languages = SiteStarter.languages.map(\.code.rawValue).joined(separator: ",")

    @Option(name: .long, help: ArgumentHelp("The site's title in its default language.", valueName: "text"))
    var title: String?

    func run() throws {
        let codes: [LanguageCode]
        do throws(SiteStarter.Problem) {
            codes = try SiteStarter.languages(from: languages)
        } catch {
            throw ValidationError(error.description)
        }
        let files = SiteStarter.files(from: StarterSite.files, languages: codes, title: title)
        let root = URL(fileURLWithPath: folder)
        let existing = files.map { root.appendingPathComponent($0.path) }.filter { FileManager.default.fileExists(atPath: $0.path) }
        guard existing.isEmpty else {
            let names = existing.map { String($0.path.dropFirst(root.path.count + 1)) }.joined(separator: ", ")
            FileHandle.standardError.write(Data("""
                error: \(folder) already has a site (\(names)); nothing was written. Choose another folder.

                """.utf8))
            throw ExitCode(1)
        }
        for file in files {
            let url = root.appendingPathComponent(file.path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(file.text.utf8).write(to: url, options: .withoutOverwriting)
        }
        let place = folder == "." ? "" : "cd \(folder) && "
        print("""
            Created a site in \(folder == "." ? "this folder" : folder) (\(files.count) files, languages \(codes.map(\.rawValue).joined(separator: ", "))).
            Build it with:    \(place)outreach build
            Preview it with:  \(place)outreach serve
            Then edit content/site.yaml (the address and title) and the pages in content/.
            """)
    }
}

struct ThemeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "theme",
        abstract: "Work with the theme built into outreach.",
        subcommands: [Eject.self]
    )

    struct Eject: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Write the built-in theme into a folder, to change it.",
            discussion: """
                Files already in the folder are kept: each file of a site's theme folder overrides the
                built-in file of the same name, so a theme folder need only hold what it changes.
                """
        )

        @Option(name: .long, help: ArgumentHelp("The theme folder to write.", valueName: "folder"))
        var theme = "theme"

        func run() throws {
            let root = URL(fileURLWithPath: theme)
            var written = 0
            var kept: [String] = []
            for file in DefaultTheme.files {
                let url = root.appendingPathComponent(file.path)
                if FileManager.default.fileExists(atPath: url.path) {
                    kept.append(file.path)
                    continue
                }
                try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try Data(file.bytes).write(to: url, options: .withoutOverwriting)
                written += 1
            }
            print("Wrote \(written) files of the built-in theme into \(theme)/.")
            if !kept.isEmpty {
                print("Kept your own \(kept.count): \(kept.joined(separator: ", ")).")
            }
        }
    }
}
