"""The share control, on every page: without JavaScript, plain links to LINE and Facebook that carry
the page's address in its language (percent-encoded) and the address itself in a read-only field;
with JavaScript, the phone's share sheet (Web Share API) where the browser has one, called with the
page's title and address, and "copy link", which writes the address and announces it. Loading a page
asks nothing of any other site, and the Content-Security-Policy allows nothing new.
"""

from __future__ import annotations

import re
import unittest
import urllib.parse
from html.parser import HTMLParser

import harness
from test_header import kind_of

LINE = "https://social-plugins.line.me/lineit/share?url="
FACEBOOK = "https://www.facebook.com/sharer/sharer.php?u="
# The policy of every page of this site (it counts no quiz answers, so connect-src is 'none').
CSP = ("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'none'; "
       "worker-src 'self'; manifest-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'")

# Stand-ins for the phone's share sheet and clipboard, put in place before any script of the page runs.
STUBS = """
  window.__shared = [];
  window.__copied = [];
  Object.defineProperty(Navigator.prototype, 'share', {configurable: true, value(data) { window.__shared.push(data); return Promise.resolve(); }});
  Object.defineProperty(Navigator.prototype, 'clipboard', {configurable: true, get() {
    return {writeText(text) { window.__copied.push(text); return Promise.resolve(); }};
  }});
"""


