"""The corrections log, the timeline's notes on the sources and the glossary's variant groups.

The log's entries are shown on the Corrections page, as a dated note on each page they name (in
the languages they name) and in the feeds; a timeline entry's ``source_note`` becomes a collapsed
``<details>`` under its summary; a group of variants reports every form but the one chosen.
Expectations are computed from the data, so a change to the data does not need a change here.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from support import PlainLinks
from markupsafe import Markup

from clusterdocs.check.corrections import LOG_PAGE, corrections_of
from clusterdocs.text.dates import format_date
from clusterdocs.publish.feeds import correction_items
from clusterdocs.base.languages import CODES, LANGUAGES, source_code
from clusterdocs.render.pages import PageAddress, render_markers
from clusterdocs.base.paths import ROOT
from clusterdocs.check.sitedata import load_site_data
from clusterdocs.check.terminology import terminology_problems
from clusterdocs.read.yamlfile import load_yaml

ALL = [language.code for language in LANGUAGES]


@pytest.fixture(scope="module")
def data():
    return load_site_data()


def page_markdown(language: str, page: str) -> str:
    text = (ROOT / "docs" / source_code(language) / page).read_text(encoding="utf-8")
    return text.split("---", 2)[2]


def test_the_log_has_entries_and_each_names_pages_of_the_site(data):
    assert data.corrections, "this round's corrections are the log's first entries"
    for entry in data.corrections:
        for page in entry["pages"]:
            for code in entry.get("languages", CODES):
                assert (ROOT / "docs" / code / page).is_file(), (entry["id"], page, code)


@pytest.mark.parametrize("language", ALL)
def test_each_corrected_page_ends_with_a_dated_note_and_keeps_its_sections(data, language):
    pages = sorted({page for entry in data.corrections for page in entry["pages"]} - {LOG_PAGE})
    for page in pages:
        markdown, slots = render_markers(page_markdown(language, page), data, PageAddress(language, page), PlainLinks())
        # Plain text: Markdown would show an escaped page if the note turned it into markup.
        assert type(markdown) is str and not isinstance(markdown, Markup)
        notes = [html for html in slots if "cd-correction-note" in html]
        expected = corrections_of(data.corrections, page, language)
        if not expected:
            assert notes == [], page
            continue
        assert len(notes) == 1 and markdown.rstrip().endswith(f'<div data-cd-slot="{len(slots) - 1}"></div>'), page
        # One line says when the page was last corrected (and how often); the entries wait behind it.
        summary = str(Markup(notes[0].split("<summary>")[1].split("</summary>")[0]).unescape())
        assert format_date(max(entry["date"] for entry in expected), language) in summary
        assert len(expected) == 1 or str(len(expected)) in summary
        for entry in expected:
            assert format_date(entry["date"], language) in notes[0]
            assert f'href="{LOG_PAGE}#{entry["id"]}"' in notes[0]
            assert data.in_language(entry["what"], language) in str(Markup(notes[0]).unescape())


def test_a_correction_limited_to_one_language_puts_no_note_on_the_other(data):
    limited = [entry for entry in data.corrections if "languages" in entry]
    assert limited, "the log has entries for one language's pages"
    for entry in limited:
        for code in set(CODES) - set(entry["languages"]):
            for page in entry["pages"]:
                assert entry not in corrections_of(data.corrections, page, code)


@pytest.mark.parametrize("language", ALL)
def test_the_corrections_page_lists_every_entry_newest_first(data, language):
    markdown, slots = render_markers(
        page_markdown(language, LOG_PAGE), data, PageAddress(language, LOG_PAGE), PlainLinks()
    )
    log = next(html for html in slots if "cd-corrections" in html)
    ids = re.findall(r'<li class="cd-correction" id="([^"]+)"', log)
    assert sorted(ids) == sorted(entry["id"] for entry in data.corrections)
    dates = [next(entry["date"] for entry in data.corrections if entry["id"] == id_) for id_ in ids]
    assert dates == sorted(dates, reverse=True)
    assert "cd-correction-note" not in "".join(slots), "the log page carries no note about itself"


@pytest.mark.parametrize("language", ALL)
def test_the_feed_has_one_item_per_correction_of_its_language(data, language):
    urls = {(language, LOG_PAGE): "https://example.org/corrections/"}
    items = correction_items(data, urls, language, 0)
    expected = [entry for entry in data.corrections if source_code(language) in entry.get("languages", CODES)]
    assert [item.id for item in items] == [f"https://example.org/corrections/#{entry['id']}" for entry in expected]
    assert all(item.category == "correction" and item.date == entry["date"] for item, entry in zip(items, expected))
    assert correction_items(data, {}, language, 0) == [], "no Corrections page built, no items"


@pytest.mark.parametrize("language", ALL)
def test_a_source_note_is_a_collapsed_details_under_the_summary(data, language):
    _markdown, slots = render_markers(
        page_markdown(language, "timeline.md"), data, PageAddress(language, "timeline.md"), PlainLinks()
    )
    html = "".join(slots)
    with_note = [milestone for milestone in data.milestones if "source_note" in milestone.data]
    assert with_note, "some entries keep their source criticism in a note"
    assert html.count('<details class="cd-entry__source-note">') == len(with_note)
    assert '<details class="cd-entry__source-note" open' not in html
    for milestone in with_note:
        entry = html[html.index(f'id="{milestone.id}"') :]
        summary_end = entry.index("</p>")
        assert entry.index('class="cd-entry__source-note"') > summary_end, "the note follows the summary"


GLOSSARY = """\
variants:
  - zh: 联合主办
    forms: [co-hosted, co-organised, jointly hosted]
terms: []
"""


def _variant_problems(tmp_path: Path, glossary_text: str, strings: list[str]):
    glossary, problems = load_yaml(glossary_text, "data/glossary.yml")
    assert glossary is not None and problems == []
    text = "items:\n" + "".join(f"  - en: {value}\n" for value in strings)
    document, problems = load_yaml(text, "data/example.yml")
    assert document is not None and problems == []
    (tmp_path / "docs" / "en").mkdir(parents=True, exist_ok=True)
    return terminology_problems(glossary, [document], tmp_path / "docs", tmp_path)


def test_without_a_preference_the_form_used_most_wins(tmp_path):
    found = _variant_problems(
        tmp_path, GLOSSARY, ["It was co-organised by A.", "Co-organised by B.", "It was co-hosted by C."]
    )
    assert [(problem.line, problem.field) for problem in found] == [(4, "items[2].en")]
    assert "'co-hosted' and 'co-organised'" in found[0].message


def test_a_preferred_form_wins_even_when_used_less(tmp_path):
    found = _variant_problems(
        tmp_path,
        GLOSSARY.replace("jointly hosted]", "jointly hosted]\n    prefer: jointly hosted"),
        ["It was co-organised by A.", "It was co-hosted by B."],
    )
    assert [problem.field for problem in found] == ["items[0].en", "items[1].en"]


def test_a_preference_must_be_one_of_the_forms(tmp_path):
    found = _variant_problems(tmp_path, GLOSSARY.replace("jointly hosted]", "jointly hosted]\n    prefer: hosted"), [])
    assert [problem.field for problem in found] == ["variants[0].prefer"]


def test_one_form_alone_is_never_reported(tmp_path):
    assert _variant_problems(tmp_path, GLOSSARY, ["Co-organised by A.", "co-organised by B."]) == []
