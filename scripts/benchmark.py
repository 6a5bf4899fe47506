"""Measure how long the site takes to build and how big it is; write benchmarks/results.json.

Run with `make bench`. Timings are wall-clock seconds over several strict builds (median and
range), so compare results from the same machine. Sizes are bytes of the built site: what a
reader downloads for a page matters more than the total.
"""

from __future__ import annotations

import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import datetime, timezone
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "benchmarks" / "results.json"
RUNS = int(os.environ.get("BENCH_RUNS", "3"))


def build(site: Path) -> float:
    start = time.perf_counter()
    subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet", "--site-dir", str(site)],
                   cwd=ROOT, check=True, env=dict(os.environ, NO_MKDOCS_2_WARNING="1"), capture_output=True)
    return time.perf_counter() - start


def check_time() -> float:
    start = time.perf_counter()
    subprocess.run([sys.executable, "-m", "clusterdocs", "check"], cwd=ROOT, check=True, capture_output=True)
    return time.perf_counter() - start


def size(path: Path) -> int:
    return sum(file.stat().st_size for file in path.rglob("*") if file.is_file())


def page_weight(site: Path, page: str) -> int:
    """HTML of one page plus the site's CSS and JavaScript it loads (fonts: none, by design)."""
    html = (site / page / "index.html").stat().st_size
    assets = sum(file.stat().st_size for file in (site / "assets").rglob("*") if file.suffix in {".css", ".js"}
                 and "workers" not in file.parts and "lunr" not in file.parts)
    return html + assets


def main() -> None:
    with tempfile.TemporaryDirectory() as temporary:
        site = Path(temporary) / "site"
        timings = [build(site) for _ in range(RUNS)]
        checks = [check_time() for _ in range(RUNS)]
        results = {
            "measured_at": datetime.now(timezone.utc).isoformat(timespec="seconds"),
            "machine": {"python": platform.python_version(), "processor": platform.machine(), "cpus": os.cpu_count()},
            "build_seconds": {"runs": RUNS, "median": round(statistics.median(timings), 2),
                              "min": round(min(timings), 2), "max": round(max(timings), 2)},
            "data_check_seconds": {"median": round(statistics.median(checks), 3)},
            "site_bytes": size(site),
            "pages": len(list(site.rglob("index.html"))),
            "search_index_bytes": {"en": (site / "search" / "search_index.json").stat().st_size,
                                   "zh": (site / "zh" / "search" / "search_index.json").stat().st_size},
            "page_weight_bytes": {page or "home": page_weight(site, page) for page in
                                  ("", "timeline", "zh/timeline", "articles/central-local-2021")},
        }
    RESULTS.parent.mkdir(exist_ok=True)
    RESULTS.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    print(json.dumps(results, indent=2))


if __name__ == "__main__":
    main()
