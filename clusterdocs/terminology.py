"""One English rendering per policy term: the glossary's ``avoid`` forms must not appear in English text.

English text is every English page (``docs/en``, front matter included; the glossary page itself
lists no avoided form) and every English string in the data: timeline entries, ``data/*.yml``
values under an ``en`` key, interface strings. Matching ignores case and needs word boundaries,
so "champion enterprises" is not "champion enterprise" unless the glossary lists the plural too.
A form wrapped across two lines is found too.
"""

from __future__ import annotations

import re
from pathlib import Path

from .problems import Problem, relative_path
from .term_patterns import prefix_tree_pattern
from .textfile import read_text
from .yamlfile import YamlDocument


def avoided_renderings(glossary: YamlDocument) -> tuple[re.Pattern, dict[str, str]]:
    """One pattern for every avoided form (the longest wins at each place), and
    the canonical rendering for each avoided form (lower case)."""
    canonical_of = {avoid.lower(): term["en"] for term in glossary.data["terms"] for avoid in term["avoid"]}
    alternatives = prefix_tree_pattern(canonical_of) or "(?!)"
    return re.compile(rf"(?<![\w-])(?:{alternatives})(?![\w-])", re.IGNORECASE), canonical_of


def _message(found: str, canonical: str) -> str:
    return f"'{found}' is not the glossary's rendering; write '{canonical}' (data/glossary.yml)"


def terminology_problems(
    glossary: YamlDocument, documents: list[YamlDocument], docs_dir: Path, root: Path
) -> list[Problem]:
    renderings = avoided_renderings(glossary)
    problems = []
    for file in sorted((docs_dir / "en").rglob("*.md")):
        if file.name == "glossary.md" and file.parent == docs_dir / "en":
            continue
        text, _unreadable = read_text(file, root)  # an unreadable page is reported by the content check
        if text is None:
            continue
        path = relative_path(file, root)
        for start, found, canonical in _hits(text, renderings):
            line_start = text.rfind("\n", 0, start) + 1
            problems.append(
                Problem(
                    path, text.count("\n", 0, start) + 1, start - line_start + 1, "(text)", _message(found, canonical)
                )
            )
    for document in documents:
        for location, text in _english_strings(document.data, ()):
            problems += [
                document.problem(location, _message(found, canonical))
                for _start, found, canonical in _hits(text, renderings)
            ]
    return problems


def _hits(text: str, renderings: tuple[re.Pattern, dict[str, str]]) -> list[tuple[int, str, str]]:
    """(offset, text found, canonical rendering) of each avoided form in ``text``, also where a
    line break (and the next line's indentation) stands between its words."""
    pattern, canonical_of = renderings
    flat, offsets = _single_spaced(text)
    return [
        (offsets[match.start()], match.group(0), canonical_of[match.group(0).lower()])
        for match in pattern.finditer(flat)
    ]


def _single_spaced(text: str) -> tuple[str, list[int]]:
    """``text`` with every run of whitespace as one space, and each character's offset in ``text``."""
    characters, offsets = [], []
    for match in re.finditer(r"\s+|\S+", text):
        if match.group(0)[0].isspace():
            characters.append(" ")
            offsets.append(match.start())
        else:
            characters.append(match.group(0))
            offsets += range(match.start(), match.end())
    return "".join(characters), offsets


def _english_strings(node, location: tuple, english: bool = False):
    """(location, text) of every string under an ``en`` key (the ``avoid`` lists excepted)."""
    if isinstance(node, dict):
        for key, value in node.items():
            if key != "avoid":
                yield from _english_strings(value, location + (key,), english or key == "en")
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from _english_strings(value, location + (index,), english)
    elif english and isinstance(node, str):
        yield location, node
