"""One regular expression for many literal terms, factored by shared prefixes.

Python's ``re`` tries the alternatives of ``a|b|c`` one after the other at every position of the
text; factored into a prefix tree (``a(?:bc|d)``), a position that starts no term is left after
one character test, so the cost grows with the text, hardly with the number of terms. Where one
term is a prefix of another, the longer is tried first, as in an alternation sorted longest first.
"""

from __future__ import annotations

import re

from ..base.text_memo import memoised


def prefix_tree_pattern(texts) -> str:
    """One alternation for all ``texts``, factored by shared prefixes; longer matches are tried first."""
    return _pattern("\0".join(sorted(set(texts))))  # no contributed text holds NUL (clusterdocs/read/textfile.py)


@memoised(max_characters=4 * 1024 * 1024)  # the same glossary and ids at every load
def _pattern(joined: str) -> str:
    tree: dict = {}
    for text in joined.split("\0") if joined else []:
        node = tree
        for character in text:
            node = node.setdefault(character, {})
        node[""] = {}

    def emit(node: dict) -> str:
        branches = [re.escape(character) + emit(child) for character, child in sorted(node.items()) if character]
        if not branches:
            return ""
        group = "|".join(branches)
        if "" in node:
            return f"(?:{group})?"
        return group if len(branches) == 1 else f"(?:{group})"

    return emit(tree)
