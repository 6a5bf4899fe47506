"""Undo YAML line folding inside Chinese text, for every value a template prints.

A folded YAML scalar (``>-``) joins its lines with a space. Next to Chinese full-width
punctuation that space is wrong ("未列出名单）， 其"), while contributors still want to wrap long
Chinese lines in the data files (they wrap after punctuation). ``render.environment`` applies
``join_folded_cjk`` to every ``{{ … }}`` output, so no renderer has to remember it. A space
between two ideographs is kept: it can be meaningful (names in a byline, "侯彦全 岳维松"), and so
is a space between Chinese and Latin text.
"""

from __future__ import annotations

import re

from markupsafe import Markup

_IDEOGRAPHS = r"\u3400-\u4dbf\u4e00-\u9fff"
_FULL_WIDTH_PUNCTUATION = r"\u3001-\u303f\uff01-\uff0f\uff1a-\uff20\uff3b-\uff40\uff5b-\uff65"
_CJK = _IDEOGRAPHS + _FULL_WIDTH_PUNCTUATION
FOLDED_SPACE = re.compile(
    rf"(?<=[{_FULL_WIDTH_PUNCTUATION}]) (?=[{_CJK}])|(?<=[{_CJK}]) (?=[{_FULL_WIDTH_PUNCTUATION}])"
)


def join_folded_cjk(value: object) -> object:
    """``value`` without single spaces next to full-width punctuation; other values unchanged."""
    if isinstance(value, Markup):
        return Markup(FOLDED_SPACE.sub("", str(value)))
    if isinstance(value, str):
        return FOLDED_SPACE.sub("", value)
    return value
