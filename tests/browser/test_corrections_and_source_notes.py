"""Corrections and notes on the sources, in Chromium at a phone's and a laptop's width.

One load of the timeline and one of the Corrections page per language and size: a timeline
entry's note on the sources starts closed, opens on a click to show its text within the
entry's width; the corrected timeline page ends with the dated note linking to the log; the
log lists every entry; neither page scrolls sideways.
"""

from __future__ import annotations

import pytest

from clusterdocs.base.languages import language_of
from clusterdocs.check.sitedata import load_site_data

pytestmark = pytest.mark.browser

SIZES = {"laptop": (1280, 800), "phone": (360, 740)}


@pytest.mark.parametrize("size", sorted(SIZES))
@pytest.mark.parametrize("language", ["en", "zh", "zh-Hant"])
def test_source_notes_and_the_corrections_log_read_well(browser, site_url, language, size):
    data = load_site_data()
    with_note = [milestone.id for milestone in data.milestones if "source_note" in milestone.data]
    width, height = SIZES[size]
    context = browser.new_context(viewport={"width": width, "height": height})
    page = context.new_page()
    prefix = "" if language_of(language).default else "/" + language_of(language).prefix.rstrip("/")

    page.goto(f"{site_url}{prefix}/timeline/")
    notes = page.locator("details.cd-entry__source-note")
    assert notes.count() == len(with_note)
    first = page.locator(f'[id="{with_note[0]}"] details.cd-entry__source-note')
    text = first.locator("p")
    assert not first.evaluate("node => node.open") and not text.is_visible()
    first.locator("summary").click()
    assert first.evaluate("node => node.open") and text.is_visible()
    entry_box = page.locator(f'[id="{with_note[0]}"]').bounding_box()
    text_box = text.bounding_box()
    assert (
        text_box["x"] >= entry_box["x"] - 1
        and text_box["x"] + text_box["width"] <= entry_box["x"] + entry_box["width"] + 1
    )
    note = page.locator(".cd-correction-note")
    assert note.count() == 1 and "corrections/#" in note.locator("a").first.get_attribute("href")
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")

    page.goto(f"{site_url}{prefix}/corrections/")
    ids = page.locator("li.cd-correction").evaluate_all("items => items.map(item => item.id)")
    assert sorted(ids) == sorted(entry["id"] for entry in data.corrections)
    assert page.locator(".cd-correction-note").count() == 0
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    context.close()
