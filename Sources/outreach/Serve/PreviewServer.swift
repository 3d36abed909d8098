import Foundation
import Hummingbird
import Logging
import NIOCore
import OutreachKit

/// The state `serve` shares between the watcher and the HTTP handlers.
actor PreviewState {
    /// Goes up by one after every successful build; open tabs reload when it changes.
    private(set) var version = 0
    /// The problems of the last build, when it failed; the last good site is still served.
    private(set) var failure: [Diagnostic]?

    func succeeded() {
        version += 1
        failure = nil
    }

    func failed(_ diagnostics: [Diagnostic]) {
        if failure != diagnostics { version += 1 }
        failure = diagnostics
    }

    /// The version, as soon as it differs from `seen` (at once when it already does), or after
    /// `timeout`: what a page's reload script waits on.
    func version(after seen: Int, timeout: Duration) async -> Int {
        let deadline = ContinuousClock.now + timeout
        while version == seen, ContinuousClock.now < deadline, !Task.isCancelled {
            try? await Task.sleep(for: .milliseconds(200))
        }
        return version
    }
}

/// Builds, watches and serves a site for preview (`outreach serve`).
///
/// The HTTP server is Hummingbird, as for the statistics collector. Pages get a small reload script
/// and, after a failed build, an overlay with the errors; neither is ever written into the built site.
struct PreviewServer {
    var options: BuildOptions
    var port: UInt16
    var watched: [String]

    func run() async throws {
        let state = PreviewState()
        var site = LiveSite(options: options)
        // Changes are watched from before the first build, so an edit made during it is not missed.
        let changes = FolderWatcher(folders: watched).changes()
        await rebuild(&site, changed: nil, into: state)
        // 127.0.0.1 only: a preview is for the person writing, not for the network.
        let files = PreviewFileHandler(root: URL(fileURLWithPath: options.outputFolder), state: state)
        let router = Router()
        router.get("__outreach/reload.js") { _, _ in
            Response(status: .ok, headers: [.contentType: "text/javascript; charset=utf-8", .cacheControl: "no-store"],
                     body: .init(byteBuffer: ByteBuffer(string: LiveReload.script)))
        }
        // Long polling: answers when the site's version differs from the one the page saw.
        router.get("__outreach/version") { request, _ in
            let seen = request.uri.queryParameters.get("since").flatMap { Int($0) } ?? -1
            let version = await state.version(after: seen, timeout: .seconds(25))
            return Response(status: .ok, headers: [.contentType: "text/plain; charset=utf-8", .cacheControl: "no-store"],
                            body: .init(byteBuffer: ByteBuffer(string: String(version))))
        }
        router.get("/") { request, _ in await files.respond(to: request.uri.path) }
        router.get("**") { request, _ in await files.respond(to: request.uri.path) }
        var logger = Logger(label: "outreach.serve")
        logger.logLevel = .warning
        let server = Application(router: router, configuration: .init(address: .hostname("127.0.0.1", port: Int(port)),
                                                                      serverName: nil), logger: logger)
        say("Serving \(options.contentFolder)/ at http://127.0.0.1:\(port)/ (Ctrl-C to stop)")
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { try await server.runService() }
            group.addTask { [site] in
                var site = site
                for await changed in changes {
                    await rebuild(&site, changed: changed, into: state)
                }
            }
            try await group.next()
            group.cancelAll()
        }
    }

    /// Rebuilds what `changed` affects (everything when nil) and tells open tabs.
    private func rebuild(_ site: inout LiveSite, changed: Set<String>?, into state: PreviewState) async {
        let clock = ContinuousClock()
        let start = clock.now
        let update = await site.update(changedPaths: changed)
        let elapsed = clock.now - start
        let milliseconds = Double(elapsed.components.seconds) * 1000 + Double(elapsed.components.attoseconds) / 1e15
        let report = update.report
        if report.succeeded {
            await state.succeeded()
            let edited = (changed ?? []).sorted().map { URL(fileURLWithPath: $0).lastPathComponent }.joined(separator: ", ")
            let what = update.isIncremental ? "\(report.filesWritten) files of the edited pages (\(edited))" : "the site"
            let phases = update.isIncremental
                ? " (" + report.times.phases.map { "\($0.name) \(String(format: "%.1f", Summary.milliseconds($0.duration))) ms" }.joined(separator: ", ") + ")"
                : ""
            say("Rebuilt \(what) in \(String(format: "%.1f", milliseconds)) ms" + phases)
        } else {
            await state.failed(report.diagnostics)
            for diagnostic in report.diagnostics { say(diagnostic.description) }
            say("Build failed; still serving the last good site.")
        }
    }
}

