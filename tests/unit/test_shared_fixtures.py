"""The suite's own sharing: a session build is made once however many workers ask for it at once
(``built_once`` in tests/conftest.py), and shared page measurements load each page once, take
each measurement once, reuse pages, leave search out where asked and refuse a step that leaves
the page changed (``PageMeasurements`` and ``EmptySearchIndex`` in tests/support.py). Fakes stand
in for pytest's temporary folders and for Chromium, so these run in the unit tier."""

from __future__ import annotations

import json
import threading
import time

import pytest
from conftest import built_once
from support import PAGE_STATE_JS, EmptySearchIndex, PageChangedError, PageMeasurements


class _Folders:
    """pytest's tmp_path_factory as a pytest-xdist worker sees it: its own folder in the run's."""

    def __init__(self, run, worker: str):
        self._base = run / f"popen-{worker}"
        self._base.mkdir(parents=True, exist_ok=True)

    def getbasetemp(self):
        return self._base


def test_two_workers_asking_at_once_get_one_build(tmp_path, monkeypatch):
    monkeypatch.setenv("PYTEST_XDIST_WORKER", "gw0")
    builds, folders = [], []

    def build(folder):
        builds.append(folder)
        time.sleep(0.2)  # long enough for the other worker to ask while this one builds
        (folder / "index.html").write_text("built", encoding="utf-8")

    def worker(name):
        folders.append(built_once(_Folders(tmp_path, name), "site-build", build))

    threads = [threading.Thread(target=worker, args=(name,)) for name in ("gw0", "gw1")]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert builds == [tmp_path / "site-build"]
    assert folders == [tmp_path / "site-build"] * 2
    assert (tmp_path / "site-build" / "index.html").read_text(encoding="utf-8") == "built"


def test_a_failed_build_is_tried_again_by_the_next_worker(tmp_path, monkeypatch):
    monkeypatch.setenv("PYTEST_XDIST_WORKER", "gw0")
    attempts = []

    def build(folder):
        attempts.append(sorted(path.name for path in folder.iterdir()))
        (folder / "half-written").touch()
        if len(attempts) == 1:
            raise AssertionError("the build failed")

    with pytest.raises(AssertionError, match="the build failed"):
        built_once(_Folders(tmp_path, "gw0"), "site-build", build)
    built_once(_Folders(tmp_path, "gw1"), "site-build", build)
    built_once(_Folders(tmp_path, "gw0"), "site-build", build)
    assert attempts == [[], []]  # the second attempt starts from an empty folder; the third is not needed


class _Page:
    def __init__(self, context, url):
        self.context, self.url, self.evaluations = context, url, 0
        self.routes, self.visited, self.where = [], [], "top"

    def route(self, pattern, _handler):
        self.routes.append(pattern)

    def add_init_script(self, _script):
        pass

    def on(self, *_arguments):
        pass

    def goto(self, url, wait_until):
        assert not self.context.closed
        self.url, self.where = url, "top"
        self.visited.append(url)
        self.scheme_shown = getattr(self, "scheme_shown", self.context.options["color_scheme"])

    def emulate_media(self, color_scheme):
        self.scheme_shown = color_scheme

    def evaluate(self, script):
        self.evaluations += 1
        return (self.url, self.where) if script == PAGE_STATE_JS else None


class _Context:
    def __init__(self, browser, options):
        self.browser, self.options, self.closed = browser, options, False

    def new_page(self):
        self.browser.pages.append(_Page(self, None))
        return self.browser.pages[-1]

    def close(self):
        self.closed = True


class _Browser:
    def __init__(self):
        self.contexts: list[_Context] = []
        self.pages: list[_Page] = []

    def new_context(self, **options):
        self.contexts.append(_Context(self, options))
        return self.contexts[-1]


def test_each_page_is_loaded_once_and_each_measurement_taken_once():
    browser, taken = _Browser(), []

    def step(name):
        def measure(page):
            taken.append((page.url, page.scheme_shown, name))
            return f"{name} of {page.url}"

        return measure

    steps = {"problems": step("problems"), "axe": step("axe")}
    measurements = PageMeasurements(browser)
    first = measurements.measure("/timeline/", steps)
    again = measurements.measure("/timeline/", {"axe": steps["axe"]})
    dark = measurements.measure("/timeline/", steps, scheme="dark")
    light_again = measurements.measure("/timeline/", {"problems": steps["problems"]})
    assert first == {"problems": "problems of /timeline/", "axe": "axe of /timeline/"}
    assert again == {"axe": "axe of /timeline/"} and dark == first and light_again == {"problems": first["problems"]}
    assert taken == [
        ("/timeline/", "light", "problems"),
        ("/timeline/", "light", "axe"),
        ("/timeline/", "dark", "problems"),
        ("/timeline/", "dark", "axe"),
    ]
    # One load serves both schemes: the page is switched to dark, not loaded again.
    assert measurements.loads == 1
    assert [context.options["viewport"] for context in browser.contexts] == [{"width": 1280, "height": 800}]


def test_a_failed_measurement_fails_only_the_tests_that_read_it():
    measurements = PageMeasurements(_Browser())

    def broken(_page):
        raise ValueError("axe could not run")

    steps = {"problems": lambda page: [], "axe": broken}
    with pytest.raises(ValueError, match="axe could not run"):
        measurements.measure("/", steps)
    assert measurements.measure("/", {"problems": steps["problems"]}) == {"problems": []}
    with pytest.raises(ValueError, match="axe could not run"):
        measurements.measure("/", steps)
    assert measurements.loads == 1


