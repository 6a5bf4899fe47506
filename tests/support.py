"""Paths and helpers the tests import: repository and content copies, corpus cases, builds.

A plain module (``tests/`` is on pytest's ``pythonpath``), so test files import it by name;
tests/conftest.py holds the fixtures built from it.
"""

from __future__ import annotations

import json
import logging
import urllib.request
import os
import shutil
import subprocess
import sys
from collections import OrderedDict
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import urlsplit

import pytest
import yaml
from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.exceptions import Abort

from clusterdocs.base.problems import DataError
from clusterdocs.check.sitedata import CONTENT_DIRS, load_site_data

TESTS = Path(__file__).resolve().parent
ROOT = TESTS.parent
FIXTURES = TESTS / "fixtures"
CHECK_CORPUS = TESTS / "bad_inputs" / "check"
BUILD_CORPUS = TESTS / "bad_inputs" / "build"
WITHOUT_PAGE_POLICY = TESTS / "mkdocs_without_page_policy.py"
RECORDER = TESTS / "mkdocs_recording_content.py"
# PyYAML's C loader where it has one: a case's edits may be large (front-matter-too-large's are 270 KiB).
SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
# Files of a corpus case that describe the case instead of being laid over the tree.
CASE_CONTROL_FILES = {"expected.txt", "published.txt", "remove.txt", "edits.yml"}
# Local state that is no part of a build, and may change while a copy is made (another worker's
# hypothesis examples, for one).
NOT_COPIED = (
    "tests",
    ".venv",
    "site",
    ".git",
    "__pycache__",
    ".pytest_cache",
    ".hypothesis",
    ".ruff_cache",
    "screenshots",
    "node_modules",
    "*.egg-info",
)


def _site_url() -> str:
    """The address a build without SITE_URL carries: mkdocs.yml's default, the public address."""
    for line in (ROOT / "mkdocs.yml").read_text(encoding="utf-8").splitlines():
        if line.startswith("site_url:"):
            return line.split('"')[1]
    raise AssertionError("mkdocs.yml names no site_url")


# The address the session builds carry (the public one, unless the caller set SITE_URL).
SITE_URL = os.environ.get("SITE_URL") or _site_url()
# Its path ("/clusterdocs" on GitHub Pages): the tests serve the site under it, as the host does.
SITE_PATH = urlsplit(SITE_URL).path.rstrip("/")


def site_path(link: str) -> str:
    """The path of a link on the served site, as the site's own files are laid out (no SITE_PATH)."""
    return urlsplit(link).path.removeprefix(SITE_PATH)


def run_mkdocs_build(
    site_dir: Path,
    cwd: Path = ROOT,
    env: dict | None = None,
    page_policy: bool = True,
    recorder: Path | None = None,
) -> subprocess.CompletedProcess:
    """``mkdocs build --strict``; ``page_policy=False`` switches the contributor page check off,
    and ``recorder`` (a JSON file) builds through tests/mkdocs_recording_content.py."""
    environment = dict(os.environ, NO_MKDOCS_2_WARNING="1", **(env or {}))
    assert page_policy or recorder is None, "the recorder builds with the page policy"
    if recorder is not None:
        command = [str(RECORDER), str(recorder)]
    else:
        command = ["-m", "mkdocs"] if page_policy else [str(WITHOUT_PAGE_POLICY)]
    return subprocess.run(
        [sys.executable, *command, "build", "--strict", "--site-dir", str(site_dir)],
        cwd=cwd,
        env=environment,
        capture_output=True,
        text=True,
        timeout=900,
    )


