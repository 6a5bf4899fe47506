"""The contributing guide tells the truth: its example, its error messages, its walkthroughs.

- The example milestone in each language's guide is a new file (no clash with timeline/) that
  passes the real checker; with the two mistakes the guide describes, ``load_site_data``
  gives exactly the lines the guide prints.
- The root CONTRIBUTING files are generated from the site pages and up to date.
- Adding a sixth source article as the guide describes builds: tests/build/test_sixth_article.py.
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
from support import ROOT, check_lines, content_copy

GUIDES = {"en": ROOT / "docs" / "en" / "contributing.md", "zh": ROOT / "docs" / "zh" / "contributing.md"}
EXAMPLE = re.compile(r"```yaml\n(# (timeline/[\w.-]+\.yml)\n.*?)```", re.DOTALL)
OUTPUT = re.compile(r"```text\n(.*?)```", re.DOTALL)


def example(language: str) -> tuple[str, str]:
    """(path, text) of the guide's example milestone, comment line included."""
    match = EXAMPLE.search(GUIDES[language].read_text(encoding="utf-8"))
    assert match, f"{GUIDES[language]}: no ```yaml block starting with '# timeline/<id>.yml'"
    return match[2], match[1]


def with_mistakes(text: str) -> str:
    """The two mistakes the guide describes: an unknown category, and the next year in the quote."""
    year = re.search(r'^date: "(\d{4})', text, re.MULTILINE)[1]
    lines = []
    for line in text.splitlines(keepends=True):
        if line.startswith("category:"):
            line = re.sub(r"category: \S+", "category: local-practice", line)
        elif line.lstrip().startswith("quote:"):
            line = line.replace(year, str(int(year) + 1))
        lines.append(line)
    return "".join(lines)


def printed_by_the_check(root: Path) -> list[str]:
    """What ``python -m clusterdocs check`` prints for the tree: the problem lines, then their count."""
    lines = check_lines(root)
    return lines + [f"{len(lines)} problem(s) found."] if lines else []


@pytest.mark.parametrize("language", GUIDES)
def test_the_example_milestone_is_new_and_passes_the_check(language, tmp_path):
    path, text = example(language)
    assert not (ROOT / path).exists(), f"the guide's example {path} clashes with an existing milestone"
    root = content_copy(tmp_path)
    (root / path).write_text(text, encoding="utf-8")
    assert printed_by_the_check(root) == []


@pytest.mark.parametrize("language", GUIDES)
def test_the_guide_prints_what_the_checker_prints(language, tmp_path):
    path, text = example(language)
    guide = GUIDES[language].read_text(encoding="utf-8")
    year = int(re.search(r'^date: "(\d{4})', text, re.MULTILINE)[1])
    assert "local-practice" in guide and str(year + 1) in guide
    root = content_copy(tmp_path)
    (root / path).write_text(with_mistakes(text), encoding="utf-8")
    documented = OUTPUT.search(guide)[1].strip().splitlines()
    assert printed_by_the_check(root) == documented


def test_both_guides_show_the_same_example_and_output():
    assert example("en")[0] == example("zh")[0]
    outputs = {language: OUTPUT.search(GUIDES[language].read_text(encoding="utf-8"))[1] for language in GUIDES}
    assert outputs["en"] == outputs["zh"]


def test_the_guides_cover_the_walkthroughs():
    english = GUIDES["en"].read_text(encoding="utf-8")
    for anchor in (
        "from-fork-to-pull-request",
        "fix-a-typo",
        "add-a-milestone",
        "add-a-cluster-or-a-glossary-term",
        "add-a-source-article",
        "what-the-checks-tell-you",
        "style",
    ):
        assert f"{{ #{anchor} }}" in english
    assert "make serve" in english and "error page" in english and "PORT=" in english


def test_root_contributing_files_are_generated_from_the_pages():
    result = subprocess.run(
        [sys.executable, "scripts/contributing.py", "--check"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    root_file = (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")
    assert not re.search(r"^#.*\{ ?#[\w-]+ ?\}$", root_file, re.MULTILINE) and "\n---\n" not in root_file[:200]
    assert "# 参与贡献" in (ROOT / "CONTRIBUTING.zh-Hans.md").read_text(encoding="utf-8")
