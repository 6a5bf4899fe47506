"""The benchmark (scripts/benchmark.py) end to end: real builds of all four variants, the check,
search timing in Chromium, the report and a blown budget.

It runs on the smallest tree the site builds from (``--corpus smallest``: three of the sources,
the data consistent with them, the other pages cut to headings and markers), with one run, three
queries per language, no Lighthouse and no serve: every stage still runs for real, on less.
Slow tier (``make test`` only, not ``make test-fast``): it is still five builds and a browser.
tests/build/test_benchmark_report.py runs the same script in-process on the session build, with
the builds' timings stubbed, in the fast tier. Nothing here is timed.
"""

from __future__ import annotations

import subprocess
import sys

from support import ROOT


def test_the_benchmark_runs_writes_results_and_fails_on_a_blown_budget(tmp_path):
    results = tmp_path / "results.md"
    run = subprocess.run(
        [
            sys.executable,
            str(ROOT / "scripts" / "benchmark.py"),
            "--corpus",
            "smallest",
            "--search-queries",
            "3",
            "--scales",
            "1",
            "--runs",
            "1",
            "--no-lighthouse",
            "--no-serve",
            "--budget",
            "zh_search_index_kb=0.001",
            "--budget",
            "hooks_overhead_1x=1000",
            "--budget",
            "check_seconds=1000",
            "--output",
            str(results),
            "--scratch",
            str(tmp_path / "scratch"),
        ],
        check=False,
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert run.returncode == 1, run.stdout + run.stderr
    assert [line.split(":")[1].strip() for line in run.stdout.splitlines() if line.startswith("budget missed")] == [
        "zh_search_index_kb"
    ]
    report = results.read_text(encoding="utf-8")
    assert "| 1x | 1 |" in report
    assert "| zh search index at 1x, gzip (KB) |" in report and "| ≤ 0.001 | no |" in report
    assert "| ≤ 1000 | yes |" in report
    assert "not measured in this run" in report  # 10x, 100x, Lighthouse and serve were skipped
    assert "- Corpus: **reduced** (`--corpus smallest`)" in report  # never taken for the site's numbers
    assert "(3 sampled queries per language" in report and "| 1x | zh-Hant |" in report  # search was timed
