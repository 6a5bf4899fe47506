"""Render the data-driven sections of an article page: citation, figures, quotes, names, milestones.

The citation opens the page as one line (where and when the article appeared, who wrote it, a
link to it), with the full citation and its downloads behind a "Cite" control, so that the
title, abstract and key points come first.
"""

from __future__ import annotations

from pathlib import PurePosixPath

from ..check.articles import ArticlePage
from ..text.dates import format_date
from ..base.languages import counterpart, language_of
from .citations import download_links
from . import outside_mark
from .links import PageLinks
from .publication import publication
from ..check.markers import replace_markers, section
from .templates import render_macro
from .verbatim import shown_lang, simplified
from ..check.sitedata import SiteData
from ..check.sources import Source
from ..check.timeline import Milestone

SECTIONS = ("citation", "figures", "quotes", "entities", "milestones")


def citation_values(source: Source, language: str, data: SiteData) -> dict:
    header = source.header
    return {
        "title_original": header["title_original"],
        "title_translated": data.field_in(header, "title", language),
        "title_other": header[f"title_{counterpart(language).code}"],
        "outlet_original": header["outlet"]["original"],
        "outlet": data.in_language(header["outlet"], language),
        "outlet_note": data.optional_in(header.get("outlet_note"), language),
        "authors": [
            {
                "name": data.in_language(author, language),
                "original": author["original"],
                "affiliation": data.field_in(author, "affiliation", language),
            }
            for author in header["authors"]
        ],
        "authors_note": data.optional_in(header.get("authors_note"), language),
        "author_joints": language_of(language).list_joints(len(header["authors"])),
        "date": format_date(header["date"], language) if header["date"] else None,
        "date_iso": header["date"],
        "date_note": data.field_in(header, "date_note", language),
        "reprint": data.optional_in(header.get("reprint"), language),
        "repost": data.optional_in(header.get("repost"), language),
        "script": header["script"],
        "machine_converted": bool(header.get("converted_from_simplified")),
        "lang": source.lang,
        "url": header["url"],
        "where": publication(source, language, data),
        "author_names": language_of(language).join(
            [data.in_language(author, language) for author in header["authors"]]
        ),
    }


def cite_line(source: Source, page_title: str, page_url: str, language: str, data: SiteData) -> str:
    """A ready-to-copy citation of the summary page, naming the article it summarises."""
    values = citation_values(source, language, data)
    strings = data.ui[language]
    authors = language_of(language).join([author["name"] for author in values["authors"]])
    return strings["cite_article_line"].format(
        site=strings["site_name"],
        title=page_title,
        by=strings["cite_authors"].format(authors=authors) if authors else "",
        original=values["title_original"],
        where=publication(source, language, data),
        date=values["date"] or strings["undated"],
        url=page_url,
    )


def render_page(markdown: str, data: SiteData, language: str, links: PageLinks, path: str) -> str:
    """Replace the ``<!-- article:… -->`` markers of ``docs/<language>/articles/<id>.md``."""
    article = data.article(language, PurePosixPath(path).stem)
    return render_article(
        markdown,
        data,
        article,
        data.sources[article.source_id],
        data.milestones_citing(article.source_id),
        page_title=article.meta["title"],
        page_url=links.permanent,
        timeline_url=links.to_page("timeline.md"),
        clusters_url=links.to_page("clusters.md"),
        path=path,
        cite_links=download_links(language, "articles", article.slug, links.to_file, data.ui[language]),
    )


def render_article(
    markdown: str,
    site: SiteData,
    page: ArticlePage,
    source: Source,
    milestones: list[Milestone],
    page_title: str,
    page_url: str,
    timeline_url: str,
    clusters_url: str,
    path: str,
    cite_links: list[dict] | None = None,
) -> str:
    """``cite_links`` (clusterdocs/render/citations.download_links), if given, follow the citation line
    inside the page's "Cite" box."""
    language = page.language
    strings = site.ui[language]
    data = page.data
    quotes = [dict(quote, simplified=simplified(source, quote["original"], language)) for quote in data["quotes"]]

    def citation() -> str:
        return render_macro(
            "article.html",
            "citation",
            language,
            strings,
            c=citation_values(source, language, site),
            cite=cite_line(source, page_title, page_url, language, site),
            links=cite_links or (),
        )

    def figures() -> str:
        rows = [
            dict(
                figure,
                shown_value=simplified(source, figure["value"], language) or figure["value"],
                value_lang=shown_lang(source, language),
                source_lang=source.lang,
                source_simplified=simplified(source, figure["source_text"], language),
            )
            for figure in data["figures"]
        ]
        html = render_macro("article.html", "figures", language, strings, figures=rows)
        return section(strings["key_figures"], "key-figures", html)

    def quotes_section() -> str:
        html = render_macro(
            "article.html",
            "quotes",
            language,
            strings,
            quotes=quotes,
            script_note=source.script_note_for(language),
            source_lang=source.lang,
        )
        return section(strings["quotes"], "quotes", html)

    def entities() -> str:
        html = render_macro(
            "article.html", "entities", language, strings, entities=data["entities"], clusters_url=clusters_url
        )
        return section(strings["names"], "names", html)

    def milestones_section() -> str:
        items = [
            {
                "id": milestone.id,
                "date": milestone.display_date(language, strings),
                "title": site.in_language(milestone.data["title"], language),
                "href": f"{timeline_url}#{milestone.id}",
                "outside": outside_mark.mark(milestone, language, site),
            }
            for milestone in milestones
        ]
        html = render_macro("article.html", "milestones", language, strings, milestones=items)
        return section(strings["milestones"], "milestones", html)

    renderers = {
        "citation": citation,
        "figures": figures,
        "quotes": quotes_section,
        "entities": entities,
        "milestones": milestones_section,
    }
    return replace_markers(markdown, "article", renderers, path, required=SECTIONS)
