"""Each language's search index, written when that language's build ends.

mkdocs-static-i18n would keep every language's search entries and have Material's search write
them all as one index after the last language (clusterdocs/publish/search_index.py says why that is
avoided). This hook runs after Material's search has indexed the language's pages and before
i18n collects them: it writes the language's own index and leaves i18n nothing to collect.
hooks/post_build.py puts the indexes in place once the last language is built. ``--dirty`` is
refused: Material would merge one language's entries into the next language's index.

Each index also gets what the site's search worker (``docs/en/assets/javascripts/workers/search.cjk.js``,
which loads Material's) needs: entries without "¶" and one per glossary term, the table that folds
Traditional characters to Simplified, and the file name of Material's worker
(clusterdocs/publish/search_entries.py).
"""

from __future__ import annotations

from pathlib import Path

from _shared import search_plugin
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

from clusterdocs.base.languages import language_of
from clusterdocs.publish.search_entries import Item, definition_items, fold_table, page_entries
from clusterdocs.publish.search_index import stage_language_index

# What Material's search writes in an index's "config" (SearchIndex.generate_search_index).
INDEX_SETTINGS = ("lang", "separator", "pipeline", "fields")

# The items of the definition lists of the pages built so far in this language, by page address.
_items: dict[str, list[Item]] = {}


def on_startup(*, command: str, dirty: bool) -> None:
    if dirty:
        raise PluginError(
            "--dirty is not supported: mkdocs-static-i18n builds every language on one search plugin, "
            "and Material's dirty merge would mix the languages' search indexes; run without --dirty "
            "(`make serve` does)"
        )


def on_page_context(context, *, page, config, nav):
    items = definition_items(page.content or "")
    if items:
        _items[page.url] = items
    else:
        _items.pop(page.url, None)
    return context


def material_worker(config: MkDocsConfig) -> str:
    """The file name of Material's search worker, which the site's worker loads."""
    for folder in config.theme.dirs:
        found = sorted((Path(folder) / "assets" / "javascripts" / "workers").glob("search.*.min.js"))
        if found:
            return found[0].name
    raise PluginError("Material's search worker (assets/javascripts/workers/search.*.min.js) is not in the theme")


@event_priority(-50)  # after Material's search (0), before mkdocs-static-i18n collects the entries (-100)
def on_post_build(*, config: MkDocsConfig) -> None:
    search = search_plugin(config)
    index = getattr(search, "search_index", None)
    if index is None:
        return
    settings = {name: index.config[name] for name in INDEX_SETTINGS}
    entries = page_entries(index.entries, _items)
    _items.clear()
    settings["worker"] = material_worker(config)
    settings["fold"] = fold_table(text for entry in entries for text in (entry["title"], entry["text"]))
    stage_language_index(Path(config.site_dir), language_of(config.theme["language"]), settings, entries)
    # A new, empty index rather than emptying this one, which Material may still hold on to.
    search.search_index = type(index)(**index.config)
