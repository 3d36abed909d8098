#!/usr/bin/env python3
"""Build-time benchmark: Outreach against Hugo and a "cmark + copy" floor.

    python3 Tests/Benchmarks/bench.py [--pages 3000] [--runs 5] [--rebuild-one] [--work .build/bench]

It needs a release build of Outreach first (`swift build -c release --product outreach`).

What it does, in order:

1. Generates a corpus deterministically (seeded) under the work folder: N pages x 3 languages
   (translations by file-name suffix: `page.md` is the default language, `page.en.md`, `page.vi.md`),
   spread over sections with `_index.md`, each page a few KB of Markdown (headings, paragraphs, lists,
   emphasis, a code span, a blockquote, relative `.md` links to other pages of the corpus). The SAME
   Markdown files (byte for byte) are written into an Outreach content folder (with site.yaml and
   hotlines.yaml, built with the real theme/) and into a Hugo site with an equivalent minimal layout
   and a link render hook that rewrites `.md` links with `relref`.
2. Installs Hugo and cmark with apt-get when they are missing and we are root.
3. Times full builds, alternating tools in each round (outreach, hugo, floor, floor-2way, outreach, ...),
   each into a fresh output folder: wall time, CPU time (user+sys, the process and all its children)
   and peak RSS (largest single process), from os.wait4's rusage. One untimed warm-up build of each
   comes first and is also the correctness check (exit 0, no `.md` hrefs left in the output).
4. The floor: the `cmark` CLI over the page bodies (front matter stripped beforehand, outside the timed
   region) plus `cp -r` of those body files into a fresh folder (the cost of creating the same number
   of files), sequentially in one pipeline and split in two halves that run at the same time.
5. Prints the machine, tool versions, a table of medians and ratios; writes JSON into the work folder.
6. `--rebuild-one`: after a full build, edits one page's text and times a second full build into the
   same output folder (neither tool is run in an incremental/watch mode).
7. The edit-while-previewing case (skip with `--no-serve-edit`): starts `outreach serve` on the corpus,
   then edits one page's text several times and reports, per edit, the rebuild time `serve` prints
   (from the change reaching it to the last file replaced) and the time from the file's save until
   the served page shows the edit over HTTP (which adds the watcher's and the poll's latency).

Only the Python 3 standard library is used.
"""

from __future__ import annotations

import argparse
import datetime as _dt
import hashlib
import json
import os
import platform
import random
import re
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
GENERATOR_VERSION = "3"  # bump when the generated corpus changes shape

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


