"""Clusters, figures and glossary: validation, cross-references, label sets and terminology."""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest
from support import FIXTURES, check_lines

from clusterdocs.check.datasets import load_dataset
from clusterdocs.base.paths import ROOT
from clusterdocs.check.sitedata import finish_build, load_site_data, start_build
from clusterdocs.check.sources import load_sources
from clusterdocs.check.terminology import avoided_renderings


@pytest.fixture(scope="module")
def sample_sources():
    return load_sources(FIXTURES)[0]


FIGURES = """\
distributions:
  - id: by-year
    title: {en: Winners by year, zh: 各年胜出数}
    source: sample-article
    year: "2022"
    unit: {en: clusters, zh: 个}
    total: 45
    items:
      - {label: {en: All, zh: 全部}, value: 45, source_text: "已确定45个国家先进制造业集群"}
    basis: stated
    year_text: "截至2022年,我国已确定45个国家先进制造业集群"
headline:
  - id: national
    value: "45"
    label: {en: national clusters, zh: 国家集群}
    year: "2022"
    source: sample-article
    source_text: "已确定45个国家先进制造业集群"
    basis: stated
    year_text: "截至2022年,我国已确定45个国家先进制造业集群"
"""


UNLISTED_HINT = "where the source does not break some down, give their number and the reason in 'unlisted'"


def figure_problems(tmp_path: Path, sources, text: str) -> list[str]:
    (tmp_path / "data").mkdir(exist_ok=True)
    (tmp_path / "data" / "figures.yml").write_text(text, encoding="utf-8")
    _document, problems = load_dataset("figures", sources, tmp_path)
    return [f"{problem.line}:{problem.field}: {problem.message}" for problem in problems]


def test_good_figures_load(tmp_path, sample_sources):
    assert figure_problems(tmp_path, sample_sources, FIGURES) == []


HEADLINE_BASIS = '    basis: stated\n    year_text: "截至2022年,我国已确定45个国家先进制造业集群"\n'


@pytest.mark.parametrize(
    "new, expected",
    [
        (
            "    basis: stated\n",
            [
                (
                    "19:headline[0].basis: basis is 'stated' but neither source_text nor year_text writes the "
                    "year 2022 (2022年); quote the words that do in year_text, or use 'inferred' or 'external'"
                )
            ],
        ),
        (
            "    basis: inferred\n",
            ["19:headline[0].basis: basis is 'inferred': give the reasoning in a bilingual note"],
        ),
        (
            "    basis: external\n",
            ["19:headline[0].basis: basis is 'external' but the figure has no 'external' citation"],
        ),
        (
            '    basis: external\n    external: [{outlet: {en: People\'s Daily, zh: 《人民日报》}, date: "2022-09-25"}]\n',
            [],
        ),
        ("    basis: inferred\n    note: {en: Because., zh: 因为。}\n", []),
        ("", ["13:headline[0].basis: missing required field 'basis'"]),
    ],
)
def test_each_figure_says_where_its_year_comes_from(tmp_path, sample_sources, new, expected):
    assert FIGURES.endswith(HEADLINE_BASIS)
    assert figure_problems(tmp_path, sample_sources, FIGURES.removesuffix(HEADLINE_BASIS) + new) == expected


@pytest.mark.parametrize(
    "old, new, expected",
    [
        (
            'value: 45, source_text: "已确定45个',
            'value: 46, source_text: "已确定46个',
            [
                "9:distributions[0].items[0].source_text: not found verbatim in sources/sample-article.txt: '已确定46个国家先进制造业集群'",
                f"7:distributions[0].total: items add up to 46 not 45; {UNLISTED_HINT}",
            ],
        ),
        (
            "    total: 45\n",
            "    total: 44\n",
            [f"7:distributions[0].total: items add up to 45 not 44; {UNLISTED_HINT}"],
        ),
        (  # a free-text note excuses nothing
            "    total: 45\n",
            "    total: 47\n    note: {en: Two are not named., zh: 两个未列出。}\n",
            [f"7:distributions[0].total: items add up to 45 not 47; {UNLISTED_HINT}"],
        ),
        (  # the structured field does, when its count makes up the difference exactly
            "    total: 45\n",
            "    total: 47\n    unlisted: {count: 2, reason: {en: The source names 45 of them., zh: 原文只列出45个。}}\n",
            [],
        ),
        (
            "    total: 45\n",
            "    total: 48\n    unlisted: {count: 2, reason: {en: The source names 45 of them., zh: 原文只列出45个。}}\n",
            [f"7:distributions[0].total: items add up to 45, plus 2 unlisted, not 48; {UNLISTED_HINT}"],
        ),
        (
            '    value: "45"',
            '    value: "44"',
            ["14:headline[0].value: value '44' does not occur in its source_text as a whole number"],
        ),
        (
            "  - id: national",
            "  - id: national\n    colour: red",
            [
                (
                    "14:headline[0].colour: unknown key 'colour'; allowed keys: "
                    "as_of, basis, external, id, label, note, source, source_text, value, value_en, year, year_text"
                )
            ],
        ),
        (
            "    source: sample-article\n    year",
            "    source: other-article\n    year",
            ["4:distributions[0].source: unknown source 'other-article'; known: sample-article"],
        ),
    ],
)
def test_bad_figures_are_reported_precisely(tmp_path, sample_sources, old, new, expected):
    assert old in FIGURES
    assert figure_problems(tmp_path, sample_sources, FIGURES.replace(old, new, 1)) == expected


