"""Spaces next to Chinese punctuation: undone where YAML folding made them, refused elsewhere.

A folded YAML scalar (``>-``) joins its lines with a space. Next to Chinese full-width
punctuation that space is wrong ("未列出名单）， 其"), while contributors still want to wrap long
Chinese lines in the data files (they wrap after punctuation). ``render.environment`` applies
``join_folded_cjk`` to every ``{{ … }}`` output, so no renderer has to remember it. A space
between two ideographs is kept: it can be meaningful (names in a byline, "侯彦全 岳维松"), and so
is a space between Chinese and Latin text.

Any other ASCII space before or after full-width punctuation in Chinese text ("术语表： MIIT",
"（公示） (3)") is a typo the reader would see: ``spacing_problems`` reports each one in the
Chinese values of ``data/`` and ``timeline/`` (fields ``zh`` and ``*_zh``) as a line of ``make
check``, after undoing folding as the templates do. Verbatim words from a source (``quote``,
``source_text``, ``year_text``) are reported only where the cleaned source in ``sources/`` does
not have that space itself.

A page's Markdown is wrapped the same way, and a browser shows each line break as a space:
``join_wrapped_lines`` removes those beside Chinese text from a Chinese page's HTML (called by
hooks/pages.py for every page in a Chinese language).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from markupsafe import Markup

from ..base.problems import Problem
from ..read.yamlfile import YamlDocument

_IDEOGRAPHS = r"\u3400-\u4dbf\u4e00-\u9fff"
_FULL_WIDTH_PUNCTUATION = r"\u3001-\u303f\uff01-\uff0f\uff1a-\uff20\uff3b-\uff40\uff5b-\uff65"
_CJK = _IDEOGRAPHS + _FULL_WIDTH_PUNCTUATION
FOLDED_SPACE = re.compile(
    rf"(?<=[{_FULL_WIDTH_PUNCTUATION}]) (?=[{_CJK}])|(?<=[{_CJK}]) (?=[{_FULL_WIDTH_PUNCTUATION}])"
)


# A line break inside a Chinese paragraph of a page's Markdown (contributors wrap long lines):
# browsers show it as a space, between two Chinese characters or beside full-width punctuation.
# Joined: between Chinese characters or quotation marks, and on either side of full-width
# punctuation whatever follows (“。\nJSON”); quotation marks are shared with English, so a
# break beside one next to Latin text stays.
_QUOTES = "\u201c\u201d\u2018\u2019"
WRAPPED_LINE = re.compile(
    rf"(?<=[{_CJK}{_QUOTES}])[ \t]*\n[ \t]*(?=[{_CJK}{_QUOTES}])"
    rf"|(?<=[{_FULL_WIDTH_PUNCTUATION}])[ \t]*\n[ \t]*(?=\S)"
    rf"|(?<=\S)[ \t]*\n[ \t]*(?=[{_FULL_WIDTH_PUNCTUATION}])"
)
_PRE = re.compile(r"(<pre\b.*?</pre>)", re.S)


def join_wrapped_lines(html: str) -> str:
    """``html`` (a Chinese page's content) without the line breaks that would show as spaces
    between Chinese characters; ``<pre>`` blocks are left as they are."""
    return "".join(part if part.startswith("<pre") else WRAPPED_LINE.sub("", part) for part in _PRE.split(html))


def join_folded_cjk(value: object) -> object:
    """``value`` without single spaces next to full-width punctuation; other values unchanged."""
    if isinstance(value, Markup):
        return Markup(FOLDED_SPACE.sub("", str(value)))
    if isinstance(value, str):
        return FOLDED_SPACE.sub("", value)
    return value


# Full-width punctuation as above, plus the Chinese quotation marks and ellipsis (shared with
# English, so only checked in Chinese text).
_CHINESE_PUNCTUATION = _FULL_WIDTH_PUNCTUATION + "\u201c\u201d\u2018\u2019\u2026"
STRAY_SPACE = re.compile(rf"(?<=[{_CHINESE_PUNCTUATION}]) +(?=\S)|(?<=\S) +(?=[{_CHINESE_PUNCTUATION}])")
VERBATIM_KEYS = frozenset({"quote", "source_text", "year_text"})


def stray_spaces(text: str) -> list[int]:
    """Offsets in ``text`` (as the templates print it: folding undone) of stray spaces."""
    return [match.start() for match in STRAY_SPACE.finditer(join_folded_cjk(text))]


def spacing_problems(documents: Iterable[YamlDocument], source_bodies: dict[str, str | None]) -> list[Problem]:
    """A line for every Chinese value in ``documents`` with a stray space next to full-width punctuation."""
    problems = []
    for document in documents:
        for location, text, source_id in _chinese_values(document.data, (), False, None):
            shown = join_folded_cjk(text)
            body = source_bodies.get(source_id) if source_id else None
            for offset in stray_spaces(text):
                end = offset + len(shown[offset:]) - len(shown[offset:].lstrip(" "))
                around = shown[max(0, offset - 2) : end + 2]
                if body is not None and location[-1] in VERBATIM_KEYS and around in body:
                    continue  # the source itself has this space
                problems.append(
                    document.problem(
                        location, f"ASCII space next to full-width punctuation in Chinese text: “{around}”; remove it"
                    )
                )
    return problems


def _chinese_values(node: object, location: tuple, chinese: bool, source_id: str | None):
    """(location, text, cited source id) of every Chinese string under ``node``."""
    if isinstance(node, dict):
        cited = node.get("article") or node.get("source")
        source_id = cited if isinstance(cited, str) else source_id
        for key, value in node.items():
            key_is_chinese = isinstance(key, str) and (key == "zh" or key.endswith("_zh") or key in VERBATIM_KEYS)
            yield from _chinese_values(value, location + (key,), chinese or key_is_chinese, source_id)
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from _chinese_values(value, location + (index,), chinese, source_id)
    elif isinstance(node, str) and chinese:
        yield location, node, source_id
