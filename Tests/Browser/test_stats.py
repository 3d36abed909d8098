"""The quiz statistics collector, for real: `outreach stats serve` on a loopback port, the site built
with `stats: {endpoint}`, quiz sets played in Chromium, and the counts read back with
`outreach stats report --format json`. With the collector stopped the quiz still scores. And
durability: submissions sent while the collector is killed with SIGKILL at random moments and
restarted; every submission answered 204 is counted, none twice. On SQLite, and on PostgreSQL
when OUTREACH_TEST_POSTGRES names a server (make test starts one)."""

from __future__ import annotations

import json
import os
import random
import shutil
import signal
import socket
import subprocess
import tempfile
import threading
import time
import unittest
import urllib.error
import urllib.request
from pathlib import Path

import harness

REPO = Path(__file__).resolve().parent.parent.parent
QUIZ = "health-and-safety"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def outreach() -> str:
    binary = os.environ.get("OUTREACH_BIN")
    if not binary:
        raise unittest.SkipTest("OUTREACH_BIN is not set (run.py --outreach)")
    return binary


class Collector:
    """`outreach stats serve` in a child process, restartable."""

    def __init__(self, content: Path, database: str, origin: str, port: int) -> None:
        self.command = [outreach(), "stats", "serve", "--content", str(content), "--theme", str(REPO / "theme"),
                        "--database", database, "--port", str(port), "--origin", origin, "--per-minute", "0"]
        self.url = f"http://127.0.0.1:{port}"
        self.process: subprocess.Popen | None = None

    def start(self) -> "Collector":
        self.process = subprocess.Popen(self.command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            try:
                with urllib.request.urlopen(self.url + "/healthz", timeout=1) as response:
                    if response.status == 200:
                        return self
            except OSError:
                if self.process.poll() is not None:
                    raise AssertionError("the collector exited: " + self.process.stderr.read().decode())
                time.sleep(0.05)
        raise AssertionError("the collector did not start")

    def kill(self) -> None:
        if self.process and self.process.poll() is None:
            self.process.send_signal(signal.SIGKILL)
            self.process.wait()

    def stop(self) -> None:
        if self.process and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.kill()


def report(content: Path, database: str) -> dict:
    output = subprocess.run([outreach(), "stats", "report", "--content", str(content), "--theme", str(REPO / "theme"),
                             "--database", database, "--format", "json"], check=True, capture_output=True, text=True)
    return json.loads(output.stdout)


def question_totals(document: dict) -> dict[str, tuple[int | None, int | None]]:
    return {question["id"]: (question["total"]["answers"], question["total"]["correct"])
            for quiz in document["quizzes"] for category in quiz["categories"] for question in category["questions"]}


def databases(folder: Path) -> list[str]:
    found = [f"sqlite:{folder / 'counts.sqlite'}"]
    postgres = os.environ.get("OUTREACH_TEST_POSTGRES")
    if postgres:
        subprocess.run(["psql", postgres, "-q", "-c", "DROP TABLE IF EXISTS question_counts, choice_counts"],
                       check=True, capture_output=True)
        found.append(postgres)
    return found


class QuizCountedInBrowserTest(unittest.TestCase):
    """Chromium plays the first set of the quiz ten times; the report holds exactly those answers."""

    PLAYS = 10

    @classmethod
    def setUpClass(cls) -> None:
        cls.folder = Path(tempfile.mkdtemp(prefix="outreach-stats-"))
        cls.addClassCleanup(shutil.rmtree, cls.folder, True)
        cls.content = cls.folder / "content"
        shutil.copytree(REPO / "content", cls.content)
        cls.collector_port = free_port()
        with (cls.content / "site.yaml").open("a", encoding="utf-8") as site:
            site.write(f"\nstats:\n  endpoint: http://127.0.0.1:{cls.collector_port}/api/v1/answers\n")
        cls.site = cls.folder / "site"
        cls.site.mkdir()
        cls.server = harness.SiteServer(cls.site).start()
        cls.addClassCleanup(cls.server.stop)
        subprocess.run([outreach(), "build", "--content", str(cls.content), "--theme", str(REPO / "theme"),
                        "--output", str(cls.site), "--base-url", cls.server.origin + "/", "--no-search"],
                       check=True, capture_output=True)
        cls.driver = harness.start_chromium()
        cls.addClassCleanup(cls.driver.quit)

    def play_first_set(self) -> dict:
        """Answers every question of set 1 with its first choice; returns the picks and the result."""
        self.driver.get(self.server.url(f"/en/quiz/{QUIZ}/"))
        harness.wait_for(self.driver, lambda d: d.execute_script("return 'quizReady' in document.querySelector('form[data-quiz]').dataset"),
                         message="the quiz script did not start")
        self.driver.execute_script("document.querySelector('[data-quiz-retry]').click()")
        picks = self.driver.execute_script("""
            const picks = {};
            for (const fs of document.querySelectorAll('fieldset[data-question]')) {
              if (fs.closest('li').hidden) continue;
              const input = fs.querySelector('input');
              input.click();
              picks[fs.dataset.question] = [input.value];
            }
            document.querySelector('[data-quiz-submit]').click();
            return picks;""")
        harness.wait_for(self.driver, lambda d: d.execute_script("return document.querySelector('[data-quiz-result]').dataset.score") is not None,
                         message="no score")
        score = int(self.driver.execute_script("return document.querySelector('[data-quiz-result]').dataset.score"))
        return {"picks": picks, "score": score}

    def test_finished_sets_are_counted_and_the_quiz_works_without_the_collector(self):
        for database in databases(self.folder):
            with self.subTest(database=database.split(":")[0]):
                collector = Collector(self.content, database, self.server.origin, self.collector_port).start()
                try:
                    plays = [self.play_first_set() for _ in range(self.PLAYS)]
                    time.sleep(1)  # beacons are sent as the page goes on
                finally:
                    collector.stop()
                data = json.loads(self.driver.execute_script("return document.querySelector('[data-quiz-data]').textContent"))
                key = {q["id"]: set(q["answers"]) for q in data["questions"]}
                expected: dict[str, list[int]] = {}
                for play in plays:
                    for question, picked in play["picks"].items():
                        totals = expected.setdefault(question, [0, 0])
                        totals[0] += 1
                        totals[1] += set(picked) == key[question]
                got = question_totals(report(self.content, database))
                self.assertEqual({q: tuple(v) for q, v in expected.items()}, got)

                # The collector is stopped: the quiz still scores the answers, as without counting.
                again = self.play_first_set()
                self.assertEqual(sum(set(picked) == key[q] for q, picked in again["picks"].items()), again["score"])
                self.assertEqual(got, question_totals(report(self.content, database)), "nothing counted while stopped")

    def test_pages_may_connect_to_the_collector_only(self):
        html = (self.site / "en" / "quiz" / QUIZ / "index.html").read_text(encoding="utf-8")
        self.assertIn(f"connect-src http://127.0.0.1:{self.collector_port};", html)
        help_page = (self.site / "en" / "help" / "index.html").read_text(encoding="utf-8")
        self.assertIn(f"connect-src http://127.0.0.1:{self.collector_port};", help_page)
        self.assertIn("privacy.html", html)


class DurabilityTest(unittest.TestCase):
    """Submissions from four threads while the collector is killed (SIGKILL) every 0.2 to 1 s and
    restarted: the stored count is at least the number answered 204, and at most the number sent."""

    SECONDS = 12

    def test_every_acknowledged_submission_survives_kill_9(self):
        folder = Path(tempfile.mkdtemp(prefix="outreach-durability-"))
        self.addCleanup(shutil.rmtree, folder, True)
        content = REPO / "content"
        data_path = None
        for database in databases(folder):
            with self.subTest(database=database.split(":")[0]):
                port = free_port()
                collector = Collector(content, database, "https://outreach.example.org", port).start()
                self.addCleanup(collector.stop)
                # Set 1's questions, each answered with its first choice id as the bank lists it.
                body = self.first_set_body()
                questions = len(json.loads(body)["answers"])
                sent = acknowledged = 0
                lock = threading.Lock()
                stop = time.monotonic() + self.SECONDS

                def sender() -> None:
                    nonlocal sent, acknowledged
                    while time.monotonic() < stop:
                        request = urllib.request.Request(collector.url + "/api/v1/answers", data=body.encode(),
                                                         headers={"Content-Type": "text/plain"}, method="POST")
                        with lock:
                            sent += 1
                        try:
                            with urllib.request.urlopen(request, timeout=5) as response:
                                if response.status == 204:
                                    with lock:
                                        acknowledged += 1
                        except (OSError, urllib.error.HTTPError):
                            time.sleep(0.01)

                threads = [threading.Thread(target=sender) for _ in range(4)]
                for thread in threads:
                    thread.start()
                kills = 0
                randomness = random.Random(20261202)
                while time.monotonic() < stop - 1:
                    time.sleep(randomness.uniform(0.2, 1.0))
                    collector.kill()
                    kills += 1
                    collector.start()
                for thread in threads:
                    thread.join()
                collector.stop()
                totals = question_totals(report(content, database))
                stored = {answers for answers, _ in totals.values()}
                self.assertEqual(1, len(stored), f"every question of the set counted alike: {totals}")
                stored_submissions = stored.pop()
                self.assertGreater(kills, 3)
                self.assertGreater(acknowledged, 50)
                self.assertGreaterEqual(stored_submissions, acknowledged, "an acknowledged submission was lost")
                self.assertLessEqual(stored_submissions, sent, "a submission was counted twice")
                print(f"\n  {database.split(':')[0]}: {kills} kills, {sent} sent, {acknowledged} answered 204, "
                      f"{stored_submissions} stored ({questions} questions each)")

    @staticmethod
    def first_set_body() -> str:
        site = harness.Site(harness.settings().site)
        page = site.file_for(f"/en/quiz/{QUIZ}/").read_text(encoding="utf-8")
        start = page.index("data-quiz-data>") + len("data-quiz-data>")
        data = json.loads(page[start:page.index("</script>", start)])
        answers = {q["id"]: [q["answers"][0]] for q in data["questions"]}
        return json.dumps({"quiz": QUIZ, "set": 1, "language": "en", "answers": answers})


if __name__ == "__main__":
    unittest.main()
