"""English and Chinese pages stay in step: same heading anchors, same markers, same pages."""

from __future__ import annotations

import re

import pytest

from clusterdocs.paths import DOCS_DIR
from clusterdocs.translations import missing_translations

HEADING_ID = re.compile(r"^#{1,6} .*\{ ?#([\w-]+) ?\}\s*$", re.MULTILINE)
MARKER = re.compile(r"^<!-- ([a-z]+:[a-z-]+) -->$", re.MULTILINE)
PAGES = sorted(path.relative_to(DOCS_DIR / "en").as_posix() for path in (DOCS_DIR / "en").rglob("*.md"))


@pytest.mark.parametrize("page", PAGES)
def test_both_languages_have_the_same_anchors_and_markers(page):
    english = (DOCS_DIR / "en" / page).read_text(encoding="utf-8")
    chinese = (DOCS_DIR / "zh" / page).read_text(encoding="utf-8")
    assert HEADING_ID.findall(english) == HEADING_ID.findall(chinese)
    assert MARKER.findall(english) == MARKER.findall(chinese)


FENCED_CODE = re.compile(r"^```.*?^```", re.MULTILINE | re.DOTALL)


def test_every_heading_has_an_explicit_anchor():
    missing = [f"{path.relative_to(DOCS_DIR)}: {line}" for path in DOCS_DIR.rglob("*.md")
               for line in FENCED_CODE.sub("", path.read_text(encoding="utf-8")).splitlines()
               if re.match(r"^#{1,3} ", line) and not HEADING_ID.match(line + "\n")]
    assert missing == []


def test_a_page_missing_in_one_language_is_reported(tmp_path):
    for language in ("en", "zh"):
        (tmp_path / language).mkdir()
        (tmp_path / language / "index.md").write_text("# Home\n", encoding="utf-8")
    (tmp_path / "en" / "extra.md").write_text("# Extra\n", encoding="utf-8")
    problems = missing_translations(tmp_path)
    assert [problem.message for problem in problems] == ["has no zh version: add docs/zh/extra.md (no silent fallback)"]
