"""Checks of the whole built site: valid HTML, accessibility, language markup, language
redirects and the sitemap.

Run through run.py (see there). Each test collects every problem it finds across the site and
fails once with the full list, so one run shows everything there is to fix.
"""

from __future__ import annotations

import time
import unittest
import urllib.parse

import harness
from harness import SITEMAP_NS, BrowserTestCase, Site


def fail_with(test: unittest.TestCase, what: str, problems: list[str]) -> None:
    if problems:
        test.fail(f"{len(problems)} {what}:\n" + "\n".join(f"  {p}" for p in problems))


def same_language(a: str | None, b: str | None) -> bool:
    # BCP 47 tags are case-insensitive: "zh-TW" and "zh-tw" name the same language.
    return a is not None and b is not None and a.lower() == b.lower()


class HTMLValidityTest(unittest.TestCase):
    def test_every_page_passes_the_nu_html_checker(self):
        config = harness.settings()
        files = Site(config.site).html_files()
        self.assertTrue(files, f"no HTML files in {config.site}")
        messages = harness.run_vnu(config.vnu, files)
        fail_with(self, "Nu HTML Checker errors",
                  [harness.format_vnu_message(m, config.site) for m in messages])


class AccessibilityTest(BrowserTestCase):
    """axe-core (WCAG 2.x A and AA rules) on every page, in Chromium, over HTTP."""

    accept_language = "zh-TW"

    def test_every_language_page_has_no_axe_violations(self):
        problems = []
        paths = [p for p in self.site.pages if p not in ("/", "/404.html")]
        self.assertTrue(paths, "the site has no pages besides / and /404.html")
        for path in paths:
            self.open(path)
            if self.current_path() != path:
                problems.append(f"{path}: opening it ended on {self.current_path()}")
                continue
            problems += harness.format_axe_violations(path, harness.run_axe(self.driver, self.config.axe))
        fail_with(self, "axe violations", problems)

    def test_root_page_without_javascript_has_no_axe_violations(self):
        # With JavaScript on, the root page leaves at once for the reader's language; this is the
        # page readers without JavaScript see (and use).
        harness.load_without_scripts(self.driver, self.server.url("/"))
        self.assertEqual(self.current_path(), "/")
        violations = harness.run_axe(self.driver, self.config.axe)
        fail_with(self, "axe violations", harness.format_axe_violations("/ (JavaScript off)", violations))

    def test_page_the_root_page_sends_readers_to_has_no_axe_violations(self):
        self.open("/")
        harness.wait_for(self.driver, lambda d: self.current_path() != "/",
                         message="the root page did not go to a language's page")
        landed = self.current_path()
        violations = harness.run_axe(self.driver, self.config.axe)
        fail_with(self, "axe violations", harness.format_axe_violations(f"{landed} (from /)", violations))

    def test_not_found_page_has_no_axe_violations(self):
        self.open("/no-such-page/")
        self.assertEqual(self.driver.title, " ".join(self.site.pages["/404.html"].title.split()),
                         "a missing path did not show 404.html")
        violations = harness.run_axe(self.driver, self.config.axe)
        fail_with(self, "axe violations", harness.format_axe_violations("/404.html", violations))


