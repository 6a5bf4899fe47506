"""The corrections log on the site: the Corrections page and a dated note on each page it names.

``render_page`` fills ``<!-- corrections:log -->`` on ``docs/<language>/corrections.md`` with
every entry of ``data/corrections.yml``, newest first; ``page_note`` is the small block that
``clusterdocs.render.pages.render_markers`` adds at the end of any page a correction names, with the
date, what changed and a link to the full entry. Both lay out through
``overrides/hooks/corrections.html``.
"""

from __future__ import annotations

from ..check.corrections import LOG_PAGE, corrections_of, newest_first
from ..text.dates import format_date
from .links import PageLinks
from ..check.markers import replace_markers
from ..check.sitedata import SiteData
from .templates import render_macro


def entry_values(entry: dict, data: SiteData, language: str, links: PageLinks) -> dict:
    return {
        "id": entry["id"],
        "date": format_date(entry["date"], language),
        "date_iso": entry["date"],
        "what": data.in_language(entry["what"], language),
        "why": data.in_language(entry["why"], language),
        "pages": [{"title": data.page_title(language, page), "href": links.to_page(page)} for page in entry["pages"]],
        "href": links.to_page(LOG_PAGE, entry["id"]),
    }


def render_page(markdown: str, data: SiteData, language: str, links: PageLinks, path: str) -> str:
    """Replace the ``<!-- corrections:log -->`` marker of ``docs/<language>/corrections.md``."""

    def log() -> str:
        entries = [entry_values(entry, data, language, links) for entry in newest_first(data.corrections)]
        return f"\n{render_macro('corrections.html', 'log', language, data.ui[language], entries=entries)}\n"

    return replace_markers(markdown, "corrections", {"log": log}, path)


def page_note(data: SiteData, language: str, page: str, links: PageLinks) -> str:
    """The dated note for the end of ``page`` (a file inside the language folder), or ``""``."""
    entries = corrections_of(data.corrections, page, language)
    if not entries or page == LOG_PAGE:
        return ""
    values = [entry_values(entry, data, language, links) for entry in newest_first(entries)]
    # A plain string: Markup + str would escape the page's Markdown it is appended to.
    return f"\n\n{render_macro('corrections.html', 'note', language, data.ui[language], entries=values)}\n"
