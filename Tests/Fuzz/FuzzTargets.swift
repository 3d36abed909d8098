import CampaignModel
import Foundation
@testable import OutreachKit

/// Fuzz targets for the parsers that read untrusted content: the front-matter splitter (with the
/// YAML and page parsing behind it), the quiz-bank parser and the Markdown wrapper.
///
/// Built with `-sanitize=fuzzer` and `-DFUZZING` (see `make fuzz`), libFuzzer drives the target
/// named by `OUTREACH_FUZZ_TARGET`. Built normally, `outreach-fuzz <target> <files...>` replays
/// inputs, so crashers found once are kept as regression fixtures and replayed by `make test`.
enum FuzzTarget: String, CaseIterable, Sendable {
    case frontMatter = "front-matter"
    case quiz
    case markdown

    /// Runs one input; returns normally for every input, valid or not. A crash is a bug.
    func exercise(_ data: Data) {
        let text = String(decoding: data, as: UTF8.self)
        switch self {
        case .frontMatter:
            var diagnostics: [Diagnostic] = []
            let file = SourceFile(relativePath: "events/fuzz.vi.md", displayPath: "content/events/fuzz.vi.md", text: text)
            if let page = PageSource.parse(file, key: "events/fuzz", language: Self.config.defaultLanguage,
                                           isTranslation: false, diagnostics: &diagnostics) {
                _ = CommonMark.render(page.body)
            }
            _ = diagnostics.map(\.description)
        case .quiz:
            var diagnostics: [Diagnostic] = []
            let file = SourceFile(relativePath: "quizzes/fuzz.yaml", displayPath: "content/quizzes/fuzz.yaml", text: text)
            if let quiz = Quiz.parse(file, config: Self.config, diagnostics: &diagnostics) {
                _ = quiz.sets
                _ = QuizView(quiz: quiz, set: 1, language: Self.config.defaultLanguage, config: Self.config, strings: [:]).view(sets: [])
            }
            _ = diagnostics.map(\.description)
        case .markdown:
            var links = 0
            _ = CommonMark.render(text, options: .init(allowsUnsafeHTML: false, headingIDPrefix: "f-")) { link in
                links += 1
                return links % 2 == 0 ? "/rewritten/" : nil
            }
        }
    }

    static let config: SiteConfig = {
        let languages = ["zh-TW", "en", "vi"].map { Language(code: LanguageCode($0)!, name: $0) }
        return SiteConfig(title: Localized([languages[0].code: "Fuzz"]), baseURL: "https://fuzz.example.org/",
                          defaultLanguage: languages[0].code, languages: languages, allowsUnsafeHTML: false)
    }()
}

#if FUZZING
/// The target libFuzzer drives, chosen once from the environment.
let fuzzTarget = FuzzTarget(rawValue: ProcessInfo.processInfo.environment["OUTREACH_FUZZ_TARGET"] ?? "") ?? .markdown

/// The function libFuzzer calls with each input.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ bytes: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    fuzzTarget.exercise(bytes.map { Data(bytes: $0, count: count) } ?? Data())
    return 0
}

/// libFuzzer's entry point for programs that have their own `main` (SwiftPM gives every
/// executable one, so libFuzzer's own `main` is never linked in).
@_silgen_name("LLVMFuzzerRunDriver")
func runFuzzerDriver(_ argc: UnsafeMutablePointer<CInt>,
                     _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>>,
                     _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt) -> CInt

@main
struct Fuzz {
    static func main() {
        var argc = CommandLine.argc
        var argv = CommandLine.unsafeArgv
        let status = runFuzzerDriver(&argc, &argv) { bytes, count in fuzzOneInput(bytes, count) }
        exit(status)
    }
}
#else
@main
struct Replay {
    /// `outreach-fuzz <target> <file or folder>...`: runs every input through the target.
    static func main() {
        let arguments = Array(CommandLine.arguments.dropFirst())
        guard let name = arguments.first, let target = FuzzTarget(rawValue: name) else {
            print("usage: outreach-fuzz \(FuzzTarget.allCases.map(\.rawValue).joined(separator: "|")) <file or folder>...")
            exit(2)
        }
        var count = 0
        for path in arguments.dropFirst() {
            var isFolder: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else {
                print("outreach-fuzz: no such file or folder: \(path)")
                exit(2)
            }
            let files = isFolder.boolValue
                ? ((try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []).sorted().map { path + "/" + $0 }
                : [path]
            for file in files {
                guard let data = FileManager.default.contents(atPath: file) else { continue }
                target.exercise(data)
                count += 1
            }
        }
        print("replayed \(count) inputs through \(target.rawValue) without a crash")
    }
}
#endif