/// Prints a line at once, even when standard output is a pipe.
private func say(_ line: String) {
    FileHandle.standardOutput.write(Data((line + "\n").utf8))
}

/// Serves the built files; HTML pages get the reload script, and after a failed build the error overlay.
struct PreviewFileHandler: Sendable {
    var root: URL
    var state: PreviewState

    func respond(to requestPath: String) async -> Response {
        let path = requestPath.removingPercentEncoding ?? requestPath
        let parts = path.split(separator: "/")
        guard !parts.contains(".."), !parts.contains(".") else { return Response(status: .forbidden) }
        var file = root.appendingPathComponent(parts.joined(separator: "/"))
        var isFolder: ObjCBool = false
        if FileManager.default.fileExists(atPath: file.path, isDirectory: &isFolder), isFolder.boolValue {
            file = file.appendingPathComponent("index.html")
        }
        // The preview runs no service worker (it stays on disk, as built): the worker serves styles
        // and scripts from its cache first, which would hide an edit of the theme until a second
        // reload. A 404 also makes the browser drop a worker an earlier preview registered.
        if file.lastPathComponent == "sw.js" { return Response(status: .notFound) }
        if let failure = await state.failure, file.pathExtension == "html" {
            return html(ErrorOverlay.page(for: failure), status: .ok)
        }
        guard let data = try? Data(contentsOf: file) else {
            if let notFound = try? Data(contentsOf: root.appendingPathComponent("404.html")) {
                return html(String(decoding: notFound, as: UTF8.self), status: .notFound)
            }
            return Response(status: .notFound)
        }
        if file.pathExtension == "html" {
            return html(String(decoding: data, as: UTF8.self), status: .ok)
        }
        return Response(status: .ok, headers: [.contentType: Self.contentType(of: file.pathExtension)],
                        body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }

    /// Adds the reload script, and lets it reach the preview server despite the page's `connect-src`
    /// (`'none'`, or the statistics collector's origin).
    private func html(_ page: String, status: HTTPResponse.Status) -> Response {
        let connect = page.contains("connect-src 'none'") ? ("connect-src 'none'", "connect-src 'self'") : ("connect-src ", "connect-src 'self' ")
        let injected = page
            .replacingOccurrences(of: connect.0, with: connect.1)
            .replacingOccurrences(of: "</body>", with: "<script type=\"module\" src=\"/__outreach/reload.js\"></script>\n</body>")
        return Response(status: status, headers: [.contentType: "text/html; charset=utf-8", .cacheControl: "no-store"],
                        body: .init(byteBuffer: ByteBuffer(string: injected)))
    }

    static func contentType(of fileExtension: String) -> String {
        switch fileExtension.lowercased() {
        case "css": "text/css; charset=utf-8"
        case "js", "mjs": "text/javascript; charset=utf-8"
        case "json", "webmanifest": "application/json"
        case "xml": "application/xml"
        case "svg": "image/svg+xml"
        case "png": "image/png"
        case "jpg", "jpeg": "image/jpeg"
        case "pdf": "application/pdf"
        case "ics": "text/calendar; charset=utf-8"
        case "csv": "text/csv; charset=utf-8"
        case "txt": "text/plain; charset=utf-8"
        case "wasm": "application/wasm"
        default: "application/octet-stream"
        }
    }
}

/// Reloads open pages when the site is rebuilt: the injected script waits on
/// `/__outreach/version` (long polling, plain HTTP) and reloads when the version changes.
enum LiveReload {
    static let script = """
        // Injected by `outreach serve` only: reload this page when the site is rebuilt.
        let seen = -1;
        for (;;) {
          try {
            const response = await fetch(`/__outreach/version?since=${seen}`, { cache: "no-store" });
            const version = Number(await response.text());
            if (seen >= 0 && version !== seen) location.reload();
            seen = version;
          } catch {
            await new Promise((resume) => setTimeout(resume, 1000));
          }
        }
        """
}

/// The page shown instead of the site while the content has errors.
enum ErrorOverlay {
    static func page(for diagnostics: [Diagnostic]) -> String {
        let items = diagnostics.map { "<li><code>\(XMLText.escape($0.description))</code></li>" }.joined(separator: "\n")
        return """
            <!DOCTYPE html>
            <html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
            <meta http-equiv="Content-Security-Policy" content="default-src 'self'; connect-src 'none'">
            <title>Build failed · outreach serve</title></head>
            <body data-outreach-error>
            <main>
            <h1>The site could not be built</h1>
            <p>Fix these problems and save; this page reloads by itself. The last good site is kept.</p>
            <ul>
            \(items)
            </ul>
            </main>
            </body></html>
            """
    }
}
