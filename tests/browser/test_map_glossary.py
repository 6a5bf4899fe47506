"""The clusters page's tile map and the glossary's index in Chromium, at a phone and a laptop
width in every language: one load of each page per language and width serves every check."""

from __future__ import annotations

import pytest

from clusterdocs.render.glossary_view import ordered_terms
from clusterdocs.base.languages import language_of
from clusterdocs.check.sitedata import load_site_data
from clusterdocs.check.divisions import winners_by_division
from clusterdocs.render.tile_map import listed_by_division

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


@pytest.fixture(scope="module", params=COMBINATIONS, ids=[f"{language}-{width}" for language, width in COMBINATIONS])
def shown(request, browser, site_url):
    """What the map (in each view) and the glossary show, from one load of each page."""
    language, width = request.param
    context = browser.new_context(viewport={"width": width, "height": VIEWPORTS[width]})
    page = context.new_page()
    page.goto(f"{site_url}{prefix(language)}/clusters/")
    result = {"language": language, "width": width, "map_sideways": page.evaluate(SIDEWAYS)}
    result["winners"] = {"tiles": page.evaluate(TILES), "legends": page.evaluate(LEGEND)}
    page.locator("label[for=cd-map-listed]").click()
    result["listed"] = {"tiles": page.evaluate(TILES), "legends": page.evaluate(LEGEND)}
    page.goto(f"{site_url}{prefix(language)}/glossary/")
    result["glossary"] = page.evaluate(GLOSSARY)
    result["glossary_sideways"] = page.evaluate(SIDEWAYS)
    context.close()
    return result


def test_each_tile_shows_one_number_from_the_data_in_each_view(shown, data):
    winners = winners_by_division(data.figures)[0]
    listed = listed_by_division(data.clusters)
    for view, expected in (("winners", {key: str(winners.get(key, "–")) for key in listed}), ("listed", listed)):
        tiles = shown[view]["tiles"]
        assert len(tiles) == 31
        assert {tile["key"]: tile["numbers"] for tile in tiles} == {
            key: [str(value)] for key, value in expected.items()
        }


def test_tile_numbers_are_readable_and_tiles_are_tap_targets(shown):
    for view in ("winners", "listed"):
        for tile in shown[view]["tiles"]:
            assert all(size >= 11 for size in tile["sizes"]), tile
            assert all(height >= 11 for height in tile["heights"]), tile  # rendered, not shrunk away
            assert tile["width"] >= 24 and tile["height"] >= 24, tile
    assert any(tile["link"] for tile in shown["winners"]["tiles"])


def test_each_view_has_a_legend_in_numbers(shown):
    for view in ("winners", "listed"):
        (legend,) = shown[view]["legends"]  # exactly the checked view's legend is shown
        assert len(legend) >= 3
        assert all(any(character.isdigit() for character in key) for key in legend[1:]), legend
    assert shown["winners"]["legends"] != shown["listed"]["legends"]


def test_glossary_index_letters_go_to_the_first_term_of_their_letter(shown):
    glossary = shown["glossary"]
    index = glossary["index"]
    assert index and all(entry["exists"] and entry["first"] for entry in index), index
    assert [entry["letter"] for entry in index] == [entry["groupLetter"] for entry in index] == glossary["groups"]
    assert not set(glossary["empty"]) & set(glossary["groups"])  # a letter without terms is not a link
    if shown["width"] == 360:
        assert all(entry["width"] >= 24 and entry["height"] >= 24 for entry in index), index


def test_glossary_order_on_the_page_is_the_collation(shown, data):
    expected = [term["id"] for _letter, term in ordered_terms(data.glossary, shown["language"])]
    assert shown["glossary"]["terms"] == expected


def test_nothing_scrolls_sideways(shown):
    assert shown["map_sideways"] <= 0 and shown["glossary_sideways"] <= 0
