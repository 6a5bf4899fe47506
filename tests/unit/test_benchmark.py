"""The benchmark's synthetic corpus and budget arithmetic (scripts/benchmark.py, scripts/synthetic_corpus.py).

Nothing here is timed: the benchmark measures, these tests only check that it works.
"""

from __future__ import annotations

import filecmp
import sys

import pytest
from support import ROOT

from clusterdocs.base.languages import is_generated
from clusterdocs.check.sitedata import load_site_data

sys.path.insert(0, str(ROOT / "scripts"))

import benchmark
from synthetic_corpus import SMALLEST_SOURCES, write_corpus, write_smallest_corpus


def test_synthetic_corpus_is_valid_deterministic_and_grows_everything(tmp_path):
    real = load_site_data(ROOT)
    tree = tmp_path / "a"
    write_corpus(tree, 2)
    grown = load_site_data(tree)  # raises DataError, with every problem, if the copies are not valid
    assert len(grown.sources) == 2 * len(real.sources)
    assert len(grown.articles) == 2 * len(real.articles)
    assert len(grown.milestones) == 2 * len(real.milestones)
    assert len(grown.clusters) == 2 * len(real.clusters)
    assert len(grown.glossary) == 2 * len(real.glossary)
    assert len(grown.documents) == 2 * len(real.documents)
    assert len({term["zh"] for term in grown.glossary}) == len(grown.glossary), "copied terms have their own wording"
    config = (tree / "mkdocs.yml").read_text(encoding="utf-8")
    assert "Synthetic benchmark corpus" in config and "articles/conference-2025-synthetic-a.md" in config
    again = tmp_path / "b"
    write_corpus(again, 2)
    comparison = filecmp.dircmp(tree / "timeline", again / "timeline")
    assert not comparison.diff_files and not comparison.left_only and not comparison.right_only
    assert (tree / "data" / "glossary.yml").read_bytes() == (again / "data" / "glossary.yml").read_bytes()


def test_smallest_corpus_is_valid_deterministic_and_really_smaller(tmp_path):
    real = load_site_data(ROOT)
    tree = tmp_path / "a"
    write_smallest_corpus(tree)
    small = load_site_data(tree)  # the check: raises DataError, with every problem, if the reduction broke it
    assert sorted(small.sources) == sorted(SMALLEST_SOURCES) and len(small.sources) < len(real.sources)
    assert {page.slug for page in small.articles} == set(SMALLEST_SOURCES)
    for name in ("articles", "milestones", "clusters", "glossary"):
        assert 0 < len(getattr(small, name)) < len(getattr(real, name)), name
    assert 0 < len(small.documents) <= len(real.documents)  # every document happens to cite only these
    assert 0 < len(small.figures["distributions"]) < len(real.figures["distributions"])
    cited = {source_id for milestone in small.milestones for source_id in milestone.articles}
    assert cited and cited <= set(SMALLEST_SOURCES), "no milestone cites a source left out"
    pages = sorted(path.relative_to(tree).as_posix() for path in (tree / "docs").rglob("*.md"))
    real_pages = sorted(
        path.relative_to(ROOT).as_posix()
        for path in (ROOT / "docs").rglob("*.md")
        if not is_generated(path, ROOT / "docs")  # docs/zh-Hant, written by a build, is not copied
    )
    assert set(pages) < set(real_pages)
    size = sum((tree / page).stat().st_size for page in pages)
    assert size < sum((ROOT / page).stat().st_size for page in real_pages) / 2, "the pages hold under half the text"
    config = (tree / "mkdocs.yml").read_text(encoding="utf-8")
    assert "site_name: Reduced benchmark corpus" in config
    assert all((f"articles/{page.slug}.md" in config) == (page.slug in SMALLEST_SOURCES) for page in real.articles)
    again = tmp_path / "b"
    write_smallest_corpus(again)
    for folder in ("sources", "timeline", "data", "docs"):
        files = sorted(path.relative_to(tree) for path in (tree / folder).rglob("*") if path.is_file())
        assert files == sorted(path.relative_to(again) for path in (again / folder).rglob("*") if path.is_file())
        assert all((tree / name).read_bytes() == (again / name).read_bytes() for name in files), folder


def test_budgets_are_checked_in_both_directions():
    limits = benchmark.parse_budgets(["check_seconds=2"])
    assert benchmark.missed_budgets({"check_seconds": 1.5, "lighthouse_seo": 100}, limits) == []
    missed = benchmark.missed_budgets({"check_seconds": 2.5, "lighthouse_seo": 92, "zh_search_index_kb": 80}, limits)
    assert [line.split(":")[0] for line in missed] == ["check_seconds", "lighthouse_seo"]
    with pytest.raises(SystemExit, match="unknown budget"):
        benchmark.parse_budgets(["build_speed=1"])


def test_search_timing_is_budgeted_on_the_slowest_language():
    timing = {"en": {"p90_ms": 40.0}, "zh": {"p90_ms": 320.0}, "zh-Hant": {"p90_ms": 90.0}}
    values = benchmark.budget_values({"builds": {}, "search_timing": {1: timing, 10: timing}})
    assert values == {"search_results_ms_1x": 320.0, "search_results_ms_10x": 320.0}
    missed = benchmark.missed_budgets(values, benchmark.parse_budgets([]))
    assert [line.split(":")[0] for line in missed] == ["search_results_ms_1x"]  # 320 > 300; 320 <= 1000
