"""The cleaned source texts in ``sources/`` and the one verbatim check every quote goes through.

Each ``sources/<id>.txt`` starts with a YAML attribution header (titles, outlet, authors,
date, script, what cleaning was done) followed by the article body. Quotes on article pages
and in the timeline, and figures on article pages, must appear in that body word for word;
whitespace runs are the only thing normalised, so a changed digit or character fails.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

from . import schemas
from .numbers import occurs_in
from .problems import Problem, relative_path
from .paths import ROOT, SOURCES_DIR
from .yamlfile import YamlDocument, load_yaml, split_front_matter

# Converter debris: a CJK character followed by its parenthesised pinyin, e.g. 業(yè).
DEBRIS = re.compile(r"[\u4e00-\u9fff]\([a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]+\)")
# Words that occur in the SEO spam injected into the captures and in no legitimate content here.
SPAM = re.compile(r"视频|視頻|蜘蛛池|午夜|久久|熟女|一区二区|一區二區")
_WHITESPACE = re.compile(r"\s+")


def normalise(text: str) -> str:
    return _WHITESPACE.sub(" ", text).strip()


@dataclass
class Source:
    """One cleaned source article: its attribution header and its body."""

    id: str
    path: str
    header: dict
    body: str

    @cached_property
    def searchable_body(self) -> str:
        return normalise(self.body)

    def contains(self, text: str) -> bool:
        return bool(text.strip()) and normalise(text) in self.searchable_body

    @property
    def script(self) -> str:
        return self.header.get("script", "Simplified")

    @property
    def lang(self) -> str:
        """BCP 47 tag of the capture's script, for ``lang`` attributes on verbatim text."""
        return "zh-Hant" if self.script == "Traditional" else "zh-Hans"

    @property
    def script_note(self) -> str | None:
        """Key of the interface string that explains the script of quoted text, if it needs explaining.

        A Traditional capture with converter debris was machine-converted from Simplified, so its
        Traditional text is not the article's original script (``converted_from_simplified``).
        """
        if self.script != "Traditional":
            return None
        return "converted_note_machine" if self.header.get("converted_from_simplified") else "converted_note"

    def shows_simplified(self, language: str) -> bool:
        """Whether pages in ``language`` add a Simplified rendering of this source's wording."""
        return language == "zh" and self.script == "Traditional"


def load_sources(directory: Path = SOURCES_DIR, root: Path = ROOT) -> tuple[dict[str, Source], list[Problem]]:
    """All cleaned sources, keyed by id, with any problems in their headers or bodies."""
    sources: dict[str, Source] = {}
    problems: list[Problem] = []
    for file in sorted(directory.glob("*.txt")):
        path = relative_path(file, root)
        header_text, body, offset = split_front_matter(file.read_text(encoding="utf-8"))
        # A source whose header is broken is still listed, so that what cites it is checked against
        # its body and not reported again as citing an unknown source.
        if header_text is None:
            problems.append(Problem(path, 1, 1, "(header)", "missing the '---' YAML attribution header"))
            sources[file.stem] = Source(file.stem, path, {}, body)
            continue
        document, found = load_yaml(header_text, path, line_offset=offset)
        problems += found
        if document is None:
            sources[file.stem] = Source(file.stem, path, {}, body)
            continue
        problems += schemas.validate(document, "source")
        header = document.data if isinstance(document.data, dict) else {}
        source_id = header.get("id", file.stem)
        if source_id != file.stem:
            problems.append(document.problem(("id",), f"id '{source_id}' must match the file name '{file.stem}'"))
        problems += text_problems(body, path, first_line=header_text.count("\n") + 3)
        sources[file.stem] = Source(file.stem, path, header, body)
    return sources, problems


def text_problems(text: str, path: str, first_line: int = 1) -> list[Problem]:
    """Spam or converter debris anywhere in ``text``: these must never reach the site."""
    problems = []
    for number, line in enumerate(text.splitlines(), start=first_line):
        for pattern, what in ((SPAM, "spam from the source capture"), (DEBRIS, "converter debris such as 業(yè)")):
            match = pattern.search(line)
            if match:
                problems.append(Problem(path, number, match.start() + 1, "(text)",
                                        f"{what}: {match.group(0)!r} must be removed"))
    return problems


def check_quote(document: YamlDocument, location: tuple, text: object, source: Source | None,
                source_id: str) -> list[Problem]:
    """The shared verbatim check: ``text`` must occur in ``source``'s cleaned body."""
    if source is None:
        return []  # the unknown id is reported where it is named
    if not isinstance(text, str) or source.contains(text):
        return []
    return [document.problem(location, f"not found verbatim in sources/{source_id}.txt: {shorten(text)!r}")]


def check_value(document: YamlDocument, location: tuple, value: object, source_text: str) -> list[Problem]:
    """The shared figure check: ``value`` must occur in its ``source_text`` as whole numbers (4 is not in 44)."""
    if occurs_in(str(value), source_text):
        return []
    return [document.problem(location, f"value {value!r} does not occur in its source_text as a whole number")]


def unknown_source(document: YamlDocument, location: tuple, source_id: str, sources: dict[str, Source],
                   what: str = "source") -> Problem:
    """The one message for a citation of a source that is not in ``sources/``."""
    return document.problem(location, f"unknown {what} '{source_id}'; known: {', '.join(sorted(sources))}")


def shorten(text: str, width: int = 40) -> str:
    text = normalise(text)
    return text if len(text) <= width else text[: width - 1] + "…"
