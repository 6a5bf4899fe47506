"""The clusters page's tile map and the glossary's index in Chromium, at a phone and a laptop
width in every language: one load of each page per language and width serves every check (the
load the page's other tests at that size share: ``page_measurements``)."""

from __future__ import annotations

import pytest

from clusterdocs.render.glossary_view import ordered_terms
from clusterdocs.base.languages import language_of
from clusterdocs.check.sitedata import load_site_data
from clusterdocs.check.divisions import winners_by_division
from clusterdocs.render.tile_map import listed_by_division
from support import by_page, scroll_kept

pytestmark = pytest.mark.browser

VIEWPORTS = {360: 740, 1280: 800}
COMBINATIONS = [(language, width) for language in ("en", "zh", "zh-Hant") for width in VIEWPORTS]

# Every tile as shown: its division, its box, and the numbers that are visible in it.
TILES = """() => [...document.querySelectorAll('.cd-map__tile')].map(tile => {
  const box = tile.getBoundingClientRect();
  const shown = [...tile.querySelectorAll('.cd-map__value')].filter(value => value.getClientRects().length);
  return {key: tile.dataset.division, link: tile.tagName === 'A', width: box.width, height: box.height,
          numbers: shown.map(value => value.textContent.trim()),
          sizes: shown.map(value => parseFloat(getComputedStyle(value).fontSize)),
          heights: shown.map(value => value.getBoundingClientRect().height)};
})"""
LEGEND = """() => [...document.querySelectorAll('.cd-map__legend')].filter(legend => legend.getClientRects().length)
  .map(legend => [...legend.querySelectorAll('.cd-map__key')].map(key => key.textContent.trim()))"""
SIDEWAYS = "() => document.documentElement.scrollWidth - document.documentElement.clientWidth"
GLOSSARY = """() => ({
  index: [...document.querySelectorAll('.cd-glossary__index a')].map(link => {
    const target = document.getElementById(link.getAttribute('href').slice(1));
    const group = target && target.closest('.cd-glossary__group');
    const box = link.getBoundingClientRect();
    return {letter: link.textContent.trim(), exists: Boolean(target),
            first: Boolean(group) && group.querySelector('.cd-glossary__heading') === target,
            groupLetter: group ? group.querySelector('.cd-glossary__letter').textContent.trim() : null,
            width: box.width, height: box.height};
  }),
  empty: [...document.querySelectorAll('.cd-glossary__empty')].map(span => span.textContent.trim()),
  groups: [...document.querySelectorAll('.cd-glossary__letter')].map(p => p.textContent.trim()),
  terms: [...document.querySelectorAll('.cd-glossary__heading')].map(heading => heading.id),
})"""


def prefix(language: str) -> str:
    return "" if language_of(language).default else "/" + language_of(language).prefix.rstrip("/")


@pytest.fixture(scope="module")
def data():
    return load_site_data()


def _views(page) -> dict:
    """What the map shows in each view: the first (checked as the page loads), then the listed
    view, chosen through its label as a reader taps it; the view found is chosen again after."""
    found = {"winners": {"tiles": page.evaluate(TILES), "legends": page.evaluate(LEGEND)}}
    checked = page.locator("input.cd-map__switch:checked").get_attribute("id")
    with scroll_kept(page):
        page.locator("label[for=cd-map-listed]").click()
        found["listed"] = {"tiles": page.evaluate(TILES), "legends": page.evaluate(LEGEND)}
        page.locator(f"label[for={checked}]").click()
        page.evaluate("() => document.activeElement.blur()")
    return found


MAP = {"map sideways": lambda page: page.evaluate(SIDEWAYS), "views": _views}
GLOSSARY_STEPS = {
    "glossary": lambda page: page.evaluate(GLOSSARY),
    "glossary sideways": lambda page: page.evaluate(SIDEWAYS),
}


def _cases(path: str) -> list:
    """Each (language, width), in the group of the page at ``path`` in that language."""
    return [
        pytest.param(language, width, marks=by_page(f"{prefix(language)}{path}"), id=f"{language}-{width}")
        for language, width in COMBINATIONS
    ]


