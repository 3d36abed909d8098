"""E-posters: every poster in every language as a 1080 x 1350 post, a 1200 x 630 card and the whole
sheet at 150 dpi (PNG, exact sizes), with a QR code zbarimg reads as the poster's target page in the
same language, and the QR code alone as SVG; a 1200 x 630 card per language; poster pages name
their own card; two fresh builds give the same bytes and a rebuild reuses every image; the
materials page lists every poster and pamphlet, and its snippet, pasted into a page served from
another port, shows the e-poster and links to the right page.

Needs the site built with Chromium on PATH (make browser-test does), zbar-tools, and Chromium.
"""

from __future__ import annotations

import filecmp
import html
import os
import re
import subprocess
import tempfile
import unittest
from pathlib import Path

import harness
from test_preview_cards import extract, png_size

REPOSITORY = Path(__file__).resolve().parents[2]
# Millimetres of each sheet at 150 dpi, to the nearest pixel (README, "E-posters").
SHEET_PIXELS = {"a4-portrait": (1240, 1754), "a4-landscape": (1754, 1240),
                "a3-portrait": (1754, 2480), "a3-landscape": (2480, 1754)}


def decode(image: Path) -> list[str]:
    """What zbarimg reads in an image: one text per code found."""
    found = subprocess.run(["zbarimg", "--quiet", "--raw", str(image)], capture_output=True, text=True)
    return found.stdout.split()


def posters(site: harness.Site) -> list[tuple[str, str, str]]:
    """(language folder, poster slug, page path) of every poster page in every language."""
    found = []
    for file in sorted(site.root.glob("*/posters/*/index.html")):
        folder, _, slug = file.relative_to(site.root).parts[:3]
        found.append((folder, slug, site.url_path(file)))
    return found


class EPosterImagesTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.site = harness.Site(harness.settings().site)
        cls.posters = posters(cls.site)
        if not (cls.site.root / "image-inputs.txt").is_file():
            raise AssertionError("the site was built without images: put Chromium on PATH (make test-deps installs it)")
        cls.workdir = Path(tempfile.mkdtemp(prefix="outreach-eposters-"))

    def target(self, path: str) -> str:
        """The address the poster page's printed QR code encodes."""
        page = self.site.file_for(path).read_text(encoding="utf-8")
        return html.unescape(re.search(r'<span class="qr-url">([^<]+)</span>', page).group(1))

    def paper(self, path: str) -> str:
        page = self.site.file_for(path).read_text(encoding="utf-8")
        return re.search(r'class="sheet poster sheet-(a\d-(?:portrait|landscape))"', page).group(1)

    def test_every_poster_has_every_image_at_its_exact_size(self):
        self.assertGreaterEqual(len(self.posters), 12, "expected 2 posters in 6 languages")
        problems = []
        for folder, slug, path in self.posters:
            paper = self.paper(path)
            expected = {f"{slug}-{folder}-1080x1350.png": (1080, 1350), f"{slug}-{folder}-1200x630.png": (1200, 630),
                        f"{slug}-{folder}-{paper}.png": SHEET_PIXELS[paper]}
            for name, size in expected.items():
                file = self.site.root / path.strip("/") / name
                if not file.is_file():
                    problems.append(f"{path}{name} is missing")
                elif png_size(file) != size:
                    problems.append(f"{path}{name} is {png_size(file)}, not {size}")
            if not (self.site.root / path.strip("/") / f"{slug}-{folder}-qr.svg").is_file():
                problems.append(f"{path}{slug}-{folder}-qr.svg is missing")
        for language in self.site.languages:
            card = self.site.root / language.folder / "preview-card.png"
            if png_size(card) != (1200, 630):
                problems.append(f"/{language.folder}/preview-card.png is {png_size(card) if card.is_file() else 'missing'}")
        self.assertEqual([], problems)

    def test_the_post_the_card_and_the_sheet_hold_a_qr_code_to_the_target_page_in_their_language(self):
        for folder, slug, path in self.posters:
            target = self.target(path)
            # The target is a page of the site, in the poster's language.
            target_path = self.site.path_of_url(target)
            self.assertIsNotNone(target_path and self.site.file_for(target_path), target)
            self.assertEqual(folder, target_path.split("/")[1], f"{path}: QR code opens {target}")
            for name in (f"{slug}-{folder}-1080x1350.png", f"{slug}-{folder}-1200x630.png",
                         f"{slug}-{folder}-{self.paper(path)}.png"):
                with self.subTest(image=path + name):
                    self.assertEqual([target], decode(self.site.root / path.strip("/") / name))

    def test_the_svg_qr_code_alone_decodes_to_the_same_page(self):
        for folder, slug, path in self.posters:
            svg = self.site.root / path.strip("/") / f"{slug}-{folder}-qr.svg"
            text = svg.read_text(encoding="utf-8")
            side = int(re.search(r'<svg[^>]* width="(\d+)"', text).group(1))
            png = self.workdir / f"{slug}-{folder}-qr.png"
            # Rasterised by Chromium at the size the SVG states, with a margin of white around it.
            subprocess.run([harness.CHROMIUM, "--headless=new", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
                            "--force-device-scale-factor=1", f"--window-size={side + 40},{side + 40}",
                            f"--screenshot={png}", svg.as_uri()], capture_output=True, check=True, timeout=60)
            with self.subTest(svg=str(svg)):
                self.assertEqual([self.target(path)], decode(png))

    def test_poster_pages_name_their_own_card_and_other_pages_their_language_card(self):
        files = [self.site.file_for(path) for _, _, path in self.posters]
        homes = [self.site.root / language.folder / "index.html" for language in self.site.languages]
        properties = extract(files + homes)
        for (folder, slug, path), file in zip(self.posters, files):
            values = dict(properties[str(file)])
            self.assertEqual(f"{self.site.base_url}{path.lstrip('/')}{slug}-{folder}-1200x630.png", values["og:image"], path)
            self.assertEqual(("1200", "630"), (values["og:image:width"], values["og:image:height"]), path)
        for language, file in zip(self.site.languages, homes):
            values = dict(properties[str(file)])
            self.assertEqual(f"{self.site.base_url}{language.folder}/preview-card.png", values["og:image"])

    def test_layout_pages_are_not_published_and_the_manifest_lists_every_image(self):
        self.assertEqual([], sorted(str(p) for p in self.site.root.rglob("*.png.html")))
        listed = {line.split(" ", 1)[1] for line in (self.site.root / "image-inputs.txt").read_text().splitlines()}
        pngs = {p.relative_to(self.site.root).as_posix() for p in self.site.root.rglob("*.png")
                if "/posters/" in p.as_posix() or p.name == "preview-card.png"}
        self.assertEqual(pngs, listed)


class ReproducibleImagesTest(unittest.TestCase):
    """Two builds with no previous output give the same bytes; a rebuild over one reuses every image."""

    def build(self, output: Path) -> str:
        binary = os.environ.get("OUTREACH_BIN")
        if not binary:
            raise unittest.SkipTest("OUTREACH_BIN is not set (run.py --outreach)")
        result = subprocess.run([binary, "build", "--no-search", "--output", str(output)], cwd=REPOSITORY,
                                capture_output=True, text=True, timeout=900)
        self.assertEqual(0, result.returncode, result.stderr[-2000:])
        return result.stdout

    def test_two_fresh_builds_give_the_same_images_and_a_rebuild_reuses_them(self):
        with tempfile.TemporaryDirectory(prefix="outreach-twice-") as scratch:
            first, second = Path(scratch) / "first", Path(scratch) / "second"
            summary = self.build(first)
            self.assertRegex(summary, r"images: [1-9]\d* rendered, 0 reused")
            self.build(second)
            images = sorted(p.relative_to(first).as_posix() for p in first.rglob("*") if p.suffix in (".png", ".svg"))
            self.assertGreater(len(images), 40)
            different = [name for name in images if not filecmp.cmp(first / name, second / name, shallow=False)]
            self.assertEqual([], different, "images differ between two builds of the same content")
            compared = filecmp.dircmp(first, second)
            self.assertEqual([], compared.diff_files + compared.left_only + compared.right_only)
            again = self.build(first)
            self.assertRegex(again, r"images: 0 rendered, [1-9]\d* reused")
            different = [name for name in images if not filecmp.cmp(first / name, second / name, shallow=False)]
            self.assertEqual([], different, "a rebuild changed reused images")