class LanguageMarkupTest(unittest.TestCase):
    """<html lang>, hreflang alternates and the language switcher, read from the built files."""

    @classmethod
    def setUpClass(cls):
        cls.site = Site(harness.settings().site)
        cls.pages = cls.site.pages
        cls.languages = cls.site.languages
        cls.codes = [language.code for language in cls.languages]

    def own_url(self, path: str) -> str:
        return self.site.base_url + path.lstrip("/")

    def test_language_chooser_offers_every_language_folder(self):
        chooser = self.pages["/"].language_choices
        self.assertTrue(chooser, "the root page offers no languages (no data-language-choice links)")
        offered = sorted(self.site.path_of_url(c.get("href", "")) or c.get("href", "") for c in chooser)
        homes = sorted(f"/{language.folder}/" for language in self.languages)
        self.assertEqual(offered, homes, "the root page's language choices and the language folders' "
                         "home pages differ")

    def test_html_lang_is_the_language_of_the_folder(self):
        problems = []
        for path, page in self.pages.items():
            language = self.site.language_of_folder(path)
            if language is not None:
                if not same_language(page.lang, language.code):
                    problems.append(f"{path}: <html lang={page.lang!r}>, expected {language.code!r}")
            elif not any(same_language(page.lang, code) for code in self.codes):
                problems.append(f"{path}: <html lang={page.lang!r}> is not one of the site's languages {self.codes}")
        fail_with(self, "pages with a wrong <html lang>", problems)

    def test_hreflang_alternates_are_complete_and_reciprocal(self):
        problems = []
        for path, page in self.pages.items():
            if not page.alternates:
                continue
            alternates = page.alternate_map
            hreflangs = [hreflang for hreflang, _ in page.alternates]
            duplicated = sorted({h for h in hreflangs if hreflangs.count(h) > 1})
            if duplicated:
                problems.append(f"{path}: hreflang listed more than once: {duplicated}")
            if "x-default" not in alternates:
                problems.append(f"{path}: no hreflang=x-default alternate")
            unknown = [h for h in alternates if h != "x-default" and not any(same_language(h, c) for c in self.codes)]
            if unknown:
                problems.append(f"{path}: hreflang values that are not site languages: {unknown}")
            if page.canonical != self.own_url(path):
                problems.append(f"{path}: lists alternates but its canonical is {page.canonical}")
            own = [h for h, href in page.alternates if h != "x-default" and href == self.own_url(path)]
            if not own:
                problems.append(f"{path}: its alternates do not include itself ({self.own_url(path)})")
            elif not same_language(own[0], page.lang):
                problems.append(f"{path}: lists itself as hreflang={own[0]} but <html lang={page.lang}>")
            for hreflang, href in page.alternates:
                target = self.site.path_of_url(href)
                if target is None or self.site.file_for(target) is None:
                    problems.append(f"{path}: alternate hreflang={hreflang} {href} is not a page of the site")
                    continue
                target_page = self.pages[self.site.url_path(self.site.file_for(target))]
                if target_page.alternate_map != alternates:
                    problems.append(f"{path}: alternate hreflang={hreflang} {href} does not list the same "
                                    "alternates: " + describe_difference(alternates, target_page.alternate_map))
        fail_with(self, "hreflang problems", problems)

    def test_untranslated_fallbacks_are_not_alternates(self):
        # A page shown in the original language for want of a translation points its canonical at
        # the original; search engines should see it neither as a translation nor as a page.
        problems = []
        fallbacks = {}
        for path, page in self.pages.items():
            if page.canonical and page.canonical != self.own_url(path):
                fallbacks[self.own_url(path)] = path
                if page.alternates:
                    problems.append(f"{path}: canonical is {page.canonical} but it lists alternates")
                target = self.site.path_of_url(page.canonical)
                target_file = target and self.site.file_for(target)
                if not target_file:
                    problems.append(f"{path}: canonical {page.canonical} is not a page of the site")
                elif self.pages[self.site.url_path(target_file)].canonical != page.canonical:
                    problems.append(f"{path}: canonical {page.canonical} is itself not canonical")
        for path, page in self.pages.items():
            for hreflang, href in page.alternates:
                if href in fallbacks:
                    problems.append(f"{path}: alternate hreflang={hreflang} {href} is an untranslated fallback")
        fail_with(self, "problems with untranslated fallback pages", problems)

    def test_language_switcher_links_to_this_page_in_every_language(self):
        problems = []
        for path, page in self.pages.items():
            here = self.site.language_of_folder(path)
            if here is None:
                continue  # / is the chooser itself (see NoJavaScriptTest); 404.html is in no language
            rest = path[len(here.folder) + 2:]  # "/vi/help/" -> "help/"
            choices = {c.get("data-language-choice"): c for c in page.language_choices}
            if sorted(choices) != sorted(self.codes) or len(page.language_choices) != len(self.codes):
                problems.append(f"{path}: switcher offers {[c.get('data-language-choice') for c in page.language_choices]}, "
                                f"expected {self.codes}")
            for language in self.languages:
                link = choices.get(language.code)
                if link is None:
                    continue
                expected = f"/{language.folder}/{rest}"
                href = self.site.path_of_url(link.get("href", ""))
                if link["tag"] != "a":
                    problems.append(f"{path}: switcher choice {language.code} is a <{link['tag']}>, not a link")
                if href != expected:
                    problems.append(f"{path}: switcher link for {language.code} goes to {link.get('href')!r}, expected {expected}")
                elif self.site.file_for(expected) is None:
                    problems.append(f"{path}: switcher link for {language.code} goes to {expected}, which is not built")
                for attribute in ("lang", "hreflang"):
                    if not same_language(link.get(attribute), language.code):
                        problems.append(f"{path}: switcher link for {language.code} has "
                                        f"{attribute}={link.get(attribute)!r}, expected {language.code!r}")
        fail_with(self, "language switcher problems", problems)


def describe_difference(expected: dict[str, str], actual: dict[str, str]) -> str:
    """What `actual` has in place of `expected` (both hreflang -> href)."""
    if not actual:
        return "it lists none"
    parts = []
    for hreflang in sorted(expected.keys() | actual.keys()):
        if expected.get(hreflang) != actual.get(hreflang):
            parts.append(f"{hreflang}: {actual.get(hreflang, 'missing')} instead of {expected.get(hreflang, 'nothing')}")
    return "; ".join(parts)


class SitemapTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.site = Site(harness.settings().site)

    def test_sitemap_lists_only_built_canonical_pages(self):
        root = self.site.sitemap()  # raises (test error) if sitemap.xml is missing or not XML
        self.assertEqual(root.tag, f"{{{SITEMAP_NS['sm']}}}urlset", "sitemap.xml's root is not a <urlset>")
        urls = root.findall("sm:url", SITEMAP_NS)
        self.assertTrue(urls, "sitemap.xml lists no URL")
        problems = []
        seen = set()
        for url in urls:
            loc = (url.findtext("sm:loc", "", SITEMAP_NS) or "").strip()
            if loc in seen:
                problems.append(f"<loc>{loc}</loc> is listed twice")
            seen.add(loc)
            path = self.site.path_of_url(loc)
            file = path and self.site.file_for(path)
            if not loc.startswith(self.site.base_url) or not file:
                problems.append(f"<loc>{loc}</loc> is not a built page")
                continue
            page = self.site.pages[self.site.url_path(file)]
            if page.canonical != loc:
                problems.append(f"<loc>{loc}</loc>: the page's canonical is {page.canonical}")
            alternates = {}
            for link in url.findall("xhtml:link", SITEMAP_NS):
                href, hreflang = link.get("href", ""), link.get("hreflang", "")
                alternates[hreflang] = href
                target = self.site.path_of_url(href)
                if link.get("rel") != "alternate":
                    problems.append(f"<loc>{loc}</loc>: xhtml:link rel={link.get('rel')!r}, expected 'alternate'")
                if not href.startswith(self.site.base_url) or not (target and self.site.file_for(target)):
                    problems.append(f"<loc>{loc}</loc>: alternate hreflang={hreflang} {href} is not a built page")
            if alternates != page.alternate_map:
                problems.append(f"<loc>{loc}</loc>: alternates differ from the page's: "
                                + describe_difference(page.alternate_map, alternates))
        fail_with(self, "sitemap problems", problems)


class LanguageRedirectTest(unittest.TestCase):
    """With JavaScript, the root page sends a first-time reader to the browser's language.

    Each case starts its own Chromium, because the preferred languages are fixed at start-up and a
    fresh profile has no remembered choice.
    """

    @classmethod
    def setUpClass(cls):
        cls.server = harness.SiteServer(harness.settings().site).start()
        cls.addClassCleanup(cls.server.stop)

    def assert_root_goes_to(self, accept_language: str, expected: str) -> None:
        driver = harness.start_chromium(accept_language)
        try:
            driver.get(self.server.url("/"))
            current = lambda: urllib.parse.urlsplit(driver.current_url).path
            try:
                harness.wait_for(driver, lambda d: current() != "/", timeout=10)
            except Exception:
                pass  # reported below, with where the browser is
            self.assertEqual(current(), expected,
                             f"with Accept-Language {accept_language!r}, / ended on {current()}")
        finally:
            driver.quit()

    def test_vietnamese_reader_goes_to_vi(self):
        self.assert_root_goes_to("vi", "/vi/")

    def test_filipino_reader_goes_to_fil(self):
        self.assert_root_goes_to("fil", "/fil/")

    def test_tagalog_reader_goes_to_fil(self):
        self.assert_root_goes_to("tl", "/fil/")

    def test_traditional_chinese_reader_goes_to_zh_tw(self):
        self.assert_root_goes_to("zh-TW", "/zh-tw/")


class NoJavaScriptTest(BrowserTestCase):
    """Without JavaScript the root page is a plain list of links, one per language."""

    accept_language = "vi"
    javascript = False

    def test_root_page_lists_a_link_for_every_language(self):
        from selenium.webdriver.common.by import By

        self.open("/")
        time.sleep(0.5)  # would the page leave (it must not, without JavaScript)?
        self.assertEqual(self.current_path(), "/", "without JavaScript the root page went elsewhere")
        links = {}
        for element in self.driver.find_elements(By.CSS_SELECTOR, "a[href]"):
            if element.is_displayed():
                links.setdefault(urllib.parse.urlsplit(element.get_attribute("href")).path, element)
        problems = []
        for home in sorted(f"/{language.folder}/" for language in self.site.languages):
            link = links.get(home)
            if link is None:
                problems.append(f"no visible link to {home}")
                continue
            code = self.site.pages[home].lang
            for attribute in ("lang", "hreflang"):
                # lang may sit on the link or on an element around it (the list item).
                value = (link.get_attribute(attribute) if attribute == "hreflang" else
                         self.driver.execute_script("return arguments[0].closest('[lang]').lang", link))
                if not same_language(value, code):
                    problems.append(f"link to {home}: {attribute}={value!r}, expected {code!r} (the lang of {home})")
            if not link.text.strip():
                problems.append(f"link to {home} has no visible text")
        fail_with(self, "problems with the root page's language links", problems)


if __name__ == "__main__":
    unittest.main()
