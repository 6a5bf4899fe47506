"""Render the table of source articles on the articles index page, oldest first."""

from __future__ import annotations

from .publication import publication
from ..text.dates import format_date, sort_key
from .links import PageLinks
from ..check.markers import replace_markers
from .templates import render_macro
from ..check.sitedata import SiteData


def render_page(markdown: str, data: SiteData, language: str, links: PageLinks, path: str) -> str:
    """Replace the ``<!-- articles:table -->`` marker of ``docs/<language>/articles/index.md``."""

    def table() -> str:
        pages = data.articles_in(language)
        rows = []
        for page in pages:
            header = data.sources[page.source_id].header
            rows.append(
                {
                    "date_iso": header["date"] or "",
                    "date": format_date(header["date"], language),
                    "title": page.meta["title"],
                    "title_original": header["title_original"],
                    "lang": data.sources[page.source_id].lang,
                    "outlet": publication(data.sources[page.source_id], language, data),
                    "gist": page.meta["description"],
                    "href": links.to_page(f"articles/{page.slug}.md"),
                }
            )
        # Undated articles go last; the reading guide explains where they belong.
        rows.sort(key=lambda row: (not row["date_iso"], sort_key(row["date_iso"]) if row["date_iso"] else ()))
        return render_macro("articles.html", "table", language, data.ui[language], rows=rows)

    return replace_markers(markdown, "articles", {"table": table}, path, required=("table",))
