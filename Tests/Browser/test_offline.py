"""Offline, as a reader on a phone uses the site: in every language, open the home page once, wait
for the service worker, lose the connection (the HTTP server stops), then open the help page, the
hotlines and a quiz set and finish it; a page never opened shows the offline page in the reader's
language. After a rebuild with a changed help page, the new version is served and the old cache
is gone. The worker never asks another origin for anything."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import tempfile
import unittest
from pathlib import Path

import harness

REPOSITORY = Path(__file__).resolve().parents[2]
ENV_OUTREACH = "OUTREACH_BIN"


class OfflineTest(harness.BrowserTestCase):
    # -- helpers ---------------------------------------------------------------------------

    def wait_for_worker(self, server: harness.SiteServer, folder: str) -> str:
        """Opens the language's home page and waits until its worker is active (it becomes active
        only after keeping every precached file); returns the worker's cache name."""
        self.driver.get(server.url(f"/{folder}/"))
        state = self.driver.execute_async_script("""
            const done = arguments[arguments.length - 1];
            navigator.serviceWorker.ready
              .then((registration) => caches.keys().then((keys) => done({scope: registration.scope, keys})))
              .catch((error) => done({error: String(error)}));""")
        self.assertNotIn("error", state, state)
        self.assertEqual(server.url(f"/{folder}/"), state["scope"])
        settings = self.worker_settings(folder)
        self.assertIn(settings["cache"], state["keys"])
        return settings["cache"]

    def worker_settings(self, folder: str, root: Path | None = None) -> dict:
        text = ((root or self.site.root) / folder / "sw.js").read_text(encoding="utf-8")
        return json.loads(re.search(r"self\.outreachOffline = (\{.*\});", text).group(1))

    def cache_names(self) -> list[str]:
        return self.driver.execute_async_script(
            "const done = arguments[arguments.length - 1]; caches.keys().then(done, (e) => done([String(e)]));")

    def heading(self) -> str:
        return self.driver.execute_script("const h = document.querySelector('main h1'); return h ? h.textContent.trim() : ''")

    def hotline_links(self) -> list[str]:
        return self.driver.execute_script(
            "return [...document.querySelectorAll('#hotlines a[href^=\"tel:\"]')].map(a => a.getAttribute('href'))")

    def expected_heading(self, path: str) -> str:
        html = self.site.file_for(path).read_text(encoding="utf-8")
        main = html[html.index("<main"):]
        return re.sub(r"<[^>]+>", "", re.search(r"<h1[^>]*>(.*?)</h1>", main, re.S).group(1)).strip()

    def finish_quiz(self, server: harness.SiteServer, path: str) -> dict:
        self.driver.get(server.url(path))
        harness.wait_for(self.driver, lambda d: d.execute_script(
            "return document.querySelector('form[data-quiz][data-quiz-ready]') !== null"), message=f"{path}: quiz did not start offline")
        data = json.loads(self.driver.execute_script("return document.querySelector('[data-quiz-data]').textContent"))
        key = {q["id"]: q for q in data["questions"]}
        shown = self.driver.execute_script("""
            return [...document.querySelectorAll('fieldset[data-question]')]
              .filter(f => !f.closest('li').hidden && f.offsetParent !== null).map(f => f.dataset.question)""")
        for question in shown:
            self.driver.execute_script("""
                const [id, values] = arguments;
                for (const input of document.querySelectorAll(`input[name="${CSS.escape(id)}"]`)) {
                  if (input.checked !== values.includes(input.value)) input.click();
                }""", question, key[question]["answers"])
        self.driver.execute_script("document.querySelector('[data-quiz-submit]').click()")
        harness.wait_for(self.driver, lambda d: d.execute_script(
            "return document.querySelector('[data-quiz-result]').getAttribute('data-score')") is not None,
            message=f"{path}: no result offline")
        return self.driver.execute_script("""
            const r = document.querySelector('[data-quiz-result]');
            return {score: r.getAttribute('data-score'), total: r.getAttribute('data-total')}""")

    # -- tests -----------------------------------------------------------------------------

    def test_help_hotlines_and_quiz_work_offline_in_every_language(self):
        for language in self.site.languages:
            folder = language.folder
            with self.subTest(language=language.code):
                # A server of its own (a new port, so a new origin with no worker yet) to stop.
                server = harness.SiteServer(self.site.root).start()
                try:
                    self.wait_for_worker(server, folder)
                finally:
                    server.stop()

                help_path = f"/{folder}/help/"
                self.driver.get(server.url(help_path))
                self.assertEqual(self.expected_heading(help_path), self.heading(), f"{help_path} offline")
                self.assertTrue(self.hotline_links(), f"{help_path}: no hotlines offline")

                self.driver.get(server.url(f"/{folder}/#hotlines"))
                self.assertEqual(self.expected_heading(f"/{folder}/"), self.heading())
                self.assertTrue(self.hotline_links(), "no hotlines on the home page offline")

                quiz = sorted(p for p in self.site.pages if re.fullmatch(rf"/{re.escape(folder)}/quiz/[^/]+/", p)
                              and "data-quiz=" in self.site.file_for(p).read_text(encoding="utf-8"))
                self.assertTrue(quiz, f"no quiz set in {folder}")
                result = self.finish_quiz(server, quiz[0])
                self.assertEqual(result["total"], result["score"], f"{quiz[0]} offline")

                # Never opened, and not kept: the offline page, in the reader's language.
                self.driver.get(server.url(f"/{folder}/about/"))
                offline_html = (self.site.root / folder / "offline.html").read_text(encoding="utf-8")
                self.assertTrue(self.driver.execute_script("return document.querySelector('[data-offline-page]') !== null"),
                                f"/{folder}/about/ offline did not show the offline page")
                self.assertEqual(language.code, self.driver.execute_script("return document.documentElement.lang"))
                self.assertEqual(re.search(r"<h1>(.*?)</h1>", offline_html).group(1), self.heading())
                self.assertTrue(self.hotline_links(), "the offline page shows the hotlines")

    def test_worker_keeps_only_its_language_and_this_origin(self):
        languages = {language.folder for language in self.site.languages}
        for folder in sorted(languages):
            with self.subTest(language=folder):
                settings = self.worker_settings(folder)
                for url in settings["precache"]:
                    self.assertTrue(url.startswith("/") and not url.startswith("//"), f"{url} leaves the origin")
                    first = url.strip("/").split("/")[0]
                    self.assertTrue(first == folder or first not in languages, f"{folder}'s worker keeps {url}")
                    self.assertIsNotNone(self.site.file_for(url), f"{folder}'s worker keeps {url}, which is not built")
                self.assertIn(f"/{folder}/offline.html", settings["precache"])
                self.assertIn(f"/{folder}/help/", settings["precache"])
                self.assertTrue(settings["cache"].startswith(settings["cachePrefix"]))
        script = (self.site.root / "assets" / "service-worker.js").read_text(encoding="utf-8")
        self.assertNotRegex(script, r"https?://", "the worker names no other site")

    def test_rebuild_with_a_changed_page_serves_it_and_deletes_the_old_cache(self):
        outreach = os.environ.get(ENV_OUTREACH)
        if not outreach or not os.access(outreach, os.X_OK):
            self.fail(f"{ENV_OUTREACH} must name the outreach binary (run.py --outreach PATH)")
        with tempfile.TemporaryDirectory(prefix="outreach-offline-") as scratch:
            content = Path(scratch) / "content"
            shutil.copytree(REPOSITORY / "content", content)
            output = Path(scratch) / "site"

            def build() -> None:
                subprocess.run([outreach, "build", "--content", str(content), "--theme", str(REPOSITORY / "theme"),
                                "--output", str(output)], check=True, capture_output=True, timeout=300)

            build()
            folder = "en"
            old_cache = self.worker_settings(folder, output)["cache"]
            server = harness.SiteServer(output).start()
            try:
                self.driver.get(server.url(f"/{folder}/"))
                self.assertTrue(self.driver.execute_async_script(
                    "const done = arguments[arguments.length - 1]; navigator.serviceWorker.ready.then(() => done(true));"))
                self.assertIn(old_cache, self.cache_names())

                marker = "Rebuilt for the offline test."
                help_file = content / "help.en.md"
                help_file.write_text(help_file.read_text(encoding="utf-8") + f"\n{marker}\n", encoding="utf-8")
                build()
                new_cache = self.worker_settings(folder, output)["cache"]
                self.assertNotEqual(old_cache, new_cache, "a changed kept page changes the cache name")

                # Opening a page makes the browser check the worker (sw.js changed), install the new
                # one, which keeps the new files and deletes the old cache.
                self.driver.get(server.url(f"/{folder}/help/"))
                self.assertIn(marker, self.driver.page_source, "the new version is served")
                harness.wait_for(self.driver, lambda d: [n for n in self.cache_names() if n.startswith("outreach:")] == [new_cache],
                                 timeout=20, message=f"caches after the rebuild: {self.cache_names()}")
            finally:
                server.stop()
            # And without a connection, the new version is the one kept.
            self.driver.get(server.url(f"/{folder}/help/"))
            self.assertIn(marker, self.driver.page_source, "the new version is kept for offline use")


if __name__ == "__main__":
    unittest.main()
