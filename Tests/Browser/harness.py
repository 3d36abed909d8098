"""Shared helpers for the browser tests of the built Outreach site.

Test modules (test_*.py, found by run.py) import this module to:

- read the run's settings (site folder, vnu.jar, axe.min.js) with `settings()`;
- list the built pages and map URLs to files (`Site`);
- parse the few parts of a page the tests look at (`parse_page`);
- serve the site over HTTP (`SiteServer`), open it in headless Chromium (`start_chromium`),
  run axe-core in the page (`run_axe`) and run the Nu HTML Checker (`run_vnu`);
- share one server and one browser per test class (`BrowserTestCase`).

Only the Python standard library and Debian's python3-selenium are used, so the tests run with
/usr/bin/python3 and nothing from PyPI at run time.
"""

from __future__ import annotations

import functools
import http.server
import json
import os
import shutil
import subprocess
import threading
import unittest
import urllib.parse
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

CHROMIUM = "/usr/bin/chromium"
CHROMEDRIVER = "/usr/bin/chromedriver"

# axe-core rule tags: WCAG 2.0, 2.1 and 2.2, levels A and AA. (There are no new level A rules in
# WCAG 2.2, so axe has no "wcag22a" tag.)
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]

# run.py passes its arguments to the test modules through these environment variables, so a test
# module can also be run on its own: OUTREACH_SITE=site /usr/bin/python3 -m unittest test_site
ENV_SITE = "OUTREACH_SITE"
ENV_VNU = "OUTREACH_VNU"
ENV_AXE = "OUTREACH_AXE"

SITEMAP_NS = {
    "sm": "http://www.sitemaps.org/schemas/sitemap/0.9",
    "xhtml": "http://www.w3.org/1999/xhtml",
}


# ---------------------------------------------------------------------------------------------
# Settings and prerequisites


@dataclass(frozen=True)
class Settings:
    site: Path
    vnu: Path | None
    axe: Path | None


def settings() -> Settings:
    """The run's settings, from the environment variables that run.py sets."""
    site = os.environ.get(ENV_SITE)
    if not site:
        raise RuntimeError(f"{ENV_SITE} is not set: run the tests with Tests/Browser/run.py --site DIR")
    vnu, axe = os.environ.get(ENV_VNU), os.environ.get(ENV_AXE)
    return Settings(Path(site), Path(vnu) if vnu else None, Path(axe) if axe else None)


def missing_prerequisites(need_vnu: bool = True, need_axe: bool = True) -> list[str]:
    """Human-readable reasons the browser tests cannot run; empty when everything is there.

    run.py stops with these messages before running anything, because a test that silently skips
    for want of a browser would let a broken site through.
    """
    problems = []
    for path, package in ((CHROMIUM, "chromium"), (CHROMEDRIVER, "chromium-driver")):
        if not os.access(path, os.X_OK):
            problems.append(f"{path} not found: install the Debian package {package}")
    try:
        import selenium  # noqa: F401
    except ImportError:
        problems.append("selenium is not importable: install the Debian package python3-selenium "
                        "and run the tests with /usr/bin/python3")
    if need_vnu and not shutil.which("java"):
        problems.append("java not found: install a Java runtime (Debian: default-jre-headless)")
    try:
        config = settings()
    except RuntimeError as error:
        return problems + [str(error)]
    if not (config.site / "index.html").is_file():
        problems.append(f"{config.site}/index.html not found: build the site first")
    if need_vnu and not (config.vnu and config.vnu.is_file()):
        problems.append(f"vnu.jar not found at {config.vnu} (pip package vnujar)")
    if need_axe and not (config.axe and config.axe.is_file()):
        problems.append(f"axe.min.js not found at {config.axe} (pip package axe-playwright-python)")
    return problems


# ---------------------------------------------------------------------------------------------
# Reading pages


@dataclass
class Page:
    """What the tests need from one HTML page."""

    lang: str | None = None
    title: str = ""
    canonical: str | None = None
    # (hreflang, href) of every <link rel="alternate" hreflang>, in document order; a list, not a
    # dict, so that a duplicated hreflang can be reported.
    alternates: list[tuple[str, str]] = field(default_factory=list)
    # The attributes of every element with data-language-choice (the language switcher's links,
    # and the language chooser's links on the root page).
    language_choices: list[dict[str, str]] = field(default_factory=list)
    # True on the root page, whose script sends readers to their language.
    is_language_chooser: bool = False

    @property
    def alternate_map(self) -> dict[str, str]:
        return dict(self.alternates)


