"""A MkDocs hook for the benchmark only: writes every page as the project's hooks render it.

scripts/benchmark.py adds this hook to one untimed build of each corpus, with
``PRERENDERED_DOCS`` naming a folder. Each page is written there with its markers already
rendered (the rendered sections inlined as HTML blocks, as in tests/unit/test_rendering.py) and
its front matter unchanged. Building that folder with the hooks removed gives the "no hooks"
baseline: the same pages with the same content, so the difference from the real build is what
the hooks themselves cost, not the content they add. Never part of the site's own build.
"""

from __future__ import annotations

import os
from pathlib import Path

from _shared import MkDocsPageLinks, site_data  # loaded after the project's hooks, which import it
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from clusterdocs.render.pages import render_markers
from clusterdocs.render.templates import fill_slots
from clusterdocs.read.yamlfile import split_front_matter


@event_priority(100)  # before hooks/pages.py fills the markers: this sees the page's own Markdown
def on_page_markdown(markdown: str, /, *, page: Page, config: MkDocsConfig, files: Files) -> None:
    links = MkDocsPageLinks(page, files, config)
    rendered, slots = render_markers(markdown, site_data(config), links.address, links)
    header, _body, _offset = split_front_matter(page.file.content_string)
    target = Path(os.environ["PRERENDERED_DOCS"], page.file.src_uri)
    target.parent.mkdir(parents=True, exist_ok=True)
    front_matter = f"---\n{header}---\n" if header is not None else ""
    target.write_text(front_matter + fill_slots(rendered, slots), encoding="utf-8")
