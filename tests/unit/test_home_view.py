"""The home page's opening (clusterdocs/render/home_view.py): counts, years and bases as the data gives
them, the media's sum only as outside reporting gives it, and the newest events first."""

from __future__ import annotations

import dataclasses
import re

import pytest
from support import PlainLinks

from clusterdocs.text.dates import format_date, sort_key
from clusterdocs.render.home_view import LATEST, MEDIA_SUM, STEPS, policy_steps, render_page
from clusterdocs.check.markers import MARKERS, page_kind
from clusterdocs.text.numbers import occurs_in
from clusterdocs.base.paths import ROOT
from clusterdocs.base.problems import DataError
from clusterdocs.check.sitedata import load_site_data
from clusterdocs.render.templates import html_slots
from clusterdocs.read.yamlfile import split_front_matter

LANGUAGES = ("en", "zh", "zh-Hant")


@pytest.fixture(scope="module")
def data():
    return load_site_data(ROOT)


def _steps(data, language):
    milestones = {milestone.id: milestone for milestone in data.milestones}
    return policy_steps(data, milestones, language, PlainLinks(), f"docs/{language}/index.md")


def _rendered(data, language: str, markdown: str | None = None) -> str:
    """The home page's Markdown with its markers rendered, the macros' HTML put back in place."""
    if markdown is None:
        source = "zh" if language == "zh-Hant" else language
        markdown = split_front_matter((ROOT / "docs" / source / "index.md").read_text(encoding="utf-8"))[1]
    with html_slots() as slots:
        page = render_page(markdown, data, language, PlainLinks(), f"docs/{language}/index.md")
    for index, html in enumerate(slots):
        page = page.replace(f'<div data-cd-slot="{index}"></div>', html)
    return page


def test_the_home_page_is_a_page_kind_with_its_markers():
    assert page_kind("index.md") == "home"
    assert page_kind("articles/index.md") == "articles"
    assert set(MARKERS["home"]) == {"numbers", "latest"}
    for language in ("en", "zh"):
        text = (ROOT / "docs" / language / "index.md").read_text(encoding="utf-8")
        assert text.index("<!-- home:numbers -->") < text.index("<!-- home:latest -->") < text.index("\n## ")


@pytest.mark.parametrize("language", LANGUAGES)
def test_each_count_year_and_basis_is_the_one_the_data_gives(data, language):
    figures = {figure["id"]: figure for figure in data.figures["headline"]}
    milestones = {milestone.id: milestone for milestone in data.milestones}
    steps = _steps(data, language)
    assert len(steps) == len(STEPS) + 1
    for step, shown in zip(STEPS, steps):
        figure, first = figures[step.figure], milestones[step.milestones[0]]
        assert shown["count"] == figure["value"]
        assert shown["count_basis"] == figure["basis"]
        if figure["year"]:  # the year as the figure states it
            assert (shown["when"], shown["when_basis"]) == (figure["year"], figure["basis"])
        else:  # no year in the source: the month of the entry that dates it, with that entry's basis
            assert shown["when"] == format_date(first.date[:7], language)
            assert shown["when_basis"] == first.date_basis
        assert shown["href"] == f"figures.md#{figure['id']}"
        assert [entry["href"] for entry in shown["entries"]] == [f"timeline.md#{entry}" for entry in step.milestones]
        assert not shown["media"]


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_media_sum_is_shown_only_as_outside_reporting_gives_it(data, language):
    entry = next(milestone for milestone in data.milestones if milestone.id == MEDIA_SUM)
    base = _steps(data, language)[len(STEPS) - 1]
    media = _steps(data, language)[-1]
    total = int(base["count"]) + int(media["count"])
    assert media["media"] and media["count_basis"] == "media"
    assert not entry.from_sources, "the later round rests on outside reporting alone"
    assert occurs_in(media["count"], entry.data["title"]["en"])  # the card shows the round's own count
    assert occurs_in(str(total), entry.data["summary"]["en"])  # the entry reports the media's sum
    assert str(total) in media["caption"] and base["count"] in media["caption"]  # named as the media's
    assert media["when"] == format_date(entry.date[:7], language) and media["when_basis"] == entry.date_basis
    html = _rendered(data, language)
    step = re.search(r'<li class="cd-step cd-step--media">.*?</li>', html, flags=re.DOTALL)[0]
    assert data.ui[language]["home_basis_media"] in step
    assert f">{media['count']}</a>" in step and f"timeline.md#{MEDIA_SUM}" in step


def test_a_sum_the_entry_does_not_report_is_refused(data):
    def changed(**fields) -> object:
        milestones = [
            dataclasses.replace(milestone, data=dict(milestone.data, **fields))
            if milestone.id == MEDIA_SUM
            else milestone
            for milestone in data.milestones
        ]
        return dataclasses.replace(data, milestones=milestones)

    summary = dict(next(m for m in data.milestones if m.id == MEDIA_SUM).data["summary"])
    without_sum = dict(summary, en=re.sub(r"\d+ national clusters \([^)]*\)", "a total", summary["en"]))
    assert without_sum["en"] != summary["en"]
    with pytest.raises(DataError, match="must report the media's total"):
        _steps(changed(summary=without_sum), "en")
    with pytest.raises(DataError, match="one count besides its year"):
        _steps(changed(title={"en": "A later competition round", "zh": "此后一轮竞赛"}), "en")
    figures = dict(data.figures, headline=[f for f in data.figures["headline"] if f["id"] != STEPS[0].figure])
    with pytest.raises(DataError, match=f"figure {STEPS[0].figure} is gone"):
        _steps(dataclasses.replace(data, datasets=dict(data.datasets, figures=figures)), "en")


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_counts_open_the_page_and_link_to_their_explanations(data, language):
    html = _rendered(data, language)
    numbers = html.index('class="cd-numbers"')
    assert numbers < html.index("## ")  # before any section of prose
    for step in _steps(data, language):
        assert f'<a href="{step["href"]}">{step["count"]}</a>' in html
    assert 'href="articles/index.md#cluster-counts"' in html and 'href="figures.md#numbers-explained"' in html


@pytest.mark.parametrize("language", LANGUAGES)
def test_latest_milestones_are_the_newest_events_first(data, language):
    events = [milestone for milestone in data.milestones if milestone.kind == "event"]
    newest = sorted(events, key=lambda milestone: (sort_key(milestone.date), milestone.id), reverse=True)[:LATEST]
    latest = _rendered(data, language).split('class="cd-latest"', 1)[1].split("</ul>", 1)[0]
    assert re.findall(r'href="timeline\.md#([^"]+)"', latest) == [milestone.id for milestone in newest]
    outside = [milestone for milestone in newest if not milestone.from_sources]
    assert latest.count(data.ui[language]["outside_badge"]) == len(outside)
    assert "## " + data.ui[language]["home_latest"] + " { #latest }" in _rendered(data, language)
