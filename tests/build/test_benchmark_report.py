"""The benchmark script (scripts/benchmark.py) in-process on the session build: it measures the
built pages, writes the report and exits 1 on a missed budget.

Only the builds and the timed commands are stubbed (each "build" links to the session's site), so
this runs in the fast tier; tests/slow/test_benchmark_end_to_end.py runs the real thing. Nothing
here is timed: the stubbed timings are fixed numbers the report must show.
"""

from __future__ import annotations

import gzip
import sys

from support import ROOT

sys.path.insert(0, str(ROOT / "scripts"))

import benchmark

BUILD_TIMES = {"hooks": benchmark.Build(3.0, 2.0, 140), "no hooks": benchmark.Build(1.5, 1.0, 120)}
OTHER_COMMANDS = benchmark.Build(0.5, 0.5, 60)  # start-up and the check


def test_the_benchmark_measures_the_site_reports_and_fails_on_a_missed_budget(site_dir, tmp_path, monkeypatch, capsys):
    built = []

    def link_to_the_session_site(tree, variant, site):
        built.append((tree.name, variant))
        # The plain Material build has no i18n plugin: the English pages sit under en/.
        if variant == "plain":
            site.mkdir()
            (site / "en").symlink_to(site_dir, target_is_directory=True)
        else:
            site.symlink_to(site_dir, target_is_directory=True)
        return BUILD_TIMES.get(variant, benchmark.Build(1.0, 1.0, 110))

    monkeypatch.setattr(benchmark, "build", link_to_the_session_site)
    monkeypatch.setattr(benchmark, "timed", lambda command, cwd, log, **environment: OTHER_COMMANDS)
    results = tmp_path / "results.md"
    arguments = ["--scales", "1", "--runs", "1", "--no-lighthouse", "--no-serve", "--no-search-timing"]
    arguments += ["--budget", "check_seconds=0.4"]
    exit_code = benchmark.main([*arguments, "--output", str(results), "--scratch", str(tmp_path / "scratch")])

    assert exit_code == 1
    assert built == [("corpus-1x", variant) for variant in ("hooks", "no hooks", "hooks removed", "plain")]
    missed = [line.split(":")[1].strip() for line in capsys.readouterr().out.splitlines() if "budget missed" in line]
    assert missed == ["hooks_overhead_1x", "check_seconds"]  # 2.0 / 1.0 - 1 = 1 > 0.25; 0.5 > 0.4
    report = results.read_text(encoding="utf-8")
    assert "| 1x | 1 | 3.0 (2.0) | 1.5 (1.0) | 1.0 (1.0) | 1.0 (1.0) | 2.00 (2.00) |" in report
    assert "| 1x | 140 / 120 / 110 / 110 | 0.5 (0.5) |" in report  # memory, and the first build
    zh_index_kb = len(gzip.compress((site_dir / "zh/search/search_index.json").read_bytes(), compresslevel=6)) / 1000
    assert f"| {zh_index_kb:.3g} | ≤ 150 | yes |" in report
    assert f"| zh | {zh_index_kb:.1f} (" in report  # the index sizes by scale
    assert "| ≤ 0.4 | no |" in report
    assert "not measured in this run" in report  # 10x, 100x, Lighthouse, serve and search timing were skipped
