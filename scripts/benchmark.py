"""Measure build cost and page weight against baselines, check the budgets, write benchmarks/results.md.

Run with ``make bench``. In one run, side by side, at each content scale (1x is the real
content; 10x and 100x are synthetic copies from scripts/synthetic_corpus.py):

- build time (median over ``--runs``) and peak memory of four builds of the same tree: the site
  as configured ("hooks"); the same site without the project's hooks ("no hooks": the same
  pages with the same content, written out as the hooks render them by scripts/prerendered_pages.py,
  built by mkdocs.yml without its ``hooks:`` list), the baseline of the hooks budget; the source
  Markdown built without the hooks ("hooks removed": the markers stay as comments, so the
  rendered content is missing too); and a plain Material build of the same Markdown without i18n
  ("plain"). Before the timed builds, each scale's first build runs with empty caches (a fresh
  clone's first build; reported, not budgeted) and writes the pre-rendered pages;
- at 1x: ``python -m clusterdocs check``, and how long ``mkdocs serve`` takes to show an edited
  timeline file; Lighthouse (mobile) on every page type in both languages over a local server
  that gzips like a static host; the compressed first load of an article page;
- at every scale, each language's compressed search index; at 1x and 10x, in Chromium, the time
  from typing a query into each language's search box to its first results (queries sampled from
  the built pages by tests/search_samples.py, typed once the index is loaded), and how long the
  index takes to load.

Every budget is checked; the script prints each one missed and exits 1. ``--budget NAME=LIMIT``
changes a limit (the tests use it to blow one on purpose). ``--corpus smallest`` (with
``--scales 1``) and ``--search-queries N`` make a run small enough to test the benchmark itself
(tests/slow/test_benchmark_end_to_end.py): every stage still runs, on a reduced tree that the
report names, so such a run is never taken for a measurement of the site. Scratch files go to
``benchmarks/tmp/`` (ignored by git); only ``benchmarks/results.md`` is meant for review.
"""

from __future__ import annotations

import argparse
import gzip
import http.server
import io
import json
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import threading
import time
import urllib.request
from dataclasses import dataclass
from datetime import UTC, datetime
from functools import partial
from html.parser import HTMLParser
from importlib import metadata
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from chromium import CHROMIUM, CHROMIUM_ARGS, launch
from synthetic_corpus import SMALLEST_SOURCES, ROOT, read_yaml, write_corpus, write_smallest_corpus, write_yaml

from clusterdocs.base.languages import LANGUAGES

RESULTS = ROOT / "benchmarks" / "results.md"
SCRATCH = ROOT / "benchmarks" / "tmp"
VARIANTS = ("hooks", "no hooks", "hooks removed", "plain")
CONFIGS = {
    "hooks": "mkdocs.yml",
    "no hooks": "mkdocs-no-hooks.yml",
    "hooks removed": "mkdocs-hooks-removed.yml",
    "plain": "mkdocs-plain.yml",
}
FIRST_BUILD_CONFIG = "mkdocs-first-build.yml"  # the site's config plus scripts/prerendered_pages.py
PRERENDERED_DOCS = "docs-prerendered"
LIGHTHOUSE_PAGES = {
    "home": "",
    "timeline": "timeline/",
    "article": "articles/central-local-2021/",
    "articles": "articles/",
    "clusters": "clusters/",
    "figures": "figures/",
    "glossary": "glossary/",
    "data": "data/",
    "about": "about/",
}
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
# The synthetic 10x and 100x corpora have data files above the published limit (clusterdocs/read/textfile.py).
ENVIRONMENT = dict(os.environ, NO_MKDOCS_2_WARNING="1", CLUSTERDOCS_DATA_LIMIT_KIB="8192")

# name: (limit, "max" or "min", what it is). The measured values are filled in by measure().
BUDGETS = {
    "hooks_overhead_1x": (
        0.25,
        "max",
        "extra build CPU time from the project's hooks at 1x (fraction of the no-hooks build)",
    ),
    "hooks_overhead_10x": (0.25, "max", "the same at 10x"),
    "hooks_overhead_100x": (0.25, "max", "the same at 100x"),
    "build_100x_vs_linear": (
        1.0,
        "max",
        "100x build CPU time over the linear limit: start-up + 100 × (1x build − start-up)",
    ),
    "peak_memory_100x_mib": (1024, "max", "peak memory of the 100x build with hooks (MiB)"),
    "check_seconds": (1.0, "max", "`python -m clusterdocs check` at 1x (s)"),
    "serve_rebuild_seconds": (3.0, "max", "`mkdocs serve`: edited timeline file to changed page (s)"),
    "lighthouse_performance": (95, "min", "lowest Lighthouse performance score over all pages"),
    "lighthouse_accessibility": (100, "min", "lowest Lighthouse accessibility score"),
    "lighthouse_best_practices": (100, "min", "lowest Lighthouse best-practices score"),
    "lighthouse_seo": (100, "min", "lowest Lighthouse SEO score"),
    "article_first_load_kb": (150, "max", "first load of an article page, gzip, search index excluded (KB)"),
    "zh_search_index_kb": (150, "max", "zh search index at 1x, gzip (KB)"),
    "search_results_ms_1x": (300, "max", "typing to first results at 1x, 90th percentile of the slowest language (ms)"),
    "search_results_ms_10x": (1000, "max", "the same at 10x (ms)"),
}
SEARCH_TIMING_SCALES = (1, 10)  # 100x is only sized: its build is measured, its index not typed into
SEARCH_QUERIES = 20  # per language, unless --search-queries says otherwise


