import Foundation
import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// Reads a folder's files in sorted order, refusing links that lead outside it.
///
/// This is the only place that reads content and theme files. Text files must be UTF-8; a
/// byte-order mark is dropped and CRLF line endings are normalised to LF so positions match
/// what an editor shows.
struct FolderReader {
    /// The folder, as given by the user (used for display paths).
    var root: String
    /// Which files are read as text; every other file becomes an asset.
    var isText: (String) -> Bool

    struct Contents {
        var textFiles: [SourceFile] = []
        var assets: [AssetFile] = []
        var diagnostics: [Diagnostic] = []
    }

    func read() -> Contents {
        var contents = Contents()
        let rootURL = URL(fileURLWithPath: root).standardizedFileURL
        let realRoot = rootURL.resolvingSymlinksInPath().path
        var textPaths: [(relative: String, absolute: String)] = []
        var pending = [""]
        while let folder = pending.popLast() {
            let folderPath = folder.isEmpty ? rootURL.path : rootURL.path + "/" + folder
            guard let entries = Self.entries(of: folderPath) else {
                let problem = String(cString: strerror(errno))
                contents.diagnostics.append(.error(.unreadableFile("\(folderPath): \(problem)"),
                                                   at: SourceLocation(file: display(folder))))
                continue
            }
            var subfolders: [String] = []
            for (name, entryType) in entries where !name.hasPrefix(".") {
                let relative = folder.isEmpty ? name : folder + "/" + name
                let absolute = folderPath + "/" + name
                var type = entryType
                if type == nil {
                    var info = stat()
                    guard lstat(absolute, &info) == 0 else { continue }
                    type = info.st_mode & S_IFMT
                }
                // Only a link can lead out of the folder: everything else was reached through
                // folders already inside it.
                if type == S_IFLNK {
                    if let outside = Self.resolvedOutside(absolute, realRoot: realRoot) {
                        contents.diagnostics.append(.error(.symlinkOutsideContent(outside),
                                                           at: SourceLocation(file: display(relative))))
                        continue
                    }
                    var info = stat()
                    guard stat(absolute, &info) == 0 else { continue }
                    type = info.st_mode & S_IFMT
                }
                if type == S_IFDIR {
                    subfolders.append(relative)
                } else if type != S_IFREG {
                    continue  // A pipe or device is not content (and reading a pipe would wait forever).
                } else if isText(relative) {
                    textPaths.append((relative, absolute))
                } else {
                    contents.assets.append(AssetFile(relativePath: relative, absolutePath: absolute))
                }
            }
            // Depth-first, in name order: push reversed so the first name is visited first.
            pending.append(contentsOf: subfolders.reversed())
        }
        for result in Self.readInParallel(textPaths.map { ($0.relative, $0.absolute, display($0.relative)) }) {
            switch result {
            case .success(let file): contents.textFiles.append(file)
            case .failure(let diagnostic): contents.diagnostics.append(diagnostic)
            }
        }
        contents.textFiles.sort { $0.relativePath < $1.relativePath }
        contents.assets.sort { $0.relativePath < $1.relativePath }
        return contents
    }

