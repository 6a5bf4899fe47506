"""Reader features: timeline overview, tile map, citations, feeds and head metadata."""

from __future__ import annotations

import json

import pytest

from clusterdocs.render.citations import (
    article_citation,
    entry_citation,
    formatted,
    placed_title,
    to_bibtex,
    to_csl_json,
    to_ris,
)
from clusterdocs.render.page_metadata import json_ld
from clusterdocs.check.sitedata import load_site_data
from clusterdocs.check.divisions import LAYOUT, divisions_of
from clusterdocs.render.tile_map import tile_map
from clusterdocs.check.timeline import Milestone
from clusterdocs.render.timeline_overview import (
    BREAK_WIDTH,
    Axis,
    detailed_start,
    overview,
    period,
)

SITE_URL = "http://127.0.0.1:8000/"


@pytest.fixture(scope="module")
def data():
    return load_site_data()


# --- Timeline overview geometry ---------------------------------------------------------------


def test_the_detailed_axis_starts_after_the_last_long_gap():
    assert detailed_start([1990, 2003, 2016, 2017, 2019, 2022]) == 2016
    assert detailed_start([2017, 2018, 2020]) == 2017


def test_a_mark_spans_only_the_period_its_date_names():
    assert period("2019") == (2019, 2020)
    start, end = period("2019-08")
    assert (start, end) == pytest.approx((2019 + 7 / 12, 2019 + 8 / 12))
    day_start, day_end = period("2023-05-05")
    assert day_start == day_end


def test_early_years_are_compressed_and_later_years_are_linear():
    axis = Axis([1990, 2003, 2017, 2018, 2021, 2024], left=100)
    assert axis.early == [1990, 2003]
    assert axis.x(2018) - axis.x(2017) == axis.x(2024) - axis.x(2023)
    # Thirteen years take one slot: far less room than thirteen years of the detailed axis.
    assert axis.x(2003) - axis.x(1990) < 2 * (axis.x(2018) - axis.x(2017))
    assert axis.gap() == {"x": axis.detail_left - BREAK_WIDTH, "width": BREAK_WIDTH, "from_year": 2003, "to_year": 2017}


def _milestone(**fields) -> Milestone:
    data = {
        "id": "x",
        "date": "2020",
        "category": "local-target",
        "level": "national",
        "title": {"en": "T", "zh": "T"},
        "summary": {"en": "S", "zh": "S"},
        "places": [],
        "clusters": [],
        "sources": [],
    }
    data.update(fields)
    return Milestone(data, "timeline/x.yml")


@pytest.mark.parametrize(
    "fields, basis, kind",
    [
        ({}, "stated", "target"),
        ({"approximate": True, "category": "conference"}, "inferred", "event"),
        ({"date_basis": "external", "kind": "event"}, "external", "event"),
    ],
)
def test_marks_carry_date_basis_and_kind(data, fields, basis, kind):
    milestone = _milestone(**fields)
    entry = {"id": "x", "date": "2020", "title": "T", "category": milestone.data["category"]}
    lanes = [{"key": key, "label": key} for key in data.categories["categories"]]
    result = overview([milestone], [entry], lanes, data.ui["en"])
    (mark,) = result["lanes"][0]["marks"]
    assert (mark["basis"], mark["kind"]) == (basis, kind)
    assert mark["label"].startswith("2020: T")


def test_overview_of_the_real_timeline_has_one_mark_per_entry_inside_the_picture(data):
    lanes = [{"key": key, "label": value["en"]["label"]} for key, value in data.categories["categories"].items()]
    entries = [
        {
            "id": m.id,
            "date": m.display_date("en", data.ui["en"]),
            "title": m.data["title"]["en"],
            "category": m.data["category"],
        }
        for m in data.milestones
    ]
    result = overview(data.milestones, entries, lanes, data.ui["en"])
    marks = [mark for lane in result["lanes"] for mark in lane["marks"]]
    assert sorted(mark["id"] for mark in marks) == sorted(m.id for m in data.milestones)
    for mark in marks:
        assert result["plot_left"] - 6 <= mark["x"] and mark["x"] + mark["width"] <= result["width"], mark
        lane = next(lane for lane in result["lanes"] if mark in lane["marks"])
        assert lane["y"] <= mark["y"] and mark["y"] + mark["height"] <= lane["y"] + lane["height"]