@dataclass
class Build:
    seconds: float  # wall clock
    cpu_seconds: float  # user + system: what the build itself used, less disturbed by other load
    peak_mib: float


# --- Configurations ----------------------------------------------------------------------


def write_configs(tree: Path) -> None:
    """Next to the tree's mkdocs.yml: the first-build config, the two configs without hooks
    (pre-rendered pages, and the source pages) and a plain Material config."""
    text = (tree / "mkdocs.yml").read_text(encoding="utf-8")
    hooks = re.search(r"^hooks:\n(?:  .*\n)+", text, flags=re.MULTILINE).group(0)
    dump_hook = f"  - {Path(__file__).resolve().parent / 'prerendered_pages.py'}\n"
    (tree / FIRST_BUILD_CONFIG).write_text(text.replace(hooks, hooks + dump_hook), encoding="utf-8")
    without_hooks = text.replace(hooks, "").replace("\nstrict: true\n", "\nstrict: false\n")
    (tree / CONFIGS["hooks removed"]).write_text(without_hooks, encoding="utf-8")
    prerendered = re.sub(r"^docs_dir: .*$", f"docs_dir: {PRERENDERED_DOCS}", without_hooks, flags=re.MULTILINE)
    (tree / CONFIGS["no hooks"]).write_text(prerendered, encoding="utf-8")
    extensions = re.search(r"^markdown_extensions:\n(?:(?:  .*)?\n)+", text, flags=re.MULTILINE).group(0)
    name = re.search(r"^site_name: .*$", text, flags=re.MULTILINE).group(0)
    plain = (
        f"{name}\nsite_url: http://127.0.0.1:8000/\ndocs_dir: docs\ntheme:\n  name: material\n"
        f"plugins:\n  - search\nvalidation:\n  omitted_files: ignore\n{extensions}"
    )
    (tree / CONFIGS["plain"]).write_text(plain, encoding="utf-8")


def commit_tree(tree: Path) -> None:
    """Make the tree a git repository with one commit, as a checkout is: the pages' "last updated"
    dates then come from git and stay the same from build to build, as they do in the project."""
    identity = {"GIT_AUTHOR_NAME": "benchmark", "GIT_AUTHOR_EMAIL": "benchmark@localhost"}
    identity |= {"GIT_COMMITTER_NAME": "benchmark", "GIT_COMMITTER_EMAIL": "benchmark@localhost"}
    identity |= {"GIT_AUTHOR_DATE": "2026-01-01T00:00:00Z", "GIT_COMMITTER_DATE": "2026-01-01T00:00:00Z"}
    for command in (["init", "--quiet"], ["add", "--all"], ["commit", "--quiet", "--no-gpg-sign", "-m", "corpus"]):
        subprocess.run(["git", *command], cwd=tree, env=child_environment(**identity), check=True)


def first_build(tree: Path, site: Path) -> Build:
    """The tree's first build, with the cache folder emptied, as on a fresh clone; it also writes
    the pre-rendered pages (and copies the other files of docs/) for the "no hooks" baseline."""
    shutil.rmtree(SCRATCH / "cache", ignore_errors=True)
    prerendered = tree / PRERENDERED_DOCS
    shutil.rmtree(prerendered, ignore_errors=True)
    command = [
        sys.executable,
        "-m",
        "mkdocs",
        "build",
        "--quiet",
        "--strict",
        "-f",
        FIRST_BUILD_CONFIG,
        "-d",
        str(site),
    ]
    result = timed(command, tree, site.with_suffix(".log"), PRERENDERED_DOCS=str(prerendered))
    shutil.copytree(tree / "docs", prerendered, ignore=shutil.ignore_patterns("*.md"), dirs_exist_ok=True)
    return result


# --- Measurements ------------------------------------------------------------------------


def child_environment(**extra: str) -> dict[str, str]:
    """Every command's environment: the project's cache folder (clusterdocs/base/build_cache.py) is the
    benchmark's own, so the first build starts with it empty and the user's cache is untouched."""
    return {**ENVIRONMENT, "CLUSTERDOCS_CACHE_DIR": str(SCRATCH / "cache"), **extra}


