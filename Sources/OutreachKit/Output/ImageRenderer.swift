import Foundation

/// Takes screenshots of pages with headless Chromium, so every poster is also an image to post.
///
/// Like `PDFPrinter`, it runs on the finished staging folder before the swap: a failed shot fails
/// the build and leaves the published site as it was. Each shot is one Chromium process
/// (`--screenshot` takes one page); a few run at once.
public struct ImageRenderer: Sendable {
    /// Absolute path of Chromium, found by the caller (the engine does not search `PATH`).
    public var executable: String
    /// How many Chromium processes run at once.
    public var concurrency: Int

    public init(executable: String, concurrency: Int = 2) {
        self.executable = executable
        self.concurrency = max(1, concurrency)
    }

    /// One screenshot: the page to open and the PNG to write, both inside the folder, at a size in pixels.
    struct Shot: Sendable {
        var page: String
        var image: String
        var width: Int
        var height: Int
    }

    /// The command line of one shot. A window of exactly the image's size at a device scale of 1
    /// gives an image of exactly that many pixels; no scrollbars; a throwaway profile per process
    /// so that shots running at once do not share one.
    func arguments(for shot: Shot, in folder: URL, profile: URL) -> [String] {
        ["--headless=new", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--force-device-scale-factor=1",
         "--no-first-run", "--no-default-browser-check", "--disable-extensions", "--mute-audio",
         "--user-data-dir=\(profile.path)",
         "--window-size=\(shot.width),\(shot.height)",
         "--screenshot=\(folder.appendingPathComponent(shot.image).path)",
         folder.appendingPathComponent(shot.page).absoluteString]
    }

    /// Takes every shot, `concurrency` at a time; returns the shots that failed, with Chromium's
    /// last words. Synchronous, like the rest of the finish step: the processes of a batch run side
    /// by side while this waits for each in turn (their messages go to files, so none can block
    /// on a full pipe meanwhile).
    func render(_ shots: [Shot], in folder: URL) -> [(image: String, problem: String)] {
        let fileManager = FileManager()
        let scratch = fileManager.temporaryDirectory
            .appendingPathComponent("outreach-chromium-\(ProcessInfo.processInfo.processIdentifier)-\(UInt64.random(in: 0...UInt64.max))")
        defer { try? fileManager.removeItem(at: scratch) }
        var failures: [(String, String)] = []
        var start = 0
        while start < shots.count {
            let batch = shots[start..<min(start + concurrency, shots.count)]
            start += batch.count
            var running: [(shot: Shot, process: Process?, log: URL, problem: String?)] = []
            for (lane, shot) in batch.enumerated() {
                let profile = scratch.appendingPathComponent("profile-\(lane)")
                let log = scratch.appendingPathComponent("stderr-\(lane)")
                do {
                    try fileManager.createDirectory(at: profile, withIntermediateDirectories: true)
                    fileManager.createFile(atPath: log.path, contents: nil)
                    let process = Process()
                    process.executableURL = URL(fileURLWithPath: executable)
                    process.arguments = arguments(for: shot, in: folder, profile: profile)
                    process.standardOutput = FileHandle.nullDevice
                    process.standardError = try FileHandle(forWritingTo: log)
                    try process.run()
                    running.append((shot, process, log, nil))
                } catch {
                    running.append((shot, nil, log, error.localizedDescription))
                }
            }
            for (shot, process, log, problem) in running {
                if let problem {
                    failures.append((shot.image, problem))
                    continue
                }
                guard let process else { continue }
                process.waitUntilExit()
                let image = folder.appendingPathComponent(shot.image)
                if process.terminationStatus != 0 || !fileManager.fileExists(atPath: image.path) {
                    let message = (try? String(contentsOf: log, encoding: .utf8)) ?? ""
                    let last = message.split(separator: "\n").last.map(String.init) ?? ""
                    failures.append((shot.image, "chromium exited with status \(process.terminationStatus): \(last)"))
                }
            }
        }
        return failures
    }
}
