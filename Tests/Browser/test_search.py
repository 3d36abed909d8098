"""Search, as a reader uses it: in every language, a glossary of terms taken from the site's own
content finds the pages whose main content holds them (recall per term and per language, at least
90% in each language); the search page works under the site's Content-Security-Policy, loads nothing
until the reader searches, passes axe with results shown and the Nu HTML Checker, and without
JavaScript says so and lists the sections.

The expected pages of a term are read from the built files: the text of each page's
`data-pagefind-body` element, without its `data-pagefind-ignore` parts. Chinese and Thai are
matched as substrings (they have no spaces between words); the other languages as whole words.
"""

from __future__ import annotations

import re
import tempfile
import urllib.parse
import unittest
from html.parser import HTMLParser
from pathlib import Path

import harness

MIN_RECALL = 0.90

# Terms a reader would look for, each found in the site's content in that language (passport,
# broker, trafficking, migrant worker, victim, exploitation, police, interpreter, employer, free
# of charge, students, debt, wages, hotline...).
GLOSSARY: dict[str, list[str]] = {
    "zh-TW": ["護照", "仲介", "人口販運", "移工", "被害人", "勞力剝削", "性剝削", "宣導", "庇護", "通譯", "雇主",
              "警察局", "檢察署", "居留證", "免付費", "學生", "強迫勞動", "心理健康"],
    "en": ["passport", "broker", "trafficking", "migrant", "exploitation", "shelter", "interpreter", "employer",
           "police", "prosecutors", "forced labour", "students", "hotline", "wages"],
    "vi": ["hộ chiếu", "môi giới", "mua bán người", "lao động", "nạn nhân", "bóc lột", "cảnh sát", "phiên dịch",
           "miễn phí", "học sinh", "nợ", "lương", "đường dây nóng"],
    "id": ["paspor", "perdagangan orang", "pekerja migran", "korban", "eksploitasi", "polisi", "penerjemah",
           "majikan", "gratis", "siswa", "utang", "gaji", "agensi", "penampungan"],
    "th": ["หนังสือเดินทาง", "นายหน้า", "การค้ามนุษย์", "แรงงาน", "ผู้เสียหาย", "แสวงประโยชน์", "ตำรวจ", "ล่าม",
           "นายจ้าง", "แผ่นพับ", "ฟรี", "นักเรียน", "หนี้", "ค่าจ้าง", "สายด่วน"],
    "fil": ["pasaporte", "broker", "human trafficking", "migrant", "biktima", "pagsasamantala", "pulis",
            "interpreter", "polyeto", "libre", "estudyante", "utang", "sahod", "hotline", "ahensya"],
}
UNSPACED = {"zh-TW", "th"}

_VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
# Pagefind 1.5 indexes no text inside these (REMOVE_SELECTORS in its fossick/parser.rs): a quiz's
# questions, inside its <form>, and the events page's filters, in a <nav>, are not searchable.
_SKIPPED = {"head", "style", "script", "noscript", "label", "form", "svg", "footer", "nav", "iframe", "template"}
_BREAKS = {"p", "li", "h1", "h2", "h3", "h4", "td", "th", "div", "dt", "dd", "section", "article", "tr"}


class _IndexedText(HTMLParser):
    """The text Pagefind indexes: inside data-pagefind-body, outside data-pagefind-ignore."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.depth = 0
        self.body_depth: int | None = None
        self.ignore_depth: int | None = None
        self.skip_depth: int | None = None
        self.found_body = False
        self.parts: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag in _VOID:
            return
        self.depth += 1
        names = {name for name, _ in attrs}
        if "data-pagefind-body" in names and self.body_depth is None:
            self.body_depth, self.found_body = self.depth, True
        if "data-pagefind-ignore" in names and self.ignore_depth is None:
            self.ignore_depth = self.depth
        if tag in _SKIPPED and self.skip_depth is None:
            self.skip_depth = self.depth
        if tag in _BREAKS:
            self.parts.append(" ")

    def handle_endtag(self, tag):
        if tag in _VOID:
            return
        if self.ignore_depth == self.depth:
            self.ignore_depth = None
        if self.skip_depth == self.depth:
            self.skip_depth = None
        if self.body_depth == self.depth:
            self.body_depth = None
        self.depth -= 1
        self.parts.append(" ")

    def handle_data(self, data):
        if self.body_depth is not None and self.ignore_depth is None and self.skip_depth is None:
            self.parts.append(data)


def indexed_text(html: str) -> str | None:
    """The page's indexed text, whitespace collapsed; None when the page is not indexed."""
    parser = _IndexedText()
    parser.feed(html)
    parser.close()
    return " ".join("".join(parser.parts).split()) if parser.found_body else None


def contains(text: str, term: str, language: str) -> bool:
    text, term = text.lower(), term.lower()
    if language in UNSPACED:
        return term in text
    return re.search(r"(?<!\w)" + re.escape(term) + r"(?!\w)", text) is not None