def timed(command: list[str], cwd: Path, log: Path, **environment: str) -> Build:
    """Wall time and peak resident memory of one child process; a failure stops the benchmark."""
    with log.open("w") as output:
        start = time.perf_counter()
        process = subprocess.Popen(
            command, cwd=cwd, env=child_environment(**environment), stdout=output, stderr=subprocess.STDOUT
        )
        _pid, status, usage = os.wait4(process.pid, 0)
        seconds = time.perf_counter() - start
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode:
        raise SystemExit(f"failed ({process.returncode}): {' '.join(command)} in {cwd}; see {log}")
    return Build(seconds, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024)


def build(tree: Path, variant: str, site: Path) -> Build:
    command = [sys.executable, "-m", "mkdocs", "build", "--quiet", "-f", CONFIGS[variant], "-d", str(site)]
    return timed(command + (["--strict"] if variant == "hooks" else []), tree, site.with_suffix(".log"))


def start_up(runs: int) -> Build:
    """What every build pays before its first page: interpreter, MkDocs, theme, plugins, jieba."""
    code = (
        "import mkdocs.commands.build, material.plugins.search.plugin, mkdocs_static_i18n.plugin, jieba;"
        "jieba.setLogLevel(60); jieba.initialize()"
    )
    return median([timed([sys.executable, "-c", code], ROOT, SCRATCH / "start-up.log") for _ in range(runs)])


def median(builds: list[Build]) -> Build:
    return Build(
        statistics.median(build.seconds for build in builds),
        statistics.median(build.cpu_seconds for build in builds),
        max(build.peak_mib for build in builds),
    )


def check_seconds(tree: Path, runs: int) -> float:
    command = [sys.executable, "-m", "clusterdocs", "check", "--root", str(tree)]
    return statistics.median(timed(command, ROOT, SCRATCH / "check.log").seconds for _ in range(runs))


def serve_rebuild_seconds(tree: Path, edits: int = 3, port: int = 8765, timeout: float = 120) -> list[float]:
    """Start ``mkdocs serve``, then ``edits`` times: edit a milestone's title and time until the
    served timeline shows it. MkDocs' server holds page requests until the rebuild is done, so this
    is also when the browser reloads."""
    milestone = max((tree / "timeline").glob("*.yml"))
    original = milestone.read_text(encoding="utf-8")
    url = f"http://127.0.0.1:{port}/timeline/"
    log = (SCRATCH / "serve.log").open("w")
    server = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "--dev-addr", f"127.0.0.1:{port}"],
        cwd=tree,
        env=child_environment(SITE_URL=f"http://127.0.0.1:{port}/"),  # a local build, served at /
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    seconds = []
    try:
        _wait_for(lambda: _fetch(url) is not None, timeout, "mkdocs serve to start")
        for _ in range(edits):
            # Letters only: a digit in published prose must be one the sources state (prose-number rule).
            marker = "edited-" + "".join(chr(ord("a") + int(digit)) for digit in str(time.time_ns()))
            data = read_yaml(milestone)
            data["title"]["en"] += f" {marker}"
            start = time.perf_counter()
            write_yaml(milestone, data)
            _wait_for(lambda: marker in (_fetch(url) or ""), timeout, "the edited timeline to be served")
            seconds.append(time.perf_counter() - start)
            milestone.write_text(original, encoding="utf-8")
            _wait_for(lambda: marker not in (_fetch(url) or marker), timeout, "the restored timeline to be served")
        return seconds
    finally:
        milestone.write_text(original, encoding="utf-8")
        server.terminate()
        server.wait(timeout=30)
        log.close()


def _fetch(url: str) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.read().decode("utf-8")
    except OSError:
        return None


def _wait_for(condition, timeout: float, what: str) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise SystemExit(f"gave up waiting {timeout:.0f} s for {what}")
        time.sleep(0.05)


# --- Page weight and Lighthouse ----------------------------------------------------------


class _Assets(HTMLParser):
    """The stylesheets, scripts and icons a page loads on first view."""

    def __init__(self):
        super().__init__()
        self.urls: list[str] = []

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if tag == "script" and attributes.get("src"):
            self.urls.append(attributes["src"])
        elif (
            tag == "link"
            and attributes.get("href")
            and set((attributes.get("rel") or "").split()) & {"stylesheet", "icon"}
        ):
            self.urls.append(attributes["href"])
        elif tag == "img" and attributes.get("src"):
            self.urls.append(attributes["src"])


def gzip_size(file: Path) -> int:
    return len(gzip.compress(file.read_bytes(), compresslevel=6))


