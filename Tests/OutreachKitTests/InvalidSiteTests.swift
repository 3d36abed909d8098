import Foundation
import Testing
import TestSupport

/// Each folder in `Fixtures/Invalid` is a site with mistakes (or hostile input); `expected-diagnostics.txt`
/// lists exactly what the build must report (file, line, column, severity, reason), in order.
/// Every case must fail cleanly: the previously published site stays byte for byte as it was, and
/// nothing is written anywhere else.
@Suite struct InvalidSiteTests {
    static let cases = (try? FileManager.default.contentsOfDirectory(atPath: Fixtures.url("Invalid").path).sorted()) ?? []

    @Test("invalid site reports exact diagnostics and changes nothing", arguments: cases)
    func reportsExactDiagnostics(_ name: String) async throws {
        let site = Fixtures.url("Invalid/\(name)")
        let workspace = try Fixtures.temporaryFolder()
        let output = workspace.appendingPathComponent("site")
        let published = await Fixtures.build(site: Fixtures.url("Sites/basic"), output: output)
        try #require(published.succeeded)
        let before = try Fixtures.snapshot(of: output)

        let report = await Fixtures.build(site: site, output: output)

        #expect(!report.succeeded)
        #expect(try Fixtures.snapshot(of: output) == before, "the previous site must stay intact")
        #expect(try FileManager.default.contentsOfDirectory(atPath: workspace.path) == ["site"],
                "nothing may be written beside the output folder")
        let actual = Fixtures.describe(report.diagnostics, relativeTo: site)
        try Snapshot.assertLines(actual, matchFile: site.appendingPathComponent("expected-diagnostics.txt"))
    }
}

/// Inputs that are unusual but valid must build.
@Suite struct UnusualValidInputTests {
    @Test func byteOrderMarkAndWindowsLineEndingsBuild() async throws {
        let output = try Fixtures.temporaryFolder().appendingPathComponent("site")
        let report = await Fixtures.build(site: Fixtures.url("Valid/bom-and-crlf"), output: output,
                                          theme: Fixtures.url("Sites/basic/theme"))
        #expect(report.succeeded, "\(report.diagnostics)")
        let page = try String(contentsOf: output.appendingPathComponent("en/windows/index.html"), encoding: .utf8)
        #expect(!page.contains("\r"))
        #expect(page.contains("<h2 id=\"heading\">"))
        let home = try String(contentsOf: output.appendingPathComponent("en/index.html"), encoding: .utf8)
        #expect(home.contains("Home with a byte-order mark"))
        #expect(!home.contains("\u{FEFF}"))
    }

    /// Writes a one-page site whose page body is `body`, built with the basic fixture's theme.
    func buildSite(withBody body: String) async throws -> (report: OutreachKit.BuildReport, output: URL) {
        let folder = try Fixtures.temporaryFolder()
        let content = folder.appendingPathComponent("site/content")
        try FileManager.default.createDirectory(at: content, withIntermediateDirectories: true)
        for file in ["site.yaml", "hotlines.yaml"] {
            try FileManager.default.copyItem(at: Fixtures.url("Sites/basic/content/\(file)"), to: content.appendingPathComponent(file))
        }
        try Data("---\ntitle: Big\n---\n\(body)".utf8).write(to: content.appendingPathComponent("_index.md"))
        let output = folder.appendingPathComponent("out")
        let report = await Fixtures.build(site: folder.appendingPathComponent("site"), output: output,
                                          theme: Fixtures.url("Sites/basic/theme"))
        return (report, output)
    }

    @Test func fiftyMegabyteMarkdownFileBuilds() async throws {
        let paragraph = "Workers have the right to keep their own passport and to be paid in full. "
        let body = String(repeating: String(repeating: paragraph, count: 10) + "\n\n", count: 50 * 1024 * 1024 / 750)
        #expect(body.utf8.count >= 50_000_000)
        let (report, output) = try await buildSite(withBody: body)
        #expect(report.succeeded, "\(report.diagnostics.prefix(3))")
        let size = try FileManager.default.attributesOfItem(atPath: output.appendingPathComponent("en/index.html").path)[.size] as? Int
        #expect((size ?? 0) > 50_000_000)
    }

    @Test func tenThousandNestedBlockQuotesBuild() async throws {
        let body = String(repeating: ">", count: 10_000) + " deep\n"
        let (report, output) = try await buildSite(withBody: body)
        #expect(report.succeeded, "\(report.diagnostics.prefix(3))")
        let page = try String(contentsOf: output.appendingPathComponent("en/index.html"), encoding: .utf8)
        #expect(page.components(separatedBy: "<blockquote>").count - 1 == 10_000)
    }
}

import OutreachKit
