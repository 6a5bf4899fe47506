"""A page's "last updated" date is the newest of its file, the files it renders and the corrections
it shows, each no more precise than it is given (clusterdocs/publish/page_dates.py). Expectations
are computed from the repository's data."""

from __future__ import annotations

import datetime

import pytest

from clusterdocs.base.languages import LANGUAGES
from clusterdocs.check.datasets import DATASETS
from clusterdocs.check.markers import MARKERS
from clusterdocs.check.sitedata import load_site_data
from clusterdocs.publish.page_dates import (
    ARTICLES,
    INPUTS,
    SOURCES,
    TIMELINE,
    Updated,
    last_updated,
    latest,
    page_inputs,
    shown_corrections,
)
from clusterdocs.render.pages import PageAddress
from support import ROOT

EPOCH = Updated.at(0)  # a page file older than anything else


@pytest.fixture(scope="module")
def data():
    return load_site_data(ROOT)


def test_a_later_day_wins_and_on_one_day_the_commit_time_is_kept():
    evening = Updated.at(int(datetime.datetime(2026, 12, 6, 23, 0, tzinfo=datetime.timezone.utc).timestamp()))
    next_day = Updated.on("2026-12-07")
    same_day = Updated.on("2026-12-06")
    assert latest([evening, next_day]) == next_day and next_day.seconds is None
    assert latest([same_day, evening]) == evening and latest([evening, same_day]) == evening
    assert latest([Updated.at(evening.seconds - 60), evening]) == evening
    assert evening.day == datetime.date(2026, 12, 6)


def test_every_page_kind_says_what_it_renders_and_names_real_files():
    assert set(INPUTS) == set(MARKERS)
    for names in INPUTS.values():
        for name in names:
            assert name in (TIMELINE, SOURCES, ARTICLES) or (
                name in DATASETS and (ROOT / "data" / f"{name}.yml").exists()
            )


def test_a_page_with_corrections_is_dated_no_earlier_than_its_newest_note(data):
    dated = 0
    for entry in data.corrections:
        for page in entry["pages"]:
            for language in LANGUAGES:
                address = PageAddress(language.code, page)
                days = [item["date"] for item in shown_corrections(data, address)]
                if not days:
                    continue
                dated += 1
                chosen = last_updated(EPOCH, data, address, {})
                assert chosen == Updated.on(max(days)), (language.code, page)
                assert chosen.seconds is None  # a day, never a made-up time of day
    assert dated


def test_the_corrections_page_shows_every_entry_and_its_file(data):
    for language in LANGUAGES:
        address = PageAddress(language.code, "corrections.md")
        assert last_updated(EPOCH, data, address, {}) == Updated.on(max(entry["date"] for entry in data.corrections))
        assert page_inputs(data, address) == ["data/corrections.yml"]


def test_a_newer_change_of_a_rendered_file_moves_the_date_and_others_do_not(data):
    future = int(datetime.datetime(2100, 1, 1, tzinfo=datetime.timezone.utc).timestamp())
    for language in LANGUAGES:
        address = PageAddress(language.code, "timeline.md")
        inputs = page_inputs(data, address)
        assert {milestone.path for milestone in data.milestones} <= set(inputs)
        assert last_updated(EPOCH, data, address, {inputs[0]: future}) == Updated.at(future)
        assert last_updated(EPOCH, data, address, {"data/ui.yml": future, "docs/en/about.md": future}).day.year < 2100


def test_an_article_page_renders_its_source_and_the_entries_citing_it(data):
    for article in data.articles:
        for language in LANGUAGES:
            address = PageAddress(language.code, f"articles/{article.slug}.md")
            citing = {milestone.path for milestone in data.milestones if article.source_id in milestone.articles}
            assert set(page_inputs(data, address)) == {data.sources[article.source_id].path} | citing
