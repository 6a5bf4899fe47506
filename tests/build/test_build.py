"""The strictly built site: both languages, language tags, no foreign hosts, no spam, exports."""

from __future__ import annotations

import csv
import json
import re
from html import escape as html_escape
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
import yaml
from markupsafe import escape as jinja_escape

from clusterdocs.text.chinese_script import to_simplified
from clusterdocs.base.languages import LANGUAGES, language_of
from clusterdocs.render.open_data import package_files
from clusterdocs.base.paths import SCHEMAS_DIR, TIMELINE_DIR
from clusterdocs.publish.search_index import STAGING
from clusterdocs.publish.site_audit import audit_site
from clusterdocs.check.sitedata import load_site_data
from clusterdocs.check.sources import DEBRIS, SPAM
from support import CHECK_CORPUS, ROOT, SITE_URL, build_stopped_by_bad_data, lay_out_case, lines_of

# The audit (clusterdocs/publish/site_audit.py) parses HTML, SVG and CSS; scripts cannot be parsed for the
# URLs they might fetch, so they (and every other text file) are also searched for known CDNs.
TEXT_SUFFIXES = {".html", ".js", ".css", ".json", ".xml", ".svg", ".csv", ".txt", ".map"}
KNOWN_THIRD_PARTY_HOSTS = re.compile(
    r"fonts\.googleapis|fonts\.gstatic|cdn\.jsdelivr|unpkg\.com|cdnjs|googletagmanager"
)


def html_pages(site_dir: Path) -> list[Path]:
    return sorted(site_dir.rglob("*.html"))


def page_paths(site_dir: Path, language: str) -> set[str]:
    root = site_dir / language_of(language).prefix
    others = {other.code for other in LANGUAGES if not other.default}
    paths = set()
    for index in root.rglob("index.html"):
        relative = index.parent.relative_to(root).as_posix()
        if language_of(language).default and relative.split("/")[0] in others:
            continue
        paths.add(relative)
    return paths


class HeadParser(HTMLParser):
    def __init__(self):
        super().__init__()
        self.html_lang = None
        self.alternates: dict[str, str] = {}

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if tag == "html":
            self.html_lang = attributes.get("lang")
        if tag == "link" and attributes.get("rel") == "alternate" and "hreflang" in attributes:
            self.alternates[attributes["hreflang"]] = attributes["href"]


def parse_head(path: Path) -> HeadParser:
    parser = HeadParser()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser


def test_every_page_exists_in_every_language(site_dir):
    english = page_paths(site_dir, "en")
    for language in LANGUAGES:
        assert page_paths(site_dir, language.code) == english, language.code
    assert {".", "timeline", "about", "contributing", "articles", "clusters", "figures", "glossary"} <= english
    assert len([path for path in english if path.startswith("articles/")]) == 5


@pytest.mark.parametrize("language, tag", [("en", "en"), ("zh", "zh-Hans"), ("zh-Hant", "zh-Hant")])
def test_lang_attribute_and_hreflang_alternates(site_dir, language, tag):
    prefixes = {other.tag: other.prefix for other in LANGUAGES}
    for path in page_paths(site_dir, language):
        head = parse_head(site_dir / language_of(language).prefix / path / "index.html")
        assert head.html_lang == tag, path
        assert set(head.alternates) == {*prefixes, "x-default"}, path
        # Each alternate is the absolute URL of the same page in that language (x-default: English).
        for hreflang, href in head.alternates.items():
            assert href.startswith(SITE_URL), (path, hreflang, href)
            target = (site_dir / href.removeprefix(SITE_URL)).resolve()
            expected = (site_dir / prefixes.get(hreflang, "") / path).resolve()
            assert target == expected, (path, hreflang, href)


def test_the_built_site_passes_the_audit(site_dir):
    """The same audit the build runs (hooks/post_build.py), over the site the tests use."""
    assert audit_site(site_dir, SITE_URL) == []


