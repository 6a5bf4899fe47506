"""Render the table of source articles on the articles index page, oldest first."""

from __future__ import annotations

from .article_view import short_outlet
from .dates import format_date, sort_key
from .markers import replace_markers
from .render import render_macro, ui_strings
from .sitedata import SiteData


def render_articles_index(markdown: str, data: SiteData, language: str, article_url, path: str) -> str:
    def table() -> str:
        pages = data.articles_in(language)
        rows = []
        for page in pages:
            header = data.sources[page.source_id].header
            rows.append(
                {
                    "date_iso": header["date"] or "",
                    "date": format_date(header["date"], language) or ui_strings()[language]["undated"],
                    "title": page.meta["title"],
                    "title_original": header["title_original"],
                    "lang": data.sources[page.source_id].lang,
                    "outlet": short_outlet(data.sources[page.source_id], language),
                    "gist": page.meta["description"],
                    "href": article_url(page.slug),
                }
            )
        # Undated articles go last; the reading guide explains where they belong.
        rows.sort(key=lambda row: (not row["date_iso"], sort_key(row["date_iso"]) if row["date_iso"] else ()))
        return render_macro("articles.html", "table", language, rows=rows)

    return replace_markers(markdown, "articles", {"table": table}, path, required=("table",))
