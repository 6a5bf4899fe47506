"""The clusters page's tile map values and the glossary's collations, checked against the data."""

from __future__ import annotations

import unicodedata

import pytest

from clusterdocs.render.glossary_view import LETTERS, english_key, ordered_terms, readings
from clusterdocs.check.sitedata import load_site_data
from clusterdocs.check.divisions import LAYOUT, WINNERS_DISTRIBUTION, divisions_of
from clusterdocs.render.tile_map import shade_steps, tile_map


@pytest.fixture(scope="module")
def data():
    return load_site_data()


def _distribution(data) -> dict:
    return next(item for item in data.figures["distributions"] if item["id"] == WINNERS_DISTRIBUTION)


# --- Tile map ----------------------------------------------------------------------------------


@pytest.mark.parametrize("language", ["en", "zh", "zh-Hant"])
def test_each_tile_shows_the_winners_the_distribution_gives_and_the_directory_count(data, language):
    values = tile_map(data.clusters, data.figures, language, data.ui[language], lambda key: f"?division={key}")
    by_english = {place[2]: key for key, place in LAYOUT.items()}
    given = {by_english[item["label"]["en"]]: item["value"] for item in _distribution(data)["items"]}
    tiles = {tile["key"]: tile for tile in values["tiles"]}
    assert len(tiles) == 31 and given and set(given) <= set(tiles)
    for key, tile in tiles.items():
        assert tile["winners"] == given.get(key)
        assert tile["shown"]["winners"] == (str(given[key]) if key in given else "–")
        listed = sum(key in divisions_of(cluster) for cluster in data.clusters)
        assert tile["listed"] == listed and tile["shown"]["listed"] == str(listed)
        assert (tile["href"] == f"?division={key}") == (listed > 0)
    # The division with the most winners gets the darkest shade of the winners view.
    most = max(given, key=given.get)
    assert tiles[most]["shade"]["winners"] == max(tile["shade"]["winners"] for tile in tiles.values())


def test_the_legend_gives_in_numbers_the_range_of_every_shade(data):
    values = tile_map(data.clusters, data.figures, "en", data.ui["en"], lambda key: "")
    for view in values["views"]:
        shown = [tile[view["key"]] or 0 for tile in values["tiles"]]
        steps = shade_steps(max(shown))
        assert steps[0][0] == 1 and steps[-1][1] == max(shown)
        assert all(high + 1 == low for (_l, high), (low, _h) in zip(steps, steps[1:]))  # no gap, no overlap
        assert len(view["legend"]) == len(steps) + 1
        for tile in values["tiles"]:
            value, shade = tile[view["key"]] or 0, tile["shade"][view["key"]]
            assert shade == 0 if not value else steps[shade - 1][0] <= value <= steps[shade - 1][1]


def test_the_winners_view_takes_its_title_from_the_data_and_names_its_source_counts(data):
    distribution = _distribution(data)
    for language in ("en", "zh"):
        values = tile_map(data.clusters, data.figures, language, data.ui[language], lambda key: "")
        winners = values["views"][0]
        assert winners["key"] == "winners" and winners["title"] == distribution["title"][language]
        assert str(distribution["total"]) in winners["note"] and str(len(distribution["items"])) in winners["note"]


# --- Glossary order ----------------------------------------------------------------------------


def _marked(text: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFC", text.lower()) if c.isalpha())


def _term(data, term_id: str) -> dict:
    return next(term for term in data.glossary if term["id"] == term_id)


def test_every_chinese_term_is_read_as_its_pinyin_field_says(data):
    """The sort reads each character as the glossary's pinyin does (a polyphone such as 长 too)."""
    for term in data.glossary:
        assert "".join(readings(term["zh"], term["pinyin"])) == _marked(term["pinyin"]), term["id"]


def test_chinese_order_is_by_pinyin_syllable_then_tone_not_by_code_point(data):
    order = [term["id"] for _letter, term in ordered_terms(data.glossary, "zh")]
    assert len(order) == len(data.glossary)
    # 赛马 sàimǎ before 世界级集群 shìjièjí jíqún (code point order of the pinyin put it after).
    assert order.index("horse-race-competition") < order.index("world-class-cluster")
    # 公示 gōngshì, 工信部 Gōngxìnbù, 供应链 gōngyìngliàn: the second syllable decides; capitals do not.
    assert order.index("public-notice") < order.index("miit") < order.index("supply-chain")
    # 长三角 is read cháng (the data's pinyin), so it files under C, not Z.
    letters = {term["id"]: letter for letter, term in ordered_terms(data.glossary, "zh")}
    assert letters["yangtze-river-delta-integration"] == "C"
    for term in data.glossary:
        initial = unicodedata.normalize("NFD", _marked(term["pinyin"]))[0].upper()
        assert letters[term["id"]] == initial, term["id"]
    assert list(letters.values()) == sorted(letters.values())


def test_english_order_ignores_quotes_case_and_leading_punctuation(data):
    assert english_key('"national team"')[0] == "national team"
    assert english_key("“Little giant”")[0] == english_key("little giant")[0]
    ordered = [term for _letter, term in ordered_terms(data.glossary, "en")]
    expected = sorted(data.glossary, key=lambda term: term["en"].replace('"', "").casefold())
    assert [term["id"] for term in ordered] == [term["id"] for term in expected]
    quoted = [term for term in data.glossary if term["en"].startswith('"')]
    assert quoted, "the data has terms in quotes"
    letters = {term["id"]: letter for letter, term in ordered_terms(data.glossary, "en")}
    for term in quoted:
        assert letters[term["id"]] == term["en"].strip('"')[0].upper() in LETTERS
    # "national team" sits among the other n- terms, after "national advanced manufacturing cluster".
    ids = [term["id"] for term in ordered]
    assert (
        ids.index("national-advanced-manufacturing-cluster") < ids.index("national-team") < ids.index("new-type-power")
    )
    assert _term(data, "national-team")["en"].startswith('"')


def test_the_chinese_order_kept_between_builds_is_the_computed_one(tmp_path, monkeypatch):
    from clusterdocs.render.glossary_view import chinese_order, pinyin_key
    from clusterdocs.check.sitedata import load_site_data
    from support import ROOT

    monkeypatch.setenv("CLUSTERDOCS_CACHE_DIR", str(tmp_path))
    glossary = load_site_data(ROOT).glossary
    computed = [term["id"] for term in sorted(glossary, key=pinyin_key)]
    assert chinese_order(glossary) == computed  # computed and stored
    assert list(tmp_path.glob("glossary-order/*.json"))
    assert chinese_order(glossary) == computed  # read back
    changed = [dict(glossary[0], id="zz-new-term", zh="阿", pinyin="ā")] + glossary[1:]
    assert chinese_order(changed)[0] == "zz-new-term"  # another set of terms is not served the old order
