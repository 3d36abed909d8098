#!/usr/bin/env python3
"""Prints, as JSON, the Open Graph properties of each HTML file named on the command line, read by
extruct (PyPI), a parser independent of Outreach: {"path": [[property, content], ...]}.

The browser tests run under Debian's /usr/bin/python3 (for python3-selenium), while `make
test-deps` installs PyPI packages for `python3`; test_preview_cards.py runs this file with that one.
"""

import json
import sys

import extruct


def properties(path: str) -> list[list[str]]:
    with open(path, encoding="utf-8") as file:
        html = file.read()
    found = extruct.extract(html, syntaxes=["opengraph"], uniform=False)["opengraph"]
    return [[name, value] for block in found for name, value in block["properties"]]


if __name__ == "__main__":
    json.dump({path: properties(path) for path in sys.argv[1:]}, sys.stdout)
