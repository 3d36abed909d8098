import Foundation
import Testing
import TestSupport

/// Each folder in `Fixtures/Invalid` is a site with mistakes; `expected-diagnostics.txt` lists
/// exactly what the build must report (file, line, column, severity, reason), in order.
@Suite struct InvalidSiteTests {
    static let cases = (try? FileManager.default.contentsOfDirectory(atPath: Fixtures.url("Invalid").path).sorted()) ?? []

    @Test("invalid site reports exact diagnostics and writes nothing", arguments: cases)
    func reportsExactDiagnostics(_ name: String) async throws {
        let site = Fixtures.url("Invalid/\(name)")
        let output = try Fixtures.temporaryFolder().appendingPathComponent("site")
        let report = await Fixtures.build(site: site, output: output)

        #expect(!report.succeeded)
        #expect(!FileManager.default.fileExists(atPath: output.path), "a failed build must not create the output folder")
        let actual = Fixtures.describe(report.diagnostics, relativeTo: site)
        try Snapshot.assertLines(actual, matchFile: site.appendingPathComponent("expected-diagnostics.txt"))
    }
}
