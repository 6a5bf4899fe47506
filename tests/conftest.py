"""Fixtures shared by every tier: the built sites (each built once per run), a local HTTP server,
Chromium, and throwaway copies of the repository or its content.

Plain helpers and paths live in tests/support.py. Each session build is made once per run, even
under pytest-xdist (the Makefile runs two workers): the first worker to need it builds it and the
other waits for it and reads the same folder (``built_once``). The build tier's tests that read
one build are also scheduled on one worker (``pytest_collection_modifyitems``), so that a worker
rarely waits; the browser tier's are spread over both workers, which share the builds.
"""

from __future__ import annotations

import fcntl
import functools
import http.server
import json
import os
import shutil
import sys
import threading
from dataclasses import dataclass
from pathlib import Path

import pytest
from support import (
    BUILD_CORPUS,
    ROOT,
    SITE_PATH,
    EmptySearchIndex,
    PageMeasurements,
    PageWatcher,
    ScriptProvoker,
    check_lines,
    content_copy,
    copy_repository,
    corpus_cases,
    lay_over,
    lines_of,
    run_mkdocs_build,
)

sys.path.insert(0, str(ROOT / "scripts"))
from chromium import CHROMIUM, launch  # noqa: E402  (the one way every script and test starts Chromium)

# Session builds, by fixture: the xdist group of the build-tier tests that read it (a test that
# reads two builds goes with the first listed). Two groups, so the two builds start at once.
SHARED_BUILDS = {"site_dir": "site-build", "corpus_build": "corpus-build"}


def pytest_sessionstart(session):
    """One bad data file is one short report: the check's lines, once, and no test run, since
    nearly every test reads this tree (``make check`` gives the same lines)."""
    if hasattr(session.config, "workerinput"):
        return  # a pytest-xdist worker: the controller has checked already
    lines = check_lines(ROOT)
    if lines:
        reporter = session.config.pluginmanager.get_plugin("terminalreporter")
        for line in lines:
            reporter.write_line(line)
        pytest.exit(f"{len(lines)} problem(s) in the data (`make check`): fix them, then run the tests", returncode=1)


@pytest.hookimpl(tryfirst=True)  # before pytest-xdist reads the groups
def pytest_collection_modifyitems(config, items):
    """Under pytest-xdist: the build tier's tests of one session build share a worker (their
    group), and the longest work is handed out first (the slow tier, then the groups that start
    with a build), so that the many short tests fill in around it and both workers end together.
    The browser tests of one page share a group too (``by_page`` in tests/support.py), and so the
    page's loads."""
    if not config.pluginmanager.hasplugin("xdist"):
        return  # one process (`-p no:xdist`): every test shares every build already
    first = {}
    for item in items:
        first[item] = {"slow": 0, "build": 2}.get(item.path.parent.name, 3)
        if item.get_closest_marker("xdist_group") or first[item] == 0:
            continue  # grouped by the test itself (the browser tests of one page, for instance); a slow test goes alone
        if item.get_closest_marker("browser") or item.get_closest_marker("vnu"):
            # The slowest tier: spread over every worker, each reading the shared builds; only
            # the tests of a module that share a fixture of its own (one load, many checks) go together.
            group = _module_fixture_group(item)
        else:
            group = next((group for fixture, group in SHARED_BUILDS.items() if fixture in item.fixturenames), None)
            first[item] = min(first[item], 1) if group else first[item]
        if group:
            item.add_marker(pytest.mark.xdist_group(group))
    # Stable: within each rank, the collection's order, but a page's measurements in the dark
    # scheme after its others, so that its shared load is switched to dark once, not back and forth.
    items.sort(key=lambda item: (first[item], _scheme(item) == "dark"))


def _scheme(item) -> str | None:
    """The colour scheme the test is parametrized with, if it is."""
    return item.callspec.params.get("scheme") if hasattr(item, "callspec") else None


