"""One line per problem, in the file that has it: a file that cannot be read at all (here, bytes
that are not UTF-8 in its first line) gives its own line, and no other file gets one for it,
whatever kind of data it holds and whatever reads it."""

from __future__ import annotations

import pytest
from support import ROOT, check_lines, content_copy

from clusterdocs.check.datasets import DATASETS

# One file of each kind the check reads (every data kind that other files refer to is here).
FILES = (
    [f"data/{name}.yml" for name in DATASETS]
    + ["data/jieba_userdict.txt"]
    + ["sources/" + sorted(path.name for path in (ROOT / "sources").glob("*.txt"))[0]]
    + ["timeline/" + sorted(path.name for path in (ROOT / "timeline").glob("*.yml"))[0]]
    + [
        f"docs/{language}/articles/" + sorted(path.name for path in (ROOT / "docs/en/articles").glob("*-*.md"))[0]
        for language in ("en", "zh")
    ]
    + ["docs/en/glossary.md", "docs/zh/timeline.md"]
)


@pytest.mark.parametrize("relative", FILES)
def test_an_unreadable_file_gives_lines_in_that_file_only(tmp_path, relative):
    tree = content_copy(tmp_path / "tree")
    file = tree / relative
    assert file.is_file(), relative
    file.write_bytes(b"\xff\xfe broken\n" + file.read_bytes())
    lines = check_lines(tree)
    assert lines, f"{relative}: no problem reported"
    assert [line for line in lines if not line.startswith(relative + ":")] == []