@pytest.fixture
def shown_map(page_measurements, site_url, language, width) -> dict:
    """What the map (in each view) shows, from the clusters page's load at that size."""
    measured = page_measurements.measure(
        f"{site_url}{prefix(language)}/clusters/", MAP, width=width, height=VIEWPORTS[width], search=False
    )
    return {"language": language, "width": width, "map_sideways": measured["map sideways"], **measured["views"]}


@pytest.fixture
def shown_glossary(page_measurements, site_url, language, width) -> dict:
    """What the glossary shows, from its load at that size."""
    measured = page_measurements.measure(
        f"{site_url}{prefix(language)}/glossary/", GLOSSARY_STEPS, width=width, height=VIEWPORTS[width], search=False
    )
    return {"language": language, "width": width, **measured}


MAP_CASES = _cases("/clusters/")
GLOSSARY_CASES = _cases("/glossary/")


@pytest.mark.parametrize("language, width", MAP_CASES)
def test_each_tile_shows_one_number_from_the_data_in_each_view(shown_map, data):
    shown = shown_map
    winners = winners_by_division(data.figures)[0]
    listed = listed_by_division(data.clusters)
    for view, expected in (("winners", {key: str(winners.get(key, "–")) for key in listed}), ("listed", listed)):
        tiles = shown[view]["tiles"]
        assert len(tiles) == 31
        assert {tile["key"]: tile["numbers"] for tile in tiles} == {
            key: [str(value)] for key, value in expected.items()
        }


@pytest.mark.parametrize("language, width", MAP_CASES)
def test_tile_numbers_are_readable_and_tiles_are_tap_targets(shown_map):
    shown = shown_map
    for view in ("winners", "listed"):
        for tile in shown[view]["tiles"]:
            assert all(size >= 11 for size in tile["sizes"]), tile
            assert all(height >= 11 for height in tile["heights"]), tile  # rendered, not shrunk away
            assert tile["width"] >= 24 and tile["height"] >= 24, tile
    assert any(tile["link"] for tile in shown["winners"]["tiles"])


@pytest.mark.parametrize("language, width", MAP_CASES)
def test_each_view_has_a_legend_in_numbers(shown_map):
    shown = shown_map
    for view in ("winners", "listed"):
        (legend,) = shown[view]["legends"]  # exactly the checked view's legend is shown
        assert len(legend) >= 3
        assert all(any(character.isdigit() for character in key) for key in legend[1:]), legend
    assert shown["winners"]["legends"] != shown["listed"]["legends"]


@pytest.mark.parametrize("language, width", GLOSSARY_CASES)
def test_glossary_index_letters_go_to_the_first_term_of_their_letter(shown_glossary):
    shown = shown_glossary
    glossary = shown["glossary"]
    index = glossary["index"]
    assert index and all(entry["exists"] and entry["first"] for entry in index), index
    assert [entry["letter"] for entry in index] == [entry["groupLetter"] for entry in index] == glossary["groups"]
    assert not set(glossary["empty"]) & set(glossary["groups"])  # a letter without terms is not a link
    if shown["width"] == 360:
        assert all(entry["width"] >= 24 and entry["height"] >= 24 for entry in index), index


@pytest.mark.parametrize("language, width", GLOSSARY_CASES)
def test_glossary_order_on_the_page_is_the_collation(shown_glossary, data):
    shown = shown_glossary
    expected = [term["id"] for _letter, term in ordered_terms(data.glossary, shown["language"])]
    assert shown["glossary"]["terms"] == expected


@pytest.mark.parametrize("language, width", MAP_CASES)
def test_the_map_page_does_not_scroll_sideways(shown_map):
    assert shown_map["map_sideways"] <= 0


@pytest.mark.parametrize("language, width", GLOSSARY_CASES)
def test_the_glossary_does_not_scroll_sideways(shown_glossary):
    assert shown_glossary["glossary sideways"] <= 0
