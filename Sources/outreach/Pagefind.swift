import Foundation
import OutreachKit

/// Runs Pagefind over the finished site in the staging folder: one index per language (from each
/// page's `<html lang>`), of the pages' main content (`data-pagefind-body`), in `/pagefind/`.
///
/// The extended build (PyPI `pagefind[extended]`) segments Chinese and Thai into words, which
/// have no spaces between them. Pagefind writes its language list from a hash map, in a different
/// order on every run; the list is rewritten in sorted order so the same site gives the same bytes.
struct Pagefind: SearchIndexer {
    /// The program and its first arguments: `[/usr/bin/pagefind_extended]` or `[python3, -m, pagefind]`.
    var command: [String]

    /// The file whose language order varies from run to run.
    static let entryFile = "pagefind/pagefind-entry.json"

    func index(siteFolder folder: URL) -> [String] {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: command[0])
        process.arguments = Array(command.dropFirst()) + ["--site", folder.path, "--silent"]
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

    /// The same JSON with its object keys sorted, so the bytes do not depend on hash order.
    static func sortingKeys(of json: Data) throws -> Data {
        let value = try JSONSerialization.jsonObject(with: json)
        return try JSONSerialization.data(withJSONObject: value, options: [.sortedKeys, .withoutEscapingSlashes])
    }
}
