import Foundation
#if canImport(Glibc)
import Glibc
#endif

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
                    try Self.writeFile(text, to: destination.path)
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

    /// Writes without the `fsync` that `Data.write` does: the folder is swapped in whole, so
    /// durability of each file on its own buys nothing, and syncing tens of thousands of pages is slow.
    static func writeFile(_ text: String, to path: String) throws(WriteError) {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw WriteError(detail: "cannot create \(path): \(String(cString: strerror(errno)))") }
        defer { close(descriptor) }
        var text = text
        let written = text.withUTF8 { buffer -> Int in
            guard let base = buffer.baseAddress else { return 0 }
            var offset = 0
            while offset < buffer.count {
                let result = Glibc.write(descriptor, base + offset, buffer.count - offset)
                if result < 0 {
                    if errno == EINTR { continue }
                    return -1
                }
                offset += result
            }
            return offset
        }
        guard written == text.utf8.count else { throw WriteError(detail: "cannot write \(path): \(String(cString: strerror(errno)))") }
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