def build_stopped_by_bad_data(root: Path, site_dir: Path) -> list[str]:
    """The lines a ``mkdocs build --strict`` of the repository at ``root`` logs as its error when
    bad data stops it before any page is rendered, the build run in this process (the command
    would print them after ``ERROR - ``). Fails the test if the build passes, or stops with any
    exception but MkDocs' own build error (what the command would print as a traceback). A
    start-up of Python and MkDocs fewer than ``run_mkdocs_build``; the corpus build
    (tests/conftest.py) runs the command itself, so that path is tested too."""
    errors: list[str] = []

    class Collect(logging.Handler):
        def emit(self, record: logging.LogRecord) -> None:
            if record.levelno >= logging.ERROR:
                errors.extend(record.getMessage().splitlines())

    handler, logger = Collect(), logging.getLogger("mkdocs")
    logger.addHandler(handler)
    try:
        config = load_config(config_file=str(root / "mkdocs.yml"), site_dir=str(site_dir), strict=True)
        config.plugins.on_startup(command="build", dirty=False)
        try:
            with pytest.raises(Abort):
                build(config)
        finally:
            config.plugins.on_shutdown()
    finally:
        logger.removeHandler(handler)
    assert not site_dir.exists() or not any(site_dir.rglob("*.html")), "no page should be written"
    return [line.strip() for line in errors]


def copy_repository(target: Path, ignore: tuple[str, ...] = ()) -> Path:
    """Everything a build needs (code, hooks, templates, content), without tests or local state
    (nor the benchmark's scratch folder, which holds gigabytes of corpora and built sites)."""
    by_name = shutil.ignore_patterns(*NOT_COPIED, *ignore)

    def ignored(folder: str, names: list[str]) -> set[str]:
        scratch = {"tmp"} if Path(folder) == ROOT / "benchmarks" else set()
        return set(by_name(folder, names)) | (scratch & set(names))

    shutil.copytree(ROOT, target, ignore=ignored)
    return target


def content_copy(target: Path) -> Path:
    """Only the content folders ``load_site_data(target)`` reads: enough for the check, not for a build."""
    for name in CONTENT_DIRS:
        shutil.copytree(ROOT / name, target / name)
    return target


def check_lines(root: Path) -> list[str]:
    """The problem lines the check gives for the tree at ``root``, in the order it prints them."""
    try:
        load_site_data(root)
    except DataError as error:
        return [str(problem) for problem in error.problems]
    return []


