import Foundation
import Testing

/// Golden-file comparison. `RECORD_SNAPSHOTS=1` rewrites the expected files and fails, so a
/// recording run can never pass unnoticed.
public enum Snapshot {
    public static var isRecording: Bool { ProcessInfo.processInfo.environment["RECORD_SNAPSHOTS"] == "1" }

    /// Whether `path` is the `.br` or `.gz` copy of another file of `files`.
    public static func isPrecompressedCopy(_ path: String, in files: [String: Data]) -> Bool {
        (path.hasSuffix(".br") || path.hasSuffix(".gz")) && files[String(path.dropLast(3))] != nil
    }

    /// Compares `lines` with the lines of `file`.
    public static func assertLines(_ lines: [String], matchFile file: URL,
                                   sourceLocation: SourceLocation = #_sourceLocation) throws {
        let text = lines.joined(separator: "\n") + "\n"
        if isRecording {
            try Data(text.utf8).write(to: file)
            Issue.record("recorded \(file.lastPathComponent); run again without RECORD_SNAPSHOTS", sourceLocation: sourceLocation)
            return
        }
        guard let expected = try? String(contentsOf: file, encoding: .utf8) else {
            Issue.record("missing \(file.path); run with RECORD_SNAPSHOTS=1 to create it", sourceLocation: sourceLocation)
            return
        }
        #expect(lines == expected.split(separator: "\n").map(String.init), sourceLocation: sourceLocation)
    }

    /// Compares every file under `folder` with the golden copy under `expected`, byte for byte,
    /// except those under the folders `excluding` names (`assets/`) and the brotli and gzip
    /// copies beside files (their bytes depend on the libraries' versions; `PrecompressedTests`
    /// checks that they hold the file).
    public static func assertFolder(_ folder: URL, matches expected: URL, excluding: [String] = [],
                                    sourceLocation: SourceLocation = #_sourceLocation) throws {
        let all = try Fixtures.snapshot(of: folder)
        let actual = all.filter { path, _ in
            !excluding.contains { path.hasPrefix($0) } && !isPrecompressedCopy(path, in: all)
        }
        if isRecording {
            try? FileManager.default.removeItem(at: expected)
            for (path, data) in actual {
                let destination = expected.appendingPathComponent(path)
                try FileManager.default.createDirectory(at: destination.deletingLastPathComponent(), withIntermediateDirectories: true)
                try data.write(to: destination)
            }
            Issue.record("recorded \(expected.lastPathComponent); run again without RECORD_SNAPSHOTS", sourceLocation: sourceLocation)
            return
        }
        let golden = try Fixtures.snapshot(of: expected)
        #expect(actual.keys.sorted() == golden.keys.sorted(), "files differ from the golden output", sourceLocation: sourceLocation)
        for path in actual.keys.sorted() where golden[path] != nil && golden[path] != actual[path] {
            let got = String(decoding: actual[path]!, as: UTF8.self)
            let want = String(decoding: golden[path]!, as: UTF8.self)
            Issue.record("\(path) differs from the golden output.\n--- expected\n\(want)\n--- actual\n\(got)", sourceLocation: sourceLocation)
        }
    }
}
