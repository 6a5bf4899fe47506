"""`mkdocs serve` rebuilds in one process: every data file edited between two builds shows in the second.

The two builds run in this test's own process, as `mkdocs serve` runs them, so anything the
hooks or clusterdocs keep between builds (the loaded data, interface strings, remembered schema
results, rendered templates) is shown to follow the files. Slow tier (``make test`` only): it is
two full builds of a copy of the repository.
"""

from __future__ import annotations

import re

import yaml
from mkdocs.commands.build import build
from mkdocs.config import load_config
from support import copy_repository


def _build(root, site_dir) -> None:
    config = load_config(config_file=str(root / "mkdocs.yml"), site_dir=str(site_dir), strict=True)
    config.plugins.on_startup(command="serve", dirty=False)
    try:
        build(config)
    finally:
        config.plugins.on_shutdown()


def _plain_english_title(root) -> tuple:
    """A milestone file and its English title, one with no character HTML would escape."""
    for milestone in sorted((root / "timeline").glob("*.yml")):
        title = yaml.safe_load(milestone.read_text(encoding="utf-8"))["title"]["en"]
        if re.fullmatch(r"[A-Za-z0-9 ,.-]+", title):
            return milestone, title
    raise AssertionError("no milestone with a plain English title to edit")


def test_edits_to_data_files_show_on_the_next_build_in_the_same_process(tmp_path):
    root = copy_repository(tmp_path / "repository")
    _build(root, tmp_path / "first")

    edits = {}
    ui = root / "data" / "ui.yml"
    ui.write_text(
        ui.read_text(encoding="utf-8").replace("  citation: Citation\n", "  citation: How to cite\n", 1),
        encoding="utf-8",
    )
    edits["articles/conference-2025/index.html"] = ("Citation", "How to cite")

    milestone, title = _plain_english_title(root)
    text = milestone.read_text(encoding="utf-8")
    assert f"en: {title}\n" in text
    milestone.write_text(text.replace(f"en: {title}\n", f"en: {title} (edited)\n", 1), encoding="utf-8")
    edits["timeline/index.html"] = (title, f"{title} (edited)")

    _build(root, tmp_path / "second")

    for page, (before, after) in edits.items():
        first = (tmp_path / "first" / page).read_text(encoding="utf-8")
        second = (tmp_path / "second" / page).read_text(encoding="utf-8")
        assert after not in first, f"{page}: the first build already shows {after!r}"
        assert after in second, f"{page}: the edit ({before!r} → {after!r}) does not show after a rebuild"
