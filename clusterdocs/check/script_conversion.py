"""Simplified to Traditional Chinese for the generated languages (zh-Hant), at build time.

Contributors write Chinese once, in Simplified (``docs/zh``, the ``zh`` values of the data
files, ``data/ui.yml``). A language with ``converted_from`` in ``clusterdocs/base/languages.py`` gets
the same text converted by OpenCC's ``s2tw`` profile: character by character, with Taiwan-standard
glyphs, and no phrase-level vocabulary (``s2twp`` would turn 工业和信息化部 into 工業和資訊化部,
rewording official names and document titles). The few terms ``s2tw`` gets wrong for this
site are listed, with a reason each, in ``data/conversion_exceptions.yml``.

Verbatim text from the sources (quotes, passages, original titles and names) never passes
through here: the renderers take it from the source files as it is.

Each distinct string is converted once per set of exceptions (``convert`` is cached), so the
third language costs little more than a dictionary lookup for text the build has seen.
"""

from __future__ import annotations

import re
from functools import cache, lru_cache

from opencc import OpenCC

from ..base.languages import Language, language_of, source_code
from ..base.problems import Problem
from ..read.yamlfile import YamlDocument

PROFILES = {"Traditional": "s2tw"}


@cache
def _opencc(profile: str) -> OpenCC:
    return OpenCC(profile)


def exceptions_pattern(exceptions: tuple[tuple[str, str], ...]) -> re.Pattern | None:
    """One alternation of the exceptions' Simplified terms, longest first."""
    if not exceptions:
        return None
    terms = sorted((simplified for simplified, _ in exceptions), key=len, reverse=True)
    return re.compile("|".join(re.escape(term) for term in terms))


# Names, titles and interface strings recur on many pages and are converted once; a whole page
# or file is converted once per build anyway, and keeping those would hold a copy of the site.
CACHED_LENGTH = 512


def convert(text: str, script: str, exceptions: tuple[tuple[str, str], ...] = ()) -> str:
    """``text`` in ``script``: each exception's term as the list gives it, the rest by OpenCC."""
    if len(text) > CACHED_LENGTH:
        return _convert(text, script, exceptions)
    return _convert_short(text, script, exceptions)


def _convert(text: str, script: str, exceptions: tuple[tuple[str, str], ...]) -> str:
    if not text:
        return text
    opencc = _opencc(PROFILES[script])
    pattern = exceptions_pattern(exceptions)
    if pattern is None:
        return opencc.convert(text)
    replacement = dict(exceptions)
    parts, position = [], 0
    for match in pattern.finditer(text):
        parts.append(opencc.convert(text[position : match.start()]))
        parts.append(replacement[match.group(0)])
        position = match.end()
    parts.append(opencc.convert(text[position:]))
    return "".join(parts)


_convert_short = lru_cache(maxsize=65536)(_convert)


def exception_pairs(document_data: dict | None) -> tuple[tuple[str, str], ...]:
    """The (Simplified, Traditional) pairs of ``data/conversion_exceptions.yml``'s loaded data."""
    if not document_data:
        return ()
    return tuple((entry["simplified"], entry["traditional"]) for entry in document_data["exceptions"])


def exception_problems(document: YamlDocument) -> list[Problem]:
    """Each exception must be needed (OpenCC alone would get it wrong) and listed once."""
    problems = []
    seen: set[str] = set()
    for index, entry in enumerate(document.data["exceptions"]):
        simplified, traditional = entry["simplified"], entry["traditional"]
        if simplified in seen:
            problems.append(document.problem(("exceptions", index, "simplified"), f"'{simplified}' is listed twice"))
        seen.add(simplified)
        for script in PROFILES:
            if convert(simplified, script) == traditional:
                problems.append(
                    document.problem(
                        ("exceptions", index, "traditional"),
                        f"OpenCC already converts '{simplified}' to '{traditional}'; remove the exception",
                    )
                )
    return problems


def localise(values: dict, language: str | Language, exceptions: tuple[tuple[str, str], ...] = ()):
    """``values[language]`` from a data file's language map; for a converted language, its
    source language's value converted."""
    this = language_of(language)
    if this.converted_from is None:
        return values[this.code]
    return _converted(values[source_code(this)], this.script, exceptions)


def _converted(value, script: str, exceptions: tuple[tuple[str, str], ...]):
    """A label, or a map of labels (``{label, legend}``), converted string by string."""
    if isinstance(value, dict):
        return {key: _converted(item, script, exceptions) for key, item in value.items()}
    return convert(value, script, exceptions) if isinstance(value, str) else value


def localise_text(text: str, language: str | Language, exceptions: tuple[tuple[str, str], ...] = ()) -> str:
    """Text written in ``language``'s source language (a page title, a page's Markdown), in ``language``."""
    this = language_of(language)
    return text if this.converted_from is None else convert(text, this.script, exceptions)
