"""The bad-input corpus: each case under tests/bad_inputs/check/ gives exactly its expected lines.

A case is laid over a copy of the repository's content (see tests/bad_inputs/README.md) and
checked in-process with ``load_site_data(root)``: the problems must be exactly the lines in
``expected.txt``, with no exception of any other kind.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml

from clusterdocs.paths import ROOT
from clusterdocs.problems import DataError
from clusterdocs.sitedata import CONTENT_DIRS, load_site_data

CORPUS = Path(__file__).resolve().parent / "bad_inputs" / "check"
CASES = sorted(path for path in CORPUS.iterdir() if path.is_dir()) if CORPUS.exists() else []


def lay_out_case(case: Path, target: Path) -> Path:
    """A copy of the repository's content with the case's files laid over it."""
    for name in CONTENT_DIRS:
        shutil.copytree(ROOT / name, target / name)
    removals = case / "remove.txt"
    if removals.exists():
        for line in removals.read_text(encoding="utf-8").splitlines():
            if line.strip():
                (target / line.strip()).unlink()
    edits = case / "edits.yml"
    if edits.exists():
        for edit in yaml.safe_load(edits.read_text(encoding="utf-8")):
            file = target / edit["file"]
            text = file.read_text(encoding="utf-8")
            assert text.count(edit["old"]) == 1, f"{case.name}: {edit['old']!r} must occur once in {edit['file']}"
            file.write_text(text.replace(edit["old"], edit["new"]), encoding="utf-8")
    for file in case.rglob("*"):
        relative = file.relative_to(case)
        if file.is_file() and relative.as_posix() not in ("expected.txt", "remove.txt", "edits.yml"):
            destination = target / relative
            destination.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(file, destination)
    return target


def problems_in(root: Path) -> list[str]:
    try:
        load_site_data(root)
    except DataError as error:
        return [str(problem) for problem in error.problems]
    return []


def test_the_corpus_has_cases():
    assert len(CASES) >= 1


@pytest.mark.parametrize("case", CASES, ids=[case.name for case in CASES])
def test_case_gives_exactly_its_expected_lines(case, tmp_path):
    expected = [line for line in (case / "expected.txt").read_text(encoding="utf-8").splitlines() if line.strip()]
    assert expected, f"{case.name}: expected.txt lists no problem; a bad input must give at least one"
    assert problems_in(lay_out_case(case, tmp_path)) == expected


def test_the_real_content_passes(tmp_path):
    for name in CONTENT_DIRS:
        shutil.copytree(ROOT / name, tmp_path / name)
    assert problems_in(tmp_path) == []
