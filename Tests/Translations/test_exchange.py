#!/usr/bin/env python3
"""The translation exchange, checked by independent readers and a round trip through them.

    python3 Tests/Translations/test_exchange.py --outreach .build/debug/outreach

Exports every language of the real content in XLIFF 2.0, XLIFF 1.2 and PO; reads each file with
translate-toolkit (XLIFF 2 through translate.storage.xliff2.Xliff2File), polib and lxml; checks the
XLIFF against the structure the standards give; imports the files unchanged (the content must stay
byte for byte the same); fills targets through translate-toolkit's API, imports them and looks for
them in the built site; changes one paragraph of an original and checks that exactly that block is
outdated; and feeds broken files to import (each a positioned error, nothing written).
"""

from __future__ import annotations

import argparse
import filecmp
import re
import shutil
import subprocess
import sys
import tempfile
import unittest
from pathlib import Path

import polib
from lxml import etree
from translate.storage import xliff as xliff12
from translate.storage.placeables import StringElem
from translate.storage.xliff2 import Xliff2File

ROOT = Path(__file__).resolve().parents[2]
OUTREACH = ""
LANGUAGES = ["en", "vi", "id", "th", "fil"]
FORMATS = {"xliff": "xlf", "xliff12": "xliff", "po": "po"}
X2 = "urn:oasis:names:tc:xliff:document:2.0"
X12 = "urn:oasis:names:tc:xliff:document:1.2"


def run(site: Path, *args: str, check: bool = True) -> subprocess.CompletedProcess:
    result = subprocess.run([OUTREACH, *args], cwd=site, capture_output=True, text=True)
    if check and result.returncode != 0:
        raise AssertionError(f"outreach {' '.join(args)} failed:\n{result.stderr}")
    return result


def copy_site(folder: Path) -> Path:
    site = folder / "site-copy"
    site.mkdir()
    shutil.copytree(ROOT / "content", site / "content")
    shutil.copytree(ROOT / "theme", site / "theme")
    return site


def same_tree(a: Path, b: Path) -> list[str]:
    """Paths that differ between two folders (missing on one side, or other bytes)."""
    differences = []
    files_a = {p.relative_to(a) for p in a.rglob("*") if p.is_file()}
    files_b = {p.relative_to(b) for p in b.rglob("*") if p.is_file()}
    differences += [str(p) for p in files_a ^ files_b]
    differences += [str(p) for p in files_a & files_b if not filecmp.cmp(a / p, b / p, shallow=False)]
    return sorted(differences)


