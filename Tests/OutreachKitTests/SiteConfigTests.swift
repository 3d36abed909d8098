import CampaignModel
import Testing
@testable import OutreachKit

@Suite struct SiteConfigTests {
    func config(baseURL: String) -> SiteConfig {
        SiteConfig(title: Localized([LanguageCode("en")!: "Test"]), baseURL: baseURL, defaultLanguage: LanguageCode("en")!,
                   languages: [Language(code: LanguageCode("en")!, name: "English")], allowsUnsafeHTML: false)
    }

    @Test func basePathIsThePathPartOfTheBaseURL() {
        #expect(config(baseURL: "https://example.org/").basePath == "/")
        #expect(config(baseURL: "https://example.org/campaign/").basePath == "/campaign/")
        #expect(config(baseURL: "https://example.org/campaign/").origin == "https://example.org")
    }

    @Test func basePathFollowsAChangedBaseURL() {
        var config = config(baseURL: "https://example.org/")
        config.baseURL = "http://localhost:8080/preview/"
        #expect(config.basePath == "/preview/")
        #expect(config.origin == "http://localhost:8080")
    }
}
