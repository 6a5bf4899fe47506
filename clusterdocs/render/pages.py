"""Which page is which, and the one table that says which renderer fills each page's markers.

A page is known by its language and its path inside ``docs/<language>/`` (``PageAddress``).
``markers.page_kind`` tells the kind of page from the path; ``RENDERERS`` maps each kind to its
renderer, and every renderer takes the same arguments: the page's Markdown, the site data, the
language, the page's link helper (clusterdocs/render/links.py) and the page's file for error lines.
A new kind of page is one renderer, one entry here and its markers in clusterdocs/check/markers.py.
``site_charts`` lists the charts of the pages that have any, for their files (clusterdocs/render/chart_files.py).

The rendered HTML does not go through Markdown: ``render_markers`` leaves a placeholder where
each macro's HTML goes (clusterdocs/render/templates.py) and returns the HTML beside the Markdown;
``page_content`` puts it in the page's HTML after conversion, and after sanitising: the
sanitiser sees only what the page's Markdown became, so it can never change the project's own
markup (trusted templates with autoescaping), whatever that markup draws with. Python-Markdown copies raw HTML
blocks through unchanged, so the page is the same, and converting it takes a fraction of the
time (tests/test_rendering.py compares both ways on every page). MkDocs checks links to
anchors against the ids it saw while converting; ``anchor_ids`` gives the ids of the HTML set
aside, for the hook to add.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable
from dataclasses import dataclass

from . import (
    article_view,
    articles_index_view,
    clusters_view,
    corrections_view,
    data_page_view,
    documents_view,
    figures_view,
    glossary_view,
    home_view,
    timeline_view,
)
from .chart_files import Chart
from ..check.corrections import corrections_of
from ..check.html_policy import sanitise
from ..base.languages import LANGUAGES
from .links import PageLinks
from ..check.markers import page_kind
from ..check.sitedata import SiteData
from .templates import fill_slots, html_slots
from .tile_map import map_chart

__all__ = ["RENDERERS", "PageAddress", "anchor_ids", "fill_slots", "page_content", "render_markers", "site_charts"]

Renderer = Callable[[str, SiteData, str, PageLinks, str], str]

RENDERERS: dict[str, Renderer] = {
    "home": home_view.render_page,
    "article": article_view.render_page,
    "articles": articles_index_view.render_page,
    "timeline": timeline_view.render_page,
    "clusters": clusters_view.render_page,
    "documents": documents_view.render_page,
    "figures": figures_view.render_page,
    "glossary": glossary_view.render_page,
    "data": data_page_view.render_page,
    "corrections": corrections_view.render_page,
}


def site_charts(data: SiteData) -> list[Chart]:
    """Every chart of the site, in every language: the figures page's, the map, the overview."""
    return [
        chart
        for language in LANGUAGES
        for chart in [
            *figures_view.charts_of_page(data, language.code),
            map_chart(data, language.code),
            *timeline_view.charts_of_page(data, language.code),
        ]
    ]


@dataclass(frozen=True)
class PageAddress:
    language: str
    path: str  # inside the language's folder: "articles/x.md"

    @classmethod
    def of(cls, src_uri: str) -> PageAddress:
        """``zh/articles/x.md`` (a page's file inside ``docs/``) -> language ``zh``, path ``articles/x.md``."""
        language, _, path = src_uri.partition("/")
        return cls(language, path)

    @property
    def source(self) -> str:
        """The page's file, as problem lines name it: ``docs/zh/articles/x.md``."""
        return f"docs/{self.language}/{self.path}"

    @property
    def kind(self) -> str | None:
        return page_kind(self.path)


def render_markers(markdown: str, data: SiteData, page: PageAddress, links: PageLinks) -> tuple[str, list[str]]:
    """The page's Markdown with its markers replaced, and the HTML its placeholders stand for.

    A page that a correction names (data/corrections.yml) gets a dated note at its end
    (clusterdocs/render/corrections_view.py); a page of no kind and no correction is returned unchanged.
    Pass the converted page and the HTML to ``fill_slots``.
    """
    renderer = RENDERERS.get(page.kind)
    if renderer is None and not corrections_of(data.corrections, page.path, page.language):
        return markdown, []
    with html_slots() as slots:
        body = renderer(markdown, data, page.language, links, page.source) if renderer else markdown
        return body + corrections_view.page_note(data, page.language, page.path, links), slots


def page_content(
    converted: str, rendered: list[str], section_label: str, link_terms: Callable[[str], str] | None = None
) -> str:
    """A page's content HTML, in this order (tests/unit/test_page_content.py holds it to it):

    1. what the page's Markdown became (``converted``, with a placeholder for each rendered
       section) gets its permalinks named (``section_label``) and passes the sanitiser, which
       keeps the placeholders;
    2. the project's rendered sections (``rendered``) go in place of their placeholders;
    3. ``link_terms`` (the glossary's first-use links, which escape what they write) runs over
       the whole page, so the first use of a term is found wherever it is. The sanitiser's
       output writes ``<`` and ``>`` only as tag delimiters, so the links, placed by splitting
       on tags, never land inside an attribute.
    """
    html = fill_slots(sanitise(name_section_links(converted, section_label)), rendered)
    return link_terms(html) if link_terms else html


# The templates quote every attribute with " and autoescape every value, so a tag holds no
# stray ">" and an attribute no stray quote.
_START_TAG = re.compile(r"<([a-zA-Z][a-zA-Z0-9]*)(\s[^>]*)>")
_ANCHOR_ATTRIBUTE = re.compile(r'\s(id|name)="([^"]*)"')


def anchor_ids(rendered: list[str]) -> set[str]:
    """Every ``id`` (and ``name`` of an ``<a>``) in the rendered HTML: what MkDocs records from raw HTML."""
    found = set()
    for fragment in rendered:
        for tag in _START_TAG.finditer(fragment):
            for attribute in _ANCHOR_ATTRIBUTE.finditer(tag[2]):
                if attribute[1] == "id" or tag[1].lower() == "a":
                    found.add(html.unescape(attribute[2]))
    return found


_SECTION_LINK = re.compile(r'<a class="headerlink" href="(#[^"]*)">')


def name_section_links(page_html: str, label: str) -> str:
    """Each heading's permalink (Python-Markdown's ``toc``, written without a ``title``) named by
    ``aria-label`` in the page's language: a name for screen readers, and no tooltip to set up."""
    attribute = html.escape(label, quote=True)
    return _SECTION_LINK.sub(
        lambda match: f'<a class="headerlink" href="{match[1]}" aria-label="{attribute}">', page_html
    )
