import Foundation

/// Prints poster and pamphlet pages to PDF with an installed renderer, so print shops get a file.
///
/// Runs after every page is written to the staging folder and before it replaces the site, so a
/// failed print fails the build and leaves the published site as it was. The pages link their
/// styles relatively, which lets the renderer open them straight from disk.
public struct PDFPrinter: Sendable {
    /// Which program renders.
    public enum Renderer: String, Sendable {
        case chromium
        case weasyprint
    }

    public var renderer: Renderer
    /// Absolute path of the program, found by the caller (the engine does not search `PATH`).
    public var executable: String

    public init(renderer: Renderer, executable: String) {
        self.renderer = renderer
        self.executable = executable
    }

    /// One PDF to make: the HTML page and the PDF's path, both inside the output folder.
    struct Job: Sendable {
        var page: String
        var pdf: String
    }

    /// Renders every job; returns the pages that failed, with the renderer's message.
    func print(_ jobs: [Job], in folder: URL) -> [(page: String, problem: String)] {
        var failures: [(String, String)] = []
        for job in jobs {
            let page = folder.appendingPathComponent(job.page)
            let pdf = folder.appendingPathComponent(job.pdf)
            let arguments: [String] = switch renderer {
            case .chromium:
                ["--headless=new", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer",
                 "--print-to-pdf=\(pdf.path)", page.absoluteString]
            case .weasyprint:
                [page.path, pdf.path]
            }
            let process = Process()
            process.executableURL = URL(fileURLWithPath: executable)
            process.arguments = arguments
            let errors = Pipe()
            process.standardError = errors
            process.standardOutput = FileHandle.nullDevice
            do {
                try process.run()
                let message = errors.fileHandleForReading.readDataToEndOfFile()
                process.waitUntilExit()
                if process.terminationStatus != 0 || !FileManager().fileExists(atPath: pdf.path) {
                    let text = String(decoding: message, as: UTF8.self).split(separator: "\n").last.map(String.init) ?? ""
                    failures.append((job.page, "\(renderer.rawValue) exited with status \(process.terminationStatus): \(text)"))
                }
            } catch {
                failures.append((job.page, error.localizedDescription))
            }
        }
        return failures
    }
}
