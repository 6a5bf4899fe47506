"""Reviewed Traditional text: where OpenCC's phrase dictionary decides, a person has decided too.

The zh-Hant pages are the zh text converted by OpenCC (``script_conversion``). Character by
character, that conversion is predictable; OpenCC's phrase dictionary then overrides it for
words it knows, and is usually right (制造 → 製造) but not always: in 名单于2022年 it finds the
Xiongnu title 单于 and writes 名單于 where 名單於 is meant. So every place in the text that is
converted (the pages in ``docs/zh``, the Chinese values of ``data/`` and ``timeline/``, the
interface strings) where the phrase conversion differs from the character-by-character one
must be reviewed in ``data/conversion_exceptions.yml``: either accepted as OpenCC gives it
(``accepted``, with OpenCC's form, checked against OpenCC so an update shows), or overridden
(``exceptions``, applied before OpenCC). An accepted term may carry context around the phrase
(内制造 for 内制), and then covers the phrase only in that context. Run by ``sitedata``
after the data has loaded; ``review_problems`` gives one line per unreviewed occurrence.

Place names keep the form the sources use: a place in the data that a Traditional-script
source names must come out of the conversion as that source writes it (``place_problems``).

What is converted does not change between most checks, so the occurrences found are kept in
the user's cache (``build_cache``) under a hash of the texts, the lists and the code.
"""

from __future__ import annotations

import importlib.metadata
from functools import cache
from pathlib import Path

from ..base import build_cache
from .articles import VERBATIM_KEYS
from ..text.chinese_script import _to_simplified as _to_simplified_script
from .page_checks import page_files
from ..base.problems import Problem
from .script_conversion import PROFILES, _opencc, convert, exceptions_pattern
from ..read.textfile import read_text
from ..read.yamlfile import YamlDocument, load_front_matter

SCRIPT = "Traditional"
EXCEPTIONS_FILE = "data/conversion_exceptions.yml"
_LONGEST_PHRASE = 8  # OpenCC's phrases are short; a window is searched up to this many characters


@cache
def character(text: str, script: str = SCRIPT) -> str:
    """One character converted alone: OpenCC's character dictionary, no phrase around it."""
    return _opencc(PROFILES[script]).convert(text)


def by_character(text: str, script: str = SCRIPT) -> str:
    return "".join(character(each, script) for each in text)


def phrase_differences(text: str, exceptions: tuple[tuple[str, str], ...] = ()) -> list[tuple[int, int, str, str]]:
    """Where the conversion of ``text`` (exceptions first, then OpenCC) differs from converting
    each character alone: ``(start, end, OpenCC's form, the characters' form)`` of the phrase
    OpenCC matched there. Text an exception replaces is reviewed by that exception."""
    differences = []
    pattern = exceptions_pattern(exceptions)
    position = 0
    for match in [*pattern.finditer(text), None] if pattern else [None]:
        end = match.start() if match else len(text)
        differences += [
            (start + position, stop + position, *forms) for start, stop, *forms in _differences(text[position:end])
        ]
        position = match.end() if match else len(text)
    return differences


def _differences(piece: str) -> list[tuple[int, int, str, str]]:
    if not piece:
        return []
    opencc = _opencc(PROFILES[SCRIPT])
    whole, alone = opencc.convert(piece), by_character(piece)
    if whole == alone or len(whole) != len(piece):
        return [] if whole == alone else [(0, len(piece), whole, alone)]
    found, index = [], 0
    while index < len(piece):
        if whole[index] == alone[index]:
            index += 1
            continue
        stop = index
        while stop < len(piece) and whole[stop] != alone[stop]:
            stop += 1
        start, end = _phrase(piece, whole, index, stop)
        found.append((start, end, whole[start:end], alone[start:end]))
        index = max(stop, end)
    return found