def test_no_built_file_names_a_known_third_party_host(site_dir):
    offenders = []
    for file in site_dir.rglob("*"):
        if file.suffix not in TEXT_SUFFIXES or not file.is_file():
            continue
        text = file.read_text(encoding="utf-8", errors="replace")
        for match in KNOWN_THIRD_PARTY_HOSTS.finditer(text):
            offenders.append(f"{file.relative_to(site_dir)}: {text[max(0, match.start() - 40) : match.end() + 40]!r}")
    assert offenders == []


class LinkParser(HTMLParser):
    """The ids a page defines and the same-site links and resources it points at."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.ids: set[str] = set()
        self.links: list[tuple[int, str]] = []

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if attributes.get("id"):
            self.ids.add(attributes["id"])
        if tag == "a" and attributes.get("name"):
            self.ids.add(attributes["name"])
        for name in ("href", "src"):
            if attributes.get(name) is not None:
                self.links.append((self.getpos()[0], attributes[name]))


def parse_links(file: Path) -> LinkParser:
    parser = LinkParser()
    parser.feed(file.read_text(encoding="utf-8"))
    return parser


def test_every_internal_link_and_anchor_resolves(site_dir):
    """Every relative or same-host link in every built page reaches a file, and its #anchor an id."""
    site_url = SITE_URL
    pages = {file: parse_links(file) for file in sorted(site_dir.rglob("*.html"))}
    broken = []
    for file, parser in pages.items():
        for line, link in parser.links:
            if link.startswith(site_url):
                target_text, base = link[len(site_url) :], site_dir
            elif urlsplit(link).scheme or link.startswith("//"):
                continue  # another host (navigation) or a data:/mailto: URL
            else:
                # A root-relative link (the 404 page's) starts with the site's own path.
                mount = urlsplit(SITE_URL).path
                target_text = link.removeprefix(mount) if link.startswith(mount) else link
                base = site_dir if link.startswith("/") else file.parent
            parts = urlsplit(target_text)
            target = (base / unquote(parts.path).lstrip("/")).resolve() if parts.path else file
            if target.is_dir():
                target = target / "index.html"
            where = f"{file.relative_to(site_dir)}:{line}: {link}"
            if not target.is_file():
                broken.append(f"{where}: no such file")
            elif parts.fragment and target.suffix == ".html":
                ids = pages[target].ids if target in pages else parse_links(target).ids
                if unquote(parts.fragment) not in ids:
                    broken.append(f"{where}: no id {parts.fragment!r} in {target.relative_to(site_dir)}")
    assert sum(len(parser.links) for parser in pages.values()) > 1000
    assert broken == []


def test_no_spam_or_converter_debris_anywhere_in_the_site(site_dir):
    hits = []
    for file in site_dir.rglob("*"):
        if file.suffix in {".html", ".json", ".csv", ".xml"} and file.is_file():
            text = file.read_text(encoding="utf-8")
            hits += [
                f"{file.relative_to(site_dir)}: {match.group(0)}"
                for pattern in (SPAM, DEBRIS)
                for match in pattern.finditer(text)
            ]
    assert hits == []


def test_timeline_exports_parse_and_hold_every_milestone(site_dir):
    files = sorted(TIMELINE_DIR.glob("*.yml"))
    exported = json.loads((site_dir / "timeline.json").read_text(encoding="utf-8"))
    assert sorted(item["id"] for item in exported["milestones"]) == sorted(file.stem for file in files)
    rows = list(csv.DictReader((site_dir / "timeline.csv").open(encoding="utf-8")))
    assert [row["id"] for row in rows] == [item["id"] for item in exported["milestones"]]
    schema = json.loads((site_dir / "schemas" / "timeline.schema.json").read_text(encoding="utf-8"))
    assert schema["title"].startswith("One policy milestone")


