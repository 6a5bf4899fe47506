"""The Content-Security-Policy in Chromium: a contributed script that reached a page (as if the page
check and the sanitiser had both missed it) still does not run, and the site's own scripts do."""

from __future__ import annotations

from pathlib import Path

import material
import pytest

from clusterdocs.content_security import theme_scripts, with_policy, without_policy
from support import ROOT, PageWatcher

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
