"""Where an article appeared, in a few words, as the citation line, the articles table and the citations say it."""

from __future__ import annotations

from ..check.sitedata import SiteData
from ..check.sources import Source


def publication(source: Source, language: str, data: SiteData) -> str:
    """Where the article appeared, in a few words: the outlet (or first publication), and who reposted it.

    A name, never a sentence: explanations stay in the header's ``outlet_note``.
    """
    header = source.header
    strings = data.ui[language]
    outlet = data.optional_in(header.get("reprint"), language) or data.in_language(header["outlet"], language)
    repost = data.optional_in(header.get("repost"), language)
    if repost is None:
        return outlet or strings["outlet_unknown"]
    return strings["outlet_reposted" if outlet else "reposted_only"].format(outlet=outlet, repost=repost)
