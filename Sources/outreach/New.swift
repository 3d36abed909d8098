import ArgumentParser
import CampaignModel
import Foundation
import OutreachKit

struct New: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Start a new page, event, poster, pamphlet or quiz from a filled-in example.",
        discussion: """
            Examples:
              outreach new page pillars/new-topic
              outreach new event 2022-07-01-airport-leaflets
              outreach new poster call-1955 --lang vi      (the Vietnamese translation of a poster)
            """
    )

    @Argument(help: "What to create: page, event, poster, pamphlet or quiz.")
    var kind: Scaffold.Kind

    @Argument(help: "The file name without .md: lower-case words joined by '-' (for a page, folders allowed).")
    var slug: String

    @Option(name: .long, help: ArgumentHelp("Create the translation into this language (a code from site.yaml).", valueName: "code"))
    var lang: String?

    @Option(name: .long, help: ArgumentHelp("Folder with site.yaml and the Markdown pages.", valueName: "folder"))
    var content = "content"

    func run() throws {
        guard Scaffold.isValid(slug: slug, for: kind) else {
            throw ValidationError("'\(slug)' cannot name a \(kind.rawValue): use letters, digits, '-' and '_'.")
        }
        var language: LanguageCode?
        if lang != nil && kind == .quiz {
            throw ValidationError("A quiz is translated inside its own file: add a line per language to each text.")
        }
        if let lang {
            guard let code = LanguageCode(lang) else { throw ValidationError("'\(lang)' is not a language code such as vi.") }
            language = code
        }
        let defaultLanguage = Scaffold.defaultLanguage(inContentFolder: content) ?? LanguageCode("zh-TW")!
        let path = content + "/" + Scaffold.path(for: kind, slug: slug, language: language)
        guard !FileManager.default.fileExists(atPath: path) else {
            throw ValidationError("\(path) already exists; it was not changed.")
        }
        let department = (try? FileManager.default.contentsOfDirectory(atPath: content + "/departments"))?
            .filter { $0.hasSuffix(".md") && !$0.hasPrefix("_") && $0.split(separator: ".").count == 2 }
            .sorted().first.map { String($0.dropLast(3)) }
        let day = CalendarDay(taiwanDayAt: Int(Date().timeIntervalSince1970))
        let text = Scaffold.text(for: kind, slug: slug, language: language, defaultLanguage: defaultLanguage,
                                 department: department, hotlines: Scaffold.hotlineIDs(inContentFolder: content), today: day)
        try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        print("Created \(path)")
    }
}

extension Scaffold.Kind: ExpressibleByArgument {}
