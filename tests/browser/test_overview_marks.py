"""The timeline overview's marks and labels as drawn, in Chromium, on a phone (360×740) and a
laptop (1280×800), in English and Chinese: every milestone of the timeline data has a mark that
is visible inside the chart where the page opens (not scrolled out of its box, not a sliver at
its edge), at its year and in date order along the axis; the years a reader needs to read those
dates are labelled, within the chart and apart; every lane label is drawn at 11 px or more and
no two overlap. Loads are shared with the page's other tests at these sizes (``page_measurements``).
"""

from __future__ import annotations

import calendar

import pytest

from clusterdocs.base.languages import language_of
from clusterdocs.base.paths import ROOT
from clusterdocs.check.sitedata import load_site_data
from support import by_page

pytestmark = pytest.mark.browser

VIEWPORTS = {360: 740, 1280: 800}  # the sizes test_timeline_reader.py loads, so the loads are shared
SMALLEST = 8  # CSS px: the least a mark shows of itself inside the chart, both ways
MILESTONES = load_site_data(ROOT).milestones


def fractional(value: str, end: bool = False) -> float:
    """A date (``2019``, ``2019-08``, ``2019-08-05``) as a fractional year: its start, or with
    ``end`` the end of the period it names (a day is a point)."""
    parts = [int(part) for part in value.split("-")]
    if len(parts) == 1:
        return parts[0] + end
    month = parts[0] + (parts[1] - 1) / 12
    if len(parts) == 2:
        return month + end / 12
    return month + (parts[2] - 1) / 12 / calendar.monthrange(parts[0], parts[1])[1]


def midpoint(milestone) -> float:
    """The middle of the period a milestone's dates name, in fractional years."""
    end = milestone.data.get("end_date") or milestone.date
    return (fractional(milestone.date) + fractional(end, end=True)) / 2


MEASURE = """() => {
  const box = document.querySelector('.cd-overview__scroll').getBoundingClientRect();
  const plot = document.querySelector('svg.cd-overview__svg').getBoundingClientRect();
  const rect = element => { const r = element.getBoundingClientRect();
    return {left: r.left, right: r.right, top: r.top, bottom: r.bottom}; };
  const shown = element => getComputedStyle(element).display !== 'none' && element.getClientRects().length > 0;
  return {
    box: {left: box.left, right: box.right, top: box.top, bottom: box.bottom},
    viewport: innerWidth,
    marks: [...document.querySelectorAll('a.cd-overview__mark')].map(a => ({
      id: a.getAttribute('href').slice(1), shown: shown(a), shape: rect(a.querySelector('.cd-overview__shape'))})),
    years: [...document.querySelectorAll('text.cd-overview__year[data-year]')].map(text => ({
      year: +text.dataset.year, shown: shown(text), box: rect(text),
      centre: plot.left + parseFloat(text.getAttribute('x')) / 100 * plot.width})),
    gridYears: [...document.querySelectorAll('line.cd-overview__grid')].map(line => +line.dataset.year),
    lanes: [...document.querySelectorAll('text.cd-overview__lane-label')].map(text => ({
      text: text.textContent, box: rect(text),
      size: parseFloat(getComputedStyle(text).fontSize) * text.closest('svg').getScreenCTM().a})),
  };
}"""
STEPS = {"overview marks and labels": lambda page: page.evaluate(MEASURE)}


def overlap(a: dict, b: dict) -> bool:
    return a["left"] < b["right"] and b["left"] < a["right"] and a["top"] < b["bottom"] and b["top"] < a["bottom"]


@pytest.mark.parametrize(
    "language, width",
    [
        pytest.param(language, width, marks=by_page(f"/{language_of(language).prefix}timeline/"))
        for language in ["en", "zh"]
        for width in VIEWPORTS
    ],
)
def test_every_milestone_is_a_visible_mark_at_its_date(page_measurements, site_url, language, width):
    measured = page_measurements.measure(
        f"{site_url}/{language_of(language).prefix}timeline/",
        STEPS,
        width=width,
        height=VIEWPORTS[width],
        search=False,
    )["overview marks and labels"]
    box, marks = measured["box"], {mark["id"]: mark for mark in measured["marks"]}
    assert sorted(marks) == sorted(milestone.id for milestone in MILESTONES)

    # Each mark shows at least SMALLEST px of itself both ways inside the chart's box and the window.
    def visible(mark: dict) -> tuple[float, float]:
        shape = mark["shape"]
        across = min(shape["right"], box["right"], measured["viewport"]) - max(shape["left"], box["left"], 0)
        return across, min(shape["bottom"], box["bottom"]) - max(shape["top"], box["top"])

    hidden = {key: visible(mark) for key, mark in marks.items() if not mark["shown"] or min(visible(mark)) < SMALLEST}
    assert hidden == {}

    # Each mark sits at its year: its centre is nearer that year's label than any other year's.
    centres = {year["year"]: year["centre"] for year in measured["years"]}
    assert list(centres) == sorted(centres), "the years on the axis are out of order"
    misplaced = {}
    for milestone in MILESTONES:
        shape = marks[milestone.id]["shape"]
        x = (shape["left"] + shape["right"]) / 2
        nearest = min(abs(x - centre) for centre in centres.values())
        year = int(midpoint(milestone))
        if abs(x - centres[year]) > nearest + 0.5:
            misplaced[milestone.id] = (year, min(centres, key=lambda y: abs(x - centres[y])))
    assert misplaced == {}

    # ... and the marks follow the dates along the axis.
    ordered = sorted(MILESTONES, key=midpoint)
    xs = [(marks[m.id]["shape"]["left"] + marks[m.id]["shape"]["right"]) / 2 for m in ordered]
    assert [m.id for m, x, after in zip(ordered, xs, xs[1:]) if after < x - 0.5] == []

    # The year of every mark can be read: an early year (no grid line) is labelled; a detailed
    # year is labelled or lies between two labelled years. Shown labels are inside the box, apart.
    shown = [year for year in measured["years"] if year["shown"]]
    labelled = {year["year"] for year in shown}
    unreadable = [
        y
        for y in sorted({int(midpoint(m)) for m in MILESTONES})
        if y not in labelled and (y not in measured["gridYears"] or not {y - 1, y + 1} <= labelled)
    ]
    assert unreadable == []
    clipped = [y["year"] for y in shown if y["box"]["left"] < box["left"] - 1 or y["box"]["right"] > box["right"] + 1]
    assert clipped == []
    assert [
        (a["year"], b["year"]) for i, a in enumerate(shown) for b in shown[i + 1 :] if overlap(a["box"], b["box"])
    ] == []

    # Lane labels: 11 px or more, as drawn, and no two boxes overlap.
    lanes = measured["lanes"]
    assert lanes and [lane["text"] for lane in lanes if lane["size"] < 11] == []
    touching = [
        (a["text"], b["text"]) for i, a in enumerate(lanes) for b in lanes[i + 1 :] if overlap(a["box"], b["box"])
    ]
    assert touching == []
