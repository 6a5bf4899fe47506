"""The bad-input corpus: each case under tests/bad_inputs/check/ gives exactly its expected lines.

A case is laid over a copy of the repository's content (see tests/bad_inputs/README.md) and
checked in-process with ``load_site_data(root)``: the problems must be exactly the lines in
``expected.txt``, with no exception of any other kind. The cases take turns on one copy
(``ReusedContentTree``), put back after each.
"""

from __future__ import annotations

import pytest
from support import CHECK_CORPUS, ReusedContentTree, check_lines, content_copy, corpus_cases, lines_of

CASES = corpus_cases(CHECK_CORPUS)


def test_the_corpus_has_cases():
    assert len(CASES) >= 1
    assert sorted(path for path in CHECK_CORPUS.iterdir() if path.is_dir()) == CASES, "every case needs expected.txt"


@pytest.fixture(scope="module")
def reused_tree(tmp_path_factory) -> ReusedContentTree:
    return ReusedContentTree(tmp_path_factory.mktemp("corpus"))


@pytest.mark.parametrize("case", CASES, ids=[case.name for case in CASES])
def test_case_gives_exactly_its_expected_lines(case, reused_tree):
    expected = lines_of(case / "expected.txt")
    assert expected, f"{case.name}: expected.txt lists no problem; a bad input must give at least one"
    with reused_tree.with_case(case) as root:
        found = check_lines(root)
    assert found == expected
    assert reused_tree.differences_from_the_repository(case) == [], "the tree was not put back"


def test_the_real_content_passes(tmp_path):
    assert check_lines(content_copy(tmp_path)) == []
