import CampaignModel
import Foundation
import Testing

@Suite struct LocalizedTests {
    let zh = LanguageCode("zh-TW")!
    let en = LanguageCode("en")!
    let vi = LanguageCode("vi")!

    @Test func returnsTheRequestedLanguageWhenWritten() {
        let title = Localized([zh: "求助", en: "Help"])
        #expect(title.resolve(en, fallback: zh) == .init(value: "Help", language: en))
    }

    @Test func fallsBackToTheDefaultLanguageAndSaysSo() {
        let title = Localized([zh: "求助", en: "Help"])
        let resolved = title.resolve(vi, fallback: zh)
        #expect(resolved?.value == "求助")
        #expect(resolved?.language == zh, "fallback text must carry its real language for the lang attribute")
    }

    @Test func followsALongerChainInOrder() {
        let title = Localized([en: "Help"])
        #expect(title.resolve([vi, zh, en])?.language == en)
        #expect(Localized<String>([:]).resolve([vi, zh]) == nil)
    }

    @Test func decodesFromLanguageKeyedDictionaries() throws {
        let json = #"{"zh-TW":"求助","vi":"Trợ giúp"}"#
        let title = try JSONDecoder().decode(Localized<String>.self, from: Data(json.utf8))
        #expect(title[LanguageCode("ZH-tw")!] == "求助")
        #expect(title.languages == [vi, zh])
    }
}