class _PageParser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.page = Page()
        self._in_title = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {name: (value or "") for name, value in attrs}
        rel = a.get("rel", "").lower().split()
        if tag == "title":
            self._in_title = True
        elif tag == "html" and self.page.lang is None:
            self.page.lang = a.get("lang")
        elif tag == "link" and "canonical" in rel:
            self.page.canonical = a.get("href")
        elif tag == "link" and "alternate" in rel and "hreflang" in a:
            self.page.alternates.append((a["hreflang"], a.get("href", "")))
        elif tag == "body" and "data-language-chooser" in a:
            self.page.is_language_chooser = True
        if "data-language-choice" in a:
            self.page.language_choices.append({"tag": tag, **a})

    # <link> is a void element; the parser reports "<link ... />" here instead of handle_starttag.
    handle_startendtag = handle_starttag

    def handle_endtag(self, tag: str) -> None:
        if tag == "title":
            self._in_title = False

    def handle_data(self, data: str) -> None:
        if self._in_title:
            self.page.title += data


def parse_page(html: str) -> Page:
    parser = _PageParser()
    parser.feed(html)
    parser.close()
    return parser.page


@dataclass(frozen=True)
class Language:
    code: str    # BCP 47 code, e.g. "zh-TW"
    folder: str  # the top-level folder of its pages, e.g. "zh-tw"


class Site:
    """A built site folder: its pages, its languages and the mapping between URLs and files."""

    def __init__(self, root: Path) -> None:
        self.root = Path(root)

    def html_files(self) -> list[Path]:
        return sorted(self.root.rglob("*.html"))

    def url_path(self, file: Path) -> str:
        """The URL path of a built file: site/en/help/index.html -> /en/help/."""
        relative = file.relative_to(self.root).as_posix()
        if relative == "index.html":
            return "/"
        if relative.endswith("/index.html"):
            return "/" + relative[: -len("index.html")]
        return "/" + relative

    def file_for(self, url_path: str) -> Path | None:
        """The built file a URL path is served from, or None if there is none."""
        path = urllib.parse.unquote(urllib.parse.urlsplit(url_path).path)
        if not path.startswith("/") or ".." in path.split("/"):
            return None
        candidate = self.root / path.lstrip("/")
        if path.endswith("/"):
            candidate = candidate / "index.html"
        return candidate if candidate.is_file() else None

    @functools.cached_property
    def pages(self) -> dict[str, Page]:
        """Every HTML page, parsed, by URL path."""
        return {self.url_path(f): parse_page(f.read_text(encoding="utf-8")) for f in self.html_files()}

    @functools.cached_property
    def languages(self) -> list[Language]:
        """The site's languages: one per top-level folder that has a home page.

        The code is the one the root page's language chooser gives the folder (in the chooser's
        order), else the <html lang> of the folder's home page. Starting from the folders rather
        than from the chooser means a language missing from the chooser is reported once, by the
        tests of the chooser, instead of making every page of that language look foreign.
        """
        folders = {d.name for d in self.root.iterdir() if d.is_dir() and (d / "index.html").is_file()}
        languages = []
        for choice in self.pages["/"].language_choices:
            folder = urllib.parse.urlsplit(choice.get("href", "")).path.strip("/").split("/")[0]
            if folder in folders and choice.get("data-language-choice"):
                languages.append(Language(choice["data-language-choice"], folder))
                folders.discard(folder)
        for folder in sorted(folders):
            languages.append(Language(self.pages[f"/{folder}/"].lang or "", folder))
        return languages

    def language_of_folder(self, url_path: str) -> Language | None:
        """The language whose folder a URL path is in: /vi/help/ -> vi; / and /404.html -> None."""
        first = url_path.strip("/").split("/")[0]
        return next((language for language in self.languages if language.folder == first), None)

    @functools.cached_property
    def base_url(self) -> str:
        """The address the site is published at (with a final /), from the root page's canonical
        link, else from the sitemap's first <loc>."""
        canonical = self.pages["/"].canonical
        if canonical:
            return canonical if canonical.endswith("/") else canonical + "/"
        first = self.sitemap().find("sm:url/sm:loc", SITEMAP_NS)
        if first is None or not first.text:
            raise AssertionError("cannot tell the site's base URL: no canonical on / and no <loc> in sitemap.xml")
        parts = urllib.parse.urlsplit(first.text.strip())
        return f"{parts.scheme}://{parts.netloc}/"

    def path_of_url(self, url: str) -> str | None:
        """The URL path within the site of an absolute (published) or root-relative URL, or None
        if it points outside the site: https://outreach.example.org/en/help/ -> /en/help/."""
        if url.startswith(self.base_url):
            return "/" + url[len(self.base_url):]
        if url.startswith("/") and not url.startswith("//"):
            return url
        return None

    def sitemap(self) -> ET.Element:
        return ET.parse(self.root / "sitemap.xml").getroot()


