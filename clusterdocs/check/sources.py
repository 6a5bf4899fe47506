"""The cleaned source texts in ``sources/``, and the checks that tie cited text to them.

Each ``sources/<id>.txt`` starts with a YAML attribution header (titles, outlet, authors,
date, script, what cleaning was done) followed by the article body; ``load_sources(root)``
loads them through the shared path (``datafile.read_front_matter``). Quotes on article pages
and in the timeline, and figures on article pages and in ``data/``, must appear in that body
word for word (``check_quote``, ``check_figure``): whitespace runs are the only thing
normalised, so a changed digit or character fails. ``text_problems`` finds spam and converter
debris, which must never reach the site.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

from ..read.datafile import file_name_problems, read_front_matter
from ..text.dates import date_problem
from ..base.languages import language_of, script_tag
from ..text.numbers import occurs_in
from ..base.problems import Problem
from ..base.text_memo import memoised
from ..read.textfile import INVISIBLE
from ..read.yamlfile import YamlDocument

# Converter debris: a CJK character followed by its parenthesised pinyin, e.g. 業(yè).
DEBRIS = re.compile(r"[\u4e00-\u9fff]\([a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]+\)")
# Words that occur in the SEO spam injected into the captures and in no legitimate content here.
SPAM = re.compile(r"视频|視頻|蜘蛛池|午夜|久久|熟女|一区二区|一區二區")
_WHITESPACE = re.compile(r"\s+")
MISSING_HEADER = "missing the '---' YAML attribution header"


def normalise(text: str) -> str:
    return _WHITESPACE.sub(" ", text).strip()


@dataclass
class Source:
    """One cleaned source article: its attribution header and its body."""

    id: str
    path: str
    header: dict
    body: str | None  # None once the site's checks have passed (``release_body``): only they read it
    # A file that cannot be read as text: it is listed, so that what cites it is not reported as
    # citing an unknown source, and no quote is checked against it (its own problem says why).
    unreadable: bool = False

    @cached_property
    def searchable_body(self) -> str:
        return normalise(self.body)

    def release_body(self) -> None:
        """Drop the body and its normalised copy: the pages show header fields and quotes kept in the data."""
        self.body = None
        self.__dict__.pop("searchable_body", None)

    def contains(self, text: str) -> bool:
        if self.unreadable:
            return True
        return bool(text.strip()) and normalise(text) in self.searchable_body

    @property
    def script(self) -> str:
        return self.header.get("script", "Simplified")

    @property
    def lang(self) -> str:
        """BCP 47 tag of the capture's script, for ``lang`` attributes on verbatim text."""
        return script_tag(self.script)

    @property
    def script_note(self) -> str | None:
        """Key of the interface string that explains the script of quoted text, if it needs explaining.

        A Traditional capture with converter debris was machine-converted from Simplified, so its
        Traditional text is not the article's original script (``converted_from_simplified``).
        """
        if self.script != "Traditional":
            return None
        return "converted_note_machine" if self.header.get("converted_from_simplified") else "converted_note"

    def script_note_for(self, language: str) -> str | None:
        """``script_note`` for a page in ``language``: on a Chinese page without Simplified
        renderings (the Traditional site) the note says nothing about them (``…_as_captured``)."""
        note = self.script_note
        if note and language_of(language).is_chinese and not self.shows_simplified(language):
            return f"{note}_as_captured"
        return note

    def shows_simplified(self, language: str) -> bool:
        """Whether pages in ``language`` add a Simplified rendering of this source's wording."""
        return language_of(language).script == "Simplified" and self.script == "Traditional"


def load_sources(root: Path) -> tuple[dict[str, Source], list[Problem]]:
    """All cleaned sources in ``root``'s ``sources/``, keyed by id, with any problems in their headers or bodies."""
    sources: dict[str, Source] = {}
    problems: list[Problem] = []
    for file in sorted((root / "sources").glob("*.txt")):
        loaded = read_front_matter(file, root, "source", required=("(header)", MISSING_HEADER))
        problems += loaded.problems + loaded.schema_problems
        if loaded.text is None:
            sources[file.stem] = Source(file.stem, loaded.path, {}, "", unreadable=True)
            continue
        # A source whose header is broken is still listed, so that what cites it is checked against
        # its body and not reported again as citing an unknown source.
        header = loaded.document.data if loaded.document is not None else {}
        if loaded.document is not None:
            problems += file_name_problems(loaded.document, ("id",), file)
            if (message := date_problem(header.get("date"))) is not None:
                problems.append(loaded.document.problem(("date",), message))
        sources[file.stem] = Source(file.stem, loaded.path, header, loaded.body)
    return sources, problems


