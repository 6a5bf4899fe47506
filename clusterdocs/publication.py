"""Where an article appeared, in a few words, as the citation line, the articles table and the citations say it."""

from __future__ import annotations

from .sources import Source
from .ui_text import ui_strings


def publication(source: Source, language: str) -> str:
    """Where the article appeared, in a few words: the outlet (or first publication), and who reposted it.

    A name, never a sentence: explanations stay in the header's ``outlet_note``.
    """
    header = source.header
    strings = ui_strings()[language]
    outlet = (header.get("reprint") or {}).get(language) or header["outlet"][language]
    repost = (header.get("repost") or {}).get(language)
    if repost is None:
        return outlet or strings["outlet_unknown"]
    if language == "zh":
        return f"{outlet}，{repost}转载" if outlet else f"{repost}转载"
    return f"{outlet}, reposted by {repost}" if outlet else f"reposted by {repost}"
