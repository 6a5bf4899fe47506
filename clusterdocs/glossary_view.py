"""Render the glossary page: every term in the page's language order, with its definition and sources."""

from __future__ import annotations

from .sitedata import in_language
from .languages import language_of, script_tag
from .links import PageLinks
from .markers import replace_markers
from .sitedata import SiteData
from .templates import render_macro


def render_page(markdown: str, data: SiteData, language: str, links: PageLinks, path: str) -> str:
    """Replace the ``<!-- glossary:terms -->`` marker of ``docs/<language>/glossary.md``."""

    def article_url(source_id: str) -> str:
        return links.to_page(f"articles/{source_id}.md")

    def terms() -> str:
        rows = [
            dict(
                term,
                definition=in_language(term["definition"], language),
                zh_lang=script_tag("Simplified"),
                sources=[
                    {"href": article_url(source_id), "title": data.article_title(language, source_id)}
                    for source_id in term["sources"]
                ],
            )
            for term in sorted(
                data.glossary,
                key=lambda term: term["pinyin"] if language_of(language).is_chinese else term["en"].lower(),
            )
        ]
        return render_macro("reference.html", "glossary", language, terms=rows)

    return replace_markers(markdown, "glossary", {"terms": terms}, path, required=("terms",))