def first_load_bytes(site: Path, page: str) -> int:
    """The page's HTML and every local asset it references, each gzip-compressed."""
    html = site / page / "index.html"
    parser = _Assets()
    parser.feed(html.read_text(encoding="utf-8"))
    files = {(html.parent / url.split("#")[0].split("?")[0]).resolve() for url in parser.urls if "://" not in url}
    return gzip_size(html) + sum(gzip_size(file) for file in files if file.is_file())


class _GzipHandler(http.server.SimpleHTTPRequestHandler):
    """Static files, gzip-compressed when the browser accepts it, as a static host would."""

    COMPRESSIBLE = (".html", ".css", ".js", ".json", ".svg", ".xml", ".txt", ".csv")

    def send_head(self):
        path = Path(self.translate_path(self.path))
        if path.is_dir() and self.path.split("?")[0].endswith("/"):
            path = path / "index.html"
        if (
            not path.is_file()
            or path.suffix not in self.COMPRESSIBLE
            or "gzip" not in self.headers.get("Accept-Encoding", "")
        ):
            return super().send_head()  # directories without a slash are redirected there
        body = gzip.compress(path.read_bytes(), compresslevel=6)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "max-age=3600")
        self.end_headers()
        return io.BytesIO(body)

    def log_message(self, *args):
        pass


def search_index_bytes(site: Path) -> dict[str, tuple[int, int]]:
    """Each language's search index: (gzip, uncompressed) bytes."""
    return {
        language.code: (gzip_size(index), index.stat().st_size)
        for language, index in ((each, site / each.prefix / "search" / "search_index.json") for each in LANGUAGES)
    }


