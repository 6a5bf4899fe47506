"""Reader features: timeline overview, tile map, citations, feeds and head metadata."""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser

import feedparser
import pytest

from clusterdocs.citations import (
    article_citation,
    entry_citation,
    formatted,
    to_bibtex,
    to_csl_json,
    to_ris,
)
from clusterdocs.page_metadata import json_ld
from clusterdocs.ui_text import ui_strings
from clusterdocs.sitedata import load_site_data
from clusterdocs.tile_map import LAYOUT, divisions_of, tile_map
from clusterdocs.timeline import Milestone
from clusterdocs.timeline_overview import (
    BREAK_WIDTH,
    Axis,
    detailed_start,
    overview,
    period,
)
from clusterdocs.timeline_view import taxonomy

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
    assert axis.x(2003) - axis.x(1990) < axis.x(2018) - axis.x(2017)
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
def test_marks_carry_date_basis_and_kind(fields, basis, kind):
    milestone = _milestone(**fields)
    entry = {"id": "x", "date": "2020", "title": "T", "category": milestone.data["category"]}
    lanes = [{"key": key, "label": key} for key in taxonomy()["categories"]]
    result = overview([milestone], [entry], lanes, ui_strings()["en"])
    (mark,) = result["lanes"][0]["marks"]
    assert (mark["basis"], mark["kind"]) == (basis, kind)
    assert mark["label"].startswith("2020: T")


def test_overview_of_the_real_timeline_has_one_mark_per_entry_inside_the_picture(data):
    lanes = [{"key": key, "label": value["en"]["label"]} for key, value in taxonomy()["categories"].items()]
    entries = [
        {"id": m.id, "date": m.display_date("en"), "title": m.data["title"]["en"], "category": m.data["category"]}
        for m in data.milestones
    ]
    result = overview(data.milestones, entries, lanes, ui_strings()["en"])
    marks = [mark for lane in result["lanes"] for mark in lane["marks"]]
    assert sorted(mark["id"] for mark in marks) == sorted(m.id for m in data.milestones)
    for mark in marks:
        assert result["plot_left"] - 6 <= mark["x"] and mark["x"] + mark["width"] <= result["width"], mark
        lane = next(lane for lane in result["lanes"] if mark in lane["marks"])
        assert lane["y"] <= mark["y"] and mark["y"] + mark["height"] <= lane["y"] + lane["height"]


# --- Tile map ----------------------------------------------------------------------------------


def test_the_layout_has_31_divisions_on_distinct_tiles():
    assert len(LAYOUT) == 31
    assert len({(row, column) for row, column, _en, _zh in LAYOUT.values()}) == 31


def test_cross_province_clusters_count_in_each_division(data):
    chengyu = next(cluster for cluster in data.clusters if cluster["id"] == "chengdu-chongqing-electronic-information")
    assert divisions_of(chengyu) == ["sichuan", "chongqing"]


def test_tiles_give_directory_counts_and_the_winners_source_001_gives(data):
    values = tile_map(data.clusters, data.figures, "en", ui_strings()["en"], lambda key: f"?division={key}")
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
    citation = article_citation(source, "Page <title> & {braces}", SITE_URL + "articles/central-local-2021/", "en")
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
    citation = entry_citation(milestone, SITE_URL + "zh/timeline/", "zh")
    assert citation.url.endswith("/zh/timeline/#2019-08-miit-first-preliminary-round")
    assert json.loads(to_csl_json(citation))[0]["event-date"] == {"date-parts": [[2019, 8]]}
    assert "2019年8月" in formatted(citation) and citation.url in formatted(citation)


def test_json_ld_cannot_close_its_script_element():
    text = json_ld({"name": "</script><script>alert(1)</script>"})
    assert "</" not in text and "<" not in text
    assert json.loads(str(text))["name"] == "</script><script>alert(1)</script>"


# --- The built site ----------------------------------------------------------------------------


class HeadTags(HTMLParser):
    def __init__(self):
        super().__init__()
        self.links: list[dict] = []
        self.meta: dict[str, str] = {}
        self.json_ld: list[str] = []
        self._in_json_ld = False

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if tag == "link":
            self.links.append(attributes)
        if tag == "meta" and ("property" in attributes or "name" in attributes):
            self.meta[attributes.get("property") or attributes["name"]] = attributes.get("content", "")
        self._in_json_ld = tag == "script" and attributes.get("type") == "application/ld+json"

    def handle_data(self, text):
        if self._in_json_ld:
            self.json_ld.append(text)

    def handle_endtag(self, tag):
        self._in_json_ld = False


def head_of(path) -> HeadTags:
    parser = HeadTags()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser


@pytest.mark.parametrize("language", ["en", "zh"])
def test_feeds_list_articles_and_milestones_newest_first_in_their_language(site_dir, data, language):
    feed = feedparser.parse((site_dir / ("feed.xml" if language == "en" else "zh/feed.xml")).read_bytes())
    assert not feed.bozo, feed.bozo_exception
    assert feed.feed.language == ("en" if language == "en" else "zh-Hans")
    dates = [entry.updated for entry in feed.entries]
    assert dates == sorted(dates, reverse=True)
    assert feed.feed.updated == dates[0]
    prefix = SITE_URL if language == "en" else SITE_URL + "zh/"
    links = {entry.link for entry in feed.entries}
    assert {f"{prefix}timeline/#{m.id}" for m in data.milestones} <= links
    assert f"{prefix}articles/central-local-2021/" in links
    titles = {entry.title for entry in feed.entries}
    milestone = data.milestones[-1]
    assert any(milestone.data["title"][language] in title for title in titles)


@pytest.mark.parametrize(
    "page, kind",
    [
        ("articles/central-local-2021", "Article"),
        ("timeline", "Dataset"),
        ("zh/clusters", "WebPage"),
        ("zh/articles/conference-2025", "Article"),
    ],
)
def test_every_page_head_has_absolute_metadata_and_json_ld(site_dir, page, kind):
    head = head_of(site_dir / page / "index.html")
    canonical = next(link["href"] for link in head.links if link.get("rel") == "canonical")
    assert canonical == f"{SITE_URL}{page}/"
    hreflang = {
        link["hreflang"]: link["href"]
        for link in head.links
        if link.get("rel") == "alternate" and link.get("type") is None
    }
    english = page.removeprefix("zh/")
    assert hreflang == {
        "en": f"{SITE_URL}{english}/",
        "zh-Hans": f"{SITE_URL}zh/{english}/",
        "x-default": f"{SITE_URL}{english}/",
    }
    feeds = [link["href"] for link in head.links if link.get("type") == "application/atom+xml"]
    assert sorted(feeds) == [f"{SITE_URL}feed.xml", f"{SITE_URL}zh/feed.xml"]
    assert head.meta["og:url"] == canonical and head.meta["twitter:card"] == "summary"
    assert head.meta["description"] and head.meta["og:description"] == head.meta["description"]
    (structured,) = [json.loads(text) for text in head.json_ld]
    assert structured["@type"] == kind and structured["url"] == canonical
    if kind == "Dataset":
        assert {item["contentUrl"] for item in structured["distribution"]} == {
            f"{SITE_URL}timeline.json",
            f"{SITE_URL}timeline.csv",
        }


def test_descriptions_differ_between_pages(site_dir):
    descriptions = [
        head_of(site_dir / page / "index.html").meta["description"]
        for page in ("timeline", "clusters", "figures", "articles/central-local-2021")
    ]
    assert len(set(descriptions)) == len(descriptions)


@pytest.mark.parametrize("language", ["en", "zh"])
def test_pages_link_to_citation_downloads_that_exist(site_dir, data, language):
    root = site_dir / "zh" if language == "zh" else site_dir
    for page in ("timeline", "articles/central-local-2021"):
        page_dir = root / page
        html = (page_dir / "index.html").read_text(encoding="utf-8")
        hrefs = re.findall(r'href="([^"]*cite/[^"]+)" download', html)
        expected = 3 * len(data.milestones) if page == "timeline" else 3
        assert len(hrefs) == expected, page
        for href in hrefs:
            target = (page_dir / href).resolve()
            assert target.is_file(), href
            if target.suffix == ".json":
                assert json.loads(target.read_text(encoding="utf-8"))[0]["URL"].startswith(SITE_URL)


@pytest.mark.parametrize("language", ["en", "zh"])
def test_overview_and_map_are_on_their_pages(site_dir, data, language):
    root = site_dir / "zh" if language == "zh" else site_dir
    timeline = (root / "timeline" / "index.html").read_text(encoding="utf-8")
    anchors = re.findall(r'<a class="cd-overview__mark[^"]*" href="#([^"]+)" aria-label="[^"]+">', timeline)
    assert sorted(anchors) == sorted(m.id for m in data.milestones)
    assert all(f'id="{anchor}"' in timeline for anchor in anchors)
    clusters = (root / "clusters" / "index.html").read_text(encoding="utf-8")
    assert clusters.count('class="cd-map__tile ') == 31
    assert 'href="?division=jiangsu#cluster-table"' in clusters
    assert 'data-divisions="sichuan chongqing"' in clusters


def test_materials_sitemap_lookup_skips_the_absolute_alternate_links():
    from clusterdocs.offline import strip_external_references

    bundle = 'e.pipe(b(()=>M("link[rel=alternate]")),m(r=>new URL(r.href)))'
    assert (
        strip_external_references(bundle)
        == """e.pipe(b(()=>M("link[rel=alternate]:not([href*='//'])")),m(r=>new URL(r.href)))"""
    )


def test_the_built_bundle_looks_up_no_absolute_alternate(site_dir):
    (bundle,) = (site_dir / "assets" / "javascripts").glob("bundle.*.min.js")
    text = bundle.read_text(encoding="utf-8")
    assert '"link[rel=alternate]"' not in text and "link[rel=alternate]:not([href*='//'])" in text
