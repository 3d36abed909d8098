"""Hostile content must never run. Tests/Fixtures/Sites/hostile puts <script>, event handlers,
javascript: and data: URLs, `</script>` inside quiz text (which travels as JSON in a page), quotes
and {{ }} into every field that reaches a page, feed, sitemap, calendar or CSV. The built files are
checked for anything executable, and every page is opened in Chromium to check no payload ran."""

from __future__ import annotations

import csv
import io
import os
import re
import unittest
import xml.etree.ElementTree as ET
from html.parser import HTMLParser
from pathlib import Path

import icalendar

import harness

ENV_HOSTILE = "OUTREACH_HOSTILE_SITE"
DANGEROUS_SCHEMES = ("javascript:", "vbscript:", "data:")
URL_ATTRIBUTES = {"href", "src", "action", "formaction", "xlink:href", "poster", "srcset"}


class _Scanner(HTMLParser):
    """Collects everything in a page that a browser could execute."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.problems: list[str] = []
        self.in_script: dict | None = None
        self.script_text = ""

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        for name, value in attrs:
            if name.startswith("on"):
                self.problems.append(f"<{tag} {name}=...> event handler")
            if name in URL_ATTRIBUTES and value and value.strip().lower().startswith(DANGEROUS_SCHEMES):
                self.problems.append(f"<{tag} {name}={value[:40]!r}> dangerous URL")
        if tag == "script":
            is_module = attributes.get("type") == "module" and "/assets/" in (attributes.get("src") or "")
            is_data = attributes.get("type") == "application/json"
            if not (is_module or is_data):
                self.problems.append(f"<script {attrs}> that is not one of the theme's scripts")
            self.in_script = attributes
            self.script_text = ""
        if tag in ("iframe", "object", "embed", "base"):
            self.problems.append(f"<{tag}> element")

    def handle_data(self, data):
        if self.in_script is not None:
            self.script_text += data

    def handle_endtag(self, tag):
        if tag == "script" and self.in_script is not None:
            if self.in_script.get("type") == "application/json" and "<" in self.script_text:
                self.problems.append("'<' inside a JSON script block")
            self.in_script = None


class InjectionTest(harness.BrowserTestCase):
    @classmethod
    def setUpClass(cls) -> None:
        hostile = os.environ.get(ENV_HOSTILE)
        if not hostile or not (Path(hostile) / "index.html").is_file():
            raise AssertionError(f"{ENV_HOSTILE} must name the built hostile fixture site (make test builds it)")
        # Serve the hostile site in this class's browser only: the other classes test the real site.
        real = os.environ.get(harness.ENV_SITE)
        os.environ[harness.ENV_SITE] = hostile
        try:
            super().setUpClass()
        finally:
            if real is None:
                os.environ.pop(harness.ENV_SITE, None)
            else:
                os.environ[harness.ENV_SITE] = real

    def test_no_page_contains_anything_executable(self):
        problems = []
        for file in self.site.html_files():
            scanner = _Scanner()
            scanner.feed(file.read_text(encoding="utf-8"))
            problems += [f"{file.relative_to(self.site.root)}: {p}" for p in scanner.problems]
            html = file.read_text(encoding="utf-8")
            if "Content-Security-Policy" not in html or "unsafe-inline" in html:
                problems.append(f"{file.relative_to(self.site.root)}: no strict Content-Security-Policy")
        self.assertEqual([], problems)

    def test_no_payload_runs_in_chromium(self):
        ran = []
        for path in sorted(self.site.pages):
            self.open(path)
            harness.wait_for(self.driver, lambda d: d.execute_script("return document.readyState") == "complete")
            value = self.driver.execute_script("return window.__pwned === undefined ? null : String(window.__pwned)")
            if value is not None:
                ran.append(f"{path}: payload {value} ran")
        self.assertEqual([], ran)

    def test_feeds_sitemap_calendars_and_csv_stay_well_formed(self):
        root = self.site.root
        for xml in [root / "sitemap.xml", *root.glob("*/atom.xml")]:
            with self.subTest(file=xml.name):
                ET.parse(xml)  # raises on any markup that broke out of its text
        for calendar in root.rglob("*.ics"):
            with self.subTest(file=str(calendar.relative_to(root))):
                events = icalendar.Calendar.from_ical(calendar.read_bytes()).walk("VEVENT")
                self.assertTrue(events)
                for event in events:
                    self.assertIn("window.__pwned", str(event["SUMMARY"]), "text kept as text, unescaped by the parser")
        rows = list(csv.reader(io.StringIO((root / "events.csv").read_text(encoding="utf-8"), newline="")))
        for row in rows:
            for cell in row:
                self.assertFalse(cell[:1] in ("=", "+", "-", "@"), f"CSV cell could run as a formula: {cell[:40]!r}")

    def test_quiz_with_script_text_still_works(self):
        quiz = next(p for p in self.site.pages if re.fullmatch(r"/zh-tw/quiz/[^/]+/", p))
        self.open(quiz)
        harness.wait_for(self.driver, lambda d: d.execute_script(
            "return document.querySelector('form[data-quiz][data-quiz-ready]') !== null"))
        self.driver.execute_script("document.querySelector('input[value=a]').click();"
                                   "document.querySelector('[data-quiz-submit]').click()")
        harness.wait_for(self.driver, lambda d: d.execute_script(
            "return document.querySelector('[data-quiz-result]').hasAttribute('data-score')"))
        feedback = self.driver.execute_script("return document.querySelector('[data-quiz-feedback]').textContent")
        self.assertIn("</script>", feedback, "the quiz shows the text as text")
        self.assertIsNone(self.driver.execute_script("return window.__pwned === undefined ? null : window.__pwned"))


if __name__ == "__main__":
    unittest.main()
