"""Which page is which, and the one table that says which renderer fills each page's markers.

A page is known by its language and its path inside ``docs/<language>/`` (``PageAddress``).
``markers.page_kind`` tells the kind of page from the path; ``RENDERERS`` maps each kind to its
renderer, and every renderer takes the same arguments: the page's Markdown, the site data, the
language, the page's link helper (clusterdocs/links.py) and the page's file for error lines.
A new kind of page is one renderer, one entry here and its markers in clusterdocs/markers.py.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from . import (
    article_view,
    articles_index_view,
    clusters_view,
    data_page_view,
    figures_view,
    glossary_view,
    timeline_view,
)
from .links import PageLinks
from .markers import page_kind
from .sitedata import SiteData

Renderer = Callable[[str, SiteData, str, PageLinks, str], str]

RENDERERS: dict[str, Renderer] = {
    "article": article_view.render_page,
    "articles": articles_index_view.render_page,
    "timeline": timeline_view.render_page,
    "clusters": clusters_view.render_page,
    "figures": figures_view.render_page,
    "glossary": glossary_view.render_page,
    "data": data_page_view.render_page,
}


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


def render_markers(markdown: str, data: SiteData, page: PageAddress, links: PageLinks) -> str:
    """The page's Markdown with its markers replaced; a page of no kind is returned unchanged."""
    renderer = RENDERERS.get(page.kind)
    return markdown if renderer is None else renderer(markdown, data, page.language, links, page.source)
