import CampaignModel
import Testing

@Suite struct LanguageCodeTests {
    @Test(arguments: ["zh-TW", "en", "fil", "zh-Hant-TW", "es-419"])
    func acceptsWellFormedTags(_ tag: String) {
        #expect(LanguageCode(tag)?.rawValue == tag)
    }

    @Test(arguments: ["", "e", "english", "en_US", "zh-", "../en", "en-a"])
    func rejectsMalformedTags(_ tag: String) {
        #expect(LanguageCode(tag) == nil)
    }

    @Test func comparesCaseInsensitivelyAndKeepsSpelling() {
        let code = LanguageCode("zh-TW")!
        #expect(code == LanguageCode("zh-tw")!)
        #expect(code.rawValue == "zh-TW")
        #expect(code.pathComponent == "zh-tw")
        #expect(code.primarySubtag == "zh")
    }
}