def policy(html: str) -> dict[str, set[str]]:
    match = re.search(r'<meta http-equiv="Content-Security-Policy" content="([^"]*)"', html)
    if not match:
        return {}
    directives = {}
    for directive in match.group(1).split(";"):
        words = directive.split()
        if words:
            directives[words[0]] = set(words[1:])
    return directives


class SearchTest(harness.BrowserTestCase):
    @classmethod
    def setUpClass(cls) -> None:
        super().setUpClass()
        if not (cls.site.root / "pagefind" / "pagefind.js").is_file():
            raise AssertionError("the site has no search index (pagefind/pagefind.js): build it with Pagefind installed")
        cls.search_pages = {language.code: f"/{language.folder}/search/" for language in cls.site.languages}
        cls.indexed: dict[str, dict[str, str]] = {language.code: {} for language in cls.site.languages}
        for file in cls.site.html_files():
            text = indexed_text(file.read_text(encoding="utf-8"))
            language = cls.site.language_of_folder(cls.site.url_path(file))
            if text is not None and language is not None:
                cls.indexed[language.code][cls.site.url_path(file)] = text

    # -- helpers ---------------------------------------------------------------------------

    def search(self, term: str) -> list[str]:
        """Types `term` into the search page's box, submits, and returns the result paths."""
        done = self.driver.execute_script("return document.querySelector('[data-search]').dataset.searchDone || ''")
        self.driver.execute_script("""
            const form = document.querySelector('[data-search]');
            form.querySelector('input').value = arguments[0];
            form.requestSubmit();""", term)
        harness.wait_for(self.driver, lambda d: d.execute_script(
            "const f = document.querySelector('[data-search]');"
            "return f.dataset.searchFailed || (f.dataset.searchDone || '') !== arguments[0]", done),
            timeout=30, message=f"no results for {term!r}")
        self.assertIsNone(self.driver.execute_script(
            "return document.querySelector('[data-search]').dataset.searchFailed || null"), "search failed to start")
        hrefs = self.driver.execute_script(
            "return [...document.querySelectorAll('[data-search-results] a')].map(a => a.getAttribute('href'))")
        return [urllib.parse.urlsplit(href).path for href in hrefs]

    def open_search(self, code: str) -> None:
        self.open(self.search_pages[code])
        harness.wait_for(self.driver, lambda d: d.execute_script(
            "return !document.querySelector('[data-search]').hidden"), message="search form not shown")

    # -- tests -----------------------------------------------------------------------------

    def test_glossary_recall_in_every_language(self):
        rows, problems = [], []
        for code, terms in GLOSSARY.items():
            self.assertIn(code, self.search_pages, f"the site has no language {code}")
            self.open_search(code)
            found_total = expected_total = 0
            for term in terms:
                expected = {path for path, text in self.indexed[code].items() if contains(text, term, code)}
                self.assertTrue(expected, f"{code}: glossary term {term!r} is on no indexed page")
                returned = set(self.search(term))
                hits = len(expected & returned)
                found_total += hits
                expected_total += len(expected)
                missed = sorted(expected - returned)
                rows.append(f"  {code:6} {term:20} {hits:3}/{len(expected):<3} returned {len(returned)}"
                            + (f"; missed {', '.join(missed[:3])}{' ...' if len(missed) > 3 else ''}" if missed else ""))
            recall = found_total / expected_total
            rows.append(f"  {code:6} {'(all terms)':20} {found_total:3}/{expected_total:<3} recall {recall:.1%}")
            if recall < MIN_RECALL:
                problems.append(f"{code}: recall {recall:.1%} ({found_total} of {expected_total}) is under {MIN_RECALL:.0%}")
        print("\nSearch recall per term (pages found / pages holding the term):\n" + "\n".join(rows))
        self.assertEqual([], problems)

    def test_search_page_with_results_has_no_axe_violations_and_valid_html(self):
        problems = []
        with tempfile.TemporaryDirectory() as folder:
            files = []
            for code, path in self.search_pages.items():
                self.open_search(code)
                self.assertTrue(self.search(GLOSSARY[code][0]), f"{path}: no results to check")
                # Chinese and Thai are indexed character by character; readers see them as written.
                shown = self.driver.execute_script(
                    "return document.querySelector('[data-search-results]').textContent")
                if re.search(r"[\u4e00-\u9fff] [\u4e00-\u9fff]|\u200b", shown):
                    problems.append(f"{path}: results show the index's spaced characters: {shown[:80]!r}")
                problems += harness.format_axe_violations(f"{path} (results shown)", harness.run_axe(self.driver, self.config.axe))
                file = Path(folder) / f"search-{code}.html"
                file.write_text("<!DOCTYPE html>\n" + self.driver.execute_script("return document.documentElement.outerHTML"),
                                encoding="utf-8")
                files.append(file)
            problems += [harness.format_vnu_message(m, Path(folder)) for m in harness.run_vnu(self.config.vnu, files)]
        self.assertEqual([], problems)

    def test_nothing_loads_until_the_reader_searches(self):
        path = self.search_pages["en"]
        self.open(path)
        loaded = self.driver.execute_script(
            "return performance.getEntriesByType('resource').map(e => e.name).filter(n => n.includes('/pagefind/'))")
        self.assertEqual([], loaded, "Pagefind loaded before any search")
        self.open_search("en")
        self.assertTrue(self.search("passport"))

    def test_query_in_the_address_fragment_searches_and_the_header_box_sends_it_there(self):
        self.open("/en/help/")
        self.driver.execute_script("""
            const box = document.querySelector('form[data-search-box]');
            box.querySelector('input').value = 'broker';
            box.requestSubmit();""")
        harness.wait_for(self.driver, lambda d: self.current_path() == self.search_pages["en"], message="header box did not open the search page")
        self.assertTrue(self.driver.current_url.endswith("#q=broker"), self.driver.current_url)
        harness.wait_for(self.driver, lambda d: d.execute_script(
            "return document.querySelectorAll('[data-search-results] a').length > 0"), timeout=30, message="no results for #q=broker")

    def test_header_has_a_box_on_wide_screens_and_a_link_on_narrow_ones(self):
        def shown(selector: str) -> bool:
            return self.driver.execute_script(
                "const e = document.querySelector(arguments[0]); return !!e && e.getClientRects().length > 0", selector)
        try:
            self.open("/en/")
            self.assertTrue(shown("form[data-search-box]"))
            self.assertFalse(shown(".header-search-link"))
            self.driver.set_window_size(360, 740)
            self.open("/en/")
            self.assertFalse(shown("form[data-search-box]"))
            self.assertTrue(shown(".header-search-link"))
        finally:
            self.driver.set_window_size(1280, 900)

    def test_search_page_keeps_the_sites_policy(self):
        # Pagefind 1.5 compiles its WebAssembly and fetches the index in a Web Worker, which a
        # policy given in a <meta> element does not reach: the glossary test searches under the
        # site's own policy (no 'wasm-unsafe-eval', connect-src 'none'). The Nu HTML Checker also
        # rejects 'wasm-unsafe-eval' in a <meta> policy. Nothing is widened, on any page.
        problems = []
        for code, path in self.search_pages.items():
            home = policy(self.site.file_for(f"/{path.split('/')[1]}/").read_text(encoding="utf-8"))
            search = policy(self.site.file_for(path).read_text(encoding="utf-8"))
            if not search or search != home:
                problems.append(f"{path}: policy {search} differs from the site's {home}")
            if search.get("connect-src") != {"'none'"} or "'wasm-unsafe-eval'" in search.get("script-src", set()):
                problems.append(f"{path}: policy widened: {search}")
        self.assertEqual([], problems)

    def test_main_content_only_is_indexed(self):
        problems = []
        for file in self.site.html_files():
            html = file.read_text(encoding="utf-8")
            path = self.site.url_path(file)
            marked = re.findall(r"<[a-z]+[^>]*data-pagefind-body", html)
            if path in self.search_pages.values() and marked:
                problems.append(f"{path}: the search page is indexed")
            for tag in marked:
                if not tag.startswith("<main"):
                    problems.append(f"{path}: data-pagefind-body on {tag}")
        self.assertEqual([], problems)
        self.assertTrue(all(self.indexed.values()), "a language has no indexed pages")


