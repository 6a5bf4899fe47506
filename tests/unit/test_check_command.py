"""``python -m clusterdocs check`` (``make check``): one line per problem, a count, exit 1, no
traceback; spam from source captures is refused wherever it appears."""

from __future__ import annotations

import re
import subprocess
import sys

from support import ROOT, check_lines

from clusterdocs.check.sources import DEBRIS, SPAM


def run_check(root) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "clusterdocs", "check", "--root", str(root)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


def test_check_command_reports_problems_without_traceback(content_tree):
    entry = content_tree / "timeline" / "2019-08-miit-first-preliminary-round.yml"
    entry.write_text(
        entry.read_text(encoding="utf-8")
        .replace("category: miit-competition", "category: contest")
        .replace("level: national", "level: galactic"),
        encoding="utf-8",
    )
    result = run_check(content_tree)
    assert result.returncode == 1
    lines = result.stderr.strip().splitlines()
    assert lines[-1] == "2 problem(s) found."
    assert lines[0].startswith(
        "timeline/2019-08-miit-first-preliminary-round.yml:5:1: category: 'contest' is not allowed"
    )
    assert lines[1].startswith(
        "timeline/2019-08-miit-first-preliminary-round.yml:6:1: level: 'galactic' is not allowed"
    )
    assert "Traceback" not in result.stderr


def test_spam_in_any_page_fails_the_check(content_tree):
    page = content_tree / "docs" / "zh" / "about.md"
    page.write_text(page.read_text(encoding="utf-8") + "\n蜘蛛池模板\n", encoding="utf-8")
    assert any(
        re.match(r"docs/zh/about\.md:\d+:1: \(text\): spam from the source capture: '蜘蛛池' must be removed", line)
        for line in check_lines(content_tree)
    )


def test_no_spam_or_debris_in_repository_content():
    hits = []
    for folder in ("docs", "timeline", "sources", "data", "overrides", "hooks"):
        for file in (ROOT / folder).rglob("*"):
            if file.is_file() and file.suffix in {".md", ".yml", ".txt", ".html", ".py"}:
                text = file.read_text(encoding="utf-8")
                hits += [
                    f"{file.relative_to(ROOT)}"
                    for pattern in (SPAM, DEBRIS)
                    if pattern.search(text) and file.name != "sources.py"
                ]
    assert hits == []
