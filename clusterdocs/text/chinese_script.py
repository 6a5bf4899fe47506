"""Simplified-script rendering of Traditional-script quotes, with Simplified Chinese punctuation."""

from __future__ import annotations

import re
from functools import cache

from opencc import OpenCC


@cache
def _to_simplified() -> OpenCC:
    return OpenCC("t2s")


# ASCII punctuation the captures use in running Chinese text, and its full-width form.
# A comma or colon between digits (1,500; 16:22) is part of a number or time and stays.
_FULL_WIDTH = str.maketrans({",": "，", ":": "：", ";": "；", "?": "？", "!": "！", "(": "（", ")": "）"})
_ASCII_PUNCTUATION = re.compile(r"(?<!\d)[,:]|[,:](?!\d)|[;?!()]")


def full_width_punctuation(text: str) -> str:
    """Chinese text with the ASCII punctuation of the captures in its full-width form."""
    return _ASCII_PUNCTUATION.sub(lambda match: match.group(0).translate(_FULL_WIDTH), text)


def to_simplified(text: str) -> str:
    """Simplified rendering of a Traditional-script quote, for readers of the zh site.

    The captured wording stays what the site verifies; this rendering is for reading, so it also
    uses the full-width punctuation of Simplified Chinese text.
    """
    return full_width_punctuation(_to_simplified().convert(text))