def _module_fixture_group(item) -> str | None:
    """The test's module, if the test reads a module- or session-scoped fixture defined in it that
    drives the browser (pages loaded once for several tests); with the fixture's parameter, if it
    has one, since each parameter is a load of its own."""
    module = item.nodeid.split("::")[0]
    params = item.callspec.params if hasattr(item, "callspec") else {}
    for name, definitions in item._fixtureinfo.name2fixturedefs.items():
        for definition in definitions:
            if definition.scope in ("module", "session") and definition.baseid == module:
                if "browser" in definition.argnames:
                    return f"{module} {params[name]}" if name in params else module
    return None


def built_once(tmp_path_factory, name: str, build) -> Path:
    """The folder ``name``, filled by ``build(folder)`` once per test run: under pytest-xdist the
    first worker to ask builds it while any other waits (a lock file), then every worker reads
    the same folder. ``build`` writes what the tests read (site, log, record) into the folder;
    if it raises, nothing is marked done and the next worker to ask tries again."""
    base = tmp_path_factory.getbasetemp()
    if os.environ.get("PYTEST_XDIST_WORKER"):
        base = base.parent  # the run's folder, shared by the workers (each has its own below it)
    folder, done = base / name, base / f"{name}.done"
    with open(base / f"{name}.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)  # released when the file closes
        if not done.exists():
            shutil.rmtree(folder, ignore_errors=True)  # a failed attempt's leftovers
            folder.mkdir()
            build(folder)
            done.touch()
    return folder


@pytest.fixture(scope="session")
def site_dir(tmp_path_factory) -> Path:
    """The whole site, built strictly once for the run (shared by the pytest-xdist workers),
    through tests/mkdocs_recording_content.py, which also records what each page's renderer
    produced (``recorded_build``). tests/slow/test_reproducible_build.py shows that a plain
    ``mkdocs build`` of the commit gives this site byte for byte, so recording changes nothing."""

    def build(folder: Path) -> None:
        result = run_mkdocs_build(folder / "site", recorder=folder / "record.json")
        build_log(folder / "site").write_text(result.stderr, encoding="utf-8")
        assert result.returncode == 0, f"mkdocs build --strict failed:\n{result.stderr[-4000:]}"

    return built_once(tmp_path_factory, "site-build", build) / "site"


def build_log(site: Path) -> Path:
    """What the session build of ``site`` logged (MkDocs logs to standard error)."""
    return site.with_name(f"{site.name}.log")


@dataclass
class RecordedBuild:
    """The session build (``site_dir``), and for every page the sections its renderer produced
    and the content HTML the pipeline returned."""

    site: Path
    records: list[dict]


@pytest.fixture(scope="session")
def recorded_build(site_dir) -> RecordedBuild:
    """What tests/build/test_own_markup.py reads: the session build's record of every page."""
    return RecordedBuild(site_dir, json.loads((site_dir.parent / "record.json").read_text(encoding="utf-8")))


@dataclass
class CorpusBuild:
    """One build of the repository with every case of tests/bad_inputs/build/ laid over it."""

    site: Path
    stderr: str
    returncode: int


@pytest.fixture(scope="session")
def corpus_build(tmp_path_factory) -> CorpusBuild:
    """The repository plus every case of the build corpus, built once with the contributor page
    policy switched off, as if the check had missed them all: the cases with ``expected.txt``
    make it fail with their lines, and everything else is still written, so the cases with
    ``published.txt`` can be read back from the same site (tests/build/test_bad_builds.py)."""

    def build(base: Path) -> None:
        repository = lay_over(
            corpus_cases(BUILD_CORPUS, "expected.txt") + corpus_cases(BUILD_CORPUS, "published.txt"),
            copy_repository(base / "repo"),
        )
        result = run_mkdocs_build(base / "site", cwd=repository, env={"PYTHONPATH": str(repository)}, page_policy=False)
        (base / "stderr.txt").write_text(result.stderr, encoding="utf-8")
        (base / "returncode.txt").write_text(str(result.returncode), encoding="utf-8")

    base = built_once(tmp_path_factory, "corpus-build", build)
    return CorpusBuild(
        base / "site",
        (base / "stderr.txt").read_text(encoding="utf-8"),
        int((base / "returncode.txt").read_text(encoding="utf-8")),
    )


@pytest.fixture(scope="session")
def hostile_site_dir(corpus_build) -> Path:
    """The corpus build's site, once the build has failed with every failing case's lines (and so
    has written the whole site): the inert cases (hostile titles, scripts, handlers, script links,
    spreadsheet formulas) are in it. tests/build/test_bad_builds.py proves no other line appears."""
    expected = {line for case in corpus_cases(BUILD_CORPUS, "expected.txt") for line in lines_of(case / "expected.txt")}
    printed = {line.strip() for line in corpus_build.stderr.splitlines()}
    assert corpus_build.returncode != 0 and expected <= printed, corpus_build.stderr[-4000:]
    return corpus_build.site


# The built site is served under the path of its public address (/clusterdocs/), as its host
# serves it: the absolute links the theme writes (the language menu, the 404 page) then resolve.
MOUNT = SITE_PATH


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format, *args):  # noqa: A002 - signature fixed by the base class
        pass

    def translate_path(self, path):
        return super().translate_path(path.removeprefix(MOUNT) if path.startswith(MOUNT + "/") else path)


