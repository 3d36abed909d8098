"""The coordination report (/<lang>/campaigns/<id>/report/), checked against the data it is made
from: every event of the period in events.json and every figure in content/figures.yaml must be
named; it prints to A4 in Chromium with the page number and the report's name on every page
(read back with poppler's pdfinfo and pdftotext); report.csv opens with Python's csv module and
report.json matches Tests/Schemas/report.schema.json. vnu and axe check it with every page."""

from __future__ import annotations

import base64
import csv
import datetime
import html
import json
import re
import subprocess
import tempfile
from pathlib import Path

import jsonschema
import yaml

import harness

REPO = Path(__file__).resolve().parent.parent.parent
SCHEMA = REPO / "Tests" / "Schemas" / "report.schema.json"
FIGURES = REPO / "content" / "figures.yaml"
CAMPAIGN = "new-taipei-2022-h1"
FIRST_DAY, LAST_DAY = datetime.date(2022, 1, 1), datetime.date(2022, 6, 30)
A4_POINTS = (595.28, 841.89)


def run(*command: str) -> str:
    return subprocess.run(command, check=True, capture_output=True, text=True).stdout


def visible_text(markup: str) -> str:
    """The text of the page's <main>, tags removed and entities decoded, spaces collapsed."""
    main = markup[markup.index("<main"):markup.index("</main>")]
    return re.sub(r"\s+", " ", html.unescape(re.sub(r"<[^>]+>", " ", main)))


def formatted(value: float) -> str:
    """A figure's value as the site prints it: 79,371 or 74.33."""
    return f"{int(value):,}" if float(value).is_integer() else str(value)


class ReportTest(harness.BrowserTestCase):
    @classmethod
    def setUpClass(cls) -> None:
        super().setUpClass()
        cls.workdir = Path(tempfile.mkdtemp(prefix="outreach-report-"))
        data = json.loads((cls.site.root / "events.json").read_text(encoding="utf-8"))
        cls.events = [event for event in data["events"] if event.get("campaign") == CAMPAIGN
                      and FIRST_DAY <= datetime.date.fromisoformat(event["start"][:10]) <= LAST_DAY]
        cls.figures = yaml.safe_load(FIGURES.read_text(encoding="utf-8"))["figures"]
        if len(cls.events) < 6 or len(cls.figures) < 10:
            raise AssertionError(f"expected the seed's events and figures, found {len(cls.events)} and {len(cls.figures)}")

    def folder(self, language: str) -> str:
        return next(lang.folder for lang in self.site.languages if lang.code == language)

    def report_file(self, language: str, name: str = "index.html") -> Path:
        return self.site.root / self.folder(language) / "campaigns" / CAMPAIGN / "report" / name

    def test_report_names_every_event_of_the_period_and_every_figure(self):
        for language in ("zh-TW", "en"):
            with self.subTest(language=language):
                markup = self.report_file(language).read_text(encoding="utf-8")
                text = visible_text(markup)
                linked = set(re.findall(rf'href="/{self.folder(language)}/events/([^/"]+)/"', markup))
                self.assertEqual({event["id"] for event in self.events}, linked, "events linked from the report")
                for event in self.events:
                    title = event["title"].get(language) or event["title"]["zh-TW"]
                    self.assertIn(title, text, f"event {event['id']}")
                for figure in self.figures:
                    label = figure["label"].get(language) or figure["label"]["zh-TW"]
                    self.assertIn(formatted(figure["value"]) + figure.get("unit", ""), text, f"figure {figure['id']}")
                    self.assertIn(label, text, f"figure {figure['id']}")

    def test_report_prints_to_a4_with_page_numbers_and_its_name_on_every_page(self):
        for language in ("zh-TW", "en"):
            with self.subTest(language=language):
                path = f"/{self.folder(language)}/campaigns/{CAMPAIGN}/report/"
                self.open(path)
                self.driver.execute_script("return document.fonts.ready")
                title = self.driver.find_element("css selector", "h1").text
                pdf = self.driver.execute_cdp_cmd("Page.printToPDF", {"preferCSSPageSize": True})
                target = self.workdir / f"report-{language}.pdf"
                target.write_bytes(base64.b64decode(pdf["data"]))
                info = run("pdfinfo", str(target))
                pages = int(re.search(r"^Pages:\s+(\d+)", info, re.M).group(1))
                width, height = map(float, re.search(r"^Page size:\s+([\d.]+) x ([\d.]+) pts", info, re.M).groups())
                self.assertAlmostEqual(A4_POINTS[0], width, delta=2)
                self.assertAlmostEqual(A4_POINTS[1], height, delta=2)
                self.assertGreater(pages, 2, "one part of the report per page at least")
                # The running header may be cut at the margin box's width: its start must be there.
                header = re.sub(r"\s+", "", title)[:12]
                for page in range(1, pages + 1):
                    page_text = run("pdftotext", "-f", str(page), "-l", str(page), "-layout", str(target), "-")
                    # pdftotext drops the spaces of "1 / 9"; the footer is the page's last line.
                    lines = [re.sub(r"\s+", "", line) for line in page_text.splitlines() if line.strip()]
                    self.assertEqual(f"{page}/{pages}", lines[-1], f"page {page} has no page number")
                    self.assertTrue(lines[0].startswith(header), f"page {page} has no running header: {lines[0]}")

    def test_csv_opens_with_the_same_events_and_figures(self):
        for language in ("zh-TW", "en"):
            with self.subTest(language=language):
                with self.report_file(language, "report.csv").open(encoding="utf-8", newline="") as file:
                    rows = list(csv.DictReader(file))
                self.assertTrue(rows)
                self.assertTrue(all(None not in row for row in rows), "every row has exactly the header's columns")
                events = [row["id"] for row in rows if row["record"] == "event"]
                self.assertCountEqual([event["id"] for event in self.events], events)
                figures = {row["id"]: row for row in rows if row["record"] == "figure"}
                self.assertEqual({figure["id"] for figure in self.figures}, set(figures))
                for figure in self.figures:
                    self.assertEqual(float(figure["value"]), float(figures[figure["id"]]["value"]))
                self.assertTrue(any(row["record"] == "activity" for row in rows))

    def test_json_matches_the_schema_and_the_csv(self):
        schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
        for language in [lang.code for lang in self.site.languages]:
            with self.subTest(language=language):
                document = json.loads(self.report_file(language, "report.json").read_text(encoding="utf-8"))
                jsonschema.validate(document, schema)
                self.assertEqual(language, document["language"])
                events = [event["id"] for part in document["parts"] for department in part["departments"]
                          for event in department["events"]]
                self.assertCountEqual([event["id"] for event in self.events], events)
                self.assertEqual([part["part"] for part in document["parts"]],
                                 ["prevention", "protection", "prosecution", "partnership", "other"])
