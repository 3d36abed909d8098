"""Printed material, as a print shop or an office printer would get it: Chromium prints each
poster and pamphlet page to PDF with the page size its CSS asks for (Page.printToPDF with
preferCSSPageSize); poppler's pdfinfo and pdffonts and zbar's zbarimg read the result."""

from __future__ import annotations

import base64
import re
import subprocess
import tempfile
import unittest
from pathlib import Path

import harness

# ISO sizes in PostScript points, portrait.
PAPER_POINTS = {"a4": (595.28, 841.89), "a3": (841.89, 1190.55), "a5": (419.53, 595.28)}
TOLERANCE_POINTS = 2.0


def run(*command: str) -> str:
    return subprocess.run(command, check=True, capture_output=True, text=True).stdout


class PrintTest(harness.BrowserTestCase):
    @classmethod
    def setUpClass(cls) -> None:
        super().setUpClass()
        cls.workdir = Path(tempfile.mkdtemp(prefix="outreach-print-"))
        pages = cls.site.pages
        cls.posters = sorted(p for p in pages if re.fullmatch(r"/[^/]+/posters/[^/]+/", p))
        cls.pamphlets = sorted(p for p in pages if re.fullmatch(r"/[^/]+/pamphlets/[^/]+/", p))
        cls.bilingual = sorted(p for p in pages if re.fullmatch(r"/[^/]+/pamphlets/[^/]+/bilingual/", p))
        if not cls.posters or not cls.pamphlets:
            raise AssertionError("the site has no posters or no pamphlets")

    def print_to_pdf(self, path: str) -> Path:
        self.open(path)
        self.driver.execute_script("return document.fonts.ready")
        pdf = self.driver.execute_cdp_cmd("Page.printToPDF", {"preferCSSPageSize": True, "printBackground": True})
        target = self.workdir / (path.strip("/").replace("/", "_") + ".pdf")
        target.write_bytes(base64.b64decode(pdf["data"]))
        return target

    def pdf_pages(self, pdf: Path) -> tuple[int, float, float]:
        info = run("pdfinfo", str(pdf))
        pages = int(re.search(r"^Pages:\s+(\d+)", info, re.M).group(1))
        width, height = map(float, re.search(r"^Page size:\s+([\d.]+) x ([\d.]+) pts", info, re.M).groups())
        return pages, width, height

    def assert_paper(self, pdf: Path, paper: str, orientation: str, pages: int) -> None:
        count, width, height = self.pdf_pages(pdf)
        expected = PAPER_POINTS[paper]
        if orientation == "landscape":
            expected = expected[::-1]
        self.assertEqual(pages, count, f"{pdf.name}: {count} pages")
        self.assertAlmostEqual(expected[0], width, delta=TOLERANCE_POINTS, msg=f"{pdf.name}: width")
        self.assertAlmostEqual(expected[1], height, delta=TOLERANCE_POINTS, msg=f"{pdf.name}: height")

    def assert_fonts_embedded(self, pdf: Path) -> None:
        rows = run("pdffonts", str(pdf)).splitlines()[2:]
        self.assertTrue(rows, f"{pdf.name}: no fonts at all")
        for row in rows:
            # Columns: name type [encoding...] emb sub uni object ID; "emb" is the 5th field from the end.
            self.assertEqual("yes", row.split()[-5], f"{pdf.name}: font not embedded: {row}")

    def decode_qr(self, pdf: Path, page: int = 1) -> list[str]:
        prefix = self.workdir / f"{pdf.stem}-p{page}"
        run("pdftoppm", "-r", "150", "-f", str(page), "-l", str(page), "-png", str(pdf), str(prefix))
        image = next(self.workdir.glob(f"{prefix.name}*.png"))
        found = subprocess.run(["zbarimg", "--quiet", "--raw", str(image)], capture_output=True, text=True)
        return found.stdout.split()

    def test_each_poster_is_one_sheet_with_a_qr_code_to_a_page_in_its_language(self):
        for path in self.posters:
            with self.subTest(poster=path):
                html = self.site.file_for(path).read_text(encoding="utf-8")
                paper, orientation = re.search(r'class="sheet poster sheet-(a\d)-(portrait|landscape)"', html).groups()
                pdf = self.print_to_pdf(path)
                self.assert_paper(pdf, paper, orientation, pages=1)
                self.assert_fonts_embedded(pdf)
                expected = re.search(r'<span class="qr-url">([^<]+)</span>', html).group(1)
                self.assertEqual([expected], self.decode_qr(pdf))
                target = self.site.path_of_url(expected)
                self.assertIsNotNone(target and self.site.file_for(target), f"QR code opens {expected}, not a page of the site")
                self.assertEqual(path.split("/")[1], target.split("/")[1], "QR code opens the page in the poster's language")

    def test_qr_code_is_at_least_25_mm_wide_with_a_quiet_zone(self):
        for path in self.posters:
            with self.subTest(poster=path):
                self.open(path)
                size = self.driver.execute_script("""
                    const svg = document.querySelector('.poster-qr svg');
                    const box = svg.viewBox.baseVal, path = svg.querySelector('path').getAttribute('d');
                    const xs = [...path.matchAll(/M(\\d+) (\\d+)/g)].map(m => +m[1]);
                    return {width: svg.getBoundingClientRect().width, modules: box.width, firstDark: Math.min(...xs)};""")
                millimetres = size["width"] * 25.4 / 96
                self.assertGreaterEqual(millimetres, 25)
                self.assertGreaterEqual(size["firstDark"], 4, "quiet zone of 4 modules")

    def test_trifold_pamphlets_print_on_two_a4_landscape_sides(self):
        for path in self.pamphlets:
            with self.subTest(pamphlet=path):
                self.open(path)
                overflow = self.driver.execute_script("""
                    const inside = document.querySelector('.pamphlet-trifold .pamphlet-inside');
                    return inside ? inside.scrollWidth - inside.clientWidth : null;""")
                if overflow is None:
                    continue  # a booklet
                self.assertLessEqual(overflow, 1, "the text needs more than the three inside panels")
                pdf = self.print_to_pdf(path)
                self.assert_paper(pdf, "a4", "landscape", pages=2)
                self.assert_fonts_embedded(pdf)
                html = self.site.file_for(path).read_text(encoding="utf-8")
                expected = re.search(r'<span class="qr-url">([^<]+)</span>', html).group(1)
                self.assertEqual([expected], self.decode_qr(pdf, page=1))

    def test_bilingual_pamphlets_print_on_a4_portrait(self):
        self.assertTrue(self.bilingual, "no side-by-side pamphlet was built")
        for path in self.bilingual:
            with self.subTest(pamphlet=path):
                pdf = self.print_to_pdf(path)
                count, width, height = self.pdf_pages(pdf)
                self.assertGreaterEqual(count, 1)
                self.assertAlmostEqual(PAPER_POINTS["a4"][0], width, delta=TOLERANCE_POINTS)
                self.assert_fonts_embedded(pdf)


if __name__ == "__main__":
    unittest.main()
