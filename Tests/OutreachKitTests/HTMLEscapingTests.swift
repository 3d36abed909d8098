import Foundation
import Testing
import TestSupport
@testable import OutreachKit

/// `{{value}}` is escaped byte by byte, so a quote or bracket cannot hide behind a combining mark.
@Suite struct HTMLEscapingTests {
    @Test func escapesTheFiveSpecialCharactersEvenBeforeACombiningMark() {
        #expect(HTMLEscaping.escape(#"a < b > c & "d" 'e'"#) == "a &lt; b &gt; c &amp; &quot;d&quot; &#39;e&#39;")
        // swift-mustache's own escaping sees `"\u{301}` as one character that is not `"`.
        let hidden = "\"\u{301} x=<\u{301}"
        let escaped = "&quot;\u{301} x=&lt;\u{301}"
        #expect(HTMLEscaping.escape(hidden) == escaped)
        #expect(HTMLEscaping.escape("Tiếng Việt 繁體中文") == "Tiếng Việt 繁體中文")
    }

    @Test func templatesOfAThemeUseIt() async throws {
        let folder = try Fixtures.temporaryFolder()
        let site = folder.appendingPathComponent("site")
        try FileManager.default.copyItem(at: Fixtures.url("Sites/basic"), to: site)
        let page = site.appendingPathComponent("content/about.md")
        let text = try String(contentsOf: page, encoding: .utf8)
        try text.replacingOccurrences(of: #"title: About "us" & <friends>"#, with: "title: \"About \\\"\u{301} onmouseover=alert(1) <\u{301}b>\"")
            .write(to: page, atomically: true, encoding: .utf8)
        let report = await Fixtures.build(site: site, output: folder.appendingPathComponent("out"))
        #expect(report.succeeded, "\(report.diagnostics)")
        let html = try String(contentsOf: folder.appendingPathComponent("out/en/about/index.html"), encoding: .utf8)
        let escapedTitle = "About &quot;\u{301} onmouseover=alert(1) &lt;\u{301}b&gt;"
        let attributeBreak = "\"\u{301} onmouseover"
        let tag = "<\u{301}b>"
        #expect(html.contains(escapedTitle))
        #expect(!html.contains(attributeBreak))
        #expect(!html.contains(tag))
    }
}