def lines_of(path: Path) -> list[str]:
    return [line for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def corpus_cases(corpus: Path, kind: str = "expected.txt") -> list[Path]:
    """The cases of a corpus folder that hold ``kind`` (``expected.txt`` or ``published.txt``)."""
    return sorted(case for case in corpus.iterdir() if (case / kind).exists()) if corpus.exists() else []


def lay_out_case(case: Path, target: Path) -> Path:
    """Apply one case to the tree at ``target``: its removals, its edits, then its files."""
    removals = case / "remove.txt"
    if removals.exists():
        for line in lines_of(removals):
            (target / line.strip()).unlink()
    edits = case / "edits.yml"
    if edits.exists():
        for edit in yaml.load(edits.read_text(encoding="utf-8"), Loader=SAFE_LOADER):
            file = target / edit["file"]
            text = file.read_text(encoding="utf-8")
            assert text.count(edit["old"]) == 1, f"{case.name}: {edit['old']!r} must occur once in {edit['file']}"
            file.write_text(text.replace(edit["old"], edit["new"]), encoding="utf-8")
    for file in case_files(case):
        destination = target / file.relative_to(case)
        destination.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(file, destination)
    return target


def touched_paths(case: Path) -> list[str]:
    """Every path, relative to the tree, that applying the case removes, edits or writes."""
    removals = lines_of(case / "remove.txt") if (case / "remove.txt").exists() else []
    edits = yaml.safe_load((case / "edits.yml").read_text(encoding="utf-8")) if (case / "edits.yml").exists() else []
    written = [file.relative_to(case).as_posix() for file in case_files(case)]
    return sorted({line.strip() for line in removals} | {edit["file"] for edit in edits} | set(written))


class ReusedContentTree:
    """One copy of the content that corpus cases are applied to in turn, so that a case costs the
    few files it touches, not a copy of every content file. Each case gets the tree under a folder
    name of its own (the loader caches by root folder), and every file it touched is put back."""

    def __init__(self, base: Path):
        self.path = content_copy(base / "content")

    @contextmanager
    def with_case(self, case: Path) -> Iterator[Path]:
        self.path = self.path.rename(self.path.with_name(case.name))
        touched = touched_paths(case)
        try:
            yield lay_out_case(case, self.path)
        finally:
            for relative in touched:
                original, copy = ROOT / relative, self.path / relative
                if original.is_file():
                    shutil.copyfile(original, copy)
                else:
                    copy.unlink(missing_ok=True)
                    for folder in copy.relative_to(self.path).parents[:-1]:
                        if not (ROOT / folder).exists() and not any((self.path / folder).iterdir()):
                            (self.path / folder).rmdir()

    def differences_from_the_repository(self, case: Path) -> list[str]:
        """The paths the case touched that are not as in the repository now."""
        return [
            relative
            for relative in touched_paths(case)
            if ((ROOT / relative).is_file() and (ROOT / relative).read_bytes())
            != ((self.path / relative).is_file() and (self.path / relative).read_bytes())
            or any((self.path / folder).exists() != (ROOT / folder).exists() for folder in Path(relative).parents)
        ]


def case_files(case: Path) -> list[Path]:
    return [
        file
        for file in sorted(case.rglob("*"))
        if file.is_file() and file.relative_to(case).as_posix() not in CASE_CONTROL_FILES
    ]


def lay_over(cases: list[Path], repository: Path) -> Path:
    """Lay several corpus cases over one tree; no two may touch the same file."""
    owners: dict[Path, str] = {}
    for case in cases:
        for file in case_files(case):
            relative = file.relative_to(case)
            assert relative not in owners, f"{case.name} and {owners[relative]} both replace {relative}"
            owners[relative] = case.name
        lay_out_case(case, repository)
    return repository


def published_html(site_dir: Path) -> list[str]:
    """URL paths of every HTML file the site publishes (both languages, 404, any non-index page)."""
    return sorted(
        "/" + file.relative_to(site_dir).as_posix().removesuffix("index.html") for file in site_dir.rglob("*.html")
    )


class PageWatcher:
    """Records console errors and any request that leaves 127.0.0.1 (and blocks it), since the
    page's last load (``reset`` starts the record afresh when the page is navigated again)."""

    def __init__(self, page):
        self.reset()
        self._page = page
        page.add_init_script(
            "window.__cspViolations = [];"
            "document.addEventListener('securitypolicyviolation', (event) => window.__cspViolations.push("
            "`${event.violatedDirective} ${event.blockedURI} ${event.sample}`));"
        )
        page.on("console", lambda message: message.type == "error" and self.console_errors.append(message.text))
        page.on("pageerror", lambda error: self.page_errors.append(str(error)))
        page.on(
            "response",
            lambda response: (
                response.status >= 400 and self.failed_responses.append(f"{response.status} {response.url}")
            ),
        )
        page.route("**/*", self._route)

    def reset(self) -> None:
        self.console_errors: list[str] = []
        self.page_errors: list[str] = []
        self.foreign_requests: list[str] = []
        self.failed_responses: list[str] = []

    @property
    def csp_violations(self) -> list[str]:
        """What the page's Content-Security-Policy blocked since it was loaded."""
        return self._page.evaluate("window.__cspViolations || []")

    def _route(self, route):
        url = route.request.url
        if url.startswith("http://127.0.0.1:") or url.startswith("data:") or url.startswith("blob:"):
            route.continue_()
        else:
            self.foreign_requests.append(url)
            route.abort()


# Waits until the theme's search box says it is ready ("type to start searching", in the page's
# language): its worker has indexed what it was given, so the theme's scripts have all started.
SEARCH_READY_JS = """async () => {
  const meta = document.querySelector('.md-search-result__meta');
  const config = document.getElementById('__config');
  if (!meta || !config) return false;
  const ready = JSON.parse(config.textContent).translations['search.result.placeholder'];
  for (let waited = 0; meta.textContent.trim() !== ready; waited += 20) {
    if (waited > 15000) throw new Error(`the search box never became ready: ${meta.textContent.trim()}`);
    await new Promise((done) => setTimeout(done, 20));
  }
  return true;
}"""


def _text_from_server(url: str) -> str:
    """``url`` from the tests' local server, straight, not through the browser: a fetch made by a
    route handler (``route.fetch``) once waited out its 30 s while the page was busy."""
    with urllib.request.urlopen(url, timeout=30) as response:
        return response.read().decode("utf-8")


class EmptySearchIndex:
    """Serves each site's search index with its configuration and no documents, for loads whose
    tests look at nothing search finds: the theme's search still starts (its worker, its language
    scripts, its "type to start searching" line) but has nothing to index, which is most of a
    load's work. The real index is fetched once per address and kept."""

    def __init__(self, fetch: Callable[[str], str] | None = None):
        self._bodies: dict[str, str] = {}
        self._fetch = fetch or _text_from_server

    def install(self, page) -> None:
        page.route("**/search/search_index.json", self._route)  # tried before the watcher's route

    @staticmethod
    def goto(page, url: str) -> None:
        """Load ``url`` in a page with the empty index: its load event, then the search box's
        "ready" (``SEARCH_READY_JS``), which with nothing to index soon follows; not the half
        second of network silence that ``networkidle`` waits for."""
        page.goto(url, wait_until="load")
        page.evaluate(SEARCH_READY_JS)

    def _route(self, route):
        from playwright.sync_api import Error

        url = route.request.url
        try:
            if url not in self._bodies:
                index = json.loads(self._fetch(url))
                self._bodies[url] = json.dumps({**index, "docs": []})
            route.fulfill(body=self._bodies[url], content_type="application/json")
        except Error as error:
            if "closed" not in str(error) and "disposed" not in str(error):
                raise
            # The test closed its page while the index was on its way: nothing is left to serve.


# What a step may not change on a shared load: where the page is and is scrolled to, and the open
# details and chosen inputs of its content. (The colour scheme is the measurements' to switch.)
PAGE_STATE_JS = """() => [location.href, scrollX, scrollY,
  [...document.querySelectorAll('.md-content details')].map((node) => node.open).join(),
  [...document.querySelectorAll('.md-content input, .md-content select')]
    .map((node) => node.type === 'checkbox' || node.type === 'radio' ? node.checked : node.value).join()]"""


def by_page(path: str):
    """The pytest-xdist group of the tests that read the page at ``path`` (a URL path of the
    site, "/zh/timeline/"): they run on one worker, one after another, and share its loads."""
    return pytest.mark.xdist_group(f"page {path}")


@contextmanager
def scroll_kept(page) -> Iterator[None]:
    """Scroll the page back to where it was once the block is done (a click or a hover may
    scroll what it touches into view): for steps of shared loads, which leave the page as found."""
    where = page.evaluate("() => [scrollX, scrollY]")
    yield
    page.evaluate("([x, y]) => window.scrollTo({left: x, top: y, behavior: 'instant'})", where)


# Switching the colour scheme of a loaded page, as a reader's system switches it, and measuring
# it at rest. Before the switch, the theme's colour fades are turned off (Material's own
# ``data-md-color-switching``, which its toggle sets for the same purpose), so that nothing is read
# halfway through a fade on a busy machine; after it, content that ``content-visibility: auto``
# skips (off screen) is drawn once, since Chromium keeps the old scheme's colours there until it
# is drawn again (as a reader scrolling to it would); then two frames, and any animation still
# running; then the fades and the skipping are put back as they were.
BEFORE_SWITCH_JS = "() => document.body.setAttribute('data-md-color-switching', '')"
SETTLED_JS = """async () => {
  const frames = () => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)));
  await frames();
  const skipping = [...document.querySelectorAll('*')]
    .filter((element) => getComputedStyle(element).contentVisibility === 'auto')
    .map((element) => [element, element.getAttribute('style')]);
  for (const [element] of skipping) element.style.contentVisibility = 'visible';
  document.body.getBoundingClientRect();
  await frames();
  const running = document.getAnimations().filter((animation) => animation.playState === 'running'
    && Number.isFinite(animation.effect.getComputedTiming().endTime));
  const limit = new Promise((done) => setTimeout(done, 3000));
  await Promise.race([Promise.all(running.map((animation) => animation.finished.catch(() => null))), limit]);
  for (const [element, style] of skipping) {
    if (style === null) element.removeAttribute('style');
    else element.setAttribute('style', style);
  }
  document.body.removeAttribute('data-md-color-switching');
}"""


def _show_scheme(page, scheme: str, loaded: bool) -> None:
    """Switch ``page`` to ``scheme``; on a loaded page, measured at rest (``SETTLED_JS``)."""
    if page.scheme == scheme:
        return
    if loaded:
        page.evaluate(BEFORE_SWITCH_JS)
    page.emulate_media(color_scheme=scheme)
    if loaded:
        page.evaluate(SETTLED_JS)
    page.scheme = scheme


class PageChangedError(AssertionError):
    """A step left a shared page otherwise than it found it (see ``PageMeasurements``)."""


class PageMeasurements:
    """Measurements of loaded pages, shared by every test of a session (of a pytest-xdist worker):
    one load per (url, width, height), and each measurement taken once on it per colour scheme.

    ``measure(url, steps)`` runs each step of ``steps`` (name → function of the loaded page) that
    has not run on that load in that scheme yet, in order, and returns every step's result; a step
    that raised raises again for each test that asks for it, and no other. A step (its name and
    function) stands for one measurement: tests that read the same page pass the same steps (a
    shared dict), so the first test to ask takes them all in one load; the tests of other files
    that read the same page at the same size share that load too (they are in the page's
    pytest-xdist group, ``by_page``, so they run on one worker, one after another). Both schemes
    are measured on one load: the page is switched to the scheme asked for
    (``prefers-color-scheme``, which the theme follows as it changes), as a reader's system
    switches it, and drawn anew (``SETTLED_JS``).

    Steps read the page (evaluate, axe, screenshots). A step that must change it (open a details,
    click "Cite") puts it back as it was before it returns: after every step the page's address,
    scroll position, open details and chosen inputs (``PAGE_STATE_JS``) are compared with the
    load's, and a step that left them changed fails with ``PageChangedError`` (and the load is
    closed, so no later step reads the changed page). A test that changes a page for good loads
    its own.

    A load waits for the network to fall silent (``networkidle``: the search index fetched and
    indexed). ``search=False`` says the steps look at nothing search finds: such a load gets an
    empty search index and waits for its load event and the search box's "ready"
    (``EmptySearchIndex``), unless a load of the page with the real index is open already. The
    page's ``watcher`` (``PageWatcher``) has recorded everything since the load. The most recent
    few loads stay open; a newer load reuses the oldest one's page (navigated, not a new browser
    context) when its size and search agree; an older load is loaded again if a step of it is
    still to be taken.
    """

    def __init__(self, browser, keep_open: int = 4):
        self._browser = browser
        self._keep_open = keep_open
        self._open: OrderedDict[tuple, object] = OrderedDict()
        self._results: dict[tuple, tuple[object, BaseException | None]] = {}
        self._empty_index = EmptySearchIndex()
        self.loads = 0  # how many page loads the measurements cost (for the curious, and a test)
        self.contexts = 0  # how many browser contexts they opened (a load mostly reuses a page)

    def measure(
        self,
        url: str,
        steps: dict[str, Callable],
        *,
        width: int = 1280,
        height: int = 800,
        scheme: str = "light",
        search: bool = True,
    ) -> dict[str, object]:
        key = (url, width, height)
        for name, step in steps.items():
            if (key, scheme, name, step) not in self._results:
                page = self._page(key, scheme, search)
                try:
                    self._results[key, scheme, name, step] = (step(page), None)
                    after = page.evaluate(PAGE_STATE_JS)
                    if after != page.state:
                        self._forget(page)
                        raise PageChangedError(f"the step {name!r} left {url} changed: {page.state} → {after}")
                except Exception as error:  # kept for the test that asks, raised again below
                    self._results[key, scheme, name, step] = (None, error)
        values = {}
        for name, step in steps.items():
            value, error = self._results[key, scheme, name, step]
            if error is not None:
                raise error
            values[name] = value
        return values

    def _page(self, key: tuple, scheme: str, search: bool):
        url, width, height = key
        wanted = [(key, True)] if search else [(key, True), (key, False)]
        found = next((load for load in wanted if load in self._open), None)
        if found:
            self._open.move_to_end(found)
            page = self._open[found]
            _show_scheme(page, scheme, loaded=True)
            return page
        page = None
        while len(self._open) >= self._keep_open:
            (old_key, old_search), oldest = self._open.popitem(last=False)
            if page is None and old_key[1:] == key[1:] and old_search == search:
                page = oldest  # navigated to the new address below
            else:
                oldest.context.close()
        if page is None:
            context = self._browser.new_context(viewport={"width": width, "height": height}, color_scheme=scheme)
            self.contexts += 1
            page = context.new_page()
            page.watcher = PageWatcher(page)
            if not search:
                self._empty_index.install(page)
            page.scheme = scheme
        _show_scheme(page, scheme, loaded=False)  # before the navigation: nothing to settle
        page.watcher.reset()
        if search:
            page.goto(url, wait_until="networkidle")
        else:
            EmptySearchIndex.goto(page, url)
        page.state = page.evaluate(PAGE_STATE_JS)
        self.loads += 1
        self._open[key, search] = page
        return page

    def _forget(self, page) -> None:
        for load, open_page in list(self._open.items()):
            if open_page is page:
                del self._open[load]
        page.context.close()

    def close(self) -> None:
        while self._open:
            self._open.popitem()[1].context.close()


# Clicks the first 200 links in the article, in one call (a click per call costs a round trip
# each): those that stay on the page, and with ``scriptLinks`` those to javascript: and data:
# URLs too; the same event Playwright's dispatch_event("click") sends. Then toggles every details.
PROVOKE_JS = """([scriptLinks]) => {
  const links = [...document.querySelectorAll('article a')].slice(0, 200).filter((link) => {
    const href = link.getAttribute('href') || '';
    return !href || href.startsWith('#') || (scriptLinks && /^(javascript|data):/i.test(href));
  });
  links.forEach((link) => link.dispatchEvent(new MouseEvent('click', {bubbles: true, cancelable: true, composed: true})));
  document.querySelectorAll('article p').forEach((p) => p.dispatchEvent(new MouseEvent('click', {bubbles: true})));
  document.querySelectorAll('article details').forEach((node) => { node.open = !node.open; });
  return links.length;
}"""


class ScriptProvoker:
    """Opens hostile pages in turn and does what would set off a contributed script on each:
    clicks its links and paragraphs, toggles its details, moves the mouse. One browser context
    and page serve every page (navigated from one to the next; the watcher's record and the
    dialogs are started afresh for each). The search index is served empty (``EmptySearchIndex``):
    nothing here searches, and indexing is most of a load's work; each page is provoked once its
    load event has fired and the theme's scripts have started (the search box is ready)."""

    def __init__(self, browser):
        self._context = browser.new_context()
        self.page = self._context.new_page()
        self.watcher = PageWatcher(self.page)
        EmptySearchIndex().install(self.page)
        self.dialogs: list[str] = []
        self.page.on("dialog", lambda dialog: (self.dialogs.append(dialog.message), dialog.dismiss()))

    def open(self, url: str, script_links: bool = False):
        """Open ``url`` and provoke its scripts (with ``script_links``, links to javascript: and
        data: URLs too). Returns the page, its ``PageWatcher`` and the messages of any dialog."""
        self.watcher.reset()
        self.dialogs.clear()
        EmptySearchIndex.goto(self.page, url)
        self.page.evaluate(PROVOKE_JS, [script_links])
        self.page.mouse.move(0, 0)  # from where the last page left the pointer, so that it moves
        self.page.mouse.move(10, 10)
        self.page.wait_for_timeout(200)
        return self.page, self.watcher, self.dialogs

    def close(self) -> None:
        self._context.close()


class PlainLinks:
    """The link helper's shape (clusterdocs/render/links.py) for rendering a page outside MkDocs:
    page links are the page's path and anchor, file links the file's path."""

    permanent = "https://example.org/page/"
    root = "../"

    def to_page(self, path: str, anchor: str = "") -> str:
        return path + (f"#{anchor}" if anchor else "")

    def to_file(self, target: str) -> str:
        return target