def text_problems(text: str, path: str, first_line: int = 1) -> list[Problem]:
    """Spam or converter debris anywhere in ``text``: these must never reach the site.

    Each line is matched in NFKC with invisible characters removed, so a word split by a
    zero-width character or typed in compatibility forms is still caught; the column and the
    quoted text are those of the original line, with invisible characters spelt out.
    """
    return list(_text_problems(text, path, first_line))


@memoised(max_characters=4 * 1024 * 1024)  # every content file, at every load
def _text_problems(text: str, path: str, first_line: int) -> tuple[Problem, ...]:
    problems = []
    for number, line in enumerate(text.split("\n"), start=first_line):
        folded_line = unicodedata.normalize("NFKC", INVISIBLE.sub("", line))
        for pattern, what in ((SPAM, "spam from the source capture"), (DEBRIS, "converter debris such as 業(yè)")):
            match = pattern.search(folded_line)
            if match:
                column, shown = _locate(line, pattern, match.group(0))
                problems.append(Problem(path, number, column, "(text)", f"{what}: '{shown}' must be removed"))
    return tuple(problems)


def _locate(line: str, pattern: re.Pattern, folded_match: str) -> tuple[int, str]:
    """Column and original text of ``pattern``'s first match in ``line`` (folded character by
    character); if composition across characters hides it there, column 1 and the folded text."""
    folded, origin = fold(line)
    match = pattern.search(folded)
    if match is None:
        return 1, folded_match
    start, end = origin[match.start()], origin[match.end() - 1] + 1
    return start + 1, _visible(line[start:end])


def _visible(text: str) -> str:
    """``text`` with invisible characters written as ``\\u200b`` so that a reader sees them."""
    return INVISIBLE.sub(lambda match: f"\\u{ord(match.group(0)):04x}", text)


def fold(line: str) -> tuple[str, list[int]]:
    """``line`` with invisible characters removed and each character in NFKC, and for each
    character of the result its index in ``line``."""
    folded: list[str] = []
    origin: list[int] = []
    for index, character in enumerate(line):
        if INVISIBLE.match(character):
            continue
        for part in unicodedata.normalize("NFKC", character):
            folded.append(part)
            origin.append(index)
    return "".join(folded), origin


def check_quote(
    document: YamlDocument, location: tuple, text: object, source: Source | None, source_id: str
) -> list[Problem]:
    """The shared verbatim check: ``text`` must occur in ``source``'s cleaned body."""
    if source is None:
        return []  # the unknown id is reported where it is named
    if not isinstance(text, str) or source.contains(text):
        return []
    return [document.problem(location, f"not found verbatim in sources/{source_id}.txt: {shorten(text)!r}")]


def check_figure(
    document: YamlDocument, location: tuple, figure: dict, source: Source | None, source_id: str
) -> list[Problem]:
    """The shared figure check, for article pages and ``data/`` alike: the figure's ``source_text``
    is verbatim in the source, and its ``value``, if it has one, occurs in that ``source_text`` as
    whole numbers (4 is not in 44)."""
    source_text = figure["source_text"]
    problems = check_quote(document, location + ("source_text",), source_text, source, source_id)
    value = figure.get("value")
    if value is not None and not occurs_in(str(value), source_text):
        problems.append(
            document.problem(
                location + ("value",), f"value {value!r} does not occur in its source_text as a whole number"
            )
        )
    return problems


def unknown_source(
    document: YamlDocument, location: tuple, source_id: str, sources: dict[str, Source], what: str = "source"
) -> Problem:
    """The one message for a citation of a source that is not in ``sources/``."""
    return document.problem(location, f"unknown {what} '{source_id}'; known: {', '.join(sorted(sources))}")


def shorten(text: str, width: int = 40) -> str:
    text = normalise(text)
    return text if len(text) <= width else text[: width - 1] + "…"
