"""The quiz, as a person uses it: in every language, answering wrongly scores lower and reveals
the correct answers, retry clears, correct answers score full marks and the result is announced;
challenge mode finishes with the timer off; no WCAG 2.2 AA violation in any state; and the page,
with its scripts and styles, stays under the 60 KB budget for slow phone connections."""

from __future__ import annotations

import json
import re
import unittest

import harness

PAGE_BUDGET_BYTES = 60_000


class QuizTest(harness.BrowserTestCase):
    @classmethod
    def setUpClass(cls) -> None:
        super().setUpClass()
        cls.quiz_pages = sorted(
            path for path in cls.site.pages
            if re.fullmatch(r"/[^/]+/quiz/[^/]+/(\d+/)?", path) and 'data-quiz="' in
            cls.site.file_for(path).read_text(encoding="utf-8"))
        if not cls.quiz_pages:
            raise AssertionError("the site has no quiz pages")

    # -- helpers ---------------------------------------------------------------------------

    def load_quiz(self, path: str) -> dict:
        self.open(path)
        self.driver.execute_script("localStorage.clear()")
        self.open(path)
        harness.wait_for(self.driver, lambda d: d.execute_script(
            "return document.querySelector('form[data-quiz][data-quiz-ready]') !== null"), message=f"{path}: quiz script did not start")
        return json.loads(self.driver.execute_script("return document.querySelector('[data-quiz-data]').textContent"))

    def visible_questions(self) -> list[str]:
        return self.driver.execute_script("""
            return [...document.querySelectorAll('fieldset[data-question]')]
              .filter(f => !f.closest('li').hidden && f.offsetParent !== null).map(f => f.dataset.question)""")

    def choose(self, question: str, values: list[str]) -> None:
        self.driver.execute_script("""
            const [id, values] = arguments;
            for (const input of document.querySelectorAll(`input[name="${CSS.escape(id)}"]`)) {
              if (input.checked !== values.includes(input.value)) input.click();
            }""", question, values)

    def wrong_answer(self, question: dict) -> list[str]:
        choices = self.driver.execute_script(
            "return [...document.querySelectorAll(`input[name='${CSS.escape(arguments[0])}']`)].map(i => i.value)", question["id"])
        wrong = [c for c in choices if c not in question["answers"]]
        return wrong[:1]

    def result(self) -> dict:
        return self.driver.execute_script("""
            const r = document.querySelector('[data-quiz-result]');
            return {score: r.getAttribute('data-score'), total: r.getAttribute('data-total'),
                    role: r.getAttribute('role'), text: r.textContent.trim()}""")

    def submit(self) -> dict:
        self.driver.execute_script("document.querySelector('[data-quiz-submit]').click()")
        harness.wait_for(self.driver, lambda d: self.result()["score"] is not None, message="no result after submitting")
        return self.result()

    def assert_no_axe_violations(self, path: str, state: str) -> None:
        violations = harness.run_axe(self.driver, self.config.axe)
        self.assertEqual([], harness.format_axe_violations(f"{path} ({state})", violations))

    # -- tests -----------------------------------------------------------------------------

    def test_wrong_then_retry_then_right_in_every_language(self):
        for path in self.quiz_pages:
            with self.subTest(page=path):
                data = self.load_quiz(path)
                key = {q["id"]: q for q in data["questions"]}
                shown = self.visible_questions()
                self.assertEqual(data["pool"], len(shown))

                for question_id in shown:
                    self.choose(question_id, self.wrong_answer(key[question_id]))
                wrong = self.submit()
                self.assertEqual("status", wrong["role"])
                self.assertLess(int(wrong["score"]), int(wrong["total"]))
                self.assertTrue(wrong["text"], "the result is announced in the live region")
                marked = self.driver.execute_script(
                    "return [...document.querySelectorAll('input[data-correct]')].map(i => [i.name, i.value])")
                expected = sorted([q, a] for q in shown for a in key[q]["answers"])
                self.assertEqual(expected, sorted(marked), "every correct choice is revealed")
                self.assert_no_axe_violations(path, "after a wrong attempt")

                self.driver.execute_script("document.querySelector('[data-quiz-retry]').click()")
                harness.wait_for(self.driver, lambda d: self.result()["score"] is None, message="retry did not clear")
                self.assertEqual(0, self.driver.execute_script(
                    "return document.querySelectorAll('input:checked, input[data-correct]').length"))

                for question_id in self.visible_questions():
                    self.choose(question_id, key[question_id]["answers"])
                right = self.submit()
                self.assertEqual(right["total"], right["score"])
                self.assertEqual(str(data["pool"]), right["total"])

    def test_challenge_mode_finishes_with_the_timer_off(self):
        for path in [p for p in self.quiz_pages if p.count("/") == 4]:  # first set of each language
            with self.subTest(page=path):
                data = self.load_quiz(path)
                key = {q["id"]: q for q in data["questions"]}
                self.driver.execute_script("""
                    const select = document.querySelector('[data-quiz-timer]');
                    select.value = '0'; select.dispatchEvent(new Event('change', {bubbles: true}));
                    document.querySelector('[data-quiz-challenge]').click();""")
                for _ in range(data["pool"]):
                    shown = self.visible_questions()
                    self.assertEqual(1, len(shown), "challenge mode shows one question at a time")
                    self.choose(shown[0], key[shown[0]]["answers"])
                    self.driver.execute_script("document.querySelector('[data-quiz-next]').click()")
                finished = harness.wait_for(self.driver, lambda d: self.result()["score"] is not None,
                                            message="challenge did not finish")
                self.assertTrue(finished)
                result = self.result()
                self.assertEqual(result["total"], result["score"])
                self.assert_no_axe_violations(path, "challenge finished")

    def test_page_with_scripts_and_styles_is_under_budget(self):
        problems = []
        for path in self.quiz_pages:
            page = self.site.file_for(path)
            html = page.read_text(encoding="utf-8")
            total = page.stat().st_size
            for asset in re.findall(r'<(?:link rel="stylesheet" href|script type="module" src)="([^"]+)"', html):
                file = self.site.file_for(asset) if asset.startswith("/") else (page.parent / asset).resolve()
                self.assertIsNotNone(file, f"{path}: {asset} not found")
                total += file.stat().st_size
            if total >= PAGE_BUDGET_BYTES:
                problems.append(f"{path}: {total} bytes with scripts and styles (budget {PAGE_BUDGET_BYTES})")
        self.assertEqual([], problems)


if __name__ == "__main__":
    unittest.main()