def test_only_the_latest_loads_stay_open():
    browser = _Browser()
    measurements = PageMeasurements(browser, keep_open=2)
    for path in ("/a/", "/b/", "/c/"):
        measurements.measure(path, {"title": lambda page: page.url})
    # /c/ took the page of /a/, the oldest: /a/ is no longer open.
    assert [page.visited for page in browser.pages] == [["/a/", "/c/"], ["/b/"]]
    measurements.measure("/a/", {"other": lambda page: page.url})  # a new step on a closed load: loaded again
    assert measurements.loads == 4
    assert [page.visited for page in browser.pages] == [["/a/", "/c/"], ["/b/", "/a/"]]
    measurements.close()
    assert all(context.closed for context in browser.contexts)


def test_a_newer_load_navigates_the_oldest_page_of_its_size():
    browser = _Browser()
    measurements = PageMeasurements(browser, keep_open=2)
    for path in ("/a/", "/b/", "/c/"):
        measurements.measure(path, {"title": lambda page: page.url})
    measurements.measure("/d/", {"title": lambda page: page.url}, width=360, height=740)
    # /c/ reused the page of /a/ (same size); /d/ is another size: the page of /b/ was closed.
    assert measurements.loads == 4 and measurements.contexts == 3
    first, second, third = browser.contexts
    assert not first.closed and second.closed and not third.closed
    assert third.options["viewport"] == {"width": 360, "height": 740}


def test_a_load_without_search_gets_an_empty_index_unless_one_with_search_is_open():
    browser = _Browser()
    measurements = PageMeasurements(browser)
    seen = {}
    measurements.measure("/a/", {"routes": lambda page: seen.setdefault("/a/", page.routes)}, search=False)
    measurements.measure("/b/", {"routes": lambda page: seen.setdefault("/b/", page.routes)})
    measurements.measure("/b/", {"other": lambda page: seen.setdefault("/b/ again", page.routes)}, search=False)
    assert seen["/a/"] == ["**/*", "**/search/search_index.json"]
    assert seen["/b/"] == ["**/*"] and seen["/b/ again"] is seen["/b/"]  # the load with search served both
    measurements.measure("/a/", {"needs search": lambda page: page.routes})
    assert measurements.loads == 3  # a step that needs search is not taken on the load without it


def test_a_step_that_leaves_the_page_changed_fails_and_its_load_is_not_read_again():
    browser = _Browser()
    measurements = PageMeasurements(browser)

    def scrolls(page):
        page.where = "scrolled"
        return "measured"

    def scrolls_back(page):
        page.where = "scrolled"
        page.where = "top"
        return "measured"

    def reads(page):
        return page.where

    with pytest.raises(PageChangedError, match="'scrolls' left /a/ changed"):
        measurements.measure("/a/", {"scrolls": scrolls, "reads": reads})
    assert browser.contexts[0].closed
    assert measurements.measure("/a/", {"reads": reads}) == {"reads": "top"}  # on a fresh load
    assert measurements.measure("/a/", {"scrolls back": scrolls_back}) == {"scrolls back": "measured"}
    assert measurements.loads == 2


def test_two_steps_of_one_name_are_two_measurements():
    measurements = PageMeasurements(_Browser())
    assert measurements.measure("/a/", {"width": lambda page: 1}) == {"width": 1}
    assert measurements.measure("/a/", {"width": lambda page: 2}) == {"width": 2}
    assert measurements.loads == 1


class _Route:
    """A request for a search index, as Playwright's route hands it over."""

    def __init__(self, url):
        self.request = type("Request", (), {"url": url})()
        self.fulfilled = None

    def fulfill(self, body, content_type):
        self.fulfilled = (json.loads(body), content_type)


def _index_fetcher(fetched: list):
    def fetch(url):
        fetched.append(url)
        return json.dumps({"config": {"lang": ["en", "zh"]}, "docs": [{"location": "x/", "text": "words"}]})

    return fetch


def test_the_empty_search_index_keeps_the_configuration_and_fetches_each_index_once():
    fetched = []
    empty = EmptySearchIndex(fetch=_index_fetcher(fetched))
    for url in ("http://127.0.0.1:1/search/search_index.json", "http://127.0.0.1:1/zh/search/search_index.json"):
        for _ in range(2):
            route = _Route(url)
            empty._route(route)
            assert route.fulfilled == ({"config": {"lang": ["en", "zh"]}, "docs": []}, "application/json")
    assert fetched == ["http://127.0.0.1:1/search/search_index.json", "http://127.0.0.1:1/zh/search/search_index.json"]


def test_an_index_asked_for_by_a_page_that_then_closed_is_let_go_and_other_failures_are_not():
    from playwright.sync_api import Error

    class _Failing(_Route):
        def __init__(self, message):
            super().__init__("http://127.0.0.1:1/search/search_index.json")
            self.message = message

        def fulfill(self, body, content_type):
            raise Error(self.message)

    EmptySearchIndex(fetch=_index_fetcher([]))._route(
        _Failing("Route.fulfill: Target page, context or browser has been closed")
    )
    with pytest.raises(Error, match="connection refused"):
        EmptySearchIndex(fetch=_index_fetcher([]))._route(
            _Failing("Route.fulfill: connect ECONNREFUSED (connection refused)")
        )