class MaterialsPageTest(harness.BrowserTestCase):
    def materials(self, folder: str) -> str:
        return self.site.file_for(f"/{folder}/materials/").read_text(encoding="utf-8")

    def test_every_language_lists_every_poster_and_pamphlet(self):
        printed = sorted({(kind, file.parent.name) for kind in ("posters", "pamphlets")
                          for file in self.site.root.glob(f"*/{kind}/*/index.html")})
        self.assertTrue(any(kind == "pamphlets" for kind, _ in printed))
        for language in self.site.languages:
            page = self.materials(language.folder)
            main = page[page.index("<main"):page.index("</main>")]
            for kind, slug in printed:
                with self.subTest(language=language.folder, item=slug):
                    self.assertIn(f'href="/{language.folder}/{kind}/{slug}/"', main)
            home = self.site.file_for(f"/{language.folder}/").read_text(encoding="utf-8")
            self.assertIn(f'href="/{language.folder}/materials/"', home, "the footer links the materials page")

    def test_the_snippet_pasted_into_another_site_shows_the_eposter_and_links_to_its_page(self):
        with tempfile.TemporaryDirectory(prefix="outreach-partner-") as partner:
            with harness.SiteServer(Path(partner)) as elsewhere:
                checked = 0
                for language in self.site.languages:
                    page = self.materials(language.folder)
                    snippets = [html.unescape(s) for s in re.findall(r'<pre class="material-snippet"[^>]*><code>(.*?)</code></pre>',
                                                                     page, re.S)]
                    self.assertEqual(len(list(self.site.root.glob(f"{language.folder}/posters/*/index.html"))), len(snippets))
                    for number, snippet in enumerate(snippets):
                        # The site is published at its baseURL; here the test server stands in for it.
                        target = re.search(r'<a href="([^"]+)"', snippet).group(1)
                        pasted = snippet.replace(self.site.base_url, self.server.url("/"))
                        name = f"{language.folder}-{number}.html"
                        (Path(partner) / name).write_text(
                            f'<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Partner</title></head>'
                            f"<body><p>Our partner's e-poster:</p>{pasted}</body></html>", encoding="utf-8")
                        self.driver.get(elsewhere.url("/" + name))
                        state = harness.wait_for(self.driver, lambda d: d.execute_script("""
                            const img = document.querySelector('a > img');
                            return img && img.complete ? {width: img.naturalWidth, height: img.naturalHeight,
                              alt: img.alt, href: img.parentElement.href} : null;"""), message="the e-poster never loaded")
                        self.assertEqual((1080, 1350), (state["width"], state["height"]), snippet)
                        self.assertTrue(state["alt"].strip())
                        self.assertEqual(target.replace(self.site.base_url, self.server.url("/")), state["href"])
                        self.assertEqual(language.folder, self.site.path_of_url(target).split("/")[1])
                        self.driver.find_element("css selector", "a").click()
                        harness.wait_for(self.driver, lambda d: d.current_url == state["href"])
                        self.assertEqual(language.code.lower(), self.driver.find_element("css selector", "html")
                                         .get_attribute("lang").lower())
                        checked += 1
                self.assertGreaterEqual(checked, 12)


if __name__ == "__main__":
    unittest.main()