class Exchange(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.folder = Path(tempfile.mkdtemp(prefix="outreach-translations-"))
        cls.site = copy_site(cls.folder)
        cls.exports = {}
        for language in LANGUAGES:
            for name, extension in FORMATS.items():
                path = cls.folder / f"{language}.{extension}"
                run(cls.site, "translations", "export", "--lang", language, "--format", name, "--output", str(path))
                cls.exports[(language, name)] = path

    @classmethod
    def tearDownClass(cls):
        shutil.rmtree(cls.folder, ignore_errors=True)

    def test_translate_toolkit_and_polib_read_every_file(self):
        for language in LANGUAGES:
            with self.subTest(language=language):
                with open(self.exports[(language, "xliff")], "rb") as handle:
                    store = Xliff2File.parsefile(handle)
                units2 = [u for u in store.units if not u.isheader()]
                self.assertGreater(len(units2), 500)
                self.assertEqual(store.gettargetlanguage(), language)
                with open(self.exports[(language, "xliff12")], "rb") as handle:
                    store12 = xliff12.xlifffile.parsefile(handle)
                units12 = [u for u in store12.units if not u.isheader()]
                catalog = polib.pofile(str(self.exports[(language, "po")]))
                self.assertEqual(catalog.metadata["Language"], language)
                # The same texts in all three formats.
                self.assertEqual(len(units2), len(units12))
                self.assertEqual(len(units2), len(catalog))
                # Every source text is there, with its codes kept out of the text.
                sources2 = sorted(u.source for u in units2)
                self.assertFalse(any("](" in s for s in sources2), "a link address leaked into a source text")
                self.assertTrue(any("{/1}" in e.msgid for e in catalog), "no numbered placeholders in PO")

    def test_xliff_structure(self):
        for language in LANGUAGES:
            with self.subTest(language=language, version="2.0"):
                root = etree.parse(str(self.exports[(language, "xliff")])).getroot()
                self.assertEqual(root.tag, f"{{{X2}}}xliff")
                self.assertEqual(root.get("version"), "2.0")
                self.assertEqual(root.get("srcLang"), "zh-TW")
                self.assertEqual(root.get("trgLang"), language)
                file_ids = [f.get("id") for f in root.iter(f"{{{X2}}}file")]
                self.assertEqual(len(file_ids), len(set(file_ids)))
                for file in root.iter(f"{{{X2}}}file"):
                    self.assertRegex(file.get("id"), r"^[\w.:-]+$")  # NMTOKEN
                    unit_ids = [u.get("id") for u in file.iter(f"{{{X2}}}unit")]
                    self.assertEqual(len(unit_ids), len(set(unit_ids)), file.get("id"))
                    for unit in file.iter(f"{{{X2}}}unit"):
                        children = [etree.QName(c).localname for c in unit]
                        # notes?, originalData?, segment+ in that order.
                        order = [c for c in children if c in ("notes", "originalData", "segment")]
                        self.assertEqual(order, sorted(order, key=["notes", "originalData", "segment"].index))
                        data_ids = {d.get("id") for d in unit.iter(f"{{{X2}}}data")}
                        for segment in unit.iter(f"{{{X2}}}segment"):
                            self.assertIn(segment.get("state", "initial"), {"initial", "translated", "reviewed", "final"})
                            self.assertEqual(etree.QName(segment[0]).localname, "source")
                            if segment.get("state") in ("translated", "reviewed", "final"):
                                self.assertIsNotNone(segment.find(f"{{{X2}}}target"))
                        for pc in unit.iter(f"{{{X2}}}pc"):
                            self.assertTrue(pc.get("id"))
                            self.assertIn(pc.get("dataRefStart"), data_ids)
                            self.assertIn(pc.get("dataRefEnd"), data_ids)
                        for ph in unit.iter(f"{{{X2}}}ph"):
                            self.assertTrue(ph.get("id"))
                            self.assertIn(ph.get("dataRef"), data_ids)
            with self.subTest(language=language, version="1.2"):
                root = etree.parse(str(self.exports[(language, "xliff12")])).getroot()
                self.assertEqual(root.tag, f"{{{X12}}}xliff")
                self.assertEqual(root.get("version"), "1.2")
                for file in root.iter(f"{{{X12}}}file"):
                    for attribute in ("original", "source-language", "datatype"):
                        self.assertTrue(file.get(attribute), attribute)
                    self.assertIsNotNone(file.find(f"{{{X12}}}body"))
                    for unit in file.iter(f"{{{X12}}}trans-unit"):
                        self.assertTrue(unit.get("id"))
                        self.assertEqual(etree.QName(unit[0]).localname, "source")
                        for target in unit.iter(f"{{{X12}}}target"):
                            self.assertIn(target.get("state"), {
                                "new", "needs-translation", "needs-l10n", "needs-adaptation", "translated",
                                "needs-review-translation", "needs-review-l10n", "needs-review-adaptation",
                                "final", "signed-off"})

    def test_unchanged_import_changes_nothing(self):
        with tempfile.TemporaryDirectory() as scratch:
            site = copy_site(Path(scratch))
            run(site, "translations", "import", *[str(p) for p in self.exports.values()])
            self.assertEqual(same_tree(ROOT / "content", site / "content"), [])
            self.assertEqual(same_tree(ROOT / "theme", site / "theme"), [])

    def test_targets_filled_by_translate_toolkit_reach_the_built_site(self):
        with tempfile.TemporaryDirectory() as scratch:
            scratch = Path(scratch)
            site = copy_site(scratch)
            files = []
            for language in ("vi", "th"):
                with open(self.exports[(language, "xliff")], "rb") as handle:
                    store = Xliff2File.parsefile(handle)
                marker = f" ⟦{language}⟧"
                for unit in store.units:
                    if unit.isheader():
                        continue
                    # The source's rich text, codes and all, with a marker after it.
                    unit.rich_target = [StringElem(list(unit.rich_source[0].sub) + [StringElem(marker)])]
                    unit.markapproved(True)
                path = scratch / f"{language}-filled.xlf"
                path.write_bytes(bytes(store))
                files.append(str(path))
            run(site, "translations", "import", *files)
            run(site, "build", "--output", str(scratch / "out"))
            about = (scratch / "out" / "vi" / "about" / "index.html").read_text()
            self.assertIn("臺灣如何防制人口販運 ⟦vi⟧", about)
            # A link's address survived, around its translated text.
            self.assertRegex(about, r'<a href="[^"]*prevention[^"]*">預防</a>')
            self.assertNotIn("translation: draft", (site / "content" / "about.vi.md").read_text())
            self.assertIn("translation: reviewed", (site / "content" / "about.vi.md").read_text())
            thai = (scratch / "out" / "th" / "help" / "index.html").read_text()
            self.assertIn("⟦th⟧", thai)
            self.assertNotIn("⟦vi⟧", thai)
            # Quiz banks, hotlines and the theme's strings got theirs.
            self.assertIn("⟦vi⟧", (site / "content" / "hotlines.yaml").read_text())
            self.assertIn("⟦vi⟧", (site / "theme" / "i18n" / "vi.yaml").read_text())
            quiz = next((scratch / "out" / "vi" / "quiz").rglob("index.html")).read_text()
            self.assertIn("⟦vi⟧", quiz)
            # Every page reviewed; the quiz bank's `translation: draft` speaks for all its languages
            # at once, so its row stays a draft while its texts are reviewed one by one.
            status = run(site, "translations").stdout
            self.assertRegex(status, r"vi: 0 missing, 1 draft, 0 outdated, \d+ reviewed")
            self.assertRegex(status, r"quizzes/health-and-safety\.yaml .* draft\n")

            # Change one paragraph of an original: that block alone is outdated and exported.
            original = site / "content" / "about.md"
            text = original.read_text()
            sentence = "在美國國務院2021年《人口販運問題報告》"
            self.assertIn(sentence, text)
            original.write_text(text.replace(sentence, "在美國國務院2021年出版的《人口販運問題報告》"))
            status = run(site, "translations").stdout
            self.assertRegex(status, r"about\.md vi: outdated b\d+ \(line \d+\)")
            outdated = scratch / "outdated.po"
            run(site, "translations", "export", "--lang", "vi", "--format", "po", "--only", "outdated", "--output", str(outdated))
            entries = polib.pofile(str(outdated))
            self.assertEqual(len(entries), 1)
            entry = entries[0]
            self.assertTrue(entry.msgctxt.startswith("about.md#b"))
            self.assertIn("出版的", entry.msgid)
            self.assertNotIn("出版的", entry.previous_msgid)
            self.assertIn("fuzzy", entry.flags)
            # The new translation, marked reviewed in an XLIFF, makes the page reviewed again.
            xlf = scratch / "outdated.xlf"
            run(site, "translations", "export", "--lang", "vi", "--only", "outdated", "--output", str(xlf))
            with open(xlf, "rb") as handle:
                store = Xliff2File.parsefile(handle)
            units = [u for u in store.units if not u.isheader()]
            self.assertEqual(len(units), 1)
            units[0].rich_target = [StringElem(list(units[0].rich_source[0].sub) + [StringElem(" ⟦vi2⟧")])]
            units[0].markapproved(True)
            xlf.write_bytes(bytes(store))
            run(site, "translations", "import", str(xlf))
            status = run(site, "translations").stdout
            self.assertRegex(status, r"about\.md\s+\w+\s+original\s+\w+\s+reviewed")
            self.assertNotIn("about.md vi: outdated", status)
            # Thai was not re-imported: its translation of that block alone stays outdated.
            self.assertRegex(status, r"about\.md th: outdated b\d+ \(line \d+\)\n$")

    def test_bad_input_is_a_positioned_error_and_writes_nothing(self):
        with tempfile.TemporaryDirectory() as scratch:
            scratch = Path(scratch)
            site = copy_site(scratch)
            xlf = self.exports[("vi", "xliff")].read_text()
            cases = {}
            # A broken inline code: a <pc> dropped from a target (an unchanged target keeps its codes).
            broken = re.sub(r'(<target xml:space="preserve">[^<]*)<pc id="1"[^>]*>([^<]*)</pc>', r"\1\2", xlf, count=1)
            self.assertNotEqual(broken, xlf)
            cases["codes.xlf"] = (broken, "inline codes do not match")
            cases["unknown.xlf"] = (xlf.replace('<unit id="b2">', '<unit id="b9999">', 1), "unknown unit 'b9999'")
            cases["malformed.xlf"] = (xlf.replace("</segment>", "</segmnt>", 1), "malformed XML")
            cases["language.xlf"] = (xlf.replace('trgLang="vi"', 'trgLang="ja"', 1), "target language 'ja'")
            po = self.exports[("vi", "po")].read_text()
            cases["header.po"] = (po.replace('"Language: vi\\n"\n', "", 1), "no 'Language:'")
            cases["syntax.po"] = (po.replace('msgstr ""', 'msgstr "unclosed', 1), "expected a quoted string")
            for name, (text, message) in cases.items():
                with self.subTest(case=name):
                    path = scratch / name
                    path.write_text(text)
                    result = run(site, "translations", "import", str(path), check=False)
                    self.assertEqual(result.returncode, 1, result.stdout)
                    self.assertRegex(result.stderr, rf"{re.escape(str(path))}:\d+:\d+: error: .*{re.escape(message)}")
                    self.assertIn("nothing written", result.stderr)
                    self.assertEqual(same_tree(ROOT / "content", site / "content"), [])
                    self.assertEqual(same_tree(ROOT / "theme", site / "theme"), [])


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--outreach", required=True)
    arguments, rest = parser.parse_known_args()
    OUTREACH = str(Path(arguments.outreach).resolve())
    unittest.main(argv=[sys.argv[0], *rest], verbosity=2)