# ---------------------------------------------------------------------------------------------
# Serving the site


class _SiteRequestHandler(http.server.SimpleHTTPRequestHandler):
    """Serves files like a plain static web server, with 404.html (status 404) for missing paths."""

    def send_error(self, code, message=None, explain=None):
        not_found_page = Path(self.directory) / "404.html"
        if code != 404 or not not_found_page.is_file():
            return super().send_error(code, message, explain)
        body = not_found_page.read_bytes()
        self.send_response(404, message)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def end_headers(self):
        # The site is rebuilt between runs; never let Chromium reuse an old copy.
        self.send_header("Cache-Control", "no-store")
        super().end_headers()

    def log_message(self, format, *args):
        pass  # keep the test output readable


class SiteServer:
    """Serves a folder on 127.0.0.1 on a free port, in a background thread.

        with SiteServer(site_dir) as server:
            driver.get(server.url("/en/help/"))
    """

    def __init__(self, root: Path) -> None:
        handler = functools.partial(_SiteRequestHandler, directory=str(root))
        # Port 0: the operating system picks a free port.
        self.httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
        self.httpd.daemon_threads = True
        self.origin = f"http://127.0.0.1:{self.httpd.server_address[1]}"
        self.thread = threading.Thread(target=self.httpd.serve_forever, name="site-server", daemon=True)

    def url(self, path: str) -> str:
        return self.origin + path

    def start(self) -> "SiteServer":
        self.thread.start()
        return self

    def stop(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()

    def __enter__(self) -> "SiteServer":
        return self.start()

    def __exit__(self, *exc) -> None:
        self.stop()


# ---------------------------------------------------------------------------------------------
# Chromium


def start_chromium(accept_language: str | None = None, javascript: bool = True, network_log: bool = False):
    """A headless Chromium driven by Selenium, with a fresh profile (so no remembered language).

    accept_language: the browser's preferred languages, e.g. "vi" or "zh-TW,zh"; this sets both
    navigator.languages and the Accept-Language header.
    javascript=False turns JavaScript off for every page, as for a reader who disabled it. Selenium
    can still look at the page (find elements, execute_script), but axe cannot run there: use
    load_without_scripts() for that.
    network_log=True keeps Chromium's performance log, from which requested_urls() reads every
    request the browser sent.
    """
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for argument in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                     "--window-size=1280,900"):
        options.add_argument(argument)
    prefs = {}
    if accept_language:
        options.add_argument(f"--lang={accept_language.split(',')[0]}")
        prefs["intl.accept_languages"] = accept_language
    if not javascript:
        prefs["profile.managed_default_content_settings.javascript"] = 2
    if prefs:
        options.add_experimental_option("prefs", prefs)
    if network_log:
        options.set_capability("goog:loggingPrefs", {"performance": "ALL"})
    driver = webdriver.Chrome(service=Service(executable_path=CHROMEDRIVER), options=options)
    driver.set_page_load_timeout(30)
    driver.set_script_timeout(60)
    return driver


def load_without_scripts(driver, url: str) -> None:
    """Loads a page the way a reader with JavaScript turned off sees it, then turns scripts back on
    so that axe can run in it.

    The page's scripts are switched off with the DevTools "Disable JavaScript" switch rather than
    the javascript content-setting preference: under that preference axe never finishes, because
    timers do not fire. Turning scripts back on after the load does not run the page's own
    scripts, which were skipped while it was parsed.
    """
    driver.execute_cdp_cmd("Emulation.setScriptExecutionDisabled", {"value": True})
    try:
        driver.get(url)
    finally:
        driver.execute_cdp_cmd("Emulation.setScriptExecutionDisabled", {"value": False})


def requested_urls(driver) -> list[str]:
    """Every URL the browser requested since the last call (Network.requestWillBeSent in the
    performance log of a driver started with network_log=True), in order."""
    urls = []
    for entry in driver.get_log("performance"):
        message = json.loads(entry["message"])["message"]
        if message.get("method") == "Network.requestWillBeSent":
            urls.append(message["params"]["request"]["url"])
    return urls


def set_screen(driver, width: int, height: int, mobile: bool) -> None:
    """Makes the page see a screen of width x height CSS pixels (a phone's when mobile is set)."""
    driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                           {"width": width, "height": height, "deviceScaleFactor": 2 if mobile else 1, "mobile": mobile})


