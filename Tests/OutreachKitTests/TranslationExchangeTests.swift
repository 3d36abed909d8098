import Testing
import Yams
import CampaignModel
@testable import OutreachKit

@Suite struct InlineTextTests {
    @Test(arguments: [
        "臺灣以「4P」作為架構，也就是[預防](pillars/prevention.md)（Prevention）。",
        "**《人口販運防制法》**於2009年施行，`code` 與 ![圖](a.png \"t\") 及 <https://example.org>。",
        "snake_case and 3 * 4 * 5 and [not a link] and *open",
        "line one  \nline two\\\nthree",
        "[**bold link**](x.md) _it_ __b__",
    ])
    func roundTrip(_ text: String) {
        #expect(InlineText(markdown: text).markdown == text)
    }

    @Test func linkBecomesAPairedCode() {
        let text = InlineText(markdown: "看[預防](pillars/prevention.md)。")
        #expect(text.pieces == [.text("看"), .open(1), .text("預防"), .close(1), .text("。")])
        #expect(text.codes[1] == InlineText.Code(start: "[", end: "](pillars/prevention.md)", kind: "link"))
        #expect(text.plainText == "看預防。")
    }

    @Test func missingCodeIsAProblem() {
        let source = InlineText(markdown: "看[預防](p.md)和`x`")
        #expect(InlineText.codeProblem(in: [.text("see"), .placeholder(2)], source: source) != nil)
        #expect(InlineText.codeProblem(in: [.placeholder(2), .open(1), .text("a"), .close(1)], source: source) == nil)
        #expect(InlineText.codeProblem(in: [.open(1), .placeholder(2)], source: source) != nil)
    }
}

@Suite struct MarkdownBlocksTests {
    @Test func blocksAndReplacement() {
        let body = "\n## 標題 ##\n\n第一段\n第二行  \n\n- 項目一\n  續行\n- 項目二\n\n> 引言\n\n```\ncode\n```\n"
        let blocks = MarkdownBlocks(body)
        #expect(blocks.blocks.map(\.text) == ["標題", "第一段\n第二行", "項目一\n續行", "項目二", "引言"])
        #expect(blocks.shape == ["h2", "paragraph", "list item", "list item", "quote"])
        #expect(blocks.replacing([:]) == body)
        let replaced = blocks.replacing([0: "Title", 2: "Item one\nmore\nand more", 4: "Quote"])
        #expect(replaced == "\n## Title ##\n\n第一段\n第二行  \n\n- Item one\n  more\n  and more\n- 項目二\n\n> Quote\n\n```\ncode\n```\n")
    }

    /// A setext heading's text ends above its underline, even with no blank line after it (where
    /// cmark's own end line runs on into the next paragraph).
    @Test func setextHeadingKeepsItsUnderline() {
        let body = "標題\n----\n段落\n"
        let blocks = MarkdownBlocks(body)
        #expect(blocks.blocks.map(\.text) == ["標題", "段落"])
        #expect(blocks.shape == ["h2", "paragraph"])
        #expect(blocks.replacing([0: "Title", 1: "Paragraph"]) == "Title\n----\nParagraph\n")
    }
}

@Suite struct YAMLTextEditorTests {
    @Test func addsToAFlowMapping() throws {
        let text = "figures:\n  - id: a\n    label: {zh-TW: 破獲, en: cases solved}\n    value: 1\n"
        let edited = YAMLTextEditor.settingLocalized(path: ["figures", "a", "label"], language: "vi", to: "vụ, án",
                                                     in: text, defaultLanguage: LanguageCode("zh-TW")!)
        #expect(edited == "figures:\n  - id: a\n    label: {zh-TW: 破獲, en: cases solved, vi: \"vụ, án\"}\n    value: 1\n")
    }

    @Test func replacesAndAddsInABlockMapping() throws {
        let text = "title:\n  zh-TW: 標題   # comment\n  vi: \"cũ\"\nx: 1\n"
        let replaced = YAMLTextEditor.settingLocalized(path: ["title"], language: "vi", to: "mới", in: text,
                                                       defaultLanguage: LanguageCode("zh-TW")!)
        #expect(replaced == "title:\n  zh-TW: 標題   # comment\n  vi: mới\nx: 1\n")
        let added = YAMLTextEditor.settingLocalized(path: ["title"], language: "th", to: "ใหม่", in: text,
                                                    defaultLanguage: LanguageCode("zh-TW")!)
        #expect(added == "title:\n  zh-TW: 標題   # comment\n  vi: \"cũ\"\n  th: ใหม่\nx: 1\n")
    }
}

@Suite struct ExchangeReadingTests {
    @Test func malformedXMLIsPositioned() throws {
        let text = "<?xml version=\"1.0\"?>\n<xliff xmlns=\"urn:oasis:names:tc:xliff:document:2.0\" version=\"2.0\" srcLang=\"zh-TW\" trgLang=\"vi\">\n<file id=\"a\"><unit id=\"b1\"><segment><source>x</source><target>y</segmnt></unit></file></xliff>\n"
        guard case .failure(let diagnostic) = TranslationExchange.read(text, path: "vi.xlf") else {
            Issue.record("malformed XML was read")
            return
        }
        #expect(diagnostic.location.file == "vi.xlf")
        #expect(diagnostic.location.line == 3)
    }

    @Test func poHeaderWithoutLanguageIsPositioned() throws {
        let text = "msgid \"\"\nmsgstr \"\"\n\"Content-Type: text/plain; charset=UTF-8\\n\"\n\nmsgctxt \"a.md#b1\"\nmsgid \"x\"\nmsgstr \"y\"\n"
        guard case .failure(let diagnostic) = TranslationExchange.read(text, path: "vi.po") else {
            Issue.record("a PO file without a language was read")
            return
        }
        #expect(diagnostic.location == SourceLocation(file: "vi.po", line: 2, column: 1))
    }

    @Test func poPlaceholdersAndStates() throws {
        let text = "msgid \"\"\nmsgstr \"Language: vi\\n\"\n\n#, fuzzy\nmsgctxt \"about.md#b3\"\nmsgid \"{1}a{/1}\"\nmsgstr \"\"\n\"{1}b{/1} {2}\"\n"
        guard case .success(let document) = TranslationExchange.read(text, path: "vi.po") else {
            Issue.record("PO not read")
            return
        }
        #expect(document.language == "vi")
        #expect(document.units.count == 1)
        #expect(document.units[0].file == "about.md" && document.units[0].id == "b3")
        #expect(document.units[0].target == [.code(1), .text("b"), .close(1), .text(" "), .code(2)])
        #expect(document.units[0].location.line == 7)
    }
}