def search_timing(site: Path, count: int = SEARCH_QUERIES) -> dict[str, dict[str, float]]:
    """Per language, in Chromium over a gzipping local server: how long the search index takes
    to load after the home page has (ms), and the median, 90th percentile and slowest time from
    typing a query to its first results (ms), over ``count`` queries sampled from the pages."""
    import random

    import opencc
    from playwright.sync_api import sync_playwright

    sys.path.insert(0, str(ROOT / "tests"))
    from search_samples import sample_queries, type_queries, wait_until_search_ready

    samples = sample_queries(site, LANGUAGES, per_page=1, to_simplified=opencc.OpenCC("t2s").convert)
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), partial(_GzipHandler, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    timing = {}
    try:
        with sync_playwright() as playwright:
            browser = launch(playwright)
            for language in LANGUAGES:
                mine = [each.query for each in samples if each.language == language.code]
                queries = random.Random(22).sample(mine, min(count, len(mine)))
                page = browser.new_page()
                page.goto(f"http://127.0.0.1:{server.server_address[1]}/{language.prefix}")
                start = time.perf_counter()
                wait_until_search_ready(page, timeout_ms=300000)
                ready = (time.perf_counter() - start) * 1000
                times = sorted(answer["ms"] for answer in type_queries(page, queries))
                page.close()
                timing[language.code] = {
                    "queries": len(times),
                    "ready_ms": ready,
                    "median_ms": statistics.median(times),
                    "p90_ms": times[int(0.9 * (len(times) - 1))],
                    "max_ms": times[-1],
                }
            browser.close()
    finally:
        server.shutdown()
    return timing


def lighthouse(site: Path, runs: int) -> dict[str, dict[str, int]]:
    """Mobile Lighthouse scores (0–100) for every page type in every language, each the median of ``runs``.

    The report of the run with the median performance score is kept as
    ``lighthouse-<language>-<page>.json`` for lighthouse_problems(); the others are in ``lighthouse-runs/``.
    """
    binary = ROOT / "node_modules" / ".bin" / "lighthouse"
    if not binary.exists():
        raise SystemExit("Lighthouse is not installed: run `npm ci --no-audit --no-fund` first")
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), partial(_GzipHandler, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    scores = {}
    try:
        for each in LANGUAGES:
            language = each.code
            for name, page in LIGHTHOUSE_PAGES.items():
                url = f"http://127.0.0.1:{server.server_port}/{each.prefix}{page}"
                measured = []
                for run in range(runs):
                    report = SCRATCH / "lighthouse-runs" / f"{language}-{name}-{run + 1}.json"
                    report.parent.mkdir(parents=True, exist_ok=True)
                    subprocess.run(
                        [
                            str(binary),
                            url,
                            "--quiet",
                            "--output=json",
                            f"--output-path={report}",
                            f"--only-categories={','.join(CATEGORIES)}",
                            "--form-factor=mobile",
                            "--chrome-flags=" + " ".join(["--headless=new", *CHROMIUM_ARGS]),
                        ],
                        env=child_environment(CHROME_PATH=str(CHROMIUM)),
                        check=True,
                        capture_output=True,
                    )
                    categories = json.loads(report.read_text(encoding="utf-8"))["categories"]
                    measured.append((round(100 * (categories["performance"]["score"] or 0)), report, categories))
                measured.sort(key=lambda item: item[0])
                _score, median_report, _categories = measured[len(measured) // 2]
                (SCRATCH / f"lighthouse-{language}-{name}.json").write_bytes(median_report.read_bytes())
                scores[f"{language} {name}"] = {
                    category: round(
                        statistics.median(100 * (categories[category]["score"] or 0) for *_, categories in measured)
                    )
                    for category in CATEGORIES
                }
    finally:
        server.shutdown()
    return scores


def lighthouse_problems() -> list[str]:
    """The failing audits behind scores under 100, from the reports just written."""
    found: dict[str, set[str]] = {}
    for report in sorted(SCRATCH.glob("lighthouse-*.json")):
        data = json.loads(report.read_text(encoding="utf-8"))
        page = report.stem.removeprefix("lighthouse-")
        for category in data["categories"].values():
            for reference in category["auditRefs"]:
                audit = data["audits"][reference["id"]]
                if reference.get("weight") and audit.get("score") is not None and audit["score"] < 0.9:
                    found.setdefault(f"{category['title']}: {audit['title']}", set()).add(page)
    return [f"{audit} ({', '.join(sorted(pages))})" for audit, pages in sorted(found.items())]


# --- The run -----------------------------------------------------------------------------


def measure(arguments) -> dict:
    SCRATCH.mkdir(parents=True, exist_ok=True)
    results: dict = {"builds": {}, "runs": {}, "first_builds": {}, "corpus": arguments.corpus}
    for scale in arguments.scales:
        tree = SCRATCH / f"corpus-{scale}x"
        if arguments.corpus == "smallest":
            write_smallest_corpus(tree)
        else:
            write_corpus(tree, scale)
        write_configs(tree)
        commit_tree(tree)
        runs = arguments.runs if scale == 1 else arguments.runs_large
        results["first_builds"][scale] = first_build(tree, SCRATCH / f"site-{scale}x-first")
        print(f"{scale}x first build: {results['first_builds'][scale].seconds:.1f} s", flush=True)
        measured: dict[str, list[Build]] = {variant: [] for variant in VARIANTS}
        for _ in range(runs):
            for variant in VARIANTS:  # interleaved, so load on the machine hits all four alike
                site = SCRATCH / f"site-{scale}x-{variant.replace(' ', '-')}"
                measured[variant].append(build(tree, variant, site))
                latest = measured[variant][-1]
                print(f"{scale}x {variant}: {latest.seconds:.1f} s, CPU {latest.cpu_seconds:.1f} s", flush=True)
        results["runs"][scale] = runs
        results["builds"][scale] = {variant: median(builds) for variant, builds in measured.items()}
        hooks_site = SCRATCH / f"site-{scale}x-hooks"
        results.setdefault("search_index_scales", {})[scale] = search_index_bytes(hooks_site)
        if scale in SEARCH_TIMING_SCALES and arguments.search_timing:
            results.setdefault("search_timing", {})[scale] = search_timing(hooks_site, arguments.search_queries)
            print(f"{scale}x search: {results['search_timing'][scale]}", flush=True)
    results["start_up"] = start_up(arguments.runs)
    if 1 in arguments.scales:
        tree, site = SCRATCH / "corpus-1x", SCRATCH / "site-1x-hooks"
        results["check_seconds"] = check_seconds(tree, arguments.runs)
        if arguments.serve:
            results["serve_rebuild_seconds"] = serve_rebuild_seconds(tree)
        results["article_first_load_bytes"] = first_load_bytes(site, LIGHTHOUSE_PAGES["article"])
        results["search_index_bytes"] = search_index_bytes(site)
        results["baseline_first_load_bytes"] = first_load_bytes(
            SCRATCH / "site-1x-plain", "en/articles/central-local-2021/"
        )
        if arguments.lighthouse:
            results["lighthouse"] = lighthouse(site, arguments.lighthouse_runs)
            results["lighthouse_runs"] = arguments.lighthouse_runs
            results["lighthouse_problems"] = lighthouse_problems()
    return results


def budget_values(results: dict) -> dict[str, float]:
    """The measured value of every budget that this run measured."""
    values = {}
    builds = results["builds"]
    for scale, variants in builds.items():
        values[f"hooks_overhead_{scale}x"] = variants["hooks"].cpu_seconds / variants["no hooks"].cpu_seconds - 1
    if 1 in builds and 100 in builds:
        fixed = results["start_up"].cpu_seconds
        values["build_100x_vs_linear"] = builds[100]["hooks"].cpu_seconds / (
            fixed + 100 * (builds[1]["hooks"].cpu_seconds - fixed)
        )
    if 100 in builds:
        values["peak_memory_100x_mib"] = builds[100]["hooks"].peak_mib
    if "check_seconds" in results:
        values["check_seconds"] = results["check_seconds"]
    if "serve_rebuild_seconds" in results:
        values["serve_rebuild_seconds"] = statistics.median(results["serve_rebuild_seconds"])
    if "lighthouse" in results:
        for category in CATEGORIES:
            values[f"lighthouse_{category.replace('-', '_')}"] = min(
                page[category] for page in results["lighthouse"].values()
            )
    if "article_first_load_bytes" in results:
        values["article_first_load_kb"] = results["article_first_load_bytes"] / 1000
        values["zh_search_index_kb"] = results["search_index_bytes"]["zh"][0] / 1000
    for scale, timing in results.get("search_timing", {}).items():
        values[f"search_results_ms_{scale}x"] = max(language["p90_ms"] for language in timing.values())
    return values


def missed_budgets(values: dict[str, float], limits: dict[str, float]) -> list[str]:
    missed = []
    for name, value in values.items():
        _default, direction, what = BUDGETS[name]
        limit = limits[name]
        if (value > limit) if direction == "max" else (value < limit):
            missed.append(f"{name}: {value:.3g} {'>' if direction == 'max' else '<'} {limit:g} ({what})")
    return missed


def parse_budgets(overrides: list[str]) -> dict[str, float]:
    limits = {name: limit for name, (limit, _direction, _what) in BUDGETS.items()}
    for override in overrides:
        name, _, value = override.partition("=")
        if name not in BUDGETS:
            raise SystemExit(f"unknown budget {name!r}; budgets: {', '.join(BUDGETS)}")
        limits[name] = float(value)
    return limits


# --- Report ------------------------------------------------------------------------------


def versions() -> str:
    packages = ", ".join(
        f"{name} {metadata.version(name)}"
        for name in ("mkdocs", "mkdocs-material", "mkdocs-static-i18n", "jieba", "PyYAML")
    )
    tools = []
    for command in (["node", "--version"], [str(CHROMIUM), "--version"]):
        try:
            output = subprocess.run(command, check=False, capture_output=True, text=True, timeout=60).stdout.strip()
            tools.append(f"Node.js {output}" if command[0] == "node" else output)
        except OSError:
            pass
    lock = ROOT / "package.json"
    if lock.exists():
        tools.append(f"lighthouse {json.loads(lock.read_text())['devDependencies']['lighthouse']}")
    return f"Python {platform.python_version()}, {packages}; {', '.join(tool for tool in tools if tool)}"


def machine() -> str:
    processor = platform.processor() or platform.machine()
    try:
        model = next(
            line.split(":", 1)[1].strip()
            for line in Path("/proc/cpuinfo").read_text().splitlines()
            if line.startswith("model name")
        )
    except (OSError, StopIteration):
        model = processor
    memory = ""
    try:
        kib = int(
            next(
                line.split()[1]
                for line in Path("/proc/meminfo").read_text().splitlines()
                if line.startswith("MemTotal")
            )
        )
        memory = f", {kib / 1024 / 1024:.1f} GiB RAM"
    except (OSError, StopIteration):
        pass
    load = f", load average at start {os.getloadavg()[0]:.1f}" if hasattr(os, "getloadavg") else ""
    return f"{platform.system()} {platform.release()}, {os.cpu_count()} CPUs ({model}){memory}{load}"


def corpus_line(corpus: str) -> str:
    """What was measured: the real content, or the reduced tree that only tests the benchmark."""
    if corpus == "smallest":
        return (
            f"- Corpus: **reduced** (`--corpus smallest`): only {len(SMALLEST_SOURCES)} of the sources "
            f"({', '.join(SMALLEST_SOURCES)}), the data consistent with them, and the other pages cut "
            "to their headings and markers (scripts/synthetic_corpus.py). A test of the benchmark "
            "itself: these numbers are not the site's"
        )
    return "- Corpus: the real content (1x) and its synthetic copies"


def report(results: dict, values: dict, limits: dict, missed: list[str], note: str, context: dict) -> str:
    corpus = results.get("corpus", "real")
    lines = [
        "# Benchmark results" + (" (reduced corpus, not the site)" if corpus == "smallest" else ""),
        "",
        "Written by `make bench` (scripts/benchmark.py); do not edit by hand. 10x and 100x are synthetic",
        "copies of the real content (scripts/synthetic_corpus.py), never published.",
        "",
        corpus_line(corpus),
        f"- Measured: {context['date']}",
        f"- Machine: {context['machine']}",
        f"- Versions: {context['versions']}",
    ]
    if note:
        lines.append(f"- Note: {note}")
    lines += [
        "",
        "## Build time and memory",
        "",
        "Four builds of the same tree, interleaved, medians of the runs:",
        "",
        "- **hooks**: the site as configured;",
        "- **no hooks**: the same site without the project's hooks: the same pages with the same",
        "  content, written out as the hooks render them (scripts/prerendered_pages.py), built by",
        "  mkdocs.yml without its `hooks:` list. What the hooks add to this is what they cost; the",
        "  budget is on this ratio;",
        "- **hooks removed**: the source Markdown built by mkdocs.yml without its `hooks:` list: the",
        "  markers stay as comments, so the timeline, directory, figures and article sections are",
        "  missing, and so is the work of indexing and writing them (shown for comparison);",
        "- **plain**: a Material build of the same Markdown without i18n or hooks.",
        "",
        "Wall clock, then CPU time (user + system) in brackets: on a shared machine the CPU time is the",
        "steadier measure of what a build costs, so the budgets use it.",
        "",
        (
            "| Content | Runs | Hooks (s) | No hooks (s) | Hooks removed (s) | Plain (s) | Hooks / no hooks "
            "| Hooks / hooks removed | Hooks / plain |"
        ),
        "|---|---|---|---|---|---|---|---|---|",
    ]
    for scale, variants in results["builds"].items():
        hooks = variants["hooks"]
        times = " | ".join(
            f"{variants[variant].seconds:.1f} ({variants[variant].cpu_seconds:.1f})" for variant in VARIANTS
        )
        ratios = " | ".join(
            f"{hooks.seconds / variants[variant].seconds:.2f} ({hooks.cpu_seconds / variants[variant].cpu_seconds:.2f})"
            for variant in VARIANTS[1:]
        )
        lines.append(f"| {scale}x | {results['runs'][scale]} | {times} | {ratios} |")
    lines += [
        "",
        (
            "| Content | Peak memory, hooks / no hooks / hooks removed / plain (MiB) "
            "| First build with empty caches, hooks (s) |"
        ),
        "|---|---|---|",
    ]
    for scale, variants in results["builds"].items():
        memory = " / ".join(f"{variants[variant].peak_mib:.0f}" for variant in VARIANTS)
        first = results["first_builds"][scale]
        lines.append(f"| {scale}x | {memory} | {first.seconds:.1f} ({first.cpu_seconds:.1f}) |")
    lines += [
        "",
        "The first build is a fresh clone's: the project's cache folder is empty, and the zh-Hant pages",
        "and jieba's converted dictionary are not yet generated. It also writes the pre-rendered pages.",
    ]
    fixed = results["start_up"]
    lines += [
        "",
        (
            f"Fixed start-up (interpreter, MkDocs, Material, i18n, jieba; no pages): {fixed.seconds:.1f} s "
            f"({fixed.cpu_seconds:.1f} s CPU)."
        ),
    ]
    if "check_seconds" in results:
        lines += [
            "",
            "## Contributor loop (1x)",
            "",
            f"- `python -m clusterdocs check`: {results['check_seconds']:.2f} s (median)",
        ]
        if "serve_rebuild_seconds" in results:
            edits = results["serve_rebuild_seconds"]
            lines.append(
                f"- `mkdocs serve`, edited timeline file to changed page (the browser reloads then): "
                f"{statistics.median(edits):.1f} s, median of {len(edits)} edits "
                f"({', '.join(f'{each:.1f}' for each in edits)}); full build with hooks for comparison: "
                f"{results['builds'][1]['hooks'].seconds:.1f} s"
            )
    if "article_first_load_bytes" in results:
        indexes = ", ".join(
            f"{language} {compressed / 1000:.1f} KB ({size / 1000:.0f} KB uncompressed)"
            for language, (compressed, size) in results["search_index_bytes"].items()
        )
        lines += [
            "",
            "## Page weight (1x, gzip level 6)",
            "",
            (
                f"- First load of an article page (HTML, CSS, scripts, icons; search index excluded): "
                f"{results['article_first_load_bytes'] / 1000:.1f} KB; the same page in the plain Material build: "
                f"{results['baseline_first_load_bytes'] / 1000:.1f} KB"
            ),
            f"- Search index: {indexes}",
        ]
    if "search_index_scales" in results:
        scales = sorted(results["search_index_scales"])
        lines += [
            "",
            "## Search (site's search box in Chromium, local server with gzip)",
            "",
            "Index size per language (gzip level 6, KB; uncompressed in brackets):",
            "",
            "| Language | " + " | ".join(f"{scale}x" for scale in scales) + " |",
            "|---|" + "---|" * len(scales),
        ]
        for language in LANGUAGES:
            sizes = [results["search_index_scales"][scale][language.code] for scale in scales]
            lines.append(
                f"| {language.code} | "
                + " | ".join(f"{compressed / 1000:.1f} ({size / 1000:.0f})" for compressed, size in sizes)
                + " |"
            )
        if results.get("search_timing"):
            counts = sorted(
                {each["queries"] for timing in results["search_timing"].values() for each in timing.values()}
            )
            lines += [
                "",
                f"Typing a query to its first results ({' or '.join(map(str, counts))} sampled queries per "
                "language, typed once the index is loaded), and the index's loading time after the page's:",
                "",
                "| Scale | Language | Median (ms) | 90th percentile (ms) | Slowest (ms) | Index loaded (ms) |",
                "|---|---|---|---|---|---|",
            ]
            for scale, timing in sorted(results["search_timing"].items()):
                for code, each in timing.items():
                    lines.append(
                        f"| {scale}x | {code} | {each['median_ms']:.0f} | {each['p90_ms']:.0f} | "
                        f"{each['max_ms']:.0f} | {each['ready_ms']:.0f} |"
                    )
    if "lighthouse" in results:
        lines += [
            "",
            "## Lighthouse (mobile, local server with gzip)",
            "",
            f"Each score is the median of {results['lighthouse_runs']} runs (simulated throttling).",
            "",
            "| Page | Performance | Accessibility | Best practices | SEO |",
            "|---|---|---|---|---|",
        ]
        lines += [
            f"| {page} | {' | '.join(str(scores[category]) for category in CATEGORIES)} |"
            for page, scores in results["lighthouse"].items()
        ]
        if results["lighthouse_problems"]:
            lines += ["", "Audits that failed (pages):", ""] + [
                f"- {problem}" for problem in results["lighthouse_problems"]
            ]
    lines += ["", "## Budgets", "", "| Budget | Measured | Limit | Met |", "|---|---|---|---|"]
    for name, (_default, direction, what) in BUDGETS.items():
        if name in values:
            met = "no" if any(line.startswith(f"{name}:") for line in missed) else "yes"
            lines.append(
                f"| {what} | {values[name]:.3g} | {'≤' if direction == 'max' else '≥'} {limits[name]:g} | {met} |"
            )
        else:
            lines.append(
                f"| {what} | not measured in this run | {'≤' if direction == 'max' else '≥'} {limits[name]:g} | – |"
            )
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    global SCRATCH  # --scratch moves every scratch file; the tests point it at a temporary folder
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--scales",
        type=lambda text: [int(part) for part in text.split(",")],
        default=[1, 10, 100],
        help="content scales to build, comma-separated (default 1,10,100; 1 is the real content)",
    )
    parser.add_argument(
        "--corpus",
        choices=("real", "smallest"),
        default="real",
        help=(
            "what 1x is: the real content (default), or, for tests of the benchmark itself, the smallest "
            "tree the site builds from (scripts/synthetic_corpus.py; only with --scales 1; the report says so)"
        ),
    )
    parser.add_argument("--runs", type=int, default=3, help="builds per variant at 1x (default 3)")
    parser.add_argument("--runs-large", type=int, default=1, help="builds per variant at 10x and 100x (default 1)")
    parser.add_argument("--no-lighthouse", dest="lighthouse", action="store_false")
    parser.add_argument(
        "--lighthouse-runs", type=int, default=3, help="Lighthouse runs per page; the median counts (default 3)"
    )
    parser.add_argument("--no-serve", dest="serve", action="store_false")
    parser.add_argument(
        "--no-search-timing", dest="search_timing", action="store_false", help="skip typing into the search box"
    )
    parser.add_argument(
        "--search-queries",
        type=int,
        default=SEARCH_QUERIES,
        metavar="N",
        help=f"queries typed per language and scale (default {SEARCH_QUERIES})",
    )
    parser.add_argument("--budget", action="append", default=[], metavar="NAME=LIMIT", help="change one budget's limit")
    parser.add_argument("--output", type=Path, default=RESULTS)
    parser.add_argument("--scratch", type=Path, default=SCRATCH, help="where corpora, sites and logs go")
    parser.add_argument("--note", default="", help="a line for the report, e.g. what else ran on the machine")
    arguments = parser.parse_args(argv)
    if arguments.corpus == "smallest" and arguments.scales != [1]:
        parser.error("--corpus smallest is a reduction of the real content: use it with --scales 1 only")
    if arguments.search_queries < 1:
        parser.error("--search-queries must be at least 1")
    SCRATCH = arguments.scratch
    limits = parse_budgets(arguments.budget)
    context = {"date": datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC"), "machine": machine(), "versions": versions()}
    results = measure(arguments)
    values = budget_values(results)
    missed = missed_budgets(values, limits)
    arguments.output.parent.mkdir(parents=True, exist_ok=True)
    arguments.output.write_text(report(results, values, limits, missed, arguments.note, context), encoding="utf-8")
    print(f"wrote {arguments.output}")
    for line in missed:
        print(f"budget missed: {line}")
    return 1 if missed else 0


if __name__ == "__main__":
    sys.exit(main())
