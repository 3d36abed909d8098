"""The phone-first header, as a reader on a 390 x 844 phone screen meets it: on every page of the
site the page's <h1> starts inside the first screen, below the hotlines and the site's title; the
main menu and the language list are folded behind two <details> controls that open and close with
the keyboard, have their names and expanded state in the accessibility tree, and pass axe folded
and unfolded; on a wide screen both are shown open, as before, with no control to open them.
"""

from __future__ import annotations

import re
import sys
import unittest

import harness

PHONE = (390, 844)
WIDE = (1280, 900)

# Page kinds by address; every language must have a page of each (the 404 page is shared by all).
KINDS = [
    ("home", r"/[^/]+/"),
    ("search", r"/[^/]+/search/"),
    ("events", r"/[^/]+/events/(by-[^/]+/[^/]+/)?"),
    ("event", r"/[^/]+/events/\d{4}-[^/]+/"),
    ("report", r"/[^/]+/campaigns/[^/]+/report/"),
    ("campaign", r"/[^/]+/campaigns/[^/]+/"),
    ("department", r"/[^/]+/departments/[^/]+/"),
    ("pillar", r"/[^/]+/pillars/[^/]+/"),
    ("poster", r"/[^/]+/posters/[^/]+/"),
    ("bilingual", r"/[^/]+/pamphlets/[^/]+/bilingual/"),
    ("pamphlet", r"/[^/]+/pamphlets/[^/]+/"),
    ("quiz", r"/[^/]+/quiz/[^/]+/(\d+/)?"),
    ("section", r"/[^/]+/[^/]+/"),
    ("page", r"/[^/]+/[^/]+/"),
    ("offline", r"/[^/]+/offline\.html"),
    ("privacy", r"/[^/]+/privacy\.html"),
]
SECTIONS = ("pillars", "departments", "posters", "pamphlets", "campaigns", "quiz")
REQUIRED_KINDS = [kind for kind, _ in KINDS]

# The first line box of the page's first <h1>, in the viewport's coordinates.
FIRST_H1_LINE = """
    const h1 = document.querySelector('h1');
    if (!h1) return null;
    const range = document.createRange();
    range.selectNodeContents(h1);
    const line = [...range.getClientRects()].find(r => r.width > 0 && r.height > 0) || h1.getBoundingClientRect();
    return {top: line.top, bottom: line.bottom, left: line.left, right: line.right, text: h1.textContent.trim().slice(0, 40),
            scrollY: window.scrollY, width: innerWidth, height: innerHeight};
"""


def kind_of(path: str) -> str | None:
    """The page kind of a site path (`/vi/posters/x/` -> poster), or None for pages outside a language."""
    if path == "/404.html":
        return "404"
    for kind, pattern in KINDS:
        if re.fullmatch(pattern, path):
            if kind in ("section", "page"):
                return "section" if path.strip("/").split("/")[1] in SECTIONS else "page"
            return kind
    return None


