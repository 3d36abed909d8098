import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Writes the built site: into a fresh staging folder beside the output, then swaps it in.
///
/// Pages are written to the staging folder as they are rendered, so the whole site never has to
/// sit in memory; the previous site is only replaced once the new one is complete and error-free,
/// so a failed build or a failed write leaves it exactly as it was.
struct SiteWriter: Sendable {
    /// Work to do on the complete new folder before it replaces the old one (printing PDFs);
    /// it returns problems, and any problem stops the swap.
    var finish: @Sendable (URL) -> [String] = { _ in [] }

    let output: URL
    let staging: URL
    private let retired: URL
    /// `staging`'s path, to which each written file's relative path is joined.
    private let stagingPath: String

    init(outputFolder: String) {
        output = URL(fileURLWithPath: outputFolder).standardizedFileURL
        staging = output.deletingLastPathComponent().appendingPathComponent(".\(output.lastPathComponent).outreach-new")
        retired = output.deletingLastPathComponent().appendingPathComponent(".\(output.lastPathComponent).outreach-old")
        stagingPath = staging.path
    }

    /// Creates an empty staging folder, removing one a crashed build may have left.
    func prepare() throws(WriteError) {
        let fileManager = FileManager()
        try? fileManager.removeItem(at: staging)
        do {
            try fileManager.createDirectory(at: staging, withIntermediateDirectories: true)
        } catch {
            throw WriteError(detail: error.localizedDescription)
        }
    }

    /// Writes one file into the staging folder, and its brotli and gzip copies beside it when it is
    /// text (`Precompressed`); returns the copies, or nil. Safe to call from several tasks at once.
    @discardableResult
    func write(_ file: OutputFile) throws(WriteError) -> Precompressed? {
        guard Self.isSafeRelativePath(file.path) else { throw WriteError(detail: "refusing to write '\(file.path)'") }
        let destination = stagingPath + "/" + file.path
        if let slash = file.path.lastIndex(of: "/") {
            try Self.makeFolders(stagingPath + "/" + file.path[..<slash])
        }
        switch file.contents {
        case .text(let text):
            try Self.writeFile(text, to: destination)
            guard Precompressed.applies(to: file.path) else { return nil }
            let copies = Precompressed(text.utf8, effort: file.effort)
            try Self.writeCopies(copies, beside: destination)
            return copies
        case .bytes(let bytes):
            try bytes.withUnsafeBufferPointer { buffer in Result { () throws(WriteError) in try Self.writeBytes(buffer, to: destination) } }.get()
            guard Precompressed.applies(to: file.path) else { return nil }
            let copies = Precompressed(bytes, effort: file.effort)
            try Self.writeCopies(copies, beside: destination)
            return copies
        case .copy(let source):
            do {
                try FileManager().copyItem(atPath: source, toPath: destination)
            } catch {
                throw WriteError(detail: error.localizedDescription)
            }
            guard Precompressed.applies(to: file.path) else { return nil }
            guard let bytes = FileManager().contents(atPath: destination) else {
                throw WriteError(detail: "cannot read \(destination) back to compress it")
            }
            let copies = Precompressed(bytes, effort: file.effort)
            try Self.writeCopies(copies, beside: destination)
            return copies
        }
    }

    /// Writes `copies` beside the file at `path` (`.br`, `.gz`), with its modification time, so
    /// that a server's `Last-Modified` and `ETag` are the same whichever copy it sends.
    static func writeCopies(_ copies: Precompressed, beside path: String, renamingFrom suffix: String? = nil) throws(WriteError) {
        var status = stat()
        guard stat(path, &status) == 0 else { throw WriteError(detail: "cannot read \(path): \(String(cString: strerror(errno)))") }
        let times = [status.st_atim, status.st_mtim]
        for (copy, bytes) in copies.files(beside: path) {
            let target = suffix.map { copy + $0 } ?? copy
            try bytes.withUnsafeBufferPointer { buffer in Result { () throws(WriteError) in try writeBytes(buffer, to: target) } }.get()
            guard utimensat(AT_FDCWD, target, times, 0) == 0 else {
                throw WriteError(detail: "cannot set the time of \(target): \(String(cString: strerror(errno)))")
            }
            if suffix != nil, rename(target, copy) != 0 {
                let problem = String(cString: strerror(errno))
                unlink(target)
                throw WriteError(detail: "cannot replace \(copy): \(problem)")
            }
        }
    }

