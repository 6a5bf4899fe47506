"""One English rendering per policy term: the glossary's ``avoid`` forms must not appear in English text.

English text is every English page (``docs/en``, front matter included; the glossary page itself
lists no avoided form) and every English string in the data: timeline entries, ``data/*.yml``
values under an ``en`` key, interface strings. Matching ignores case and needs word boundaries,
so "champion enterprises" is not "champion enterprise" unless the glossary lists the plural too.
A form wrapped across two lines is found too.

The glossary's ``variants`` are groups of English renderings of one Chinese phrase (联合主办:
co-hosted, co-organised…) that must not be mixed: across all English text only one form of a
group may appear, the group's ``prefer`` if it names one, otherwise the form used most (the
first listed on a tie); every use of another form is reported.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter
from collections.abc import Callable
from functools import partial
from pathlib import Path

from ..base.problems import Problem, relative_path
from ..base.text_memo import memoised
from ..text.term_patterns import prefix_tree_pattern
from ..read.textfile import read_text
from ..read.yamlfile import YamlDocument


def avoided_renderings(glossary: YamlDocument) -> tuple[re.Pattern, dict[str, str]]:
    """One pattern for every avoided form (the longest wins at each place), and
    the canonical rendering for each avoided form (lower case)."""
    canonical_of = {avoid.lower(): term["en"] for term in glossary.data["terms"] for avoid in term["avoid"]}
    alternatives = prefix_tree_pattern(canonical_of) or "(?!)"
    return re.compile(rf"(?<![\w-])(?:{alternatives})(?![\w-])", re.IGNORECASE), canonical_of


def _message(found: str, canonical: str) -> str:
    return f"'{found}' is not the glossary's rendering; write '{canonical}' (data/glossary.yml)"


def variant_renderings(glossary: YamlDocument) -> tuple[re.Pattern, dict[str, int]]:
    """One pattern for every form of every ``variants`` group, and the group of each form (lower case)."""
    group_of = {
        form.lower(): index for index, group in enumerate(glossary.data.get("variants", [])) for form in group["forms"]
    }
    alternatives = prefix_tree_pattern(group_of) or "(?!)"
    return re.compile(rf"(?<![\w-])(?:{alternatives})(?![\w-])", re.IGNORECASE), group_of


def terminology_problems(
    glossary: YamlDocument, documents: list[YamlDocument], docs_dir: Path, root: Path
) -> list[Problem]:
    renderings = avoided_renderings(glossary)
    problems = [
        where(_message(found, canonical))
        for where, found, canonical in _occurrences(renderings, documents, docs_dir, root)
    ]
    return problems + _variant_problems(glossary, documents, docs_dir, root)


def _variant_problems(
    glossary: YamlDocument, documents: list[YamlDocument], docs_dir: Path, root: Path
) -> list[Problem]:
    groups = glossary.data.get("variants", [])
    problems = [
        glossary.problem(("variants", index, "prefer"), f"'{group['prefer']}' is not one of the group's forms")
        for index, group in enumerate(groups)
        if "prefer" in group and group["prefer"].lower() not in {form.lower() for form in group["forms"]}
    ]
    if problems or not groups:
        return problems
    hits = _occurrences(variant_renderings(glossary), documents, docs_dir, root)
    used: dict[int, Counter] = {}
    for _where, found, group in hits:
        used.setdefault(group, Counter())[found.lower()] += 1
    chosen = {}
    for index, counts in used.items():
        group = groups[index]
        order = [form.lower() for form in group["forms"]]
        chosen[index] = group.get("prefer", "").lower() or max(
            order, key=lambda form: (counts[form], -order.index(form))
        )
    for where, found, group in hits:
        if found.lower() != chosen[group]:
            problems.append(
                where(
                    f"'{found}' and '{chosen[group]}' render the same phrase ({groups[group]['zh']}); "
                    f"write '{chosen[group]}' on every page (data/glossary.yml, variants)"
                )
            )
    return problems


def _occurrences(renderings, documents: list[YamlDocument], docs_dir: Path, root: Path) -> list[tuple]:
    """(problem at the place, text found, what ``renderings`` maps it to) for each match of
    ``renderings`` (a pattern and a map from each lower-case form) in the English pages, the
    glossary page excepted, and in the English strings of ``documents``."""
    found = []
    for file in sorted((docs_dir / "en").rglob("*.md")):
        if file.name == "glossary.md" and file.parent == docs_dir / "en":
            continue
        text, _unreadable = read_text(file, root)  # an unreadable page is reported by the content check
        if text is None:
            continue
        path = relative_path(file, root)
        for start, match, value in _hits(text, renderings):
            line, column = text.count("\n", 0, start) + 1, start - (text.rfind("\n", 0, start) + 1) + 1
            found.append((partial(Problem, path, line, column, "(text)"), match, value))
    for document in documents:
        for location, text in _english_strings(document.data, ()):
            found += [
                (partial(document.problem, location), match, value) for _start, match, value in _hits(text, renderings)
            ]
    return found


def _hits(text: str, renderings: tuple[re.Pattern, dict[str, str]]) -> list[tuple[int, str, str]]:
    """(offset, text found, what ``renderings`` maps it to) of each form in ``text``, also where a
    line break (and the next line's indentation) stands between its words."""
    pattern, canonical_of = renderings
    # Keyed by the pattern's text, not the compiled pattern: hashing a compiled pattern hashes
    # its whole program (kilobytes for the glossary's forms) at every look-up.
    matches = _matches(text, pattern.pattern, pattern.flags)
    return [(offset, found, canonical_of[found.lower()]) for offset, found in matches]


@memoised(max_characters=4 * 1024 * 1024)  # the same pages and data at every load
def _matches(text: str, pattern: str, flags: int) -> tuple[tuple[int, str], ...]:
    flat, offset_in_text = _single_spaced(text)
    return tuple((offset_in_text(match.start()), match.group(0)) for match in re.compile(pattern, flags).finditer(flat))


# Whitespace that single-spacing changes: a space followed by more, or any other whitespace run.
_CHANGED_WHITESPACE = re.compile(r" \s+|[^\S ]\s*")


def _single_spaced(text: str) -> tuple[str, Callable[[int], int]]:
    """``text`` with every run of whitespace as one space, and a function from an offset in it
    to the same character's offset in ``text``."""
    flat_starts, shifts, shift = [], [], 0  # after each changed run: where it ends in the flat text, how far behind
    for match in _CHANGED_WHITESPACE.finditer(text):
        shift += len(match.group(0)) - 1
        flat_starts.append(match.end() - shift)
        shifts.append(shift)
    if not shifts:
        return text, lambda offset: offset
    flat = _CHANGED_WHITESPACE.sub(" ", text)
    return flat, lambda offset: offset + (shifts[index] if (index := bisect_right(flat_starts, offset) - 1) >= 0 else 0)


def _english_strings(node, location: tuple, english: bool = False):
    """(location, text) of every string under an ``en`` key (the ``avoid`` lists and ``variants`` excepted)."""
    if isinstance(node, dict):
        for key, value in node.items():
            if key not in ("avoid", "variants"):
                yield from _english_strings(value, location + (key,), english or key == "en")
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from _english_strings(value, location + (index,), english)
    elif english and isinstance(node, str):
        yield location, node
