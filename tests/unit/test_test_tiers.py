"""`make test` (what CI runs) collects every tier, and `make test-fast` every tier but the browser's.

pytest skips folders named like build output by default (``norecursedirs`` holds ``build``), so
`pytest tests` once left out tests/build without a word; pyproject.toml sets the list without it.
"""

from __future__ import annotations

import functools
import re
import subprocess
import sys

import pytest
from support import ROOT

TESTS = ROOT / "tests"
# Both tests read one collection (``collected_folders`` is cached): one worker runs them.
pytestmark = pytest.mark.xdist_group("test-tiers")


@functools.cache
def collected_folders(*paths: str) -> dict[str, int]:
    """How many tests pytest collects from each folder under tests/, given ``paths``."""
    result = subprocess.run(
        [sys.executable, "-m", "pytest", "--collect-only", "-q", "-p", "no:cacheprovider", *paths],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout[-2000:] + result.stderr[-2000:]
    counts: dict[str, int] = {}
    for node in re.findall(r"^tests/([^/]+)/\S+::", result.stdout, flags=re.MULTILINE):
        counts[node] = counts.get(node, 0) + 1
    return counts


def make_target_paths(target: str) -> list[str]:
    """The paths the Makefile's ``target`` hands to pytest."""
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    recipe = re.search(rf"^{target}:.*\n\t(.*pytest .*)$", makefile, flags=re.MULTILINE).group(1)
    return [word for word in recipe.split() if word.startswith("tests")]


def tier_folders() -> set[str]:
    """Every folder under tests/ that holds test files."""
    return {path.relative_to(TESTS).parts[0] for path in TESTS.glob("*/test_*.py")}


def test_make_test_collects_every_tier():
    counts = collected_folders(*make_target_paths("test"))
    assert set(counts) == tier_folders() and all(counts.values()), counts


def test_make_test_fast_collects_every_tier_but_the_browser_and_slow_ones():
    """One collection serves both tests: `make test-fast` names its folders one by one, and a folder
    named on the command line is collected as it is under ``tests`` (norecursedirs only prunes
    folders pytest walks into), so its counts are those of `make test` for the folders it names."""
    paths = make_target_paths("test-fast")
    assert all(re.fullmatch(r"tests/[^/]+/?", path) for path in paths), paths
    everything = collected_folders(*make_target_paths("test"))
    counts = {
        folder: count for folder, count in everything.items() if f"tests/{folder}" in {p.rstrip("/") for p in paths}
    }
    assert set(counts) == tier_folders() - {"browser", "slow"} and all(counts.values()), counts
