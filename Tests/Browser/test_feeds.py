"""Feeds and open data, read back by independent parsers: icalendar for the .ics files,
feedparser for the Atom feeds, jsonschema for events.json (against Tests/Schemas/), csv for
events.csv. The real content's H1 2022 events must all be there and reachable."""

from __future__ import annotations

import csv
import datetime
import io
import json
import unittest
from pathlib import Path

import feedparser
import icalendar
import jsonschema

import harness

SCHEMA = Path(__file__).resolve().parent.parent / "Schemas" / "events.schema.json"
TAIPEI = datetime.timezone(datetime.timedelta(hours=8))

# The dated events of the New Taipei report for January to June 2022 (seed document).
SEED_EVENTS = {
    "2022-03-05-womens-day": datetime.date(2022, 3, 5),
    "2022-03-14-body-salon-raid": datetime.date(2022, 3, 14),
    "2022-03-16-shu-jen-talk": datetime.date(2022, 3, 16),
    "2022-03-30-tamsui-talk": datetime.date(2022, 3, 30),
    "2022-06-12-philippine-national-day": datetime.date(2022, 6, 12),
    "2022-06-23-case-referral": datetime.date(2022, 6, 23),
}


class FeedTests(unittest.TestCase):
    @classmethod
    def setUpClass(cls) -> None:
        cls.site = harness.Site(harness.settings().site)
        cls.data = json.loads((cls.site.root / "events.json").read_text(encoding="utf-8"))

    def test_events_json_matches_schema(self):
        schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
        jsonschema.Draft202012Validator.check_schema(schema)
        errors = sorted(jsonschema.Draft202012Validator(schema).iter_errors(self.data), key=str)
        self.assertEqual([], [f"{list(e.absolute_path)}: {e.message}" for e in errors])

    def test_every_seed_event_is_published_in_chinese_and_english(self):
        by_id = {event["id"]: event for event in self.data["events"]}
        for event_id, day in SEED_EVENTS.items():
            with self.subTest(event=event_id):
                self.assertIn(event_id, by_id)
                self.assertEqual(day.isoformat(), by_id[event_id]["start"][:10])
                for language in ("zh-TW", "en"):
                    self.assertIn(language, by_id[event_id]["title"])
                    url = by_id[event_id]["url"][language]
                    self.assertIsNotNone(self.site.file_for(self.site.path_of_url(url)), url)

    def test_events_are_reachable_from_events_page_department_and_pillar(self):
        for language in ("zh-tw", "en"):
            for event in self.data["events"]:
                target = f"/{language}/events/{event['id']}/"
                pages = {
                    "events page": f"/{language}/events/",
                    "department filter": f"/{language}/events/by-department/{event['department']}/",
                    "pillar filter": f"/{language}/events/by-pillar/{event['pillar']}/",
                    "department page": f"/{language}/departments/{event['department']}/",
                }
                for name, page in pages.items():
                    with self.subTest(event=event["id"], language=language, page=name):
                        file = self.site.file_for(page)
                        self.assertIsNotNone(file, f"{page} was not built")
                        html = file.read_text(encoding="utf-8")
                        self.assertIn(f'href="{target}"', html, f"{page} does not link to {target}")

    def test_calendars_parse_with_taipei_times(self):
        expected = {event_id: day for event_id, day in SEED_EVENTS.items()}
        for language in self.site.languages:
            path = self.site.root / language.folder / "events.ics"
            raw = path.read_bytes()
            with self.subTest(calendar=str(path)):
                self.assertIn(b"\r\n", raw, "RFC 5545 lines end in CRLF")
                self.assertTrue(all(len(line) <= 75 for line in raw.split(b"\r\n")), "lines folded at 75 octets")
                calendar = icalendar.Calendar.from_ical(raw)
                events = {str(e["UID"]).split("@")[0]: e for e in calendar.walk("VEVENT")}
                self.assertEqual(set(expected), set(events))
                for event_id, day in expected.items():
                    start = events[event_id].decoded("DTSTART")
                    if isinstance(start, datetime.datetime):
                        self.assertEqual(datetime.timedelta(hours=8), start.utcoffset())
                        self.assertEqual(day, start.astimezone(TAIPEI).date())
                    else:
                        self.assertEqual(day, start)
                        self.assertEqual(day + datetime.timedelta(days=1), events[event_id].decoded("DTEND"))

    def test_single_event_calendar_files(self):
        for event_id in SEED_EVENTS:
            path = self.site.root / "en" / "events" / event_id / "event.ics"
            with self.subTest(event=event_id):
                calendar = icalendar.Calendar.from_ical(path.read_bytes())
                (event,) = calendar.walk("VEVENT")
                self.assertTrue(str(event["SUMMARY"]))
                self.assertTrue(str(event["URL"]).endswith(f"/en/events/{event_id}/"))

    def test_atom_feeds_parse(self):
        for language in self.site.languages:
            path = self.site.root / language.folder / "atom.xml"
            with self.subTest(feed=str(path)):
                feed = feedparser.parse(path.read_bytes())
                self.assertFalse(feed.bozo, f"not well-formed: {feed.get('bozo_exception')}")
                self.assertEqual("atom10", feed.version)
                links = {entry.link for entry in feed.entries}
                for event_id in SEED_EVENTS:
                    self.assertIn(f"{self.site.base_url}{language.folder}/events/{event_id}/", links)
                for entry in feed.entries:
                    self.assertTrue(entry.title)
                    self.assertIsNotNone(entry.updated_parsed)

    def test_events_csv_has_one_row_per_event(self):
        text = (self.site.root / "events.csv").read_text(encoding="utf-8")
        rows = list(csv.DictReader(io.StringIO(text, newline="")))
        self.assertEqual(sorted(e["id"] for e in self.data["events"]), sorted(r["id"] for r in rows))
        for row in rows:
            self.assertEqual("Asia/Taipei", row["timeZone"])
            self.assertTrue(row["title_zh-TW"] and row["title_en"])


if __name__ == "__main__":
    unittest.main()
