"""Preview cards and icons: every page's Open Graph tags, read by an independent parser (PyPI extruct, run
through opengraph.py), are complete, point at the page's canonical address in its language, and
name an image that exists at the size they state; /favicon.ico and the touch icon exist and every
page links them. Read from the built files; no browser needed.
"""

from __future__ import annotations

import json
import os
import shutil
import struct
import subprocess
import unittest
from html.parser import HTMLParser
from pathlib import Path

import harness
from harness import Site

HERE = Path(__file__).resolve().parent
REQUIRED = ["og:title", "og:description", "og:url", "og:type", "og:site_name", "og:locale",
            "og:image", "og:image:width", "og:image:height", "og:image:alt"]
LOCALES = {"zh-tw": "zh_TW", "en": "en_US", "vi": "vi_VN", "id": "id_ID", "th": "th_TH", "fil": "fil_PH"}


def png_size(path: Path | bytes) -> tuple[int, int] | None:
    """The width and height in a PNG's IHDR chunk (of a file, or of bytes), or None when it is not a PNG."""
    head = (path if isinstance(path, bytes) else path.read_bytes())[:24]
    if len(head) < 24 or head[:8] != b"\x89PNG\r\n\x1a\n" or head[12:16] != b"IHDR":
        return None
    return struct.unpack(">II", head[16:24])


class _NamedMeta(HTMLParser):
    """<meta name=... content=...> of a page (twitter:card is a name, not an Open Graph property)."""

    def __init__(self) -> None:
        super().__init__()
        self.named: dict[str, str] = {}

    def handle_starttag(self, tag, attrs):
        values = dict(attrs)
        if tag == "meta" and values.get("name"):
            self.named[values["name"]] = values.get("content") or ""


def extract(files: list[Path]) -> dict[str, list[list[str]]]:
    """Open Graph properties by file, from extruct, under the Python `make test-deps` installs it for."""
    python = os.environ.get("OUTREACH_PYTHON") or shutil.which("python3") or "python3"
    result = subprocess.run([python, str(HERE / "opengraph.py"), *map(str, files)], capture_output=True, text=True)
    if result.returncode != 0:
        raise AssertionError(f"opengraph.py failed (is extruct installed for {python}? make test-deps installs it):\n"
                             + result.stderr[-2000:])
    return json.loads(result.stdout)


class PreviewCardTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.site = Site(harness.settings().site)
        # Not pages anyone shares: 404.html answers every missing address, and translations.html is
        # the coordinator's report, linked from nowhere (both are noindex).
        cls.files = [f for f in cls.site.html_files() if cls.site.url_path(f) not in ("/404.html", "/translations.html")]
        cls.properties = extract(cls.files)

    def test_every_page_has_a_complete_preview_card(self):
        problems = []
        for file in self.files:
            path = self.site.url_path(file)
            page = self.site.pages[path]
            found = self.properties[str(file)]
            values: dict[str, list[str]] = {}
            for name, value in found:
                values.setdefault(name, []).append(value)
            missing = [name for name in REQUIRED if not values.get(name)]
            if missing:
                problems.append(f"{path}: missing {missing}")
                continue
            twice = [name for name in REQUIRED if len(values[name]) > 1]
            if twice:
                problems.append(f"{path}: more than one {twice}")
            if values["og:url"][0] != page.canonical:
                problems.append(f"{path}: og:url {values['og:url'][0]} is not its canonical {page.canonical}")
            expected_locale = LOCALES.get((page.lang or "").lower())
            if values["og:locale"][0] != expected_locale:
                problems.append(f"{path}: og:locale {values['og:locale'][0]}, expected {expected_locale} for lang={page.lang}")
            # The other real translations of the page the card describes (a pamphlet's bilingual
            # print page describes the pamphlet's page, its canonical): its hreflang alternates
            # besides itself and x-default.
            described = self.site.pages.get(self.site.path_of_url(page.canonical or "") or "", page)
            expected = sorted(LOCALES.get(h.lower(), h) for h, _ in described.alternates
                              if h != "x-default" and h.lower() != (page.lang or "").lower())
            if path == "/":
                expected = sorted(set(LOCALES.values()) - {values["og:locale"][0]})
            alternates = sorted(values.get("og:locale:alternate", []))
            if alternates != expected:
                problems.append(f"{path}: og:locale:alternate {alternates}, expected {expected}")
            if values["og:type"][0] not in ("website", "article"):
                problems.append(f"{path}: og:type {values['og:type'][0]}")
            if not values["og:title"][0].strip() or not values["og:image:alt"][0].strip():
                problems.append(f"{path}: empty og:title or og:image:alt")
            named = _NamedMeta()
            named.feed(file.read_text(encoding="utf-8"))
            if named.named.get("twitter:card") not in ("summary", "summary_large_image"):
                problems.append(f"{path}: twitter:card is {named.named.get('twitter:card')!r}")
            problems += self.image_problems(path, values)
        if problems:
            self.fail(f"{len(problems)} preview card problems:\n" + "\n".join(f"  {p}" for p in problems))

    def image_problems(self, path: str, values: dict[str, list[str]]) -> list[str]:
        image = values["og:image"][0]
        if not image.startswith(self.site.base_url):
            return [f"{path}: og:image {image} is not an absolute address on the site ({self.site.base_url})"]
        file = self.site.file_for(self.site.path_of_url(image) or "")
        if file is None:
            return [f"{path}: og:image {image} does not exist in the built site"]
        size = png_size(file)
        stated = (int(values["og:image:width"][0]), int(values["og:image:height"][0]))
        if size != stated:
            return [f"{path}: og:image {image} is {size}, the page says {stated}"]
        return []

    def test_home_pages_are_websites_and_others_articles(self):
        for file in self.files:
            path = self.site.url_path(file)
            kind = dict(self.properties[str(file)]).get("og:type")
            language = self.site.language_of_folder(path)
            home = path == "/" or (language is not None and path == f"/{language.folder}/")
            self.assertEqual(kind, "website" if home else "article", path)


