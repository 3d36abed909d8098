import Foundation
import OutreachKit

/// Runs Pagefind over the finished site in the staging folder: one index per language (from each
/// page's `<html lang>`), of the pages' main content (`data-pagefind-body`), in `/pagefind/`.
///
/// The extended build (PyPI `pagefind[extended]`) is preferred. Pages in Chinese, Japanese and
/// Thai are indexed from a copy in which every character of those scripts is a word of its own
/// (`SpacedText`), because Pagefind cuts them into words differently when indexing and when
/// searching; the published pages are not changed. Pagefind writes its language list from a hash
/// map, in a different order on every run; the list is rewritten sorted so that the same site
/// gives the same bytes.
struct Pagefind: SearchIndexer {
    /// The program and its first arguments: `[/usr/bin/pagefind_extended]` or `[python3, -m, pagefind]`.
    var command: [String]

    /// The file whose language order varies from run to run.
    static let entryFile = "pagefind/pagefind-entry.json"

    func index(siteFolder folder: URL) -> [String] {
        let copy = folder.deletingLastPathComponent().appendingPathComponent("." + folder.lastPathComponent + "-search")
        defer { try? FileManager.default.removeItem(at: copy) }
        do {
            try Self.writeIndexCopy(of: folder, to: copy)
        } catch {
            return ["cannot prepare the pages for indexing: \(error.localizedDescription)"]
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: command[0])
        process.arguments = Array(command.dropFirst())
            + ["--site", copy.path, "--output-path", folder.appendingPathComponent("pagefind").path, "--silent"]
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = FileHandle.nullDevice
        do {
            try process.run()
        } catch {
            return ["\(command.joined(separator: " ")): \(error.localizedDescription)"]
        }
        let message = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            let last = message.split(separator: "\n").last.map(String.init) ?? ""
            return ["pagefind exited with status \(process.terminationStatus): \(last)"]
        }
        let entry = folder.appendingPathComponent(Self.entryFile)
        do {
            let data = try Data(contentsOf: entry)
            try Self.sortingKeys(of: data).write(to: entry)
        } catch {
            return ["cannot read \(Self.entryFile): \(error.localizedDescription)"]
        }
        return []
    }

    /// The site's HTML files as Pagefind should read them, in `copy`: pages in Chinese, Japanese
    /// or Thai with their characters spaced, the others hard-linked as they are.
    static func writeIndexCopy(of folder: URL, to copy: URL) throws {
        let fileManager = FileManager.default
        try? fileManager.removeItem(at: copy)
        guard let walk = fileManager.enumerator(atPath: folder.path) else { return }
        while let relative = walk.nextObject() as? String {
            guard relative.hasSuffix(".html") else { continue }
            let source = folder.appendingPathComponent(relative)
            let target = copy.appendingPathComponent(relative)
            try fileManager.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
            let html = try String(contentsOf: source, encoding: .utf8)
            if let language = documentLanguage(of: html), SpacedText.applies(toLanguage: language) {
                try Data(SpacedText.spaced(html).utf8).write(to: target)
            } else if link(source.path, target.path) != 0 {
                // A hard link costs no copy; Pagefind only reads. Another file system: copy.
                try fileManager.copyItem(at: source, to: target)
            }
        }
    }

    /// The `lang` of a page's `<html>` element, as the theme writes it (`<html lang="zh-TW"`).
    static func documentLanguage(of html: String) -> String? {
        guard let start = html.range(of: "<html lang=\"") else { return nil }
        guard let end = html[start.upperBound...].firstIndex(of: "\"") else { return nil }
        return String(html[start.upperBound..<end])
    }

    /// The same JSON with its object keys sorted, so the bytes do not depend on hash order.
    static func sortingKeys(of json: Data) throws -> Data {
        let value = try JSONSerialization.jsonObject(with: json)
        return try JSONSerialization.data(withJSONObject: value, options: [.sortedKeys, .withoutEscapingSlashes])
    }
}
