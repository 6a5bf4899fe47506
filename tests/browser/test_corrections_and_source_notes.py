"""Corrections and notes on the sources, in Chromium at a phone's and a laptop's width.

One load of the timeline and one of the Corrections page per language and size (the loads the
pages' other tests at those sizes share: ``page_measurements``): a timeline entry's note on the
sources starts closed, opens on a click to show its text within the entry's width; the corrected
timeline page ends with the dated note linking to the log; the log lists every entry; neither
page scrolls sideways.
"""

from __future__ import annotations

import functools

import pytest

from clusterdocs.base.languages import language_of
from clusterdocs.check.sitedata import load_site_data
from support import by_page, scroll_kept

pytestmark = pytest.mark.browser

SIZES = {"laptop": (1280, 800), "phone": (360, 740)}
SIDEWAYS = "document.documentElement.scrollWidth <= window.innerWidth"


@functools.cache
def _data():
    return load_site_data()


def _with_note() -> list[str]:
    return [milestone.id for milestone in _data().milestones if "source_note" in milestone.data]


def prefix(language: str) -> str:
    return "" if language_of(language).default else "/" + language_of(language).prefix.rstrip("/")


def _cases(path: str) -> list:
    return [
        pytest.param(language, size, marks=by_page(prefix(language) + path), id=f"{language}-{size}")
        for language in ("en", "zh", "zh-Hant")
        for size in sorted(SIZES)
    ]


def _source_note(page) -> dict:
    """The first entry's note on the sources, closed as loaded, then opened by a click (and
    closed again after, as found)."""
    entry = page.locator(f'[id="{_with_note()[0]}"]')
    first = entry.locator("details.cd-entry__source-note")
    text = first.locator("p")
    found = {"notes": page.locator("details.cd-entry__source-note").count()}
    found["closed"] = (first.evaluate("node => node.open"), text.is_visible())
    with scroll_kept(page):
        first.locator("summary").click()
        found["opened"] = (first.evaluate("node => node.open"), text.is_visible())
        found["entry box"], found["text box"] = entry.bounding_box(), text.bounding_box()
        first.locator("summary").click()
        page.evaluate("() => document.activeElement.blur()")
    return found


TIMELINE = {
    "source note": _source_note,
    "correction notes": lambda page: [
        note.locator("a").first.get_attribute("href") for note in page.locator(".cd-correction-note").all()
    ],
    "fits": lambda page: page.evaluate(SIDEWAYS),
}
CORRECTIONS = {
    "entries": lambda page: page.locator("li.cd-correction").evaluate_all("items => items.map(item => item.id)"),
    "correction notes": lambda page: page.locator(".cd-correction-note").count(),
    "fits": lambda page: page.evaluate(SIDEWAYS),
}


@pytest.mark.parametrize("language, size", _cases("/timeline/"))
def test_a_source_note_opens_within_its_entry_and_the_corrected_page_links_to_the_log(
    page_measurements, site_url, language, size
):
    width, height = SIZES[size]
    measured = page_measurements.measure(
        f"{site_url}{prefix(language)}/timeline/", TIMELINE, width=width, height=height, search=False
    )
    note = measured["source note"]
    assert note["notes"] == len(_with_note())
    assert note["closed"] == (False, False)
    assert note["opened"] == (True, True)
    entry_box, text_box = note["entry box"], note["text box"]
    assert (
        text_box["x"] >= entry_box["x"] - 1
        and text_box["x"] + text_box["width"] <= entry_box["x"] + entry_box["width"] + 1
    )
    (link,) = measured["correction notes"]
    assert "corrections/#" in link
    assert measured["fits"]


@pytest.mark.parametrize("language, size", _cases("/corrections/"))
def test_the_corrections_log_lists_every_entry(page_measurements, site_url, language, size):
    width, height = SIZES[size]
    measured = page_measurements.measure(
        f"{site_url}{prefix(language)}/corrections/", CORRECTIONS, width=width, height=height, search=False
    )
    assert sorted(measured["entries"]) == sorted(entry["id"] for entry in _data().corrections)
    assert measured["correction notes"] == 0
    assert measured["fits"]
