import Foundation
import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// Reports which files under some folders changed: with inotify where the system has it, else by
/// comparing snapshots twice a second (which works on every file system, network shares included).
///
/// Each report is a set of paths, the folder joined with the file's relative path, gathered until
/// the folders have been quiet for a moment, so an editor's save (write, rename) is one report.
struct FolderWatcher: Sendable {
    var folders: [String]

    /// Change reports, until the task that iterates them is cancelled.
    func changes() -> AsyncStream<Set<String>> {
        #if canImport(Glibc)
        if let stream = InotifyWatch(folders: folders)?.changes() { return stream }
        #endif
        return pollingChanges()
    }

    private func pollingChanges() -> AsyncStream<Set<String>> {
        let folders = folders
        return AsyncStream { continuation in
            let task = Task {
                var last = FolderSnapshot(folders: folders)
                while !Task.isCancelled {
                    try? await Task.sleep(for: .milliseconds(500))
                    let now = FolderSnapshot(folders: folders)
                    let changed = now.changedPaths(since: last)
                    last = now
                    if !changed.isEmpty { continuation.yield(changed) }
                }
                continuation.finish()
            }
            continuation.onTermination = { _ in task.cancel() }
        }
    }

    /// Editors' scratch files (`.page.md.swp`, `page.md~`, Vim's `4913` probe) are not content.
    static func isScratch(_ name: Substring) -> Bool {
        name.hasPrefix(".") || name.hasSuffix("~") || name == "4913"
    }
}

/// Modification times and sizes of every file in some folders, to notice edits by polling.
struct FolderSnapshot: Equatable {
    var entries: [String: [Double]] = [:]

    init(folders: [String]) {
        let fileManager = FileManager.default
        for folder in folders {
            guard let walker = fileManager.enumerator(atPath: folder) else { continue }
            while let relative = walker.nextObject() as? String {
                guard let name = relative.split(separator: "/").last, !FolderWatcher.isScratch(name) else { continue }
                let path = folder + "/" + relative
                guard let attributes = try? fileManager.attributesOfItem(atPath: path) else { continue }
                let modified = (attributes[.modificationDate] as? Date)?.timeIntervalSince1970 ?? 0
                let size = Double((attributes[.size] as? Int) ?? 0)
                entries[path] = [modified, size]
            }
        }
    }

    /// Paths added, removed or changed between `earlier` and this snapshot.
    func changedPaths(since earlier: FolderSnapshot) -> Set<String> {
        Set(entries.keys.filter { earlier.entries[$0] != entries[$0] })
            .union(earlier.entries.keys.filter { entries[$0] == nil })
    }
}

#if canImport(Glibc)
/// Linux inotify over every folder below the watched ones. The only user of the inotify calls.
private final class InotifyWatch: @unchecked Sendable {
    // `folderOfWatch` is touched by `init`, then only by the reading thread.
    private let descriptor: Int32
    private let stopped = Atomic<Bool>(false)
    private var folderOfWatch: [Int32: String] = [:]
    private static let mask = UInt32(IN_CLOSE_WRITE | IN_MOVED_TO | IN_MOVED_FROM | IN_CREATE | IN_DELETE | IN_DELETE_SELF)

    init?(folders: [String]) {
        descriptor = inotify_init1(Int32(IN_CLOEXEC))
        guard descriptor >= 0 else { return nil }
        for folder in folders where !addWatches(under: folder) {
            close(descriptor)
            return nil
        }
    }

    /// Watches `folder` and every folder inside it; false when the system refuses (too many watches).
    private func addWatches(under folder: String) -> Bool {
        var pending = [folder]
        while let next = pending.popLast() {
            let watch = inotify_add_watch(descriptor, next, Self.mask)
            guard watch >= 0 else { return errno == ENOENT }
            folderOfWatch[watch] = next
            let names = (try? FileManager.default.contentsOfDirectory(atPath: next)) ?? []
            for name in names where !name.hasPrefix(".") {
                var isFolder: ObjCBool = false
                let path = next + "/" + name
                if FileManager.default.fileExists(atPath: path, isDirectory: &isFolder), isFolder.boolValue { pending.append(path) }
            }
        }
        return true
    }

    func changes() -> AsyncStream<Set<String>> {
        AsyncStream { continuation in
            // A blocking read belongs on a thread of its own, not on one of the concurrency pool's.
            let thread = Thread { self.read(into: continuation) }
            thread.start()
            continuation.onTermination = { _ in self.stopped.store(true, ordering: .relaxed) }
        }
    }

    private func read(into continuation: AsyncStream<Set<String>>.Continuation) {
        defer {
            close(descriptor)
            continuation.finish()
        }
        var buffer = [UInt8](repeating: 0, count: 64 * 1024)
        var changed: Set<String> = []
        while !stopped.load(ordering: .relaxed) {
            // After the first event, gather until 50 ms pass without one.
            var poller = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
            let ready = poll(&poller, 1, changed.isEmpty ? 500 : 50)
            if ready < 0 && errno == EINTR { continue }
            if ready < 0 || poller.revents & Int16(POLLNVAL | POLLERR) != 0 { return }
            if ready == 0 {
                if !changed.isEmpty { continuation.yield(changed) }
                changed = []
                continue
            }
            let count = buffer.withUnsafeMutableBytes { Glibc.read(descriptor, $0.baseAddress, $0.count) }
            guard count > 0 else {
                if count < 0 && errno == EINTR { continue }
                return
            }
            buffer.withUnsafeBytes { bytes in
                var offset = 0
                while offset + 16 <= count {
                    let watch = bytes.load(fromByteOffset: offset, as: Int32.self)
                    let mask = bytes.load(fromByteOffset: offset + 4, as: UInt32.self)
                    let length = Int(bytes.load(fromByteOffset: offset + 12, as: UInt32.self))
                    let nameBytes = bytes[(offset + 16)..<(offset + 16 + length)].prefix { $0 != 0 }
                    offset += 16 + length
                    if mask & UInt32(IN_Q_OVERFLOW) != 0, let first = folderOfWatch.values.min() {
                        changed.insert(first)  // Events were lost: report a folder, which rebuilds everything.
                        continue
                    }
                    guard let folder = folderOfWatch[watch] else { continue }
                    let name = String(decoding: nameBytes, as: UTF8.self)
                    if name.isEmpty || FolderWatcher.isScratch(name[...]) { continue }
                    let path = folder + "/" + name
                    if mask & UInt32(IN_ISDIR) != 0, mask & UInt32(IN_CREATE | IN_MOVED_TO) != 0 {
                        _ = addWatches(under: path)
                    }
                    changed.insert(path)
                }
            }
        }
    }
}
#endif