    /// The names in a folder, sorted, each with its type (`S_IFREG`, `S_IFDIR`, `S_IFLNK`...) when
    /// the file system says it while listing, so most entries need no `lstat` of their own (a
    /// large site has tens of thousands); nil when the folder cannot be read (see `errno`).
    private static func entries(of folderPath: String) -> [(name: String, type: mode_t?)]? {
        guard let directory = opendir(folderPath) else { return nil }
        defer { closedir(directory) }
        var entries: [(name: String, type: mode_t?)] = []
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { String(cString: $0.bindMemory(to: CChar.self).baseAddress!) }
            guard name != ".", name != ".." else { continue }
            let type: mode_t? = switch Int32(entry.pointee.d_type) {
            case Int32(DT_REG): S_IFREG
            case Int32(DT_DIR): S_IFDIR
            case Int32(DT_LNK): S_IFLNK
            case Int32(DT_UNKNOWN): nil
            default: S_IFIFO  // a pipe, socket or device: skipped as not content
            }
            entries.append((name, type))
        }
        return entries.sorted { $0.name < $1.name }
    }

    /// Reads files on every core (reading is mostly waiting for the system); results in `paths` order.
    private static func readInParallel(_ paths: [(relative: String, absolute: String, display: String)]) -> [Result<SourceFile, Diagnostic>] {
        let chunkSize = 256
        let chunkCount = (paths.count + chunkSize - 1) / chunkSize
        let chunks = Mutex([[Result<SourceFile, Diagnostic>]](repeating: [], count: chunkCount))
        DispatchQueue.concurrentPerform(iterations: chunkCount) { chunk in
            let range = (chunk * chunkSize)..<min(paths.count, (chunk + 1) * chunkSize)
            let results = paths[range].map { readText(relative: $0.relative, absolute: $0.absolute, display: $0.display) }
            chunks.withLock { $0[chunk] = results }
        }
        return chunks.withLock { $0.flatMap { $0 } }
    }

    /// Reads one text file again (after an edit, for `serve`), with the checks of a full read.
    func readText(_ relative: String) -> Result<SourceFile, Diagnostic> {
        let rootURL = URL(fileURLWithPath: root).standardizedFileURL
        let absolute = rootURL.path + "/" + relative
        if let outside = Self.resolvedOutside(absolute, realRoot: rootURL.resolvingSymlinksInPath().path) {
            return .failure(.error(.symlinkOutsideContent(outside), at: SourceLocation(file: display(relative))))
        }
        return Self.readText(relative: relative, absolute: absolute, display: display(relative))
    }

    /// Where `absolute` really leads, when that is outside the folder whose real path is `realRoot`.
    private static func resolvedOutside(_ absolute: String, realRoot: String) -> String? {
        let resolved = URL(fileURLWithPath: absolute).resolvingSymlinksInPath().path
        return resolved == realRoot || resolved.hasPrefix(realRoot + "/") ? nil : resolved
    }

    private static func readText(relative: String, absolute: String, display: String) -> Result<SourceFile, Diagnostic> {
        guard let data = contents(of: absolute) else {
            return .failure(.error(.unreadableFile(relative), at: SourceLocation(file: display)))
        }
        // Look for CR in the bytes (memchr), not the string: a byte loop over String.UTF8View
        // cost a percent of a large site's build.
        let hasCarriageReturn = data.withUnsafeBytes { $0.count > 0 && memchr($0.baseAddress!, 0x0D, $0.count) != nil }
        guard var text = String(validating: data, as: UTF8.self) else {
            return .failure(.error(.invalidUTF8, at: SourceLocation(file: display)))
        }
        if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
        if hasCarriageReturn {
            text = text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
        }
        return .success(SourceFile(relativePath: relative, displayPath: display, text: text))
    }

    /// The bytes of a file, read with POSIX calls into a buffer sized from `fstat`. (FileManager's
    /// contents(atPath:) leaks a 4 KiB buffer for an empty file in this Foundation; AddressSanitizer's
    /// leak check found it.)
    static func contents(of path: String) -> [UInt8]? {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var status = stat()
        let expected = fstat(descriptor, &status) == 0 ? max(Int(status.st_size), 0) : 0
        // One byte more than expected, so a file that grew since `fstat` is noticed and read on.
        var bytes = [UInt8](repeating: 0, count: expected + 1)
        var filled = 0
        while true {
            if filled == bytes.count { bytes.append(contentsOf: repeatElement(0, count: max(bytes.count, 4096))) }
            let count = bytes.withUnsafeMutableBytes { buffer in
                Glibc.read(descriptor, buffer.baseAddress! + filled, buffer.count - filled)
            }
            if count < 0 {
                if errno == EINTR { continue }
                return nil
            }
            if count == 0 {
                bytes.removeSubrange(filled...)
                return bytes
            }
            filled += count
        }
    }

    private func display(_ relative: String) -> String {
        let base = root.hasSuffix("/") ? String(root.dropLast()) : root
        return relative.isEmpty ? base : base + "/" + relative
    }
}
