import Foundation
import Testing
import TestSupport
@testable import OutreachKit

@Suite struct QRCodeTests {
    /// A text whose symbol was recorded once with the `qrencode` command-line tool.
    ///
    /// The goldens in `Tests/Fixtures/QR/` were made with
    /// `qrencode -t ASCII -l <M|H> -m 4 -o <name>-<M|H>.txt '<text>'` (qrencode 4.1.1). Not `-8`: that
    /// flag calls `QRcode_encodeData`, which puts everything in one 8-bit segment, while `QRCode` calls
    /// `QRcode_encodeString` with the 8-bit hint, as the tool does by default, and may use numeric or
    /// alphanumeric segments for runs like `%E5%81`. The two give different symbols for such texts.
    struct Golden: Sendable, CustomTestStringConvertible {
        var name: String
        var text: String
        var testDescription: String { name }

        static let all = [
            Golden(name: "outreach-url", text: "https://outreach.example.org/en/quiz/health-and-safety/"),
            Golden(name: "percent-escapes",
                   text: "https://outreach.example.org/zh-Hant/%E5%81%A5%E5%BA%B7/quiz/?ref=POSTER%2042"),
            Golden(name: "chinese-text", text: "求助熱線 1955：二十四小時"),
            Golden(name: "long-url", text: longURL),
        ]
    }

    static let longURL = "https://outreach.example.org/en/events/2025/10/04/community-health-and-safety-fair/"
        + "?utm_source=poster&utm_medium=print&utm_campaign=autumn-2025-health-and-safety&lang=en"

    @Test(arguments: Golden.all, [QRCode.ErrorCorrection.medium, .high])
    func matchesTheCommandLineTool(golden: Golden, correction: QRCode.ErrorCorrection) throws {
        let letter = correction == .medium ? "M" : "H"
        let file = Fixtures.url("QR/\(golden.name)-\(letter).txt")
        let expected = try String(contentsOf: file, encoding: .utf8)
            .split(separator: "\n", omittingEmptySubsequences: false).dropLast().map(String.init)

        let code = try QRCode(encoding: golden.text, correction: correction)
        let actual = code.textRows(quietZone: 4)

        #expect(code.width == 17 + 4 * code.version)
        try #require(actual.count == expected.count, "width \(code.width), golden is \(expected.count - 8) wide")
        for (row, (actualRow, expectedRow)) in zip(actual, expected).enumerated() {
            #expect(actualRow == expectedRow, "row \(row)")
        }
    }

    @Test func theLongURLNeedsALargerSymbol() throws {
        let short = try QRCode(encoding: "https://outreach.example.org/en/")
        let long = try QRCode(encoding: Self.longURL)
        #expect(short.version <= 3)
        #expect(long.version >= 7)
    }

    @Test func strongerCorrectionNeverGivesASmallerSymbol() throws {
        let versions = try QRCode.ErrorCorrection.allCases.map { try QRCode(encoding: Self.longURL, correction: $0).version }
        #expect(versions == versions.sorted())
        #expect(versions.first! < versions.last!)
    }

    @Test func emptyTextIsRefused() {
        #expect(throws: QRCode.Error.empty) { try QRCode(encoding: "") }
    }

    @Test func textWithNULIsRefusedRatherThanCutShort() {
        #expect(throws: QRCode.Error.containsNUL) { try QRCode(encoding: "https://a.example/\0b") }
    }

    @Test func textTooLongForVersion40IsRefused() throws {
        #expect(throws: QRCode.Error.tooLong(byteCount: 8000)) {
            try QRCode(encoding: String(repeating: "a", count: 8000))
        }
        // 2953 bytes is the 8-bit capacity of version 40 at level L.
        let largest = try QRCode(encoding: String(repeating: "a", count: 2953), correction: .low)
        #expect(largest.version == 40)
        #expect(throws: QRCode.Error.tooLong(byteCount: 2954)) {
            try QRCode(encoding: String(repeating: "a", count: 2954), correction: .low)
        }
    }

    @Test func svgHasAQuietZoneAndOnePathAndNoSize() throws {
        let code = try QRCode(encoding: "https://example.org/")
        #expect(code.width == 25)

        let svg = code.svg(title: "Quiz")
        #expect(svg.hasPrefix("<svg "))
        #expect(!svg.contains("<?xml"))
        #expect(svg.contains("viewBox=\"0 0 33 33\""))
        #expect(code.svg(quietZone: 2, title: nil).contains("viewBox=\"0 0 29 29\""))
        #expect(code.svg(moduleSize: 3, title: nil).contains("viewBox=\"0 0 99 99\""))
        #expect(svg.contains("shape-rendering=\"crispEdges\""))
        #expect(svg.components(separatedBy: "<path").count == 2)
        #expect(!svg.contains("<script"))

        let openingTag = try #require(svg.split(separator: ">").first)
        #expect(!openingTag.contains("width="))
        #expect(!openingTag.contains("height="))
    }

    @Test func svgPathPaintsExactlyTheDarkModules() throws {
        let code = try QRCode(encoding: "https://outreach.example.org/en/quiz/health-and-safety/")
        let quietZone = 4
        let svg = code.svg(quietZone: quietZone, title: nil)
        var painted = Array(repeating: false, count: code.width * code.width)
        for match in svg.matches(of: /M(\d+) (\d+)h(\d+)v1h-(\d+)z/) {
            let (x, y, run, back) = (Int(match.1)!, Int(match.2)!, Int(match.3)!, Int(match.4)!)
            #expect(run == back)
            for column in (x - quietZone)..<(x - quietZone + run) {
                let index = (y - quietZone) * code.width + column
                #expect(!painted[index], "module painted twice")
                painted[index] = true
            }
        }
        #expect(painted == code.modules)
    }

    @Test func titleIsEscapedForTheAttribute() throws {
        let svg = try QRCode(encoding: "https://example.org/").svg(title: #"Scan "<quiz>" & 'win'"#)
        #expect(svg.contains(#"role="img" aria-label="Scan &quot;&lt;quiz&gt;&quot; &amp; &apos;win&apos;""#))
        #expect(!svg.contains("<quiz>"))
    }

    @Test func untitledCodeIsHiddenFromScreenReaders() throws {
        let svg = try QRCode(encoding: "https://example.org/").svg(title: nil)
        #expect(svg.contains(#"aria-hidden="true""#))
        #expect(!svg.contains("role=") && !svg.contains("aria-label"))
    }

    @Test func outputIsDeterministic() throws {
        let first = try QRCode(encoding: Self.longURL, correction: .high)
        let second = try QRCode(encoding: Self.longURL, correction: .high)
        #expect(first == second)
        #expect(first.svg(title: "Fair") == first.svg(title: "Fair"))
        #expect(first.svg(title: "Fair") == second.svg(title: "Fair"))
    }
}
