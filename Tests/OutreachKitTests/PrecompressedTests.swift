import Foundation
import Testing
import TestSupport
@testable import OutreachKit

@Suite struct PrecompressedTests {
    @Test func textFilesGetCopiesAndOthersDoNot() {
        for path in ["en/help/index.html", "assets/style.css", "assets/quiz.js", "events.json", "sitemap.xml",
                     "en/events.ics", "en/manifest.webmanifest", "img/map.SVG"] {
            #expect(Precompressed.applies(to: path), "\(path)")
        }
        for path in ["robots.txt", "events.csv", "img/photo.jpg", "assets/icons/icon-192.png", "en/poster.pdf",
                     "README", "en.d/file", "a.html/b"] {
            #expect(!Precompressed.applies(to: path), "\(path)")
        }
    }

    /// Every HTML, CSS, JS, JSON, XML, SVG and ICS file of a built site has a `.br` and a `.gz`
    /// beside it that hold exactly its bytes, with the same modification time; nothing else has.
    @Test func everyTextFileOfABuildHasBothCopies() async throws {
        let output = try Fixtures.temporaryFolder().appendingPathComponent("site")
        let report = await Fixtures.build(site: Fixtures.url("Sites/campaign"), output: output,
                                          theme: Fixtures.repositoryRoot.appendingPathComponent("theme"))
        #expect(report.succeeded, "\(report.diagnostics)")
        let files = try Fixtures.snapshot(of: output)
        var originals = 0
        for (path, data) in files where !Snapshot.isPrecompressedCopy(path, in: files) {
            let hasCopies = files[path + ".br"] != nil || files[path + ".gz"] != nil
            #expect(hasCopies == Precompressed.applies(to: path), "\(path)")
            guard Precompressed.applies(to: path) else { continue }
            originals += 1
            #expect(Brotli.decompress(Array(files[path + ".br"] ?? Data())) == Array(data), "\(path).br")
            #expect(Gzip.decompress(Array(files[path + ".gz"] ?? Data())) == Array(data), "\(path).gz")
            let time = try modificationTime(output.appendingPathComponent(path))
            #expect(try modificationTime(output.appendingPathComponent(path + ".br")) == time, "\(path).br")
            #expect(try modificationTime(output.appendingPathComponent(path + ".gz")) == time, "\(path).gz")
        }
        #expect(originals > 40)
    }

    private func modificationTime(_ url: URL) throws -> Date? {
        try FileManager.default.attributesOfItem(atPath: url.path)[.modificationDate] as? Date
    }
}
