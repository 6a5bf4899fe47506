"""Shared fixtures: the built site (built once per run), a local HTTP server, and Chromium."""

from __future__ import annotations

import functools
import http.server
import os
import shutil
import subprocess
import sys
import threading
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"
CHROMIUM = Path("/usr/bin/chromium")


BUILD_CORPUS = Path(__file__).resolve().parent / "bad_inputs" / "build"
WITHOUT_PAGE_POLICY = Path(__file__).resolve().parent / "mkdocs_without_page_policy.py"
CASE_CONTROL_FILES = {"expected.txt", "published.txt", "remove.txt"}


def run_mkdocs_build(
    site_dir: Path, cwd: Path = ROOT, env: dict | None = None, page_policy: bool = True
) -> subprocess.CompletedProcess:
    """``mkdocs build --strict``; ``page_policy=False`` switches the contributor page check off."""
    environment = dict(os.environ, NO_MKDOCS_2_WARNING="1", **(env or {}))
    command = ["-m", "mkdocs"] if page_policy else [str(WITHOUT_PAGE_POLICY)]
    return subprocess.run(
        [sys.executable, *command, "build", "--strict", "--site-dir", str(site_dir)],
        cwd=cwd,
        env=environment,
        capture_output=True,
        text=True,
        timeout=900,
    )


def copy_repository(target: Path) -> Path:
    ignore = shutil.ignore_patterns(".venv", "site", ".git", "__pycache__", ".pytest_cache", "node_modules")
    shutil.copytree(ROOT, target, ignore=ignore)
    return target


def build_cases(kind: str) -> list[Path]:
    """The cases of tests/bad_inputs/build/ that hold ``kind`` (``expected.txt`` or ``published.txt``)."""
    return sorted(case for case in BUILD_CORPUS.iterdir() if (case / kind).exists()) if BUILD_CORPUS.exists() else []


def lay_over(cases: list[Path], repository: Path) -> Path:
    """Lay the files of several corpus cases over one repository copy; no two may touch the same file."""
    owners: dict[Path, str] = {}
    for case in cases:
        for file in sorted(case.rglob("*")):
            relative = file.relative_to(case)
            if not file.is_file() or relative.as_posix() in CASE_CONTROL_FILES:
                continue
            assert relative not in owners, f"{case.name} and {owners[relative]} both replace {relative}"
            owners[relative] = case.name
            destination = repository / relative
            destination.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(file, destination)
    return repository


@pytest.fixture(scope="session")
def hostile_site_dir(tmp_path_factory) -> Path:
    """The site built from the repository plus every inert case of the build corpus (hostile
    titles, scripts, handlers, script links, spreadsheet formulas), with the page policy off."""
    base = tmp_path_factory.mktemp("hostile")
    repository = lay_over(build_cases("published.txt"), copy_repository(base / "repo"))
    result = run_mkdocs_build(base / "site", cwd=repository, env={"PYTHONPATH": str(repository)}, page_policy=False)
    assert result.returncode == 0, f"the hostile build failed:\n{result.stderr[-4000:]}"
    return base / "site"


@pytest.fixture(scope="session")
def site_dir(tmp_path_factory) -> Path:
    """The whole site, built strictly once for the session."""
    site = tmp_path_factory.mktemp("site")
    result = run_mkdocs_build(site)
    assert result.returncode == 0, f"mkdocs build --strict failed:\n{result.stderr[-4000:]}"
    return site


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format, *args):  # noqa: A002 - signature fixed by the base class
        pass


def _serve(directory: Path):
    handler = functools.partial(_QuietHandler, directory=str(directory))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    return server, f"http://127.0.0.1:{server.server_address[1]}"


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
        browser = playwright.chromium.launch(
            executable_path=str(CHROMIUM),
            headless=True,
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
            ],
        )
        yield browser
        browser.close()


class PageWatcher:
    """Records console errors and any request that leaves 127.0.0.1 (and blocks it)."""

    def __init__(self, page):
        self.console_errors: list[str] = []
        self.page_errors: list[str] = []
        self.foreign_requests: list[str] = []
        self.failed_responses: list[str] = []
        page.on("console", lambda message: message.type == "error" and self.console_errors.append(message.text))
        page.on("pageerror", lambda error: self.page_errors.append(str(error)))
        page.on(
            "response",
            lambda response: (
                response.status >= 400 and self.failed_responses.append(f"{response.status} {response.url}")
            ),
        )
        page.route("**/*", self._route)

    def _route(self, route):
        url = route.request.url
        if url.startswith("http://127.0.0.1:") or url.startswith("data:") or url.startswith("blob:"):
            route.continue_()
        else:
            self.foreign_requests.append(url)
            route.abort()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.watcher = PageWatcher(page)
    yield page
    context.close()


def published_html(site_dir: Path) -> list[str]:
    """URL paths of every HTML file the site publishes (both languages, 404, any non-index page)."""
    paths = []
    for file in sorted(site_dir.rglob("*.html")):
        relative = file.relative_to(site_dir).as_posix()
        paths.append("/" + relative.removesuffix("index.html"))
    return sorted(paths)


@pytest.fixture(scope="session")
def all_page_paths(site_dir) -> list[str]:
    return published_html(site_dir)


@pytest.fixture
def repo_copy(tmp_path) -> Path:
    """A throwaway copy of the repository, for tests that break data on purpose."""
    return copy_repository(tmp_path / "repo")
