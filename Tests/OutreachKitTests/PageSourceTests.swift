import CampaignModel
import Testing
@testable import OutreachKit

@Suite struct PageSourceTests {
    let page = PageSource(
        file: SourceFile(relativePath: "pillars/prevention.md", displayPath: "content/pillars/prevention.md", text: ""),
        key: "pillars/prevention", language: LanguageCode("en")!,
        frontMatter: PageFrontMatter(title: "Prevention", description: nil, date: nil, isDraft: false, weight: nil, slug: nil,
                                     slugLocation: nil, translation: nil, translationOf: nil, hotlines: []),
        body: "Text.\n", bodyLineOffset: 3)

    @Test func aChangedCopyLeavesTheOriginalAsItWas() {
        var copy = page
        copy.body = "Edited.\n"
        copy.frontMatter.title = "Edited"
        copy.file = SourceFile(relativePath: "elsewhere.md", displayPath: "content/elsewhere.md", text: "")
        #expect(page.body == "Text.\n")
        #expect(page.frontMatter.title == "Prevention")
        #expect(page.folder == "pillars")
        #expect(copy.body == "Edited.\n")
        #expect(copy.frontMatter.title == "Edited")
        #expect(copy.folder == "")
        #expect(copy.key == page.key && copy.bodyLineOffset == 3)
    }
}
