"""Write the repository's CONTRIBUTING files from the site's contributing pages.

``docs/en/contributing.md`` → ``CONTRIBUTING.md`` and ``docs/zh/contributing.md`` →
``CONTRIBUTING.zh-Hans.md``: front matter and heading anchors (``{ #… }``) removed, page
links pointed at the files in ``docs/``. Run ``python scripts/contributing.py`` after editing a
contributing page; ``--check`` (tests/unit/test_contributing.py, pre-commit) fails when the
CONTRIBUTING files are out of date.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TARGETS = {"en": "CONTRIBUTING.md", "zh": "CONTRIBUTING.zh-Hans.md"}
ANCHOR = re.compile(r"[ \t]*\{ ?#[\w-]+ ?\}[ \t]*$", re.MULTILINE)
PAGE_LINK = re.compile(r"\]\((?!https?://|#)([^)]+?\.md)(#[^)]*)?\)")


def generated(language: str) -> str:
    page = f"docs/{language}/contributing.md"
    text = (ROOT / page).read_text(encoding="utf-8")
    if text.startswith("---\n"):
        text = text[text.index("\n---\n", 4) + len("\n---\n") :].lstrip("\n")
    text = ANCHOR.sub("", text)
    text = PAGE_LINK.sub(lambda match: f"](docs/{language}/{match[1]}{match[2] or ''})", text)
    return f"<!-- Generated from {page} by scripts/contributing.py: edit that page, then run the script. -->\n\n{text}"


def main(arguments: list[str]) -> int:
    stale = []
    for language, target in TARGETS.items():
        text = generated(language)
        path = ROOT / target
        if path.exists() and path.read_text(encoding="utf-8") == text:
            continue
        if "--check" in arguments:
            stale.append(target)
        else:
            path.write_text(text, encoding="utf-8")
            print(f"wrote {target}")
    for target in stale:
        print(f"{target} is out of date: run `python scripts/contributing.py`", file=sys.stderr)
    return 1 if stale else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