def wait_for(driver, condition, timeout: float = 10.0, message: str = ""):
    """Waits until condition(driver) is truthy and returns it; raises TimeoutException otherwise."""
    from selenium.webdriver.support.ui import WebDriverWait

    return WebDriverWait(driver, timeout, poll_frequency=0.1).until(condition, message)


@functools.lru_cache(maxsize=None)
def _read_text(path: Path) -> str:
    return Path(path).read_text(encoding="utf-8")


def run_axe(driver, axe_path: Path, tags: list[str] = AXE_TAGS) -> list[dict]:
    """Runs axe-core in the page the driver shows; returns its violations (axe's own JSON shape:
    id, impact, help, helpUrl, nodes[].target, nodes[].failureSummary ...)."""
    if not driver.execute_script("return typeof window.axe === 'object'"):
        driver.execute_script(_read_text(axe_path))
    result = driver.execute_async_script(
        """
        const [tags, done] = arguments;
        axe.run(document, {runOnly: {type: "tag", values: tags}, resultTypes: ["violations"]})
          .then((results) => done({violations: results.violations}))
          .catch((error) => done({error: String(error && error.stack || error)}));
        """,
        tags,
    )
    if "error" in result:
        raise RuntimeError(f"axe.run failed: {result['error']}")
    return result["violations"]


def format_axe_violations(page: str, violations: list[dict]) -> list[str]:
    """One line per violating element: page, rule id, impact, CSS target, axe's summary."""
    lines = []
    for violation in violations:
        for node in violation["nodes"]:
            target = " ".join(json.dumps(t, ensure_ascii=False) if not isinstance(t, str) else t
                              for t in node.get("target", []))
            summary = " ".join((node.get("failureSummary") or violation["help"]).split())
            lines.append(f"{page}: {violation['id']} ({violation.get('impact')}) at {target}: {summary}")
    return lines


# ---------------------------------------------------------------------------------------------
# Nu HTML Checker


def run_vnu(vnu_jar: Path, files: list[Path]) -> list[dict]:
    """Checks HTML files with the Nu HTML Checker; returns its error messages (vnu's JSON shape:
    url, type, message, lastLine, firstColumn, extract ...). An empty list means valid."""
    if not files:
        return []
    command = ["java", "-jar", str(vnu_jar), "--errors-only", "--skip-non-html", "--format", "json",
               "--stdout", *map(str, files)]
    completed = subprocess.run(command, capture_output=True, text=True, timeout=300)
    try:
        report = json.loads(completed.stdout)
    except json.JSONDecodeError:
        raise RuntimeError(f"vnu did not produce JSON (exit {completed.returncode}):\n"
                           f"{completed.stdout[-2000:]}\n{completed.stderr[-2000:]}")
    # vnu reports problems as "error", "non-document-error" (e.g. unreadable file) or "info".
    return [m for m in report.get("messages", []) if m.get("type") != "info"]


def format_vnu_message(message: dict, root: Path) -> str:
    url = message.get("url", "")
    path = urllib.parse.unquote(urllib.parse.urlsplit(url).path) if url.startswith("file:") else url
    try:
        path = Path(path).resolve().relative_to(Path(root).resolve()).as_posix()
    except ValueError:
        pass
    line = message.get("lastLine", message.get("firstLine", "?"))
    column = message.get("firstColumn", message.get("lastColumn", "?"))
    extract = " ".join(message.get("extract", "").split())
    text = f"{path}:{line}:{column}: {message.get('subType', message.get('type'))}: {message.get('message')}"
    return text + (f"\n    {extract}" if extract else "")


# ---------------------------------------------------------------------------------------------
# A test case base with one server and one browser per class


class BrowserTestCase(unittest.TestCase):
    """Starts the site server and one Chromium for the whole class, and closes them after.

    Subclasses may set `accept_language`, `javascript` and `network_log` for their browser. In tests:
    self.site (Site), self.server (SiteServer), self.driver, self.config (Settings).
    """

    accept_language: str | None = None
    javascript: bool = True
    network_log: bool = False

    @classmethod
    def setUpClass(cls) -> None:
        super().setUpClass()
        cls.config = settings()
        cls.site = Site(cls.config.site)
        cls.server = SiteServer(cls.config.site).start()
        cls.addClassCleanup(cls.server.stop)
        cls.driver = start_chromium(cls.accept_language, cls.javascript, cls.network_log)
        cls.addClassCleanup(cls.driver.quit)

    def open(self, path: str) -> None:
        """Loads a site path (e.g. "/en/help/") in the class's browser."""
        self.driver.get(self.server.url(path))

    def current_path(self) -> str:
        return urllib.parse.urlsplit(self.driver.current_url).path
