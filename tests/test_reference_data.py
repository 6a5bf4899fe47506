"""Clusters, figures and glossary: validation, cross-references, label sets and terminology."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest
import yaml

from clusterdocs.datasets import load_dataset
from clusterdocs.paths import DATA_DIR, DOCS_DIR, ROOT, SCHEMAS_DIR, TIMELINE_DIR
from clusterdocs.sitedata import load_site_data
from clusterdocs.sources import load_sources
from conftest import FIXTURES


@pytest.fixture(scope="module")
def sample_sources():
    return load_sources(FIXTURES / "sources")[0]


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
headline:
  - id: national
    value: "45"
    label: {en: national clusters, zh: 国家集群}
    year: "2022"
    source: sample-article
    source_text: "已确定45个国家先进制造业集群"
"""


def figure_problems(tmp_path: Path, sources, text: str) -> list[str]:
    (tmp_path / "figures.yml").write_text(text, encoding="utf-8")
    _document, problems = load_dataset("figures", sources, tmp_path)
    return [f"{problem.line}:{problem.field}: {problem.message}" for problem in problems]


def test_good_figures_load(tmp_path, sample_sources):
    assert figure_problems(tmp_path, sample_sources, FIGURES) == []


@pytest.mark.parametrize("old, new, expected", [
    ("value: 45, source_text: \"已确定45个", "value: 46, source_text: \"已确定46个",
     ["9:distributions[0].items[0].source_text: not found verbatim in sources/sample-article.txt: '已确定46个国家先进制造业集群'",
      "7:distributions[0].total: items add up to 46, not 45; explain the difference in a 'note'"]),
    ("    total: 45\n", "    total: 44\n", ["7:distributions[0].total: items add up to 45, not 44; explain the difference in a 'note'"]),
    ('    value: "45"', '    value: "44"', ["12:headline[0].value: value '44' does not occur in its source_text"]),
    ("  - id: national", "  - id: national\n    colour: red", ["12:headline[0].colour: unknown key 'colour'; allowed keys: id, label, note, source, source_text, value, year"]),
    ("    source: sample-article\n    year", "    source: other-article\n    year",
     ["4:distributions[0].source: unknown source 'other-article'; known: sample-article"]),
])
def test_bad_figures_are_reported_precisely(tmp_path, sample_sources, old, new, expected):
    assert old in FIGURES
    assert figure_problems(tmp_path, sample_sources, FIGURES.replace(old, new, 1)) == expected


def test_cross_references_between_clusters_timeline_and_articles_resolve():
    data = load_site_data()
    cluster_ids = {cluster["id"] for cluster in data.clusters}
    milestone_ids = {milestone.id for milestone in data.milestones}
    for cluster in data.clusters:
        assert set(cluster["milestones"]) <= milestone_ids
        for milestone_id in cluster["milestones"]:  # both directions agree
            assert cluster["id"] in next(m for m in data.milestones if m.id == milestone_id).data["clusters"]
    for milestone in data.milestones:
        assert set(milestone.data["clusters"]) <= cluster_ids
    linked = [entity["cluster"] for page in data.articles for entity in page.data["entities"].get("clusters", [])
              if "cluster" in entity]
    assert linked and set(linked) <= cluster_ids


def test_an_unknown_cluster_id_in_the_timeline_fails(repo_copy):
    import subprocess
    import sys

    entry = repo_copy / "timeline" / "2021-shanghai-ic-cluster-investment.yml"
    text = entry.read_text(encoding="utf-8")
    assert "- shanghai-integrated-circuits" in text
    entry.write_text(text.replace("- shanghai-integrated-circuits", "- shanghai-chips"), encoding="utf-8")
    result = subprocess.run([sys.executable, "-m", "clusterdocs", "check"], cwd=repo_copy, capture_output=True,
                            text=True, env={"PYTHONPATH": str(repo_copy), "PATH": "/usr/bin:/bin"})
    assert result.returncode == 1
    assert re.search(r"timeline/2021-shanghai-ic-cluster-investment\.yml:\d+:\d+: clusters\[0\]: unknown cluster id 'shanghai-chips'",
                     result.stderr)