class _IconLinks(HTMLParser):
    """href of every <link rel=icon> and <link rel=apple-touch-icon> of a page."""

    def __init__(self) -> None:
        super().__init__()
        self.links: dict[str, list[str]] = {}

    def handle_starttag(self, tag, attrs):
        values = dict(attrs)
        if tag == "link" and values.get("rel") in ("icon", "apple-touch-icon"):
            self.links.setdefault(values["rel"], []).append(values.get("href") or "")


def ico_images(path: Path) -> list[tuple[int, int, bytes]]:
    """(width, height, image bytes) of each image in an ICO file; a width or height of 0 means 256."""
    data = path.read_bytes()
    reserved, kind, count = struct.unpack("<HHH", data[:6])
    if reserved != 0 or kind != 1:
        return []
    images = []
    for index in range(count):
        width, height, _, _, _, _, size, offset = struct.unpack("<BBBBHHII", data[6 + 16 * index: 22 + 16 * index])
        images.append((width or 256, height or 256, data[offset: offset + size]))
    return images


class IconTest(unittest.TestCase):
    """A favicon and a touch icon: at the addresses browsers ask for, linked from every page."""

    @classmethod
    def setUpClass(cls):
        cls.site = Site(harness.settings().site)

    def test_favicon_ico_is_at_the_top_and_holds_a_32_pixel_png(self):
        file = self.site.file_for("/favicon.ico")
        self.assertIsNotNone(file, "/favicon.ico is missing: browsers ask for it and get a 404")
        images = ico_images(file)
        self.assertEqual(1, len(images), "favicon.ico should hold one image")
        width, height, image = images[0]
        self.assertEqual((32, 32), (width, height))
        self.assertEqual((32, 32), png_size(image), "the image inside favicon.ico is not a 32 px PNG")

    def test_every_page_links_an_icon_and_a_touch_icon_that_exist(self):
        problems = []
        for file in self.site.html_files():
            path = self.site.url_path(file)
            parser = _IconLinks()
            parser.feed(file.read_text(encoding="utf-8"))
            for rel, size in (("icon", None), ("apple-touch-icon", (180, 180))):
                hrefs = parser.links.get(rel, [])
                if len(hrefs) != 1:
                    problems.append(f"{path}: {len(hrefs)} <link rel={rel}>")
                    continue
                target = self.site.file_for(self.site.path_of_url(hrefs[0]) or "")
                if target is None:
                    problems.append(f"{path}: <link rel={rel}> names {hrefs[0]}, which does not exist")
                elif size and png_size(target) != size:
                    problems.append(f"{path}: {hrefs[0]} is {png_size(target)}, not {size}")
        if problems:
            self.fail(f"{len(problems)} icon problems:\n" + "\n".join(f"  {p}" for p in problems))
