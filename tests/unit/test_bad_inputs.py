"""The bad-input corpus: each case under tests/bad_inputs/check/ gives exactly its expected lines.

A case is laid over a copy of the repository's content (see tests/bad_inputs/README.md) and
checked in-process with ``load_site_data(root)``: the problems must be exactly the lines in
``expected.txt``, with no exception of any other kind.
"""

from __future__ import annotations

import pytest
from support import CHECK_CORPUS, check_lines, content_copy, corpus_cases, lay_out_case, lines_of

CASES = corpus_cases(CHECK_CORPUS)


def test_the_corpus_has_cases():
    assert len(CASES) >= 1
    assert sorted(path for path in CHECK_CORPUS.iterdir() if path.is_dir()) == CASES, "every case needs expected.txt"


@pytest.mark.parametrize("case", CASES, ids=[case.name for case in CASES])
def test_case_gives_exactly_its_expected_lines(case, content_tree):
    expected = lines_of(case / "expected.txt")
    assert expected, f"{case.name}: expected.txt lists no problem; a bad input must give at least one"
    assert check_lines(lay_out_case(case, content_tree)) == expected


def test_the_real_content_passes(tmp_path):
    assert check_lines(content_copy(tmp_path)) == []
