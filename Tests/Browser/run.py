#!/usr/bin/python3
"""Runs every browser test (test_*.py in this folder) against a built site.

    /usr/bin/python3 Tests/Browser/run.py --site site --vnu PATH/vnu.jar --axe PATH/axe.min.js

Use Debian's /usr/bin/python3: it is the Python that python3-selenium is installed for.
Prints each test's outcome and the details of every failure, then one last line
"N passed, N failed" (", N skipped" when any were skipped). Exits 1 if any test failed or
could not run, 0 otherwise. Missing tools (Chromium, chromedriver, Java, selenium, vnu.jar,
axe.min.js) stop the run with a message before any test, instead of tests being skipped.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
import unittest
from pathlib import Path

HERE = Path(__file__).resolve().parent


class CountingResult(unittest.TextTestResult):
    """Counts tests, not failures: a test fails once however many subtests of it fail, and a
    class whose setUpClass fails counts as one failed test."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.outcomes: dict[str, str] = {}

    def _record(self, test, outcome: str) -> None:
        key = test.id()
        # A failure is never overwritten by a later success of the same test.
        if self.outcomes.get(key) != "failed":
            self.outcomes[key] = outcome

    def addSuccess(self, test):
        super().addSuccess(test)
        self._record(test, "passed")

    def addFailure(self, test, err):
        super().addFailure(test, err)
        self._record(test, "failed")

    def addError(self, test, err):
        super().addError(test, err)
        self._record(test, "failed")

    def addSubTest(self, test, subtest, err):
        super().addSubTest(test, subtest, err)
        if err is not None:
            self._record(test, "failed")

    def addSkip(self, test, reason):
        super().addSkip(test, reason)
        self._record(test, "skipped")

    def addExpectedFailure(self, test, err):
        super().addExpectedFailure(test, err)
        self._record(test, "passed")

    def addUnexpectedSuccess(self, test):
        super().addUnexpectedSuccess(test)
        self._record(test, "failed")

    def count(self, outcome: str) -> int:
        return sum(1 for value in self.outcomes.values() if value == outcome)


def main() -> int:
    parser = argparse.ArgumentParser(description="Run the browser tests against a built site.")
    parser.add_argument("--site", required=True, help="the built site folder")
    parser.add_argument("--vnu", required=True, help="path to vnu.jar (the Nu HTML Checker)")
    parser.add_argument("--axe", required=True, help="path to axe.min.js (axe-core)")
    parser.add_argument("--outreach", help="the outreach binary, for the tests that rebuild the site")
    parser.add_argument("-k", dest="patterns", action="append",
                        help="only run tests whose name contains this (may be repeated)")
    args = parser.parse_args()

    # The test modules read these (see harness.settings()).
    os.environ["OUTREACH_SITE"] = str(Path(args.site).resolve())
    os.environ["OUTREACH_VNU"] = str(Path(args.vnu).resolve())
    os.environ["OUTREACH_AXE"] = str(Path(args.axe).resolve())
    if args.outreach:
        os.environ["OUTREACH_BIN"] = str(Path(args.outreach).resolve())

    sys.path.insert(0, str(HERE))
    import harness

    problems = harness.missing_prerequisites()
    if problems:
        print("Cannot run the browser tests:", file=sys.stderr)
        for problem in problems:
            print(f"  {problem}", file=sys.stderr)
        return 1

    loader = unittest.TestLoader()
    if args.patterns:
        loader.testNamePatterns = [f"*{pattern}*" for pattern in args.patterns]
    suite = loader.discover(start_dir=str(HERE), pattern="test_*.py", top_level_dir=str(HERE))

    started = time.monotonic()
    runner = unittest.TextTestRunner(stream=sys.stdout, verbosity=2, resultclass=CountingResult)
    result = runner.run(suite)
    elapsed = time.monotonic() - started

    passed, failed, skipped = result.count("passed"), result.count("failed"), result.count("skipped")
    if result.testsRun == 0:
        print("No tests were found.", file=sys.stderr)
        failed = max(failed, 1)
    print(f"(browser tests took {elapsed:.0f} s)", file=sys.stderr)
    summary = f"{passed} passed, {failed} failed" + (f", {skipped} skipped" if skipped else "")
    print(summary)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