def test_timeline_exports_let_a_data_user_filter_by_date_basis_and_kind(site_dir):
    exported = {
        item["id"]: item for item in json.loads((site_dir / "timeline.json").read_text(encoding="utf-8"))["milestones"]
    }
    rows = {row["id"]: row for row in csv.DictReader((site_dir / "timeline.csv").open(encoding="utf-8"))}
    for milestone_id, item in exported.items():
        assert item["date_basis"] in ("stated", "inferred", "external") and item["kind"] in ("event", "target")
        row = rows[milestone_id]
        assert (row["date_basis"], row["kind"]) == (item["date_basis"], item["kind"])
        assert row["from_sources"] == ("yes" if any("article" in source for source in item["sources"]) else "no")
    targets = {milestone_id for milestone_id, row in rows.items() if row["kind"] == "target"}
    assert targets == {
        "2025-nanjing-power-equipment-cluster-target",
        "2025-zhuzhou-rail-transit-cluster-target",
        "2025-guangzhou-shenzhen-foshan-dongguan-smart-equipment-target",
        "2021-shanghai-ic-cluster-investment",
    }
    assert all(
        rows[milestone_id]["date"] == "" and rows[milestone_id]["target_year"] == "2025" for milestone_id in targets
    )
    outside = {milestone_id for milestone_id, row in rows.items() if row["from_sources"] == "no"}
    assert outside == {"2022-11-24-miit-45-national-clusters", "2024-11-18-miit-2024-round-35-winners"}
    assert all(rows[milestone_id]["date_basis"] == "external" for milestone_id in outside)


@pytest.mark.parametrize("language", ["en", "zh"])
def test_timeline_page_shows_basis_targets_and_sourced_counts(site_dir, language):
    prefix = site_dir / "zh" if language == "zh" else site_dir
    html = (prefix / "timeline" / "index.html").read_text(encoding="utf-8")
    exported = json.loads((site_dir / "timeline.json").read_text(encoding="utf-8"))["milestones"]
    sourced = sum(item["kind"] == "event" and any("article" in s for s in item["sources"]) for item in exported)
    outside = sum(not any("article" in s for s in item["sources"]) for item in exported)
    counts = re.search(r'<p class="cd-timeline-counts">(.*?)</p>', html).group(1)
    assert [int(number) for number in re.findall(r"\d+", counts)] == [sourced, outside, 4]
    targets = html[html.index('id="targets"') :]
    assert targets.count('data-kind="target"') == 4 and 'data-kind="event"' not in targets
    assert html[: html.index('id="targets"')].count('data-kind="target"') == 0
    assert html.count('data-from-sources="no"') == outside
    assert 'id="timeline-hide-outside"' in html and 'id="legend"' in html
    for basis in ("stated", "inferred", "external"):
        assert f'class="cd-basis cd-basis--{basis}"' in html


def test_each_language_has_its_own_search_index(site_dir):
    english = json.loads((site_dir / "search" / "search_index.json").read_text(encoding="utf-8"))
    chinese = json.loads((site_dir / "zh" / "search" / "search_index.json").read_text(encoding="utf-8"))
    assert english["docs"] and chinese["docs"]
    assert not any(doc["location"].startswith("zh/") for doc in english["docs"])
    assert all(not re.search(r"[\u4e00-\u9fff]", doc["title"]) for doc in english["docs"] if doc["location"] == "")
    assert any(doc["title"].replace("\u200b", "") == "政策时间线" for doc in chinese["docs"])
    # jieba segmented the Chinese text: words are separated by zero-width spaces.
    assert any("\u200b集群\u200b" in doc["text"] for doc in chinese["docs"])
    # The project dictionary (data/jieba_userdict.txt) keeps domain words whole.
    assert any("\u200b时间线\u200b" in doc["title"] + "\u200b" for doc in chinese["docs"])
    separator = chinese["config"]["separator"]
    assert "\\u200b" in separator or "\u200b" in separator


