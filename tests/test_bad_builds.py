"""The bad-build corpus (tests/bad_inputs/build/): what only the build can catch or must make inert.

Each build takes most of a minute, so the cases share builds: every case with ``expected.txt``
is laid over one repository copy, whose build must fail with each case's lines (and no other
problem line); every case with ``published.txt`` is laid over another copy, built with the
contributor page policy switched off (``hostile_site_dir`` in conftest.py), which must succeed
with each listed text present in (``contains``) or absent from (``lacks``) the named built file.
"""

from __future__ import annotations

import re

import pytest

from clusterdocs.site_audit import audit_site, is_foreign, srcset_urls
from conftest import build_cases, copy_repository, lay_over, run_mkdocs_build

FAILING = build_cases("expected.txt")
INERT = build_cases("published.txt")
PROBLEM_LINE = re.compile(r"^\S+:\d+:\d+: \S.*: .+$")


def lines_of(path) -> list[str]:
    return [line for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


@pytest.fixture(scope="module")
def failing_build(tmp_path_factory):
    base = tmp_path_factory.mktemp("bad-build")
    repository = lay_over(FAILING, copy_repository(base / "repo"))
    return run_mkdocs_build(base / "site", cwd=repository, env={"PYTHONPATH": str(repository)})


def test_the_corpus_has_both_kinds_of_case():
    assert len(FAILING) >= 8 and len(INERT) >= 2


@pytest.mark.parametrize("case", FAILING, ids=[case.name for case in FAILING])
def test_case_fails_the_build_with_its_lines(failing_build, case):
    expected = lines_of(case / "expected.txt")
    assert expected, f"{case.name}: expected.txt lists no line"
    printed = [line.strip() for line in failing_build.stderr.splitlines()]
    assert failing_build.returncode != 0
    assert "Traceback" not in failing_build.stderr
    assert [line for line in expected if line not in printed] == []


def test_the_failing_build_reports_only_the_expected_lines(failing_build):
    printed = {line.strip() for line in failing_build.stderr.splitlines() if PROBLEM_LINE.match(line.strip())}
    expected = {line for case in FAILING for line in lines_of(case / "expected.txt")}
    assert printed == expected


@pytest.mark.parametrize("case", INERT, ids=[case.name for case in INERT])
def test_case_builds_into_inert_files(hostile_site_dir, case):
    failures = []
    for line in lines_of(case / "published.txt"):
        path, kind, text = (part.strip() for part in line.split(" | ", 2))
        assert kind in ("contains", "lacks"), line
        content = (hostile_site_dir / path).read_text(encoding="utf-8")
        if (text in content) != (kind == "contains"):
            failures.append(line)
    assert failures == []


def test_the_hostile_site_passes_the_audit(hostile_site_dir):
    assert audit_site(hostile_site_dir, "http://127.0.0.1:8000/") == []


@pytest.mark.parametrize(
    "url, foreign",
    [
        ("https://evil.example/a.png", True),
        ("//evil.example/a.png", True),
        ("\\\\evil.example\\a.png", True),
        ("https:evil.example", True),
        (" https://evil.example", True),
        ("http://127.0.0.1:8000/assets/x.css", False),
        ("../assets/x.css", False),
        ("/assets/x.css", False),
        ("data:image/png;base64,AAAA", False),
        ("#top", False),
    ],
)
def test_foreign_urls_are_told_from_local_ones(url, foreign):
    assert is_foreign(url, "127.0.0.1:8000") is foreign


def test_srcset_candidates_are_split():
    urls = srcset_urls("a.png 1x, https://evil.example/b.png 2x,c.png")
    assert urls == ["a.png", "https://evil.example/b.png", "c.png"]