class _QuietServer(http.server.ThreadingHTTPServer):
    def handle_error(self, request, client_address):
        """A browser that drops a connection (a page closed mid-request) is no error of the site."""
        if not isinstance(sys.exc_info()[1], (BrokenPipeError, ConnectionResetError)):
            super().handle_error(request, client_address)


def _serve(directory: Path):
    handler = functools.partial(_QuietHandler, directory=str(directory))
    server = _QuietServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    return server, f"http://127.0.0.1:{server.server_address[1]}{MOUNT}"


@pytest.fixture(scope="session")
def site_url(site_dir) -> str:
    """The built site served on 127.0.0.1 for the browser tests."""
    server, url = _serve(site_dir)
    yield url
    server.shutdown()


@pytest.fixture(scope="session")
def hostile_site_url(hostile_site_dir) -> str:
    """The hostile build (see ``hostile_site_dir``) served on 127.0.0.1."""
    server, url = _serve(hostile_site_dir)
    yield url
    server.shutdown()


@pytest.fixture(scope="session")
def browser():
    """Debian's Chromium driven by Playwright. Missing Chromium is a failure, never a skip."""
    if not CHROMIUM.exists():
        pytest.fail(f"{CHROMIUM} is missing: run `make test-tools` (`make test` does this)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = launch(playwright)
        yield browser
        browser.close()


@pytest.fixture(scope="session")
def page_measurements(browser) -> PageMeasurements:
    """Loaded pages and what was measured on them, shared by the browser tests of a session:
    tests that read a page at one size (axe, errors, sizes), in any test file, take their
    measurements from one load (``PageMeasurements`` in tests/support.py)."""
    measurements = PageMeasurements(browser)
    yield measurements
    measurements.close()


@pytest.fixture(scope="session")
def script_provoker(browser) -> ScriptProvoker:
    """One page that opens hostile pages in turn and provokes their scripts (``ScriptProvoker``
    in tests/support.py), shared by the tests of a session that do so."""
    provoker = ScriptProvoker(browser)
    yield provoker
    provoker.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.watcher = PageWatcher(page)
    yield page
    context.close()


@pytest.fixture
def page_without_search(browser):
    """As ``page``, for tests that look at nothing search finds: the site's search index is
    served empty (``EmptySearchIndex`` in tests/support.py), so the theme's search starts with
    nothing to index, which is most of a load's work. ``page`` has the real index."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.watcher = PageWatcher(page)
    EmptySearchIndex().install(page)
    yield page
    context.close()


@pytest.fixture
def repo_copy(tmp_path) -> Path:
    """A throwaway copy of the repository, for tests that break a build on purpose."""
    return copy_repository(tmp_path / "repo")


@pytest.fixture
def content_tree(tmp_path) -> Path:
    """A throwaway copy of the content folders, for tests that break data on purpose."""
    return content_copy(tmp_path / "content")