def test_each_language_writes_its_search_index_and_the_post_build_pipeline_runs_once_after_the_last(site_dir):
    """mkdocs-static-i18n runs every ``on_post_build`` once per language; hooks/post_build.py must
    act only after the last one, when every language's search index has been written."""
    from conftest import build_log

    log = build_log(site_dir).read_text(encoding="utf-8").splitlines()

    def lines(text: str) -> list[int]:
        return [number for number, line in enumerate(log) if text in line and ("hooks/" in line or "i18n" in line)]

    languages = [lines(f"Building '{language.code}' documentation") for language in LANGUAGES]
    assert all(len(found) == 1 for found in languages), languages
    steps = [lines(text) for text in ("open data file(s)", "search index(es)", "audited the built site")]
    assert [len(found) for found in steps] == [1, 1, 1], steps
    assert max(found[0] for found in languages) < steps[0][0] < steps[1][0] < steps[2][0]
    assert "wrote 3 search index(es): search/search_index.json, zh/search/search_index.json" in log[steps[1][0]]


def test_every_page_is_in_its_own_languages_search_index_and_only_there(site_dir):
    """Each language's index is written as its build ends and put in place after the last one."""
    for language in LANGUAGES:
        root = site_dir / language.prefix
        index = json.loads((root / "search" / "search_index.json").read_text(encoding="utf-8"))
        other_roots = {other.prefix.rstrip("/") for other in LANGUAGES if other.prefix and other != language}
        pages = {
            "" if page.parent == root else page.parent.relative_to(root).as_posix() + "/"
            for page in root.rglob("index.html")
            if page.relative_to(root).parts[0] not in other_roots
        }
        assert {doc["location"].split("#")[0] for doc in index["docs"]} == pages, language.code
    assert not (site_dir / STAGING).exists()


@pytest.mark.parametrize(
    "page, base",
    [
        ("index.html", "."),
        ("timeline/index.html", ".."),
        ("zh/index.html", "../zh/"),
        ("zh/timeline/index.html", "../../zh/"),
    ],
)
def test_each_language_searches_its_own_index(site_dir, page, base):
    """overrides/main.html renders Material's own config block and replaces only its "base" (the
    root search loads its index from): a Material upgrade that renames the search worker needs no
    change there, and one that changes how the block writes "base" fails here."""
    html = (site_dir / page).read_text(encoding="utf-8")
    config = json.loads(re.search(r'<script id="__config" type="application/json">(.*?)</script>', html).group(1))
    assert config["base"] == base
    worker = (site_dir / page).parent / config["search"]
    assert worker.is_file() and "/workers/search." in config["search"]


def test_chinese_headings_get_readable_anchors(site_dir):
    html = (site_dir / "zh" / "articles" / "central-local-2021" / "index.html").read_text(encoding="utf-8")
    assert 'id="abstract"' in html and 'id="key-figures"' in html
    assert not re.search(r'id="_\d+"', html)


def test_no_source_maps_are_published(site_dir):
    assert list(site_dir.rglob("*.map")) == []
    assert not any(
        "sourceMappingURL" in path.read_text(encoding="utf-8")
        for pattern in ("*.js", "*.css")
        for path in site_dir.rglob(pattern)
    )


def test_the_sitemap_names_languages_by_their_bcp47_tags(site_dir):
    """The sitemap's hreflang values are the same tags as <html lang> (zh-Hans, never the folder name zh)."""
    sitemap = (site_dir / "sitemap.xml").read_text(encoding="utf-8")
    hreflangs = set(re.findall(r'hreflang="([^"]+)"', sitemap))
    assert hreflangs == {language.tag for language in LANGUAGES}


def test_alternate_sitemaps_exist_for_material_language_lookup(site_dir):
    for path in ("zh/timeline", "timeline", "zh", "articles/central-local-2021"):
        assert (site_dir / path / "sitemap.xml").read_text(encoding="utf-8").startswith("<?xml")