class PhoneHeaderTest(harness.BrowserTestCase):
    @classmethod
    def setUpClass(cls) -> None:
        super().setUpClass()
        harness.set_screen(cls.driver, *PHONE, mobile=True)

    def tearDown(self) -> None:
        harness.set_screen(self.driver, *PHONE, mobile=True)

    def sample(self) -> dict[tuple[str, str], str]:
        """One page of each kind in each language: (language folder, kind) -> path."""
        chosen: dict[tuple[str, str], str] = {}
        for path in sorted(self.site.pages):
            language = self.site.language_of_folder(path)
            kind = kind_of(path)
            if language and kind:
                chosen.setdefault((language.folder, kind), path)
        return chosen

    def press(self, key: str, shift: bool = False) -> None:
        """Presses a key (with Shift held) on whatever has the focus, as a keyboard does."""
        from selenium.webdriver.common.action_chains import ActionChains
        from selenium.webdriver.common.keys import Keys
        actions = ActionChains(self.driver)
        if shift:
            actions.key_down(Keys.SHIFT).send_keys(key).key_up(Keys.SHIFT)
        else:
            actions.send_keys(key)
        actions.perform()

    def visible(self, element) -> bool:
        """Whether an element is rendered and shown. Selenium's is_displayed() counts the content
        of a closed <details> as shown; checkVisibility() knows it is not."""
        return self.driver.execute_script(
            "const e = arguments[0]; return e.checkVisibility({visibilityProperty: true}) && e.getClientRects().length > 0", element)

    def summaries(self) -> list:
        from selenium.webdriver.common.by import By
        return self.driver.find_elements(By.CSS_SELECTOR, "header details.fold > summary")

    def test_every_kind_is_in_every_language(self):
        found = self.sample()
        missing = [f"{language.folder}: {kind}" for language in self.site.languages for kind in REQUIRED_KINDS
                   if (language.folder, kind) not in found]
        self.assertEqual([], missing, "page kinds the header tests would not see")

    def test_h1_starts_in_the_first_screen_on_every_page(self):
        width, height = PHONE
        problems, worst = [], {}
        paths = [p for p in self.site.pages if kind_of(p)]
        for path in paths:
            self.open(path)
            line = self.driver.execute_script(FIRST_H1_LINE)
            if line is None:
                problems.append(f"{path}: no <h1>")
                continue
            self.assertEqual((width, height), (line["width"], line["height"]), "the phone screen was not emulated")
            kind = kind_of(path)
            if line["top"] > worst.get(kind, (-1, ""))[0]:
                worst[kind] = (line["top"], path)
            if line["scrollY"] != 0 or line["top"] < 0 or line["bottom"] > height or not (0 <= line["left"] < width):
                problems.append(f"{path}: the first line of <h1> {line['text']!r} is at top {line['top']:.0f}, "
                                f"bottom {line['bottom']:.0f}, left {line['left']:.0f}: not inside the first {width} x {height} screen")
        summary = ", ".join(f"{kind} {top:.0f} ({path})" for kind, (top, path) in sorted(worst.items(), key=lambda i: -i[1][0]))
        print(f"\n  {len(paths)} pages at {width} x {height}; worst <h1> top by kind: {summary}", file=sys.stderr)
        self.assertEqual([], problems)

    def test_hotlines_and_title_are_in_the_first_screen(self):
        problems = []
        for (folder, kind), path in sorted(self.sample().items()):
            self.open(path)
            boxes = self.driver.execute_script("""
                const box = e => e && e.getBoundingClientRect();
                return {hotlines: [...document.querySelectorAll('.hotline-bar-list a')].map(a => box(a).bottom),
                        title: box(document.querySelector('.site-title')).bottom}""")
            if not boxes["hotlines"] or max(boxes["hotlines"]) > PHONE[1] or boxes["title"] > PHONE[1]:
                problems.append(f"{path}: hotlines or the site title below the first screen: {boxes}")
        self.assertEqual([], problems)

    def test_menu_and_languages_are_folded_on_a_phone(self):
        from selenium.webdriver.common.by import By
        problems = []
        for language in self.site.languages:
            path = f"/{language.folder}/"
            self.open(path)
            summaries = self.summaries()
            if len(summaries) != 2 or not all(self.visible(s) for s in summaries):
                problems.append(f"{path}: expected two visible header controls, found {len(summaries)}")
            for selector in (".site-nav a", ".language-switcher a"):
                shown = [a.text for a in self.driver.find_elements(By.CSS_SELECTOR, selector) if self.visible(a)]
                if shown:
                    problems.append(f"{path}: {selector} shown while folded: {shown}")
        self.assertEqual([], problems)

    def accessibility_node(self, element) -> dict:
        """The accessibility tree's node of an element: role, name and expanded state."""
        self.driver.execute_script("arguments[0].setAttribute('data-ax-probe', '')", element)
        try:
            document = self.driver.execute_cdp_cmd("DOM.getDocument", {"depth": 0})
            node = self.driver.execute_cdp_cmd("DOM.querySelector", {"nodeId": document["root"]["nodeId"],
                                                                     "selector": "[data-ax-probe]"})
            tree = self.driver.execute_cdp_cmd("Accessibility.getPartialAXTree",
                                               {"nodeId": node["nodeId"], "fetchRelatives": False})
        finally:
            self.driver.execute_script("arguments[0].removeAttribute('data-ax-probe')", element)
        ax = tree["nodes"][0]
        properties = {p["name"]: p["value"].get("value") for p in ax.get("properties", [])}
        return {"role": ax.get("role", {}).get("value"), "name": ax.get("name", {}).get("value"),
                "expanded": properties.get("expanded"), "ignored": ax.get("ignored", False),
                "focusable": properties.get("focusable")}

    def test_controls_open_with_the_keyboard_in_every_language(self):
        from selenium.webdriver.common.by import By
        from selenium.webdriver.common.keys import Keys
        problems = []
        for language in self.site.languages:
            path = f"/{language.folder}/help/"
            self.open(path)
            # Reach each control with Tab from the top of the page, as a keyboard user does.
            for index, (key, panel) in enumerate(((Keys.SPACE, ".language-switcher"), (Keys.ENTER, ".site-nav"))):
                summary = self.summaries()[index]
                self.driver.execute_script("document.activeElement.blur(); window.scrollTo(0, 0)")
                for _ in range(40):
                    self.press(Keys.TAB)
                    if self.driver.switch_to.active_element == summary:
                        break
                else:
                    problems.append(f"{path}: Tab never reached the control of {panel}")
                    continue
                folded = self.accessibility_node(summary)
                label = self.driver.execute_script(f"return document.querySelector('{panel}').getAttribute('aria-label')")
                if folded["role"] != "DisclosureTriangle" or not folded["name"] or folded["expanded"] is not False:
                    problems.append(f"{path}: the control of {panel} is {folded} folded, expected a named "
                                    "DisclosureTriangle, not expanded")
                if folded["name"] and folded["name"].strip() != label and panel == ".language-switcher":
                    problems.append(f"{path}: the languages control is named {folded['name']!r}, its list {label!r}")
                self.press(key)
                links = [a for a in self.driver.find_elements(By.CSS_SELECTOR, f"{panel} a")]
                if not links or not all(self.visible(a) for a in links):
                    problems.append(f"{path}: {panel} links not all visible after pressing {key!r} on its control")
                    continue
                if self.accessibility_node(summary)["expanded"] is not True:
                    problems.append(f"{path}: the control of {panel} does not say it is expanded when open")
                self.press(Keys.TAB)
                if self.driver.switch_to.active_element != links[0]:
                    problems.append(f"{path}: Tab after opening {panel} went to "
                                    f"{self.driver.switch_to.active_element.get_attribute('outerHTML')[:80]}, not its first link")
                for link in links[1:]:
                    self.press(Keys.TAB)
                    if self.driver.switch_to.active_element != link:
                        problems.append(f"{path}: Tab did not reach {link.get_attribute('href')} in {panel}")
                        break
                # Back on the control (Shift+Tab from its first link), the same key folds it again.
                self.driver.execute_script("arguments[0].focus()", links[0])
                self.press(Keys.TAB, shift=True)
                if self.driver.switch_to.active_element != summary:
                    problems.append(f"{path}: Shift+Tab from the first link of {panel} did not return to its control")
                    continue
                self.press(key)
                if any(self.visible(a) for a in links):
                    problems.append(f"{path}: {panel} still shown after pressing {key!r} again")
        self.assertEqual([], problems)

    def assert_no_axe_violations(self, state: str, paths: list[str], prepare=None) -> None:
        problems = []
        for path in paths:
            self.open(path)
            if prepare:
                prepare()
            problems += harness.format_axe_violations(f"{path} ({state})",
                                                      harness.run_axe(self.driver, self.config.axe))
        self.assertEqual([], problems)

    def test_axe_folded_and_unfolded_on_a_phone(self):
        paths = sorted(self.sample().values())
        self.assert_no_axe_violations("phone, folded", paths)
        self.assert_no_axe_violations("phone, unfolded", paths, lambda: self.driver.execute_script(
            "for (const d of document.querySelectorAll('details.fold')) d.open = true"))

    def test_wide_screen_shows_menu_and_languages_open(self):
        from selenium.webdriver.common.by import By
        from selenium.webdriver.common.keys import Keys
        harness.set_screen(self.driver, *WIDE, mobile=False)
        problems = []
        for language in self.site.languages:
            path = f"/{language.folder}/help/"
            self.open(path)
            if any(self.visible(s) for s in self.summaries()):
                problems.append(f"{path}: a fold control is shown on a wide screen")
            links = self.driver.find_elements(By.CSS_SELECTOR, ".site-nav a, .language-switcher a")
            hidden = [a.get_attribute("href") for a in links if not self.visible(a)]
            if not links or hidden:
                problems.append(f"{path}: menu or language links hidden on a wide screen: {hidden}")
            ignored = [a.get_attribute("href") for a in links if self.accessibility_node(a)["ignored"]]
            if ignored:
                problems.append(f"{path}: links left out of the accessibility tree on a wide screen: {ignored}")
            # The menu is one Tab stop after another, as before.
            menu = self.driver.find_elements(By.CSS_SELECTOR, ".site-nav a")
            self.driver.execute_script("arguments[0].focus()", menu[0])
            for link in menu[1:]:
                self.press(Keys.TAB)
                if self.driver.switch_to.active_element != link:
                    problems.append(f"{path}: Tab did not reach {link.get_attribute('href')} on a wide screen")
                    break
        self.assertEqual([], problems)
        self.assert_no_axe_violations("wide", sorted({path for (folder, _), path in self.sample().items() if folder == "th"}))


if __name__ == "__main__":
    unittest.main()