class SearchWithoutJavaScriptTest(harness.BrowserTestCase):
    javascript = False

    def test_search_page_says_search_needs_javascript_and_lists_the_sections(self):
        problems = []
        for language in self.site.languages:
            path = f"/{language.folder}/search/"
            self.open(path)
            form_hidden = self.driver.execute_script("return document.querySelector('[data-search]').hidden")
            fallback = self.driver.execute_script("""
                const f = document.querySelector('[data-search-fallback]');
                return f && !f.hidden ? {text: f.querySelector('p').textContent,
                                          links: [...f.querySelectorAll('a')].map(a => a.getAttribute('href'))} : null""")
            if not form_hidden:
                problems.append(f"{path}: the search box shows although it cannot work")
            if not fallback or "JavaScript" not in fallback["text"]:
                problems.append(f"{path}: no note that search needs JavaScript")
            elif not fallback["links"] or not all(link.startswith(f"/{language.folder}/") for link in fallback["links"]):
                problems.append(f"{path}: the section lists in the page's language are missing: {fallback['links']}")
        self.assertEqual([], problems)

    def test_header_links_to_the_search_page(self):
        self.open("/en/")
        self.assertFalse(self.driver.execute_script(
            "const e = document.querySelector('form[data-search-box]'); return e.getClientRects().length > 0"))
        self.assertTrue(self.driver.execute_script(
            "const e = document.querySelector('.header-search-link'); return e.getClientRects().length > 0"))


if __name__ == "__main__":
    unittest.main()
