"""`mkdocs serve` only: a rebuild reuses the search entries of every page whose HTML is unchanged.

Material's search plugin parses each page's HTML into sections and segments the Chinese text
with jieba: the largest part of a rebuild, and nearly all of it the same work as the previous
rebuild's, since an edit changes a few pages. Each page's entries are remembered under
everything they are made from (address, title, HTML, table of contents, front matter, and the
jieba dictionaries), so a reused entry is the one the plugin would make; the served index is
the built one. Only the entries of the latest build are kept, so memory follows the site.

A plain ``mkdocs build`` indexes every page once, and this hook does nothing there.
"""

from __future__ import annotations

import copy
import os
import weakref

from material.plugins.search.plugin import SearchIndex
from _shared import search_plugin
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.pages import Page

from clusterdocs.publish.search_words import loaded_user_dictionary

_serving = False
# Entries by what they are made from: those of the previous rebuild, and those of this one.
_previous: dict[tuple, list[dict]] = {}
_current: dict[tuple, list[dict]] = {}
_indexing_for: weakref.ref | None = None  # the configuration of the rebuild being indexed


def on_startup(*, command: str, dirty: bool) -> None:
    global _serving
    _serving = command == "serve"


def on_shutdown() -> None:
    global _serving, _previous, _current, _indexing_for
    _serving, _previous, _current, _indexing_for = False, {}, {}, None


@event_priority(-100)  # after the search plugin's own on_config, which makes a new index
def on_config(config: MkDocsConfig) -> MkDocsConfig:
    global _previous, _current, _indexing_for
    search = search_plugin(config)
    index = getattr(search, "search_index", None)
    if not _serving or type(index) is not SearchIndex:
        return config
    # Each rebuild loads a new configuration; mkdocs-static-i18n builds every language on it.
    if _indexing_for is None or _indexing_for() is not config:
        _previous, _current, _indexing_for = _current, {}, weakref.ref(config)
    search.search_index = RememberingSearchIndex(**index.config)
    return config


class RememberingSearchIndex(SearchIndex):
    """Material's index, reusing a page's entries when everything they are made from is unchanged."""

    def add_entry_from_context(self, page: Page) -> None:
        key = _entry_key(page, self.config)
        remembered = _current.get(key, _previous.get(key))
        if remembered is None:
            start = len(self.entries)
            super().add_entry_from_context(page)
            remembered = copy.deepcopy(self.entries[start:])
        else:
            self.entries.extend(copy.deepcopy(remembered))
        _current[key] = remembered


def _entry_key(page: Page, config: dict) -> tuple:
    jieba_dict = config.get("jieba_dict")
    dictionaries = (
        (jieba_dict, os.stat(jieba_dict).st_mtime_ns if jieba_dict and os.path.isfile(jieba_dict) else None),
        loaded_user_dictionary(),
    )
    meta = {name: page.meta.get(name) for name in ("search", "tags", "title")}
    return (page.url, page.title, page.content, _toc_key(page.toc), repr(meta), dictionaries)


def _toc_key(items) -> tuple:
    return tuple((item.id, item.url, item.title, _toc_key(item.children)) for item in items)