    /// Creates `path` and any missing folders above it: one `mkdir` when only the last is missing,
    /// which is the case for almost every page (several tasks may race to make the same folder).
    static func makeFolders(_ path: String) throws(WriteError) {
        if mkdir(path, 0o755) == 0 || errno == EEXIST { return }
        guard errno == ENOENT, let slash = path.lastIndex(of: "/"), slash > path.startIndex else {
            throw WriteError(detail: "cannot create \(path): \(String(cString: strerror(errno)))")
        }
        try makeFolders(String(path[..<slash]))
        guard mkdir(path, 0o755) == 0 || errno == EEXIST else {
            throw WriteError(detail: "cannot create \(path): \(String(cString: strerror(errno)))")
        }
    }

    /// Replaces one file of the published output (for `serve`'s edits of a single page): written
    /// beside it, then renamed over it, so a reader never sees half a page.
    func replace(_ file: OutputFile) throws(WriteError) {
        guard Self.isSafeRelativePath(file.path), case .text(let text) = file.contents else {
            throw WriteError(detail: "refusing to replace '\(file.path)'")
        }
        let destination = output.appendingPathComponent(file.path).path
        let temporary = destination + ".outreach-new"
        try Self.writeFile(text, to: temporary)
        guard rename(temporary, destination) == 0 else {
            let problem = String(cString: strerror(errno))
            unlink(temporary)
            throw WriteError(detail: "cannot replace \(destination): \(problem)")
        }
        if Precompressed.applies(to: file.path) {
            try Self.writeCopies(Precompressed(text.utf8), beside: destination, renamingFrom: ".outreach-new")
        }
    }

    /// Runs `finish`, then puts the staging folder in place of the output folder.
    func commit() throws(WriteError) {
        let problems = finish(staging)
        guard problems.isEmpty else {
            discard()
            throw WriteError(detail: problems.joined(separator: "; "))
        }
        let fileManager = FileManager()
        do {
            try? fileManager.removeItem(at: retired)
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
            discard()
            throw WriteError(detail: error.localizedDescription)
        }
    }

    /// Removes the staging folder; the output folder is untouched.
    func discard() {
        try? FileManager().removeItem(at: staging)
    }

    /// Writes without the `fsync` that `Data.write` does: the folder is swapped in whole, so
    /// durability of each file on its own buys nothing, and syncing tens of thousands of pages is slow.
    static func writeFile(_ text: String, to path: String) throws(WriteError) {
        var text = text
        // `withUTF8` and `withUnsafeBufferPointer` rethrow untyped errors: carry the typed one out.
        try text.withUTF8 { buffer in Result { () throws(WriteError) in try writeBytes(buffer, to: path) } }.get()
    }

    /// `writeFile(_:to:)` for bytes.
    static func writeBytes(_ buffer: UnsafeBufferPointer<UInt8>, to path: String) throws(WriteError) {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw WriteError(detail: "cannot create \(path): \(String(cString: strerror(errno)))") }
        defer { close(descriptor) }
        var offset = 0
        while offset < buffer.count, let base = buffer.baseAddress {
            let result = Glibc.write(descriptor, base + offset, buffer.count - offset)
            if result < 0 {
                if errno == EINTR { continue }
                throw WriteError(detail: "cannot write \(path): \(String(cString: strerror(errno)))")
            }
            offset += result
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