def test_a_tampered_figure_fails_the_build_with_a_clear_message(repo_copy, tmp_path):
    page = repo_copy / "docs" / "en" / "articles" / "central-local-2021.md"
    text = page.read_text(encoding="utf-8")
    match = re.search(r'source_text: "([^"\n]*?)(\d)', text)
    assert match, "the page should have a figure with a digit"
    digit = match.group(2)
    tampered = text[: match.start(2)] + str((int(digit) + 1) % 10) + text[match.end(2) :]
    page.write_text(tampered, encoding="utf-8")
    line = text[: match.start()].count("\n") + 1
    printed = build_stopped_by_bad_data(repo_copy, tmp_path / "site")
    expected = (
        rf"docs/en/articles/central-local-2021\.md:{line}:\d+: article\.figures\[\d+\]\.source_text: "
        r"not found verbatim in sources/central-local-2021\.txt"
    )
    assert any(re.match(expected, line) for line in printed), printed


UI_CASES = sorted(CHECK_CORPUS.glob("ui-*"))


@pytest.mark.parametrize("case", UI_CASES, ids=[case.name for case in UI_CASES])
def test_a_bad_interface_string_fails_the_build_with_the_check_lines(repo_copy, tmp_path, case):
    """The build validates data/ui.yml as the check does: its lines, before any page is rendered
    (where a missing string used to stop the build with a KeyError or a Jinja UndefinedError)."""
    lay_out_case(case, repo_copy)
    printed = build_stopped_by_bad_data(repo_copy, tmp_path / "site")
    assert printed == [f"{len(lines_of(case / 'expected.txt'))} data problem(s):", *lines_of(case / "expected.txt")]


def test_every_article_page_renders_citation_figures_and_quotes(site_dir):
    for language, prefix in (("en", site_dir), ("zh", site_dir / "zh")):
        for page in sorted((ROOT / "docs" / language / "articles").glob("*.md")):
            if page.name == "index.md":
                continue
            html = (prefix / "articles" / page.stem / "index.html").read_text(encoding="utf-8")
            assert 'class="cd-citation"' in html and 'class="cd-figures"' in html and 'class="cd-quote"' in html, page
            assert 'id="milestones"' in html and 'id="names"' in html, page


@pytest.mark.parametrize("language", ["en", "zh"])
def test_figures_page_shows_exactly_the_data(site_dir, language):
    figures = yaml.safe_load((ROOT / "data" / "figures.yml").read_text(encoding="utf-8"))
    prefix = site_dir / "zh" if language == "zh" else site_dir
    html = (prefix / "figures" / "index.html").read_text(encoding="utf-8")
    for distribution in figures["distributions"]:
        chart = re.search(rf'<div class="cd-chart" id="chart-{distribution["id"]}">(.*?)</figure>', html, re.S)
        assert chart, distribution["id"]
        # Each layout (labels beside the bars, or above them on phones) draws every item.
        drawings = re.findall(r"<svg .*?</svg>", chart.group(1), re.S)
        assert len(drawings) == 2, distribution["id"]
        for drawing in drawings:
            bars = [int(value) for value in re.findall(r'class="cd-chart__value"[^>]*>(\d+)<', drawing)]
            assert bars == [item["value"] for item in distribution["items"]], distribution["id"]
            assert re.search(r'<svg[^>]*role="img"[^>]*aria-labelledby="chart-[^"]+-title chart-[^"]+-desc"', drawing)
        assert f">{html_escape(distribution['title'][language])}</title>" in chart.group(1)
    for item in figures["headline"]:
        assert f'<tr id="{item["id"]}" data-basis="{item["basis"]}">' in html
        if language == "zh":
            assert (
                f'<td class="cd-figure__value" lang="zh-Hans" data-no-glossary>{to_simplified(item["value"])}</td>'
                in html
            )
        else:  # English pages state the value in English; the original wording stays beside it
            assert (
                f'<td class="cd-figure__value" lang="en" data-no-glossary>{html_escape(item["value_en"])}</td>' in html
            )
            assert html_escape(item["source_text"]) in html
        when = (
            item["as_of"][language] if "as_of" in item else item["year"] or ("not stated" if language == "en" else None)
        )
        if when:
            escaped = re.escape(str(jinja_escape(when)))  # as the template escapes it: " as &#34;
            assert re.search(rf"<td[^>]*>{escaped}", html), item["id"]