class _ShareParser(HTMLParser):
    """The share control's links, field and buttons, and the page's CSP, from a page's HTML."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.depth = 0
        self.links: list[str] = []
        self.fields: list[str] = []
        self.buttons: list[dict[str, str]] = []
        self.controls = 0
        self.csp: str | None = None

    def handle_starttag(self, tag, attrs):
        a = {k: v or "" for k, v in attrs}
        if tag == "meta" and a.get("http-equiv", "").lower() == "content-security-policy":
            self.csp = a.get("content")
        if tag == "section" and "share" in a.get("class", "").split():
            self.controls += 1
            self.depth = 1
        elif self.depth and tag == "section":
            self.depth += 1
        elif self.depth and tag == "a":
            self.links.append(a.get("href", ""))
        elif self.depth and tag == "input":
            self.fields.append(a.get("value", ""))
        elif self.depth and tag == "button":
            self.buttons.append(a)

    def handle_endtag(self, tag):
        if self.depth and tag == "section":
            self.depth -= 1


def parse(html: str) -> _ShareParser:
    parser = _ShareParser()
    parser.feed(html)
    return parser


class ShareMarkupTest(unittest.TestCase):
    """Read from the built files: every page a reader can share has the control, right for its language."""

    @classmethod
    def setUpClass(cls):
        cls.site = harness.Site(harness.settings().site)

    def expected_url(self, path: str) -> str:
        """The address a page shares: its own, in its language (an untranslated page too, whose
        canonical is the original's); a pamphlet's side-by-side print page shares the pamphlet."""
        if kind_of(path) == "bilingual":
            return self.site.base_url + path.lstrip("/")[: -len("bilingual/")]
        return self.site.base_url + path.lstrip("/")

    def test_every_page_has_plain_share_links_to_its_own_address(self):
        problems, checked = [], 0
        for path in self.site.pages:
            kind = kind_of(path)
            html = self.site.file_for(path).read_text(encoding="utf-8")
            share = parse(html)
            if kind in (None, "404", "offline"):
                # The language chooser, 404.html and the offline stand-in are not pages to pass on.
                if share.controls:
                    problems.append(f"{path}: has a share control")
                continue
            checked += 1
            url = self.expected_url(path)
            encoded = urllib.parse.quote(url, safe="")
            if share.controls != 1:
                problems.append(f"{path}: {share.controls} share controls")
                continue
            if share.links != [LINE + encoded, FACEBOOK + encoded]:
                problems.append(f"{path}: share links {share.links}, expected LINE and Facebook for {url}")
            if share.fields != [url]:
                problems.append(f"{path}: the address field holds {share.fields}, expected {url}")
            if self.site.file_for(self.site.path_of_url(url) or "") is None:
                problems.append(f"{path}: shares {url}, which is not a page of the site")
            if len(share.buttons) != 2 or not all("hidden" in b for b in share.buttons):
                problems.append(f"{path}: the share sheet and copy buttons are not both hidden until a script shows them")
        self.assertGreater(checked, 200)
        self.assertEqual([], problems)

    def test_content_security_policy_is_unchanged(self):
        problems = []
        for path in self.site.pages:
            csp = parse(self.site.file_for(path).read_text(encoding="utf-8")).csp
            if csp != CSP:
                problems.append(f"{path}: Content-Security-Policy {csp!r}")
        self.assertEqual([], problems)


class ShareWithoutJavaScriptTest(harness.BrowserTestCase):
    javascript = False

    def test_links_and_address_are_shown_and_buttons_are_not(self):
        from selenium.webdriver.common.by import By
        problems = []
        for language in self.site.languages:
            for path in (f"/{language.folder}/help/", f"/{language.folder}/posters/forced-labour-signs/"):
                self.open(path)
                links = self.driver.find_elements(By.CSS_SELECTOR, ".share a")
                field = self.driver.find_element(By.CSS_SELECTOR, ".share input")
                buttons = self.driver.find_elements(By.CSS_SELECTOR, ".share button")
                encoded = urllib.parse.quote(self.site.base_url + path.lstrip("/"), safe="")
                if [a.get_attribute("href") for a in links if a.is_displayed()] != [LINE + encoded, FACEBOOK + encoded]:
                    problems.append(f"{path}: LINE and Facebook links not shown for the page's address")
                if not field.is_displayed() or field.get_attribute("readonly") is None:
                    problems.append(f"{path}: the page's address is not shown in a read-only field")
                if any(b.is_displayed() for b in buttons):
                    problems.append(f"{path}: a button that needs JavaScript is shown without it")
        self.assertEqual([], problems)


class ShareWithJavaScriptTest(harness.BrowserTestCase):
    network_log = True

    def stub(self) -> str:
        return self.driver.execute_cdp_cmd("Page.addScriptToEvaluateOnNewDocument", {"source": STUBS})["identifier"]

    def unstub(self, identifier: str) -> None:
        self.driver.execute_cdp_cmd("Page.removeScriptToEvaluateOnNewDocument", {"identifier": identifier})

    def test_share_sheet_and_copy_link_in_every_language(self):
        from selenium.webdriver.common.by import By
        identifier = self.stub()
        self.addCleanup(self.unstub, identifier)
        problems = []
        for language in self.site.languages:
            for path in (f"/{language.folder}/quiz/health-and-safety/", f"/{language.folder}/posters/quiz-invitation/"):
                self.open(path)
                url = self.site.base_url + path.lstrip("/")
                native, copy = self.driver.find_elements(By.CSS_SELECTOR, ".share button")
                status = self.driver.find_element(By.CSS_SELECTOR, ".share [role=status]")
                if not native.is_displayed() or not copy.is_displayed():
                    problems.append(f"{path}: the share sheet or copy button is not shown where the browser has them")
                    continue
                native.click()
                shared = harness.wait_for(self.driver, lambda d: d.execute_script("return window.__shared"))
                if shared != [{"title": self.driver.title, "url": url}]:
                    problems.append(f"{path}: navigator.share was called with {shared}, expected the title and {url}")
                self.assertEqual("", status.text)
                copy.click()
                copied = harness.wait_for(self.driver, lambda d: d.execute_script("return window.__copied"))
                if copied != [url]:
                    problems.append(f"{path}: copied {copied}, expected {url}")
                announced = harness.wait_for(self.driver, lambda d: status.text)
                if announced != copy.get_attribute("data-done") or status.get_attribute("role") != "status":
                    problems.append(f"{path}: announced {announced!r} in the live region")
        self.assertEqual([], problems)

    def test_no_share_sheet_button_where_the_browser_has_none(self):
        from selenium.webdriver.common.by import By
        self.open("/en/help/")
        if self.driver.execute_script("return 'share' in navigator"):
            self.skipTest("this Chromium has navigator.share")
        native = self.driver.find_elements(By.CSS_SELECTOR, ".share button")[0]
        self.assertFalse(native.is_displayed())

    def test_pages_load_nothing_from_other_sites(self):
        origin = urllib.parse.urlsplit(self.server.origin)
        identifier = self.stub()  # the share buttons shown, as on a phone
        self.addCleanup(self.unstub, identifier)
        paths = {}
        for path in sorted(self.site.pages):
            language = self.site.language_of_folder(path)
            paths.setdefault((language.folder if language else "", kind_of(path)), path)
        problems = []
        harness.requested_urls(self.driver)  # empties the log
        for path in sorted(paths.values()):
            self.open(path)
            harness.wait_for(self.driver, lambda d: d.execute_script("return document.readyState") == "complete")
            for url in harness.requested_urls(self.driver):
                parts = urllib.parse.urlsplit(url)
                if parts.scheme not in ("data", "blob") and (parts.scheme, parts.netloc) != (origin.scheme, origin.netloc):
                    problems.append(f"{path}: requested {url}")
        self.assertGreater(len(paths), 90)
        self.assertEqual([], problems)


if __name__ == "__main__":
    unittest.main()
