"""The documents register: completeness against the sources, the page's filters and orders, the
titles that link to it, and linear time on adversarial input."""

from __future__ import annotations

import re
import time

import pytest
from support import ROOT

from clusterdocs.check.documents import MARKED_TITLE, marked_titles
from clusterdocs.render.documents_view import MAX_FACET, document_terms, facets, orders
from clusterdocs.base.languages import CODES, language_of
from clusterdocs.check.sitedata import load_site_data
from clusterdocs.check.sources import load_sources


@pytest.fixture(scope="module")
def data():
    return load_site_data(ROOT)


def _scan(body: str) -> list[str]:
    """The marked titles of ``body``, found with plain string search (the pattern's reference)."""
    found = []
    for opening, closing in (("《", "》"), ("「", "」")):
        start = body.find(opening)
        while start != -1:
            end = body.find(closing, start + 1)
            if end == -1:
                break
            inner = body[start + 1 : end]
            if opening not in inner and "\n" not in inner:
                found.append((start, inner))
            start = body.find(opening, start + 1)
    return [inner for _, inner in sorted(found)]


def test_every_marked_title_in_the_sources_is_registered_or_excused(data):
    sources, _problems = load_sources(ROOT)  # with their bodies: the loaded site data has released them
    register = data.datasets["documents"]
    covered = {(entry["title"]["source"], entry["title"]["written"]) for entry in register["documents"]}
    covered |= {
        (short["source"], short["written"]) for entry in register["documents"] for short in entry.get("short_forms", [])
    }
    covered |= {
        (passage["source"], entry["title"]["written"])
        for entry in register["documents"]
        for passage in entry["passages"]
    }
    covered |= {(item["source"], item["written"]) for item in register["not_documents"]}
    titles = [(source_id, title) for source_id, source in sources.items() for title in _scan(source.body)]
    assert titles, "the sources name documents in title marks"
    assert [(source_id, title) for source_id, title in titles if (source_id, title) not in covered] == []
    for source in sources.values():
        assert [title for title, _marks in marked_titles(source.body)] == _scan(source.body)


def test_the_register_covers_the_documents_the_issue_names(data):
    """The documents the sources name in title marks, by kind of issuer: every level but municipal has one."""
    levels = {entry["level"] for entry in data.documents}
    assert levels >= {"national", "ministerial", "provincial", "cross-province"}
    for entry in data.documents:
        assert entry["passages"], entry["id"]


def test_marked_titles_take_linear_time():
    for opener in ("《", "「", "《「", "《》"):
        text = opener * 400_000
        start = time.perf_counter()
        MARKED_TITLE.findall(text)
        assert time.perf_counter() - start < 1.0, opener


def test_the_stylesheet_filters_every_position_the_page_can_use(data):
    css = (ROOT / "docs/en/assets/reader.css").read_text(encoding="utf-8")
    for group in "lky":
        for position in range(1, MAX_FACET + 1):
            rule = f".cd-docs:has(.cd-docs__{group}{position}:checked) .cd-docs__row:not(.cd-doc--{group}{position})"
            assert rule in css, rule
    for language in CODES:
        groups = facets(
            [_row(entry) for entry in data.documents], data, language, data.ui[language]["documents_undated"]
        )
        assert all(len(values) <= MAX_FACET for values in groups.values())
        assert sum(facet["count"] for facet in groups["year"]) == len(data.documents)


def _row(entry: dict) -> dict:
    return {"id": entry["id"], "level": entry["level"], "kind": entry["kind"], "year": (entry.get("date") or "")[:4]}


def test_each_order_holds_every_document_once(data):
    rows = [_row(entry) for entry in data.documents]
    groups = facets(rows, data, "en", "No date")
    ordered = orders(rows, groups)
    for order, shown in ordered.items():
        assert sorted(row["id"] for row in shown) == sorted(entry["id"] for entry in data.documents), order
    dated = [row["id"] for row in ordered["oldest"] if row["year"]]
    assert [row["id"] for row in ordered["newest"]][: len(dated)] == dated[::-1]
    levels = [facet["key"] for facet in groups["level"]]
    assert [levels.index(row["level"]) for row in ordered["level"]] == sorted(
        levels.index(row["level"]) for row in rows
    )


@pytest.mark.parametrize("language", CODES)
def test_every_document_is_linked_by_its_title_in_each_language(data, language):
    terms = document_terms(data, language, "../documents/")
    by_id: dict[str, set[str]] = {}
    for term in terms:
        by_id.setdefault(term.id, set()).add(term.text)
        assert term.href == f"../documents/#{term.id}"
    for entry in data.documents:
        expected = data.text_in(entry["title_zh"], language) if language_of(language).is_chinese else entry["title_en"]
        assert re.sub(r"\s+", " ", expected) in by_id[entry["id"]]
