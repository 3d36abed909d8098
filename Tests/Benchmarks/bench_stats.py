#!/usr/bin/env python3
"""Load on the quiz statistics collector (`make bench-stats`): wrk from Debian posts finished quiz
sets to `outreach stats serve` on loopback, for a bounded time, on SQLite and on PostgreSQL.
Reports submissions per second, p50 and p99 latency, the collector's peak memory, and checks that
the counters hold exactly the submissions answered 204. Timings are reported, never asserted:
the machine is shared. Goal (issue #16): at least 2,000 submissions/s on SQLite on 2 cores."""

from __future__ import annotations

import argparse
import json
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent.parent
QUIZ = "health-and-safety"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def first_set_body(binary: str, folder: Path) -> tuple[str, int]:
    """Set 1 of the real quiz, each question answered with its first correct choice."""
    site = folder / "site"
    subprocess.run([binary, "build", "--output", str(site), "--no-search"], cwd=REPO, check=True, capture_output=True)
    page = (site / "en" / "quiz" / QUIZ / "index.html").read_text(encoding="utf-8")
    start = page.index("data-quiz-data>") + len("data-quiz-data>")
    data = json.loads(page[start:page.index("</script>", start)])
    answers = {q["id"]: [q["answers"][0]] for q in data["questions"]}
    return json.dumps({"quiz": QUIZ, "set": 1, "language": "en", "answers": answers}), len(answers)


def run(binary: str, database: str, body: str, questions: int, seconds: int, connections: int, folder: Path) -> dict:
    port = free_port()
    collector = subprocess.Popen([binary, "stats", "serve", "--database", database, "--port", str(port), "--per-minute", "0"],
                                 cwd=REPO, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        for _ in range(300):
            try:
                urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=1).close()
                break
            except OSError:
                time.sleep(0.1)
        script = folder / "post.lua"
        script.write_text('wrk.method = "POST"\nwrk.headers["Content-Type"] = "text/plain"\nwrk.body = '
                          + json.dumps(body) + "\n", encoding="utf-8")
        output = subprocess.run(["wrk", "-t2", f"-c{connections}", f"-d{seconds}s", "--latency", "-s", str(script),
                                 f"http://127.0.0.1:{port}/api/v1/answers"], check=True, capture_output=True, text=True).stdout
        status = Path(f"/proc/{collector.pid}/status").read_text()
        peak = int(re.search(r"VmHWM:\s+(\d+) kB", status).group(1))
    finally:
        collector.terminate()
        collector.wait(timeout=20)
    requests = int(re.search(r"(\d+) requests in", output).group(1))
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    failed = int(errors.group(1)) if errors else 0
    socket_errors = re.search(r"Socket errors: (.*)", output)

    def latency(percent: str) -> str:
        return re.search(rf"^\s+{percent}%\s+(\S+)", output, re.M).group(1)

    report = subprocess.run([binary, "stats", "report", "--database", database, "--format", "json"], cwd=REPO,
                            check=True, capture_output=True, text=True).stdout
    totals = {q["total"]["answers"] for quiz in json.loads(report)["quizzes"] for c in quiz["categories"] for q in c["questions"]}
    return {"database": database.split(":")[0], "rate": float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1)),
            "p50": latency("50"), "p99": latency("99"), "peakMiB": peak / 1024, "answered": requests - failed,
            "failed": failed, "socketErrors": socket_errors.group(1) if socket_errors else "none",
            "stored": totals.pop() if len(totals) == 1 else sorted(totals), "questions": questions}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--binary", default=str(REPO / ".build/release/outreach"))
    parser.add_argument("--seconds", type=int, default=10)
    parser.add_argument("--connections", type=int, default=32)
    parser.add_argument("--postgres", help="a PostgreSQL URL; default: start Tests/Support/postgres.sh")
    args = parser.parse_args()
    if not shutil.which("wrk"):
        print("bench_stats.py needs wrk (apt-get install wrk)", file=sys.stderr)
        return 1
    folder = Path(tempfile.mkdtemp(prefix="outreach-bench-stats-"))
    try:
        body, questions = first_set_body(args.binary, folder)
        postgres = args.postgres or subprocess.run([str(REPO / "Tests/Support/postgres.sh"), "start"], check=True,
                                                   capture_output=True, text=True).stdout.strip()
        subprocess.run(["psql", postgres, "-q", "-c", "DROP TABLE IF EXISTS question_counts, choice_counts"], check=True)
        results = [run(args.binary, f"sqlite:{folder / 'counts.sqlite'}", body, questions, args.seconds, args.connections, folder),
                   run(args.binary, postgres, body, questions, args.seconds, args.connections, folder)]
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    print(f"\nCollector under wrk: {args.connections} connections, {args.seconds} s, one set of {questions} questions per submission")
    print(f"{'store':<10} {'subm./s':>9} {'p50':>9} {'p99':>9} {'peak MiB':>9} {'answered':>9} {'stored':>9} {'4xx/5xx':>8}")
    for r in results:
        print(f"{r['database']:<10} {r['rate']:>9.0f} {r['p50']:>9} {r['p99']:>9} {r['peakMiB']:>9.1f} {r['answered']:>9} "
              f"{str(r['stored']):>9} {r['failed']:>8}")
    # wrk stops with up to one request in flight per connection: counted, but its answer not read.
    for r in results:
        if not isinstance(r["stored"], int) or not r["answered"] <= r["stored"] <= r["answered"] + args.connections:
            print(f"{r['database']}: stored {r['stored']}, but {r['answered']} were answered 204 "
                  f"(at most {args.connections} more may be in flight when wrk stops)", file=sys.stderr)
            return 1
    sqlite = results[0]["rate"]
    print(f"\nGoal: at least 2,000 submissions/s on SQLite: {'met' if sqlite >= 2000 else 'NOT met'} ({sqlite:.0f}/s).")
    return 0


if __name__ == "__main__":
    sys.exit(main())