# --- Tile map ----------------------------------------------------------------------------------


def test_the_layout_has_31_divisions_on_distinct_tiles():
    assert len(LAYOUT) == 31
    assert len({place[:2] for place in LAYOUT.values()}) == 31


def test_cross_province_clusters_count_in_each_division(data):
    chengyu = next(cluster for cluster in data.clusters if cluster["id"] == "chengdu-chongqing-electronic-information")
    assert divisions_of(chengyu) == ["sichuan", "chongqing"]


def test_tiles_give_directory_counts_and_the_winners_source_001_gives(data):
    values = tile_map(data.clusters, data.figures, "en", data.ui["en"], lambda key: f"?division={key}")
    tiles = {tile["key"]: tile for tile in values["tiles"]}
    assert tiles["jiangsu"]["winners"] == 8
    assert tiles["guangdong"]["winners"] == 7
    assert tiles["xinjiang"]["winners"] is None and tiles["xinjiang"]["href"] is None
    assert tiles["hunan"]["listed"] == sum("hunan" in divisions_of(cluster) for cluster in data.clusters) > 0
    assert tiles["hunan"]["href"] == "?division=hunan"
    assert sum(tile["winners"] or 0 for tile in values["tiles"]) == 44


# --- Citations ---------------------------------------------------------------------------------


def test_article_citation_in_three_formats(data):
    source = data.sources["central-local-2021"]
    citation = article_citation(
        source, "Page <title> & {braces}", SITE_URL + "articles/central-local-2021/", "en", data
    )
    bibtex = to_bibtex(citation)
    assert bibtex.startswith("@misc{clusterdocs-en-central-local-2021,")
    assert r"Page <title> \& \{braces\}" in bibtex and bibtex.count("{") == bibtex.count("}")
    ris = to_ris(citation)
    assert ris.startswith("TY  - ELEC\r\n") and ris.endswith("ER  - \r\n")
    assert "UR  - http://127.0.0.1:8000/articles/central-local-2021/\r\n" in ris
    (item,) = json.loads(to_csl_json(citation))
    assert item["original-title"] == source.header["title_original"]
    assert item["original-date"] == {"date-parts": [[2021, 7, 2]]}
    assert item["original-author"][0] == {"literal": "Hou Yanquan"}


def test_entry_citation_keeps_the_date_precision_and_the_anchor(data):
    milestone = next(m for m in data.milestones if m.id == "2019-08-miit-first-preliminary-round")
    citation = entry_citation(milestone, SITE_URL + "zh/timeline/", "zh", data)
    assert citation.url.endswith("/zh/timeline/#2019-08-miit-first-preliminary-round")
    assert json.loads(to_csl_json(citation))[0]["event-date"] == {"date-parts": [[2019, 8]]}
    line = formatted(citation, data.ui["zh"])
    assert "2019年8月" in line and citation.url in line


def test_a_title_quoted_inside_a_cited_title_takes_the_inner_marks(data):
    """In 《…》 a title that the entry's title itself quotes in 《》 becomes 〈…〉; English lines keep it."""
    titled = [m for m in data.milestones if "《" in m.data["title"]["zh"]]
    assert titled, "no timeline title quotes a document in 《》: the case is untested"
    for milestone in titled:
        title = milestone.data["title"]["zh"]
        line = formatted(entry_citation(milestone, SITE_URL + "zh/timeline/", "zh", data), data.ui["zh"])
        inner = title[title.index("《") + 1 : title.index("》")]
        assert f"〈{inner}〉" in line, line
        assert line.count("《") == 1 and line.count("》") == 1, line
        english = formatted(entry_citation(milestone, SITE_URL + "timeline/", "en", data), data.ui["en"])
        assert milestone.data["title"]["en"] in english
    assert placed_title("“{title}”", "《甲》") == "《甲》"
    assert placed_title("《{title}》", "出台《甲》和《乙》") == "出台〈甲〉和〈乙〉"


def test_json_ld_cannot_close_its_script_element():
    text = json_ld({"name": "</script><script>alert(1)</script>"})
    assert "</" not in text and "<" not in text
    assert json.loads(str(text))["name"] == "</script><script>alert(1)</script>"