def test_an_unknown_cluster_id_in_the_timeline_fails(content_tree):
    entry = content_tree / "timeline" / "2021-shanghai-ic-cluster-investment.yml"
    text = entry.read_text(encoding="utf-8")
    assert "- shanghai-integrated-circuits" in text
    entry.write_text(text.replace("- shanghai-integrated-circuits", "- shanghai-chips"), encoding="utf-8")
    assert any(
        re.fullmatch(
            r"timeline/2021-shanghai-ic-cluster-investment\.yml:\d+:\d+: clusters\[0\]: "
            r"unknown cluster id 'shanghai-chips'(; .*)?",
            line,
        )
        for line in check_lines(content_tree)
    )


def test_an_edited_interface_string_shows_on_the_next_load(content_tree):
    """``mkdocs serve`` rebuilds with the data reloaded: interface strings are data like any other."""
    assert load_site_data(content_tree).ui["en"]["citation"] == "Citation"
    ui = content_tree / "data" / "ui.yml"
    ui.write_text(
        ui.read_text(encoding="utf-8").replace("  citation: Citation\n", "  citation: How to cite\n"), encoding="utf-8"
    )
    os.utime(ui, ns=(ui.stat().st_atime_ns, ui.stat().st_mtime_ns + 1_000_000_000))
    assert load_site_data(content_tree).ui["en"]["citation"] == "How to cite"


def test_an_edit_after_an_in_process_build_shows_on_the_next_load(content_tree):
    """A build in this process (a test, `mkdocs serve`) stats the files once; after it, loads stat them again."""
    start_build()  # what the site-data hook does when a build starts
    assert load_site_data(content_tree).ui["en"]["citation"] == "Citation"
    finish_build()  # what it does when the build ends
    ui = content_tree / "data" / "ui.yml"
    ui.write_text(
        ui.read_text(encoding="utf-8").replace("  citation: Citation\n", "  citation: Cite as\n"), encoding="utf-8"
    )
    assert load_site_data(content_tree).ui["en"]["citation"] == "Cite as"


def test_the_terminology_rule_matches_whole_words_only():
    glossary, _problems = load_dataset("glossary", {}, ROOT)
    pattern, canonical_of = avoided_renderings(glossary)
    assert "champion enterprise" in canonical_of
    assert pattern.search("Shenzhen has 12 champion enterprises.") is None  # plural not listed
    assert pattern.search("one Champion Enterprise in Ningbo").group(0) == "Champion Enterprise"


def test_sector_lists_stay_out_of_the_clusters_directory():
    """Fields listed in provincial work reports are not named clusters: they never enter the directory or its filters."""
    data = load_site_data(ROOT)
    list_ids = {item["id"] for item in data.sector_lists}
    assert list_ids and not list_ids & {cluster["id"] for cluster in data.clusters}
    list_passages = {item["source_text"] for item in data.sector_lists}
    cluster_passages = {mention["source_text"] for cluster in data.clusters for mention in cluster["mentions"]}
    assert not any(
        cluster in passage or passage in cluster for passage in list_passages for cluster in cluster_passages
    )


def test_a_passage_that_puts_one_cluster_on_a_list_puts_every_cluster_it_names_there():
    """Clusters named in the same sentence share what that sentence says: a membership passage that
    another cluster also cites (as a mention or a membership) gives that cluster the membership too."""
    data = load_site_data(ROOT)
    cited = {
        cluster["id"]: {(item["source"], item["source_text"]) for item in cluster["mentions"]}
        | {(item["source"], item["source_text"]) for m in cluster["memberships"] for item in m["passages"]}
        for cluster in data.clusters
    }
    lists_of = {cluster["id"]: {m["list"] for m in cluster["memberships"]} for cluster in data.clusters}
    missing = [
        (other, membership["list"], passage["source_text"])
        for cluster in data.clusters
        for membership in cluster["memberships"]
        if membership["basis"] == "stated"
        for passage in membership["passages"]
        for other, passages in cited.items()
        if (passage["source"], passage["source_text"]) in passages
        and membership["list"] not in lists_of[other]
        and other != cluster["id"]
    ]
    assert missing == []
    shared = sum(
        (p["source"], p["source_text"]) in cited[other]
        for cluster in data.clusters
        for m in cluster["memberships"]
        for p in m["passages"]
        for other in cited
        if other != cluster["id"]
    )
    assert shared, "some membership passage names several clusters, so this test has something to check"
