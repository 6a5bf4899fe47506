"""A source's own wording as a page shows it, beside its Simplified rendering where the page adds one.

Quotes, figures' passages, mentions and every other verbatim passage are shown as captured, with
the capture's ``lang`` tag. On a Simplified Chinese page, a passage from a Traditional-script
capture also gets a Simplified rendering for reading (``Source.shows_simplified``; OpenCC with
full-width punctuation, ``clusterdocs/text/chinese_script.to_simplified``), as article pages do;
the zh-Hant and English pages show the captured text alone. Called by the views of the pages
that quote sources (clusters, documents, figures, timeline); ``overrides/hooks/verbatim.html``
lays the rendering out.
"""

from __future__ import annotations

from ..base.languages import script_tag
from ..check.sources import Source
from ..text.chinese_script import to_simplified


def simplified(source: Source, text: str, language: str) -> str | None:
    """The Simplified rendering of ``text``, a passage of ``source``, if pages in ``language`` show one."""
    return to_simplified(text) if source.shows_simplified(language) else None


def passage(source: Source, text: str, language: str) -> dict:
    """``text`` as captured with its ``lang`` tag, and its Simplified rendering or None."""
    return {"text": text, "lang": source.lang, "simplified": simplified(source, text, language)}


def shown_lang(source: Source, language: str) -> str:
    """The ``lang`` of a figure's value from ``source`` as pages in ``language`` show it: a value
    (not a passage) is shown in its Simplified rendering alone, as article pages show figures."""
    return script_tag("Simplified") if source.shows_simplified(language) else source.lang
