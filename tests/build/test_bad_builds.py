"""The bad-build corpus (tests/bad_inputs/build/): what only the build can catch or must make inert.

Builds are slow, so every case shares one (``corpus_build`` in conftest.py): all cases are laid
over one repository copy, built with the contributor page policy switched off, as if the check
had missed them. The build must fail with each ``expected.txt`` case's lines and no other problem
line, so the ``published.txt`` cases give none; the site is still written, and each of their
listed texts must be present in (``contains``) or absent from (``lacks``) the named built file.
"""

from __future__ import annotations

import re

import pytest

from clusterdocs.publish.site_audit import audit_site, is_foreign, srcset_urls
from support import BUILD_CORPUS, SITE_URL, corpus_cases, lines_of

FAILING = corpus_cases(BUILD_CORPUS, "expected.txt")
INERT = corpus_cases(BUILD_CORPUS, "published.txt")
PROBLEM_LINE = re.compile(r"^\S+:\d+:\d+: \S.*: .+$")


def test_the_corpus_has_both_kinds_of_case():
    assert len(FAILING) >= 8 and len(INERT) >= 2


@pytest.mark.parametrize("case", FAILING, ids=[case.name for case in FAILING])
def test_case_fails_the_build_with_its_lines(corpus_build, case):
    expected = lines_of(case / "expected.txt")
    assert expected, f"{case.name}: expected.txt lists no line"
    printed = [line.strip() for line in corpus_build.stderr.splitlines()]
    assert corpus_build.returncode != 0
    assert "Traceback" not in corpus_build.stderr
    assert [line for line in expected if line not in printed] == []


def test_the_corpus_build_reports_only_the_expected_lines(corpus_build):
    printed = {line.strip() for line in corpus_build.stderr.splitlines() if PROBLEM_LINE.match(line.strip())}
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


def test_the_audit_of_the_hostile_site_finds_only_the_failing_cases(hostile_site_dir):
    """Run again over the written site, the audit finds the failing cases' lines and nothing else."""
    found = {str(problem) for problem in audit_site(hostile_site_dir, SITE_URL)}
    assert found == {line for case in FAILING for line in lines_of(case / "expected.txt")}


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