class Corpus:
    """Paths and counts of a generated corpus."""

    def __init__(self, work: Path, pages: int, sections: int, languages: list[str], seed: int):
        self.work = work
        self.pages = pages
        self.sections = sections
        self.languages = languages
        self.default = languages[0]
        self.seed = seed
        self.outreach_content = work / "outreach" / "content"
        self.hugo_site = work / "hugo"
        self.hugo_content = self.hugo_site / "content"
        self.bodies = work / "floor" / "bodies"
        self.floor_lists = work / "floor" / "lists"
        self.section_slugs = [SECTION_SLUGS[i % len(SECTION_SLUGS)] + ("" if i < len(SECTION_SLUGS) else f"-{i}")
                              for i in range(sections)]
        # page i lives in section i % sections; its slug is "<word>-<i>"
        self.page_paths = [f"{self.section_slugs[i % sections]}/topic-{i:05d}" for i in range(pages)]

    def stamp(self) -> dict:
        return {"generator": GENERATOR_VERSION, "pages": self.pages, "sections": self.sections,
                "languages": self.languages, "seed": self.seed,
                # only the generator's part of this file: editing the timing code keeps the corpus
                "script": hashlib.sha256(Path(__file__).read_text().split("\n# Tools\n")[0].encode()).hexdigest()}

    @staticmethod
    def file_name(key: str, lang: str, default: str) -> str:
        return f"{key}.md" if lang == default else f"{key}.{lang}.md"

    def files(self):
        """Yields (relative path, text) of every Markdown file."""
        for lang in self.languages:
            yield self.file_name("_index", lang, self.default), self.home(lang)
        for s, slug in enumerate(self.section_slugs):
            for lang in self.languages:
                yield self.file_name(f"{slug}/_index", lang, self.default), self.section(s, lang)
        for i in range(self.pages):
            for lang in self.languages:
                yield self.file_name(self.page_paths[i], lang, self.default), self.page(i, lang)

    def front_matter(self, title: str, description: str, date: str, weight: int) -> str:
        return (f"---\ntitle: {yaml_string(title)}\ndescription: {yaml_string(description)}\n"
                f"date: {date}\nweight: {weight}\n---\n\n")

    def home(self, lang: str) -> str:
        rng = random.Random(f"{self.seed}-home-{lang}")
        links = [f"[{phrase(rng, lang, 2)}]({slug}/_index.md)" for slug in self.section_slugs[:5]]
        body = (f"## {phrase(rng, lang, 3)}\n\n{paragraph(rng, lang, 4, links[:2])}\n\n"
                + "".join(f"- {link}\n" for link in links[2:]) + "\n")
        return self.front_matter(SITE_TITLES.get(lang, "Outreach"), phrase(rng, lang, 10), "2022-07-01", 1) + body

    def section(self, s: int, lang: str) -> str:
        rng = random.Random(f"{self.seed}-section-{s}-{lang}")
        first = self.page_paths[s].split("/")[1] if s < self.pages else None
        links = [f"[{phrase(rng, lang, 2)}](../_index.md)"]
        if first:
            links.append(f"[{phrase(rng, lang, 2)}]({first}.md)")
        body = f"{paragraph(rng, lang, 5, links)}\n\n> {sentence(rng, lang, 12)}\n"
        title = f"{phrase(rng, lang, 2)} {s + 1}"
        return self.front_matter(title, phrase(rng, lang, 12), "2022-06-01", s + 1) + body

    def relative_link(self, from_page: int, to_key: str) -> str:
        here = self.page_paths[from_page].split("/")[0]
        there, name = to_key.split("/")
        return f"{name}.md" if here == there else f"../{there}/{name}.md"

    def page(self, i: int, lang: str) -> str:
        # Link targets and structure are shared by all translations of a page (seeded without lang).
        shape = random.Random(f"{self.seed}-page-{i}")
        targets = [shape.randrange(self.pages) for _ in range(shape.randint(4, 7))]
        targets = [t for t in targets if t != i] or [(i + 1) % self.pages]
        section_target = shape.randrange(self.sections)
        heading_count = shape.randint(3, 4)
        date = _dt.date(2019, 1, 1) + _dt.timedelta(days=shape.randrange(5 * 365))
        weight = shape.randint(1, 100)

        rng = random.Random(f"{self.seed}-page-{i}-{lang}")
        link_texts = [phrase(rng, lang, rng.randint(2, 4)) for _ in targets]
        links = [f"[{text}]({self.relative_link(i, self.page_paths[t])})" for text, t in zip(link_texts, targets)]
        here = self.page_paths[i].split("/")[0]
        section_slug = self.section_slugs[section_target]
        section_link = (f"[{phrase(rng, lang, 2)}](_index.md)" if section_slug == here
                        else f"[{phrase(rng, lang, 2)}](../{section_slug}/_index.md)")
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
        stamp_file = self.work / "corpus-stamp.json"
        if stamp_file.exists() and json.loads(stamp_file.read_text()) == self.stamp():
            print(f"Corpus: reusing {self.work} ({self.pages} pages x {len(self.languages)} languages)")
            return
        started = time.perf_counter()
        for folder in (self.work / "outreach", self.hugo_site, self.work / "floor"):
            shutil.rmtree(folder, ignore_errors=True)
        for root in (self.outreach_content, self.hugo_content, self.bodies):
            root.mkdir(parents=True)
            for slug in self.section_slugs:
                (root / slug).mkdir()
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
        self.write_outreach_config()
        self.write_hugo_site()
        self.write_floor_lists()
        info = dict(self.stamp(), markdown_files=count, markdown_bytes=total, corpus_sha256=digest.hexdigest())
        (self.work / "corpus-info.json").write_text(json.dumps(info, indent=2))
        stamp_file.write_text(json.dumps(self.stamp()))
        print(f"Corpus: wrote {count} Markdown files ({total / 1e6:.1f} MB) x 3 copies in "
              f"{time.perf_counter() - started:.1f} s into {self.work}")

    def info(self) -> dict:
        return json.loads((self.work / "corpus-info.json").read_text())

    def write_outreach_config(self) -> None:
        lines = ["title:"] + [f"  {lang}: {yaml_string(SITE_TITLES.get(lang, 'Outreach'))}" for lang in self.languages]
        lines += [f"baseURL: {BASE_URL}", f"defaultLanguage: {self.default}", "languages:"]
        for lang in self.languages:
            lines += [f"  - code: {lang}", f"    name: {yaml_string(LANGUAGE_NAMES.get(lang, lang))}"]
        (self.outreach_content / "site.yaml").write_text("\n".join(lines) + "\n")
        (self.outreach_content / "hotlines.yaml").write_text(self.hotlines_yaml())

    def hotlines_yaml(self) -> str:
        """content/hotlines.yaml without the languages this corpus does not have: Outreach rejects a
        localized value in a language that site.yaml does not list."""
        known = set(LANGUAGE_NAMES)
        kept = []
        for line in (REPO / "content" / "hotlines.yaml").read_text().splitlines():
            match = re.match(r"^\s{6,}([A-Za-z-]+):\s", line)
            if match and match.group(1) in known and match.group(1) not in self.languages:
                continue
            kept.append(line)
        return "\n".join(kept) + "\n"

    def write_hugo_site(self) -> None:
        site = self.hugo_site
        langs = []
        for weight, lang in enumerate(self.languages, start=1):
            langs.append(f"""[languages.{lang.lower()}]
  languageCode = "{lang}"
  languageName = {json.dumps(LANGUAGE_NAMES.get(lang, lang), ensure_ascii=False)}
  title = {json.dumps(SITE_TITLES.get(lang, 'Outreach'), ensure_ascii=False)}
  weight = {weight}
""")
        (site / "hugo.toml").write_text(f"""# Generated by Tests/Benchmarks/bench.py: a Hugo site equivalent to the Outreach corpus.
baseURL = "{BASE_URL}"
title = {json.dumps(SITE_TITLES.get(self.default, 'Outreach'), ensure_ascii=False)}
defaultContentLanguage = "{self.default.lower()}"
defaultContentLanguageInSubdir = true
# Outreach makes no taxonomies or feeds; Hugo still writes sitemap.xml (one per language + an index).
disableKinds = ["taxonomy", "term", "RSS"]
enableRobotsTXT = false
# A .md link that does not resolve is an error, as in Outreach.
refLinksErrorLevel = "ERROR"

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
        (layouts / "_markup").mkdir(parents=True, exist_ok=True)
        (site / "data").mkdir(exist_ok=True)
        (site / "data" / "hotlines.yaml").write_text(self.hotlines_yaml())
        for name, text in HUGO_LAYOUTS.items():
            (layouts / name).write_text(text)

    def write_floor_lists(self) -> None:
        """NUL-separated lists of body files: all, and two halves by section (for the 2-way run)."""
        self.floor_lists.mkdir(parents=True, exist_ok=True)
        everything = sorted(str(p) for p in self.bodies.rglob("*.md"))
        (self.floor_lists / "all").write_text("\0".join(everything) + "\0")
        halves = [[], []]
        dirs = [[], []]
        top = sorted(str(p) for p in self.bodies.glob("*.md"))
        halves[0] += top
        for n, slug in enumerate(self.section_slugs):
            halves[n % 2] += sorted(str(p) for p in (self.bodies / slug).glob("*.md"))
            dirs[n % 2].append(str(self.bodies / slug))
        for k in (0, 1):
            (self.floor_lists / f"half{k}").write_text("\0".join(halves[k]) + "\0")
            (self.floor_lists / f"dirs{k}").write_text("\0".join(dirs[k] + (top if k == 0 else [])) + "\0")


def split_front_matter(text: str) -> str:
    if text.startswith("---\n"):
        end = text.find("\n---\n", 4)
        if end >= 0:
            return text[end + 5:]
    return text


HUGO_BASEOF = """<!DOCTYPE html>
<html lang="{{ .Site.LanguageCode }}" dir="ltr">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{ .Title }} · {{ .Site.Title }}</title>
<meta name="description" content="{{ .Description }}">
<link rel="canonical" href="{{ .Permalink }}">
{{- range .AllTranslations }}
<link rel="alternate" hreflang="{{ .Site.LanguageCode }}" href="{{ .Permalink }}">
{{- end }}
{{- range .AllTranslations }}{{ if eq .Language.Lang site.Sites.First.Language.Lang }}
<link rel="alternate" hreflang="x-default" href="{{ .Permalink }}">
{{- end }}{{ end }}
<link rel="stylesheet" href="/assets/style.css">
</head>
<body>
{{- $lang := .Site.LanguageCode }}
<header class="site-header">
<ul class="hotline-bar-list">
{{- range site.Data.hotlines.hotlines }}
<li><a href="tel:{{ .number }}">{{ .number }}<span class="visually-hidden"> {{ index .name $lang }}</span></a></li>
{{- end }}
</ul>
<a class="site-title" href="{{ .Site.Home.RelPermalink }}">{{ .Site.Title }}</a>
<nav class="language-switcher" aria-label="Languages"><ul>
{{- $current := . }}
{{- range .AllTranslations }}
<li><a href="{{ .RelPermalink }}" lang="{{ .Site.LanguageCode }}" hreflang="{{ .Site.LanguageCode }}"{{ if eq .Language.Lang $current.Language.Lang }} aria-current="true"{{ end }}>{{ .Language.LanguageName }}</a></li>
{{- end }}
</ul></nav>
<nav class="site-nav" aria-label="Main menu"><ul>
{{- range .Site.Sections }}
<li><a href="{{ .RelPermalink }}"{{ if or (eq . $current) ($current.IsDescendant .) }} aria-current="true"{{ end }}>{{ .Title }}</a></li>
{{- end }}
</ul></nav>
</header>
<main id="main">
{{ block "main" . }}{{ end }}
</main>
<footer class="site-footer">
<ul class="hotline-list">
{{- range site.Data.hotlines.hotlines }}
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
    "index.html": """{{ define "main" }}
<article class="home">
<h1>{{ .Title }}</h1>
<div class="content">
{{ .Content }}
</div>
<section class="children"><h2>In this section</h2><ul class="card-list">
{{- range .Sections }}
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


def ensure_tool(name: str, package: str, explicit: str | None, allow_install: bool) -> str | None:
    if explicit:
        return explicit
    found = shutil.which(name)
    if found:
        return found
    if allow_install and apt_install(package):
        return shutil.which(name)
    if not allow_install:
        print(f"  '{name}' is missing: apt-get install -y {package}", file=sys.stderr)
    return None


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
    """wall_s, cpu_s, user_s, sys_s, peak_rss_mb, exit_code"""


def machine_busy_seconds() -> float:
    """CPU seconds all processes have used since boot (user+nice+system+irq+softirq+steal), from /proc/stat."""
    try:
        with open("/proc/stat") as stat:
            fields = stat.readline().split()[1:]
        user, nice, system, _idle, _iowait, irq, softirq, steal = (int(x) for x in fields[:8])
        return (user + nice + system + irq + softirq + steal) / os.sysconf("SC_CLK_TCK")
    except (OSError, ValueError):
        return float("nan")


def timed(args: list[str], log: Path, cwd: Path | None = None) -> Measurement:
    """Runs `args`, with stdout+stderr to `log`, and measures it with os.wait4's rusage.

    CPU time covers the process and every descendant it waited for; ru_maxrss is the largest resident
    set of any single one of them (KiB on Linux). other_cpu_s is the CPU time the rest of the machine
    used meanwhile (from /proc/stat): other builds or tests running at the same time make wall times slow."""
    with open(log, "wb") as out:
        busy_before = machine_busy_seconds()
        started = time.perf_counter()
        process = subprocess.Popen(args, stdout=out, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL, cwd=cwd)
        _, status, usage = os.wait4(process.pid, 0)
        wall = time.perf_counter() - started
        busy = machine_busy_seconds() - busy_before
    code = os.waitstatus_to_exitcode(status)
    process.returncode = code  # already reaped
    cpu = usage.ru_utime + usage.ru_stime
    return Measurement(wall_s=wall, cpu_s=cpu, user_s=usage.ru_utime, sys_s=usage.ru_stime,
                       peak_rss_mb=usage.ru_maxrss / 1024, other_cpu_s=max(0.0, busy - cpu), exit_code=code)


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
    def __init__(self, options, corpus: Corpus, outreach: str, hugo: str | None, cmark: str | None):
        self.o = options
        self.corpus = corpus
        self.outreach = outreach
        self.hugo = hugo
        self.cmark = cmark
        self.out = corpus.work / "out"
        self.logs = corpus.work / "logs"
        remove(self.out)  # outputs a previous, interrupted bench left
        self.out.mkdir(exist_ok=True)
        self.logs.mkdir(exist_ok=True)
        # Outputs are deleted only when every run is done: on ext4 without a journal (as on the
        # machine this was written on) deleting tens of thousands of files makes creating files
        # slower for the next minutes, as the allocator skips recently freed inodes, which would
        # slow down whichever tool runs next.
        self.finished_outputs: list[Path] = []

    # Commands, each writing into `dest` (which must not exist yet, except for rebuilds).
    def outreach_cmd(self, dest: Path) -> list[str]:
        return [self.outreach, "build", "--content", str(self.corpus.outreach_content),
                "--theme", str(self.o.theme), "--output", str(dest)]

    def hugo_cmd(self, dest: Path) -> list[str]:
        return [self.hugo, "--quiet", "--source", str(self.corpus.hugo_site), "--destination", str(dest)]

    def floor_cmd(self, dest: Path) -> list[str]:
        lists = self.corpus.floor_lists
        script = (f'set -e; mkdir -p "$1/copy"; xargs -0 -a "{lists}/all" {self.cmark} > "$1/all.html"; '
                  f'cp -r "{self.corpus.bodies}/." "$1/copy/"')
        return ["sh", "-c", script, "floor", str(dest)]

    def floor2_cmd(self, dest: Path) -> list[str]:
        lists = self.corpus.floor_lists
        half = ('mkdir -p "$1/copy"; xargs -0 -a "{lists}/half{k}" {cmark} > "$1/half{k}.html" && '
                'xargs -0 -a "{lists}/dirs{k}" cp -r -t "$1/copy/"')
        script = ("set -e; mkdir -p \"$1/copy\"; "
                  f"( {half.format(lists=lists, k=0, cmark=self.cmark)} ) & a=$!; "
                  f"( {half.format(lists=lists, k=1, cmark=self.cmark)} ) & b=$!; "
                  "wait $a; wait $b")
        return ["sh", "-c", script, "floor2", str(dest)]

    def floor_per_file_cmd(self, dest: Path) -> list[str]:
        script = (f'set -e; mkdir -p "$1"; xargs -0 -a "{self.corpus.floor_lists}/all" -n 1 -P 2 '
                  f'sh -c \'o="$0/$(echo "$1" | tr / _).html"; {self.cmark} "$1" > "$o"\' "$1"')
        return ["sh", "-c", script, "floorpf", str(dest)]

    def tools(self) -> list[tuple[str, object]]:
        tools = [("outreach", self.outreach_cmd)]
        if self.hugo:
            tools.append(("hugo", self.hugo_cmd))
        if self.cmark:
            tools.append(("floor", self.floor_cmd))
            tools.append(("floor-2way", self.floor2_cmd))
            if self.o.floor_per_file:
                tools.append(("floor-per-file", self.floor_per_file_cmd))
        return tools

    def run_one(self, name: str, command, label: str, keep: bool = False) -> Measurement:
        dest = self.out / f"{name}-{label}"
        remove(dest)
        log = self.logs / f"{name}-{label}.log"
        m = timed(command(dest), log)
        m["output"] = str(dest)
        m["log"] = str(log)
        if m["exit_code"] != 0:
            text = log.read_text(errors="replace")
            print(f"\n{name} FAILED (exit {m['exit_code']}) on run {label}; log {log}:\n{text[-4000:]}", file=sys.stderr)
            if name == "outreach" and "/theme/" in text:
                print("The theme may be newer than the Outreach binary (others may be editing both): rebuild with\n"
                      "  swift build -c release --product outreach\nand run again.", file=sys.stderr)
            raise SystemExit(1)
        if not keep:
            self.finished_outputs.append(dest)
        return m

    def remove_outputs(self) -> None:
        for dest in self.finished_outputs:
            remove(dest)
        self.finished_outputs = []

    def check(self) -> dict:
        """Warm-up build of each tool, untimed in the results: exit 0, diagnostics, output size, links."""
        checks = {}
        for name, command in self.tools():
            m = self.run_one(name, command, "warmup", keep=True)
            dest = Path(m["output"])
            log_text = Path(m["log"]).read_text(errors="replace").strip()
            stats = tree_stats(dest) if name in ("outreach", "hugo") else {}
            checks[name] = dict(m, log_text=log_text[-2000:], **stats)
            problems = [line for line in log_text.splitlines() if re.search(r":\d+:\d+: (error|warning):", line)]
            line = f"  {name:<15} ok in {m['wall_s']:.2f} s"
            if stats:
                line += (f": {stats['files']} files ({stats['html_files']} HTML), {stats['bytes'] / 1e6:.1f} MB, "
                         f"unrewritten .md hrefs: {stats['unrewritten_md_hrefs']}")
            print(line)
            if name == "outreach" and log_text:
                print(f"    outreach says: {log_text.splitlines()[-1][:300]}")
            if problems:
                print(f"    {len(problems)} diagnostics, first: {problems[0]}")
            if stats.get("md_href_example"):
                print(f"    example: {stats['md_href_example']}")
            self.finished_outputs.append(dest)
        return checks

    def full_builds(self) -> dict[str, list[Measurement]]:
        results: dict[str, list[Measurement]] = {name: [] for name, _ in self.tools()}
        for run in range(1, self.o.runs + 1):
            line = [f"  run {run}/{self.o.runs}:"]
            for name, command in self.tools():
                m = self.run_one(name, command, f"run{run}")
                results[name].append(m)
                line.append(f"{name} {m['wall_s']:.2f}s" + (f" (+{m['other_cpu_s']:.1f}s other CPU)"
                                                           if m["other_cpu_s"] > max(0.5, 0.1 * m["wall_s"]) else ""))
            print("  ".join(line), flush=True)
        return results

    def rebuild_one(self) -> dict[str, list[Measurement]]:
        """Full build, then edit one page (both copies) and time a full rebuild into the same folder."""
        key = self.corpus.page_paths[len(self.corpus.page_paths) // 2]
        rel = Corpus.file_name(key, self.corpus.default, self.corpus.default)
        files = [self.corpus.outreach_content / rel, self.corpus.hugo_site / "content" / rel]
        originals = [f.read_bytes() for f in files]
        tools = [(n, c) for n, c in self.tools() if n in ("outreach", "hugo")]
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
                    m = timed(command(dest), log)
                    if m["exit_code"] != 0:
                        print(f"{name} rebuild failed: {log.read_text(errors='replace')[-3000:]}", file=sys.stderr)
                        raise SystemExit(1)
                    results[name].append(m)
                    line.append(f"{name} {m['wall_s']:.2f}s")
                print("  ".join(line), flush=True)
                # The edit must show up in the rebuilt output of both tools.
            for name, _ in tools:
                found = any(b"Edited paragraph number" in p.read_bytes()
                            for p in (self.out / f"{name}-rebuild").rglob("index.html")
                            if "topic-" in str(p) and key.split("/")[1] in str(p))
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


def summarize(measurements: list[Measurement]) -> dict:
    def med(key):
        return statistics.median(m[key] for m in measurements)
    walls = [m["wall_s"] for m in measurements]
    return {"runs": len(measurements), "wall_s": med("wall_s"), "wall_min_s": min(walls), "wall_max_s": max(walls),
            "cpu_s": med("cpu_s"), "user_s": med("user_s"), "sys_s": med("sys_s"), "peak_rss_mb": med("peak_rss_mb"),
            "other_cpu_s": med("other_cpu_s")}


def print_table(title: str, summary: dict[str, dict]) -> None:
    print(f"\n{title}")
    header = (f"  {'':<16}{'wall s (median)':>16}{'min-max':>15}{'CPU s':>9}{'CPU/wall':>10}{'peak RSS MB':>13}"
              f"{'runs':>6}{'other CPU s':>13}")
    print(header)
    print("  " + "-" * (len(header) - 2))
    busy = False
    for name, s in summary.items():
        spread = f"{s['wall_min_s']:.2f}-{s['wall_max_s']:.2f}"
        print(f"  {name:<16}{s['wall_s']:>16.2f}{spread:>15}{s['cpu_s']:>9.2f}{s['cpu_s'] / s['wall_s']:>10.2f}"
              f"{s['peak_rss_mb']:>13.1f}{s['runs']:>6}{s['other_cpu_s']:>13.2f}")
        busy = busy or s["other_cpu_s"] > max(0.5, 0.1 * s["wall_s"])
    print("  (other CPU s: CPU time used by the rest of the machine during the run, median)")
    if busy:
        print("  WARNING: other processes used a noticeable share of the CPUs during these runs; wall times\n"
              "  are inflated and noisy. CPU s and peak RSS are less affected. Rerun on an idle machine.")


def ratio(a: float, b: float) -> str:
    return f"{a / b:.2f}x" if b else "n/a"


# ---------------------------------------------------------------------------------------------------


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--pages", type=int, default=3000, help="pages per language (default 3000)")
    parser.add_argument("--runs", type=int, default=5, help="timed runs of each tool, alternating (default 5)")
    parser.add_argument("--sections", type=int, default=20, help="number of sections (default 20)")
    parser.add_argument("--languages", default="zh-TW,en,vi",
                        help="comma-separated, default language first (default zh-TW,en,vi)")
    parser.add_argument("--seed", type=int, default=1, help="corpus seed (default 1)")
    parser.add_argument("--work", type=Path, default=REPO / ".build" / "bench", help="work folder (default .build/bench)")
    parser.add_argument("--outreach", default=str(REPO / ".build" / "release" / "outreach"),
                        help="outreach binary (default .build/release/outreach)")
    parser.add_argument("--theme", type=Path, default=REPO / "theme", help="Outreach theme (default theme/)")
    parser.add_argument("--hugo", help="hugo binary (default: hugo on PATH, installed with apt-get if missing)")
    parser.add_argument("--cmark", help="cmark binary (default: cmark on PATH, installed with apt-get if missing)")
    parser.add_argument("--no-install", action="store_true", help="never run apt-get; skip missing tools")
    parser.add_argument("--no-hugo", action="store_true", help="skip Hugo")
    parser.add_argument("--no-floor", action="store_true", help="skip the cmark + copy floor")
    parser.add_argument("--floor-per-file", action="store_true",
                        help="also time one cmark process per file (xargs -n1 -P2): mostly process start-up cost")
    parser.add_argument("--rebuild-one", action="store_true", help="also time a full rebuild after editing one page")
    parser.add_argument("--no-serve-edit", action="store_true",
                        help="skip timing `outreach serve`'s rebuild after one page's text is edited")
    parser.add_argument("--serve-edits", type=int, default=5, help="edits timed under `outreach serve` (default 5)")
    parser.add_argument("--generate-only", action="store_true", help="generate the corpus and stop")
    options = parser.parse_args()
    if options.pages < options.sections:
        parser.error("--pages must be at least --sections")
    languages = [code.strip() for code in options.languages.split(",") if code.strip()]

    work = options.work.resolve()
    work.mkdir(parents=True, exist_ok=True)
    corpus = Corpus(work, options.pages, options.sections, languages, options.seed)

    machine = machine_info()
    print(f"Machine: {machine['nproc']} CPUs ({machine['usable_cpus']} usable), {machine['cpu']}, "
          f"{machine['memory']} RAM, Linux {machine['kernel']}, Python {machine['python']}; "
          f"load average {machine['load_average_at_start']}")

    corpus.generate()
    info = corpus.info()
    print(f"  {info['markdown_files']} Markdown files, {info['markdown_bytes'] / 1e6:.1f} MB "
          f"({info['markdown_bytes'] / info['markdown_files'] / 1024:.1f} KB average), sha256 {info['corpus_sha256'][:12]}")
    if options.generate_only:
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
    hugo = None if options.no_hugo else ensure_tool("hugo", "hugo", options.hugo, not options.no_install)
    cmark = None if options.no_floor else ensure_tool("cmark", "cmark", options.cmark, not options.no_install)

    versions = {
        "outreach": f"{options.outreach}, timed as a copy (sha256 {hashlib.sha256(Path(outreach).read_bytes()).hexdigest()[:12]}, built "
                    f"{_dt.datetime.fromtimestamp(os.stat(outreach).st_mtime).isoformat(timespec='seconds')})",
        "hugo": command_output([hugo, "version"]) if hugo else "not run",
        "cmark": command_output([cmark, "--version"]).splitlines()[0] if cmark else "not run",
        "swift": (command_output(["swift", "--version"]).splitlines() or ["?"])[0] if shutil.which("swift") else "n/a",
    }
    for name, version in versions.items():
        print(f"  {name}: {version}")

    bench = Bench(options, corpus, outreach, hugo, cmark)
    print("\nWarm-up and correctness check (not counted):")
    checks = bench.check()
    print(f"\nFull builds, {options.runs} runs each, alternating, fresh output folder each time:")
    full = bench.full_builds()
    summary = {name: summarize(ms) for name, ms in full.items()}
    rebuild = {}
    if options.rebuild_one:
        print(f"\nRebuild after editing one page, {options.runs} runs each (full rebuild into the same folder):")
        rebuild = {name: summarize(ms) for name, ms in bench.rebuild_one().items()}

    bench.remove_outputs()
    serve = {}
    if not options.no_serve_edit:
        print(f"\nEditing one page's text under `outreach serve`, {options.serve_edits} times:")
        serve = bench.serve_edit(options.serve_edits)

    pages_total = options.pages * len(languages)
    print_table(f"Full build of {options.pages} pages x {len(languages)} languages "
                f"({pages_total} pages, {info['markdown_bytes'] / 1e6:.1f} MB Markdown):", summary)
    ratios = {}
    o = summary["outreach"]
    if "hugo" in summary:
        h = summary["hugo"]
        ratios["hugo/outreach wall"] = h["wall_s"] / o["wall_s"]
        ratios["hugo/outreach cpu"] = h["cpu_s"] / o["cpu_s"]
        ratios["hugo/outreach rss"] = h["peak_rss_mb"] / o["peak_rss_mb"]
    for floor in ("floor", "floor-2way", "floor-per-file"):
        if floor in summary:
            ratios[f"outreach/{floor} wall"] = o["wall_s"] / summary[floor]["wall_s"]
    print("\n  Ratios (medians):")
    for name, value in ratios.items():
        print(f"    {name:<28}{value:>7.2f}x")
    print(f"\n  Outreach: {pages_total / o['wall_s']:.0f} pages/s wall, "
          f"{o['cpu_s'] / pages_total * 1000:.2f} ms CPU per page")
    if rebuild:
        print_table("Rebuild after editing one page (no incremental mode in either run; full rebuild, "
                    "same output folder):", rebuild)
        if "hugo" in rebuild:
            print(f"\n    hugo/outreach wall        {rebuild['hugo']['wall_s'] / rebuild['outreach']['wall_s']:>7.2f}x")
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
    for name in ("outreach", "hugo"):
        if name in checks:
            c = checks[name]
            print(f"    {name:<10}{c['files']:>7} files, {c['html_files']:>7} HTML, {c['bytes'] / 1e6:>7.1f} MB, "
                  f"{c['bytes'] / max(c['html_files'], 1) / 1024:.1f} KB per HTML file average")
    print("\n  Notes: floor = one cmark pipeline over all page bodies (xargs batches many files per process, so\n"
          "  cmark parses them as one document) + cp -r of the body files; floor-2way = the same split by section\n"
          "  into two halves run at once. Hugo writes a redirecting /index.html and sitemaps (one per\n"
          "  language + an index), no robots.txt or 404; Outreach writes a language-chooser /index.html,\n"
          "  404.html, robots.txt, one sitemap.xml with hreflang alternates, and copies the theme's assets.")

    result = {
        "date": _dt.datetime.now().isoformat(timespec="seconds"),
        "command": sys.argv,
        "machine": machine,
        "versions": versions,
        "corpus": info,
        "runs": options.runs,
        "summary": summary,
        "ratios": ratios,
        "rebuild_one": rebuild,
        "serve_edit": serve,
        "checks": {name: {k: v for k, v in c.items() if k != "log_text"} for name, c in checks.items()},
        "measurements": full,
    }
    path = work / f"results-{options.pages}.json"
    path.write_text(json.dumps(result, indent=2, ensure_ascii=False))
    (work / "results.json").write_text(json.dumps(result, indent=2, ensure_ascii=False))
    print(f"\nResults: {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
