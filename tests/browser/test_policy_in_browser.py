"""The Content-Security-Policy in Chromium: a contributed script that reached a page (as if the page
check and the sanitiser had both missed it) still does not run, and the site's own scripts do.

Two proofs: one page of the real site with contributed markup put into it after the build, and a
whole build of the hostile pages (tests/bad_inputs/build/script-in-page) with the page check, the
path allow-list and the sanitiser all switched off, so the policy alone protects the reader."""

from __future__ import annotations

import functools
import http.server
import shutil
import threading
from pathlib import Path

import material
import pytest
from conftest import built_once

from clusterdocs.publish.content_security import theme_scripts, with_policy, without_policy
from support import (
    BUILD_CORPUS,
    ROOT,
    PageWatcher,
    copy_repository,
    lay_over,
    run_mkdocs_build,
)

pytestmark = pytest.mark.browser

THEME_DIRS = (ROOT / "overrides", Path(material.__file__).parent / "templates")
CONTRIBUTED = (
    "<script>window.__xss = 'inline';</script>"
    '<img src="missing.png" onerror="window.__xss = \'handler\'">'
    '<a id="xss-link" href="javascript:window.__xss=\'link\'">link</a>'
)


def test_a_contributed_script_that_got_past_the_sanitiser_is_blocked_by_the_policy(browser, site_dir, site_url):
    built = (site_dir / "index.html").read_text(encoding="utf-8")
    unprotected = without_policy(built.encode()).decode()
    hostile = unprotected.replace(
        '<article class="md-content__inner md-typeset">',
        '<article class="md-content__inner md-typeset">' + CONTRIBUTED,
        1,
    )
    assert hostile != unprotected
    known = theme_scripts(file for folder in THEME_DIRS for file in sorted(folder.rglob("*.html")))
    served = with_policy(hostile, known)  # the post-build step, on a page the sanitiser missed
    context = browser.new_context()
    page = context.new_page()
    watcher = PageWatcher(page)
    page.route(site_url + "/", lambda route: route.fulfill(body=served, content_type="text/html; charset=utf-8"))
    page.goto(site_url + "/", wait_until="networkidle")
    page.locator("#xss-link").click()
    page.wait_for_timeout(100)
    assert page.evaluate("typeof window.__xss") == "undefined"
    blocked = " ".join(watcher.csp_violations)
    assert "script-src" in blocked and "inline" in blocked
    # The site's own scripts still ran: the palette script set the scheme, Material's bundle the search.
    assert page.evaluate("document.body.getAttribute('data-md-color-scheme')") == "default"
    assert page.locator(".md-search__input").count() == 1 and watcher.page_errors == []
    context.close()


@pytest.fixture(scope="module")
def unsanitised_site(tmp_path_factory):
    """The script-in-page case built with every contributor check and the sanitiser off, served on
    127.0.0.1. The site audit still fails the build (it finds the scripts), after the site and its
    policy are written: what a reader would get if a maintainer published it anyway. Built once
    per run (``built_once``), however many workers ask."""

    def build(base: Path) -> None:
        repository = lay_over([BUILD_CORPUS / "script-in-page"], copy_repository(base / "repo"))
        result = run_mkdocs_build(
            base / "site",
            cwd=repository,
            env={"PYTHONPATH": str(repository), "WITHOUT_SANITISER": "1"},
            page_policy=False,
        )
        assert result.returncode != 0 and "script" in result.stderr, result.stderr[-2000:]
        shutil.rmtree(repository)

    site = built_once(tmp_path_factory, "unsanitised-build", build) / "site"
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(site))
    handler.log_message = lambda *args: None
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield site, f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()


# One worker builds and reads the unsanitised site (the other need not wait for its build).
@pytest.mark.xdist_group("unsanitised build")
@pytest.mark.parametrize("path", ["/glossary/", "/zh/glossary/", "/zh-Hant/glossary/"])
def test_with_the_sanitiser_off_the_policy_alone_stops_every_contributed_script(
    script_provoker, unsanitised_site, path
):
    site, url = unsanitised_site
    published = (site / path.strip("/") / "index.html").read_text(encoding="utf-8")
    assert "<script>window.__xss" in published  # the sanitiser really was off: the scripts are on the page
    page, watcher, dialogs = script_provoker.open(url + path, script_links=True)
    assert page.evaluate("typeof window.__xss") == "undefined"
    assert dialogs == [] and watcher.foreign_requests == []
    blocked = " ".join(watcher.csp_violations)
    assert "script-src" in blocked and "inline" in blocked
    # The site's own scripts still ran.
    assert page.evaluate("document.body.getAttribute('data-md-color-scheme')") in ("default", "slate")
    assert page.locator(".md-search__input").count() == 1
