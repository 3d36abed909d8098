import Testing
@testable import OutreachKit

/// The share control's view: which address a page shares, and the LINE and Facebook links built from it.
@Suite struct ShareViewTests {
    @Test func anAddressIsOneQueryValueWithOnlyUnreservedCharactersLeft() {
        #expect(ShareView.queryEncoded("https://example.org/vi/help/") == "https%3A%2F%2Fexample.org%2Fvi%2Fhelp%2F")
        #expect(ShareView.queryEncoded("a-b.c_d~e") == "a-b.c_d~e")
        #expect(ShareView.queryEncoded("/x?y=1&z=2#top %") == "%2Fx%3Fy%3D1%26z%3D2%23top%20%25")
        // UTF-8 bytes, upper-case hexadecimal.
        #expect(ShareView.queryEncoded("/th/ข่าว/") == "%2Fth%2F%E0%B8%82%E0%B9%88%E0%B8%B2%E0%B8%A7%2F")
    }

    @Test func theLinksCarryTheEncodedAddress() {
        let share = ShareView(url: "https://example.org/en/help/")
        #expect(share.lineURL == "https://social-plugins.line.me/lineit/share?url=https%3A%2F%2Fexample.org%2Fen%2Fhelp%2F")
        #expect(share.facebookURL == "https://www.facebook.com/sharer/sharer.php?u=https%3A%2F%2Fexample.org%2Fen%2Fhelp%2F")
    }

    @Test func aPageSharesItsOwnAddressInItsLanguageEvenUntranslated() {
        let site = InlineSite(["help.md": "---\ntitle: Help\n---\n", "help.vi.md": "---\ntitle: Trợ giúp\n---\n",
                               "about.md": "---\ntitle: About\n---\n"])
        #expect(site.view("help").page.share?.url == "https://example.org/campaign/en/help/")
        #expect(site.view("help", in: "vi").page.share?.url == "https://example.org/campaign/vi/help/")
        // Shown in English for want of a translation: its canonical is the English page, but a
        // Vietnamese reader shares the Vietnamese address, with its notes and menus in Vietnamese.
        let fallback = site.view("about", in: "vi").page
        #expect(fallback.canonical == "https://example.org/campaign/en/about/")
        #expect(fallback.share?.url == "https://example.org/campaign/vi/about/")
    }
}