@pytest.mark.parametrize("labels_file, key, schema, schema_path", [
    ("categories.yml", "categories", "timeline", ("properties", "category", "enum")),
    ("categories.yml", "levels", "timeline", ("properties", "level", "enum")),
    ("reference_labels.yml", "sectors", "clusters", ("properties", "clusters", "items", "properties", "sector", "enum")),
    ("reference_labels.yml", "regions", "clusters", ("properties", "clusters", "items", "properties", "region", "enum")),
    ("reference_labels.yml", "statuses", "clusters", ("properties", "clusters", "items", "properties", "status", "enum")),
])
def test_every_schema_value_has_labels_in_both_languages(labels_file, key, schema, schema_path):
    labels = yaml.safe_load((DATA_DIR / labels_file).read_text(encoding="utf-8"))[key]
    node = json.loads((SCHEMAS_DIR / f"{schema}.schema.json").read_text(encoding="utf-8"))
    for part in schema_path:
        node = node[part]
    assert list(labels) == node
    for value in labels.values():
        assert {"en", "zh"} <= set(value)


def test_interface_strings_exist_in_both_languages():
    strings = yaml.safe_load((DATA_DIR / "ui.yml").read_text(encoding="utf-8"))
    assert set(strings["en"]) == set(strings["zh"])


def english_texts() -> list[tuple[str, str]]:
    """Every English text a reader sees, with where it comes from."""
    texts = [(str(path.relative_to(DOCS_DIR.parent)), path.read_text(encoding="utf-8"))
             for path in sorted((DOCS_DIR / "en").rglob("*.md")) if path.name != "glossary.md"]
    for path in sorted(TIMELINE_DIR.glob("*.yml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        texts.append((str(path.name), data["title"]["en"] + "\n" + data["summary"]["en"]))
    return texts


def avoided_renderings() -> list[tuple[str, str, re.Pattern]]:
    terms = yaml.safe_load((DATA_DIR / "glossary.yml").read_text(encoding="utf-8"))["terms"]
    return [(term["en"], avoid, re.compile(rf"(?<![\w-]){re.escape(avoid)}(?![\w-])", re.IGNORECASE))
            for term in terms for avoid in term["avoid"]]


def test_english_pages_use_the_glossarys_canonical_renderings():
    hits = []
    for where, text in english_texts():
        for canonical, avoid, pattern in avoided_renderings():
            for match in pattern.finditer(text):
                line = text.count("\n", 0, match.start()) + 1
                hits.append(f"{where}:{line}: '{match.group(0)}' (use '{canonical}')")
    assert hits == []


def test_the_terminology_check_can_fail():
    patterns = [pattern for _canonical, avoid, pattern in avoided_renderings() if avoid == "champion enterprise"]
    assert patterns and patterns[0].search("Shenzhen has 12 champion enterprises.") is None  # plural not listed
    assert patterns[0].search("a single champion enterprise in Ningbo")


def test_sector_lists_stay_out_of_the_clusters_directory():
    """Fields listed in provincial work reports are not named clusters: they never enter the directory or its filters."""
    data = load_site_data(ROOT)
    list_ids = {item["id"] for item in data.sector_lists}
    assert list_ids and not list_ids & {cluster["id"] for cluster in data.clusters}
    list_passages = {item["source_text"] for item in data.sector_lists}
    cluster_passages = {mention["source_text"] for cluster in data.clusters for mention in cluster["mentions"]}
    assert not any(cluster in passage or passage in cluster for passage in list_passages for cluster in cluster_passages)


def test_clusters_named_in_one_sentence_share_a_status():
    data = load_site_data(ROOT)
    by_sentence: dict[tuple[str, str], set[str]] = {}
    for cluster in data.clusters:
        for mention in cluster["mentions"]:
            by_sentence.setdefault((mention["source"], mention["source_text"]), set()).add(cluster["status"])
    mixed = {key: statuses for key, statuses in by_sentence.items() if len(statuses) > 1}
    assert mixed == {}
