import Foundation

/// Writes the built site: into a fresh folder beside the output, then swaps it in.
///
/// The previous site is only removed once the new one is complete, so a failed build or a
/// failed write leaves it exactly as it was.
struct SiteWriter {
    var outputFolder: String

    /// Work to do on the complete new folder before it replaces the old one (printing PDFs);
    /// it returns problems, and any problem stops the swap.
    var finish: @Sendable (URL) -> [String] = { _ in [] }

    func write(_ files: [OutputFile]) throws(WriteError) {
        let fileManager = FileManager()
        let output = URL(fileURLWithPath: outputFolder).standardizedFileURL
        let parent = output.deletingLastPathComponent()
        let staging = parent.appendingPathComponent(".\(output.lastPathComponent).outreach-new")
        let retired = parent.appendingPathComponent(".\(output.lastPathComponent).outreach-old")
        do {
            try? fileManager.removeItem(at: staging)
            try? fileManager.removeItem(at: retired)
            try fileManager.createDirectory(at: staging, withIntermediateDirectories: true)
            var createdFolders: Set<String> = []
            for file in files {
                guard Self.isSafeRelativePath(file.path) else { throw WriteError(detail: "refusing to write '\(file.path)'") }
                let destination = staging.appendingPathComponent(file.path)
                let folder = destination.deletingLastPathComponent().path
                if createdFolders.insert(folder).inserted {
                    try fileManager.createDirectory(atPath: folder, withIntermediateDirectories: true)
                }
                switch file.contents {
                case .text(let text):
                    try Data(text.utf8).write(to: destination)
                case .copy(let source):
                    try fileManager.copyItem(atPath: source, toPath: destination.path)
                }
            }
            let problems = finish(staging)
            if !problems.isEmpty { throw WriteError(detail: problems.joined(separator: "; ")) }
        } catch let error as WriteError {
            try? fileManager.removeItem(at: staging)
            throw error
        } catch {
            try? fileManager.removeItem(at: staging)
            throw WriteError(detail: error.localizedDescription)
        }
        do {
            if fileManager.fileExists(atPath: output.path) {
                try fileManager.moveItem(at: output, to: retired)
            }
            do {
                try fileManager.moveItem(at: staging, to: output)
            } catch {
                try? fileManager.moveItem(at: retired, to: output)
                throw error
            }
            try? fileManager.removeItem(at: retired)
        } catch {
            try? fileManager.removeItem(at: staging)
            throw WriteError(detail: error.localizedDescription)
        }
    }

    /// A relative path with no `..`, no empty or `.` parts and no leading `/`.
    static func isSafeRelativePath(_ path: String) -> Bool {
        guard !path.isEmpty, !path.hasPrefix("/"), !path.contains("\\"), !path.contains("\0") else { return false }
        return path.split(separator: "/", omittingEmptySubsequences: false).allSatisfy { !$0.isEmpty && $0 != "." && $0 != ".." }
    }

    struct WriteError: Error {
        var detail: String
    }
}
