"""`mkdocs serve` rebuilds reuse the search entries of unchanged pages (hooks/serve_search_entries.py),
and only those: any change to what an entry is made from indexes the page again."""

from __future__ import annotations

import sys
from types import SimpleNamespace

import pytest
from material.plugins.search.plugin import SearchIndex
from mkdocs.config import load_config
from support import ROOT

HTML = "<h1 id='t'>Timeline</h1><p>先进制造业集群 milestones</p>"


def _hook_module():
    load_config(str(ROOT / "mkdocs.yml"))  # loads the hooks, as MkDocs does
    return sys.modules["hooks/serve_search_entries.py"]


@pytest.fixture
def serving():
    module = _hook_module()
    module.on_startup(command="serve", dirty=False)
    yield module
    module.on_shutdown()


@pytest.fixture
def parses(monkeypatch) -> list[str]:
    """The pages Material's own indexing parsed, in order."""
    calls = []
    original = SearchIndex.add_entry_from_context

    def counted(self, page):
        calls.append(page.url)
        original(self, page)

    monkeypatch.setattr(SearchIndex, "add_entry_from_context", counted)
    return calls


def _page(content: str = HTML) -> SimpleNamespace:
    return SimpleNamespace(url="timeline/", title="Timeline", content=content, toc=[], meta={})


def _index(module) -> SearchIndex:
    return module.RememberingSearchIndex(lang=["en"], separator=r"\s+", pipeline=[], fields={})


def test_an_unchanged_page_gets_the_same_entries_without_being_parsed_again(serving, parses):
    first, second = _index(serving), _index(serving)
    first.add_entry_from_context(_page())
    second.add_entry_from_context(_page())
    assert parses == ["timeline/"]
    assert second.entries == first.entries and first.entries
    assert second.entries[0] is not first.entries[0]  # copies: one index cannot change the other's


@pytest.mark.parametrize(
    "change",
    [
        lambda page, module: setattr(page, "content", HTML.replace("milestones", "events")),
        lambda page, module: setattr(page, "title", "Policy timeline"),
        lambda page, module: page.meta.update(search={"boost": 2}),
        lambda page, module: setattr(module, "loaded_user_dictionary", lambda: ("userdict-2.txt", 2, 2)),
    ],
    ids=["content", "title", "front matter", "jieba user dictionary"],
)
def test_any_change_to_what_entries_are_made_from_indexes_the_page_again(serving, parses, monkeypatch, change):
    monkeypatch.setattr(serving, "loaded_user_dictionary", lambda: ("userdict-1.txt", 1, 1))
    _index(serving).add_entry_from_context(_page())
    page = _page()
    change(page, serving)
    _index(serving).add_entry_from_context(page)
    assert parses == ["timeline/", "timeline/"]


def test_a_plain_build_keeps_materials_own_index():
    config = load_config(str(ROOT / "mkdocs.yml"))
    module = sys.modules["hooks/serve_search_entries.py"]
    module.on_startup(command="build", dirty=False)
    search = config.plugins["material/search"]
    search.on_config(config)
    module.on_config(config)
    assert type(search.search_index) is SearchIndex
