"""`mkdocs serve` rebuilds in one process: every data file edited between two builds shows in the
second, and the rebuilt site is the one a fresh `mkdocs build` makes.

The two builds run in this test's own process, as `mkdocs serve` runs them (one start-up, a new
configuration per rebuild, one shut-down), so anything the hooks, clusterdocs or the plugins
keep between builds (the loaded data, interface strings, remembered schema results, rendered
templates, search entries, page dates) is shown to follow the files. The tree is the benchmark's
smallest (scripts/synthetic_corpus.py: three of the sources and the data consistent with them,
the pages other than the article summaries cut to headings and markers): every kind of page and
every marker is still rendered from the data, by the repository's own hooks and templates. Slow
tier (``make test`` only): it is three full builds.
"""

from __future__ import annotations

import filecmp
import re
import sys
from pathlib import Path

import yaml
from mkdocs.commands.build import build
from mkdocs.config import load_config
from support import ROOT, run_mkdocs_build

sys.path.insert(0, str(ROOT / "scripts"))
from benchmark import commit_tree  # noqa: E402  (the benchmark's: a copy made a checkout of one commit)
from synthetic_corpus import write_smallest_corpus  # noqa: E402


def _build(root, site_dir) -> None:
    """One build as `mkdocs serve` makes it (the plugins were started once, before the first)."""
    build(load_config(config_file=str(root / "mkdocs.yml"), site_dir=str(site_dir), strict=True))


def _differing_files(site: Path, reference: Path) -> list[str]:
    files = {path.relative_to(reference) for path in reference.rglob("*") if path.is_file()}
    files |= {path.relative_to(site) for path in site.rglob("*") if path.is_file()}
    return sorted(
        str(name)
        for name in files
        if not (site / name).is_file()
        or not (reference / name).is_file()
        or not filecmp.cmp(site / name, reference / name, shallow=False)
    )


def _plain_english_title(root) -> tuple:
    """A milestone file and its English title, one with no character HTML would escape."""
    for milestone in sorted((root / "timeline").glob("*.yml")):
        title = yaml.safe_load(milestone.read_text(encoding="utf-8"))["title"]["en"]
        if re.fullmatch(r"[A-Za-z0-9 ,.-]+", title):
            return milestone, title
    raise AssertionError("no milestone with a plain English title to edit")


def test_edits_to_data_files_show_on_the_next_build_in_the_same_process(tmp_path):
    root = write_smallest_corpus(tmp_path / "repository").parent
    commit_tree(root)  # page dates from git, so the builds are comparable byte for byte
    plugins = load_config(config_file=str(root / "mkdocs.yml")).plugins
    plugins.on_startup(command="serve", dirty=False)
    try:
        _build(root, tmp_path / "first")
        edits = _edit_ui_string_and_milestone(root)
        _build(root, tmp_path / "second")
    finally:
        plugins.on_shutdown()

    for page, (before, after) in edits.items():
        first = (tmp_path / "first" / page).read_text(encoding="utf-8")
        second = (tmp_path / "second" / page).read_text(encoding="utf-8")
        assert after not in first, f"{page}: the first build already shows {after!r}"
        assert after in second, f"{page}: the edit ({before!r} → {after!r}) does not show after a rebuild"

    fresh = run_mkdocs_build(tmp_path / "fresh", cwd=root)
    assert fresh.returncode == 0, fresh.stderr
    assert _differing_files(tmp_path / "second", tmp_path / "fresh") == []


def _edit_ui_string_and_milestone(root) -> dict[str, tuple[str, str]]:
    """Edit an interface string and a milestone title; the pages that show each, before and after."""
    edits = {}
    ui = root / "data" / "ui.yml"
    ui.write_text(
        ui.read_text(encoding="utf-8").replace("  citation: Citation\n", "  citation: How to cite\n", 1),
        encoding="utf-8",
    )
    article = next(
        page.stem for page in sorted((root / "docs" / "en" / "articles").glob("*.md")) if page.stem != "index"
    )
    edits[f"articles/{article}/index.html"] = ("Citation", "How to cite")

    milestone, title = _plain_english_title(root)
    text = milestone.read_text(encoding="utf-8")
    assert f"en: {title}\n" in text
    milestone.write_text(text.replace(f"en: {title}\n", f"en: {title} (edited)\n", 1), encoding="utf-8")
    edits["timeline/index.html"] = (title, f"{title} (edited)")

    return edits
