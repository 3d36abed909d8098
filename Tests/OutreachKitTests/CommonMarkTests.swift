import Testing
@testable import OutreachKit

@Suite struct CommonMarkTests {
    @Test func safeModeDropsRawHTMLAndDangerousURLs() {
        let html = CommonMark.render("<script>alert(1)</script>\n\nHi <img src=x onerror=alert(1)> [x](javascript:alert(1)) [y](vbscript:run)\n").html
        #expect(!html.contains("<script"))
        #expect(!html.contains("onerror"))
        #expect(!html.contains("javascript:"))
        #expect(!html.contains("vbscript:"))
        #expect(html.contains("<a href=\"\">x</a>"))
    }

    @Test func unsafeModeIsAnExplicitOptIn() {
        let html = CommonMark.render("<b>bold</b>\n", options: .init(allowsUnsafeHTML: true)).html
        #expect(html.contains("<b>bold</b>"))
    }

    @Test func rewritesLinksAndReportsTheirPositions() {
        var seen: [CommonMark.Link] = []
        let rendering = CommonMark.render("Intro.\n\nSee [help](../help.md#call) and ![map](img/map.png).\n") { link in
            seen.append(link)
            return link.kind == .link ? "/en/help/#call" : nil
        }
        #expect(seen == [
            .init(kind: .link, url: "../help.md#call", line: 3, column: 5),
            .init(kind: .image, url: "img/map.png", line: 3, column: 33),
        ])
        #expect(rendering.html.contains("<a href=\"/en/help/#call\">help</a>"))
        #expect(rendering.html.contains("<img src=\"img/map.png\" alt=\"map\" />"))
    }

    @Test func headingsGetUniqueIDsInAnyScript() {
        let rendering = CommonMark.render("# Call 1955\n\n## 求助 *專線*\n\n## Call 1955\n\n### Gọi điện!\n")
        #expect(rendering.headings.map(\.id) == ["call-1955", "求助-專線", "call-1955-1", "gọi-điện"])
        #expect(rendering.html.contains("<h2 id=\"求助-專線\">"))
        #expect(rendering.html.contains("<em>專線</em>"))
    }

    @Test func deeplyNestedInputDoesNotOverflowTheStack() {
        let markdown = String(repeating: "> ", count: 10_000) + "deep\n"
        let rendering = CommonMark.render(markdown)
        #expect(rendering.html.contains("deep"))
    }

    @Test func splitsLevelTwoSectionsEndingAtTheNextHeadingOrABreak() {
        let markdown = """
            Before any section.

            ## First *one*

            Text with `code`.

            ### Inside

            - a list

            Second
            ------
            Setext text.

            ***

            After the break.

            # Top

            ## Last
            """
        let sections = CommonMark.sections(of: markdown)
        #expect(sections.map(\.title) == ["First one", "Second", "Last"])
        #expect(sections.map(\.line) == [3, 11, 21])
        #expect(sections[0].body == "Text with `code`.\n\n### Inside\n\n- a list")
        #expect(sections[1].body == "Setext text.")
        #expect(sections[2].body == "")
    }

    @Test func shiftsHeadingLevelsForTextShownUnderAHeading() {
        let html = CommonMark.render("### Three\n\n###### Six\n", options: .init(headingLevelShift: 2)).html
        #expect(html.contains("<h5 id=\"three\">"))
        #expect(html.contains("<h6 id=\"six\">"))
    }
}