@pytest.mark.parametrize("language", ["en", "zh"])
def test_glossary_and_first_use_links(site_dir, language):
    terms = yaml.safe_load((ROOT / "data" / "glossary.yml").read_text(encoding="utf-8"))["terms"]
    prefix = site_dir / "zh" if language == "zh" else site_dir
    glossary = (prefix / "glossary" / "index.html").read_text(encoding="utf-8")
    for term in terms:
        assert f'<h2 class="cd-glossary__heading" id="{term["id"]}">' in glossary
    page = (prefix / "articles" / "central-local-2021" / "index.html").read_text(encoding="utf-8")
    links = re.findall(r'<a class="cd-term" href="([^"]+)" title="([^"]+)">([^<]+)</a>', page)
    assert links, "no glossary links on the page"
    texts = [text.lower() for _href, _title, text in links]
    assert len(texts) == len(set(texts)), "each term is linked only once per page"
    for href, title, _text in links:
        anchor = href.split("#")[1]
        assert f'<h2 class="cd-glossary__heading" id="{anchor}">' in glossary
        assert title.startswith("Glossary:" if language == "en" else "术语表：")


@pytest.mark.parametrize("language", ["en", "zh"])
def test_cluster_names_link_to_their_directory_entries(site_dir, language):
    prefix = site_dir / "zh" if language == "zh" else site_dir
    directory = (prefix / "clusters" / "index.html").read_text(encoding="utf-8")
    ids = set(re.findall(r'<section class="cd-cluster" id="([^"]+)"', directory))
    data = yaml.safe_load((ROOT / "data" / "clusters.yml").read_text(encoding="utf-8"))
    assert ids == {cluster["id"] for cluster in data["clusters"]}
    # Sector lists from work reports have their own section, outside the table and its filters.
    listed = set(re.findall(r'<dt id="([^"]+)">', directory.split('class="cd-sector-lists"')[1]))
    assert listed == {item["id"] for item in data["sector_lists"]} and not listed & ids
    for page in ("timeline", "articles/blueprint-14th-fyp"):
        html = (prefix / page / "index.html").read_text(encoding="utf-8")
        targets = re.findall(r'href="[./]*clusters/#([^"]+)"', html)
        assert targets and set(targets) <= ids, page


def test_the_site_publishes_the_package_and_the_schemas(site_dir):
    files = package_files(load_site_data())
    for name, text in files.items():
        assert (site_dir / name).read_text(encoding="utf-8") == text, name
    for schema in SCHEMAS_DIR.glob("*.json"):
        assert (site_dir / "schemas" / schema.name).exists()
    page = (site_dir / "data" / "index.html").read_text(encoding="utf-8")
    assert 'href="../datapackage.json"' in page and 'href="../clusters.csv"' in page
    assert "<code>cross_province</code>" in (site_dir / "zh" / "data" / "index.html").read_text(encoding="utf-8")


def test_a_build_logs_nothing_untrue_or_idle(site_dir):
    """No line per generated page claiming it has no history (it is dated by the file it is made
    from), and none of jieba's start-up messages: what is left says what was built and checked."""
    from conftest import build_log

    log = build_log(site_dir).read_text(encoding="utf-8")
    idle = ("has no git logs", "Building prefix dict", "Loading model", "Prefix dict has been built")
    assert [line for line in log.splitlines() if any(text in line for text in idle)] == []
    assert "audited the built site" in log