def _phrase(piece: str, whole: str, index: int, stop: int) -> tuple[int, int]:
    """The shortest stretch around ``piece[index:stop]`` that OpenCC, given it alone, converts
    the way it converted it in context: the phrase its dictionary matched."""
    opencc = _opencc(PROFILES[SCRIPT])
    for size in range(stop - index, stop - index + _LONGEST_PHRASE):
        for start in range(max(0, stop - size), index + 1):
            end = start + size
            if (
                end <= len(piece)
                and opencc.convert(piece[start:end])[index - start : stop - start] == whole[index:stop]
            ):
                return start, end
    return index, stop


def accepted_pairs(document_data: dict | None) -> tuple[tuple[str, str], ...]:
    if not document_data:
        return ()
    return tuple((entry["simplified"], entry["traditional"]) for entry in document_data.get("accepted", []))


def _is_accepted(text: str, start: int, end: int, accepted: tuple[str, ...]) -> bool:
    """Whether an accepted term occurs in ``text`` around ``text[start:end]``."""
    phrase = text[start:end]
    for term in accepted:
        offset = term.find(phrase)
        while offset != -1:
            if text[start - offset : start - offset + len(term)] == term and start >= offset:
                return True
            offset = term.find(phrase, offset + 1)
    return False


def accepted_problems(document: YamlDocument) -> list[Problem]:
    """Each accepted term must still be what OpenCC gives, differ from the character-by-character
    form (else there is nothing to review), and be listed once."""
    problems: list[Problem] = []
    exceptions = tuple((entry["simplified"], entry["traditional"]) for entry in document.data["exceptions"])
    seen = {entry["simplified"] for entry in document.data["exceptions"]}
    for index, entry in enumerate(document.data.get("accepted", [])):
        simplified, traditional = entry["simplified"], entry["traditional"]
        location = ("accepted", index)
        if simplified in seen:
            problems.append(document.problem(location + ("simplified",), f"'{simplified}' is listed twice"))
        seen.add(simplified)
        given = convert(simplified, SCRIPT, exceptions)
        if given != traditional:
            problems.append(
                document.problem(
                    location + ("traditional",),
                    f"OpenCC now converts '{simplified}' to '{given}', not '{traditional}'; review it again",
                )
            )
        elif not phrase_differences(simplified, exceptions):
            problems.append(
                document.problem(
                    location + ("simplified",),
                    f"OpenCC converts '{simplified}' character by character; nothing to review, remove it",
                )
            )
    return problems


def converted_texts(root: Path, documents: dict[str, YamlDocument | None], milestones) -> list[tuple]:
    """Every converted string, with where to report it: ``(document, location, text)`` for data
    and front matter, ``(path, line, text)`` for a line of a page's Markdown."""
    texts: list[tuple] = []
    for name, document in documents.items():
        if document is not None:
            _walk(document, document.data, (), False, texts)
    for milestone in milestones:
        if milestone.document is not None:
            _walk(milestone.document, milestone.document.data, (), False, texts)
    written = root / "docs" / "zh"
    for file in page_files(written) if written.exists() else []:
        text, _problems = read_text(file, root)
        if text is None:
            continue
        path = file.relative_to(root).as_posix()
        front_matter, body, _found = load_front_matter(text, path)
        if front_matter is not None:
            _walk(front_matter, front_matter.data, (), True, texts)
        first = text[: len(text) - len(body)].count("\n") + 1
        texts += [(path, first + number, line) for number, line in enumerate(body.split("\n")) if not line.isascii()]
    return texts


def _walk(document: YamlDocument, node, location: tuple, chinese: bool, texts: list) -> None:
    """The Chinese strings under ``node``: values under a ``zh`` or ``*_zh`` key (everything in a
    Chinese page's front matter), never a field that holds a source's own wording."""
    if isinstance(node, dict):
        for key, value in node.items():
            if key in VERBATIM_KEYS:
                continue
            here = chinese or key == "zh" or (isinstance(key, str) and key.endswith("_zh"))
            _walk(document, value, location + (key,), here, texts)
    elif isinstance(node, list):
        for index, value in enumerate(node):
            _walk(document, value, location + (index,), chinese, texts)
    elif chinese and isinstance(node, str) and not node.isascii():
        texts.append((document, location, node))


