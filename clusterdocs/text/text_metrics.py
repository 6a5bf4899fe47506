"""Rough rendered width of short labels, for laying out the SVG charts, overview and map at build time."""

from __future__ import annotations


def text_width(text: str, font_size: int = 14) -> int:
    """Rough rendered width of a chart label: full-width for CJK, about 0.56 em otherwise."""
    wide = sum(1 for character in text if ord(character) > 0x2E80)
    return round((wide + (len(text) - wide) * 0.56) * font_size)
