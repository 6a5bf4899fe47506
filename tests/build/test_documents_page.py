"""The built Documents page and the links to it, with every expectation computed from the data:
one entry and one row per order for each document, its links to the pages that discuss it, and
on the timeline the first mention of each document linked to its entry, once."""

from __future__ import annotations

import re
from collections import Counter

import pytest

from clusterdocs.render.documents_view import ORDERS, document_terms
from clusterdocs.base.languages import CODES, language_of
from clusterdocs.base.paths import ROOT
from clusterdocs.check.sitedata import load_site_data


@pytest.fixture(scope="module")
def data():
    return load_site_data(ROOT)


def _page(site_dir, language: str, path: str) -> str:
    prefix = site_dir if language == "en" else site_dir / language
    return (prefix / path / "index.html").read_text(encoding="utf-8")


@pytest.mark.parametrize("language", CODES)
def test_one_entry_and_one_row_per_order_for_each_document(site_dir, data, language):
    html = _page(site_dir, language, "documents")
    for entry in data.documents:
        assert html.count(f'<section class="cd-doc" id="{entry["id"]}"') == 1, entry["id"]
        assert html.count(f'<a href="#{entry["id"]}"') == len(ORDERS), entry["id"]
        for slug in entry["articles"]:
            assert f'href="../articles/{slug}/"' in html
        for milestone in entry["milestones"]:
            assert f'href="../timeline/#{milestone}"' in html
        for cluster in entry["clusters"]:
            assert f'href="../clusters/#{cluster}"' in html
        assert f"cite/{language}/documents/{entry['id']}.bib" in html
        assert (site_dir / "cite" / language / "documents" / f"{entry['id']}.ris").is_file()
    assert html.count('class="cd-docs__by ') == len(ORDERS)
    assert html.count(" hidden data-search-exclude>") == len(ORDERS) - 1  # only the first order shows without CSS
    for item in data.datasets["documents"]["not_documents"]:
        assert item["written"].replace(" ", "") in html.replace(" ", "")


DOCUMENT_LINK = re.compile(r'<a class="cd-document-link" href="\.\./documents/#([a-z0-9-]+)"')


@pytest.mark.parametrize("language", ["en", "zh", "zh-Hant"])
def test_the_timeline_links_the_first_mention_of_each_document(site_dir, data, language):
    """A document whose title (or English name) a milestone's summary, date note or outside
    citation's note writes is linked from the timeline exactly once; no other document is."""
    terms = document_terms(data, language, "../documents/")
    word = language_of(language).script == "Latin"
    summaries = [
        data.in_language(text, language)
        for milestone in data.milestones
        for text in [
            milestone.data["summary"],
            milestone.data.get("date_note"),
            *[source["external"].get("note") for source in milestone.data["sources"] if "external" in source],
        ]
        if text
    ]
    expected = set()
    for term in terms:
        pattern = rf"(?<![\w-]){re.escape(term.text)}s?(?![\w-])" if word else re.escape(term.text)
        if any(re.search(pattern, summary, re.IGNORECASE if word else 0) for summary in summaries):
            expected.add(term.id)
    linked = Counter(DOCUMENT_LINK.findall(_page(site_dir, language, "timeline")))
    assert expected, "the timeline's summaries name registered documents"
    assert set(linked) == expected
    assert set(linked.values()) == {1}


@pytest.mark.parametrize("language", CODES)
def test_no_page_links_a_document_twice_and_every_link_has_its_entry(site_dir, data, language):
    ids = {entry["id"] for entry in data.documents}
    root = site_dir if language == "en" else site_dir / language
    pages = [root / "timeline", root / "clusters", *sorted((root / "articles").iterdir())]
    total = 0
    for page in pages:
        if not (page / "index.html").is_file():
            continue
        linked = Counter(
            re.findall(
                r'class="cd-document-link" href="[./]*documents/#([a-z0-9-]+)"',
                (page / "index.html").read_text(encoding="utf-8"),
            )
        )
        assert set(linked) <= ids, page
        assert not linked or max(linked.values()) == 1, page
        total += sum(linked.values())
    assert total >= len(ids) // 2
    assert "cd-document-link" not in _page(site_dir, language, "documents")