def review_problems(root: Path, documents: dict[str, YamlDocument | None], milestones) -> list[Problem]:
    """One line for each place where OpenCC's phrase conversion differs from the character-by-character
    one and ``data/conversion_exceptions.yml`` does not review it."""
    listed = documents.get("conversion_exceptions")
    if listed is None:
        return []  # its own problems are reported
    exceptions = tuple((entry["simplified"], entry["traditional"]) for entry in listed.data["exceptions"])
    accepted = tuple(simplified for simplified, _ in accepted_pairs(listed.data))
    texts = converted_texts(root, documents, milestones)
    found = _unreviewed([text for *_where, text in texts], exceptions, accepted)
    problems = []
    for index, occurrences in found:
        *where, text = texts[index]
        for start, end, whole, alone in occurrences:
            context = text[max(0, start - 1) : end + 1]
            message = (
                f"'{context}': OpenCC's phrase conversion writes '{text[start:end]}' as '{whole}', character by "
                f"character '{alone}'; review it in {EXCEPTIONS_FILE} (under 'accepted', or as an exception)"
            )
            if isinstance(where[0], YamlDocument):
                problems.append(where[0].problem(where[1], message))
            else:
                problems.append(Problem(where[0], where[1], start + 1, "(text)", message))
    return problems


def _unreviewed(texts: list[str], exceptions: tuple, accepted: tuple) -> list[tuple[int, list]]:
    """For each text with unreviewed differences, its index and those differences (cached)."""
    key = build_cache.code_fingerprint(
        Path(__file__),
        Path(__file__).with_name("script_conversion.py"),
        extra=repr((importlib.metadata.version("opencc"), PROFILES, exceptions, accepted, texts)),
    ).hex()
    known = build_cache.load_json("conversion-review", key)
    if known is not None:
        return [(index, [tuple(item) for item in items]) for index, items in known]
    found = []
    for index, text in enumerate(texts):
        occurrences = [
            difference
            for difference in phrase_differences(text, exceptions)
            if not _is_accepted(text, difference[0], difference[1], accepted)
        ]
        if occurrences:
            found.append((index, occurrences))
    build_cache.store_json("conversion-review", key, found)
    return found


def place_problems(sources, documents: dict[str, YamlDocument | None], milestones) -> list[Problem]:
    """A place a Traditional-script source names keeps that source's form on the zh-Hant pages."""
    listed = documents.get("conversion_exceptions")
    exceptions = (
        tuple((entry["simplified"], entry["traditional"]) for entry in listed.data["exceptions"]) if listed else ()
    )
    traditional = {
        source_id: (source.body, _to_simplified(source.body))
        for source_id, source in sources.items()
        if source.script == SCRIPT and source.body
    }
    places: list[tuple[YamlDocument, tuple, str]] = []
    for milestone in milestones:
        if milestone.document is not None:
            for index, place in enumerate(milestone.document.data.get("places", [])):
                places.append((milestone.document, ("places", index, "zh"), place["zh"]))
    clusters = documents.get("clusters")
    if clusters is not None:
        for number, cluster in enumerate(clusters.data["clusters"]):
            for index, place in enumerate(cluster.get("places", [])):
                places.append((clusters, ("clusters", number, "places", index, "zh"), place["zh"]))
    problems = []
    for document, location, name in places:
        converted = convert(name, SCRIPT, exceptions)
        for source_id, (body, folded) in traditional.items():
            start = folded.find(name)
            if start != -1 and body[start : start + len(name)] != converted:
                written = body[start : start + len(name)]
                problems.append(
                    document.problem(
                        location,
                        f"'{name}' becomes '{converted}' on the zh-Hant pages, but sources/{source_id}.txt writes "
                        f"'{written}'; add it to {EXCEPTIONS_FILE} as an exception",
                    )
                )
                break
    return problems


def _to_simplified(text: str) -> str:
    """``text`` in Simplified characters, one character at a time (so positions stay)."""
    return "".join(_simplified_character(each) for each in text)


@cache
def _simplified_character(text: str) -> str:
    converted = _to_simplified_script().convert(text)
    return converted if len(converted) == 1 else text
