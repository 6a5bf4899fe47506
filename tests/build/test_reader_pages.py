"""Reader features in the built site: feeds, head metadata and JSON-LD, citation downloads,
the timeline overview and the tile map, and the patched search bundle."""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser

import feedparser
import pytest

from clusterdocs.check.sitedata import load_site_data
from support import SITE_URL


@pytest.fixture(scope="module")
def data():
    return load_site_data()


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
    # Newest event first; each entry's timestamp is its last change (tests/build/test_derived_dates.py).
    order = [entry.link.rsplit("#", 1)[-1] for entry in feed.entries if "/timeline/#" in entry.link]
    assert order == [milestone.id for milestone in reversed(data.milestones)]
    assert feed.feed.updated == max(entry.updated for entry in feed.entries)
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
        ("zh-Hant/articles/conference-2025", "Article"),
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
    english = page.removeprefix("zh-Hant/").removeprefix("zh/")
    assert hreflang == {
        "en": f"{SITE_URL}{english}/",
        "zh-Hans": f"{SITE_URL}zh/{english}/",
        "zh-Hant": f"{SITE_URL}zh-Hant/{english}/",
        "x-default": f"{SITE_URL}{english}/",
    }
    feeds = [link["href"] for link in head.links if link.get("type") == "application/atom+xml"]
    assert sorted(feeds) == [f"{SITE_URL}feed.xml", f"{SITE_URL}zh-Hant/feed.xml", f"{SITE_URL}zh/feed.xml"]
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
        # On the timeline, each entry's three and the overview's (clusterdocs/render/chart_files.py).
        expected = 3 * len(data.milestones) + 3 if page == "timeline" else 3
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


def test_the_built_bundle_looks_up_no_absolute_alternate(site_dir):
    (bundle,) = (site_dir / "assets" / "javascripts").glob("bundle.*.min.js")
    text = bundle.read_text(encoding="utf-8")
    assert '"link[rel=alternate]"' not in text and "link[rel=alternate]:not([href*='//'])" in text


@pytest.mark.parametrize("language", ["en", "zh"])
def test_feeds_have_an_entry_for_every_registered_document(site_dir, data, language):
    feed = feedparser.parse((site_dir / ("feed.xml" if language == "en" else "zh/feed.xml")).read_bytes())
    prefix = SITE_URL if language == "en" else SITE_URL + "zh/"
    entries = {entry.link: entry for entry in feed.entries if "/documents/#" in entry.link}
    assert set(entries) == {f"{prefix}documents/#{document['id']}" for document in data.documents}
    for document in data.documents:
        entry = entries[f"{prefix}documents/#{document['id']}"]
        title = document["title_en"] if language == "en" else document["title_zh"]
        assert title in entry.title and document["issuer"][language] in entry.summary
