"""Answer first, in Chromium: at a laptop (1280×800) and a phone (360×740) size, in every
language, the home page shows its counts and each article page the top of its abstract within
the first screen; an article's "Cite" control opens the full citation and its downloads; and
no page scrolls sideways. One page load per page, language and size serves all its checks, and
the page's other tests at that size (``page_measurements``)."""

from __future__ import annotations

import functools

import pytest

from clusterdocs.render.home_view import STEPS
from clusterdocs.base.languages import language_of
from clusterdocs.base.paths import ROOT
from clusterdocs.check.sitedata import load_site_data
from support import by_page, scroll_kept

pytestmark = pytest.mark.browser

VIEWPORTS = [(1280, 800), (360, 740)]
MIN_TEXT = 12  # px: the smallest text that says where a number comes from
LANGUAGES = ["en", "zh", "zh-Hant"]
ARTICLES = sorted(path.stem for path in (ROOT / "docs" / "en" / "articles").glob("*.md") if path.stem != "index")
PAGES = ["", *(f"articles/{slug}/" for slug in ARTICLES)]


def _url(site_url: str, language: str, path: str) -> str:
    return f"{site_url}/{language_of(language).prefix}{path}"


@functools.cache
def _source_counts() -> list[str]:
    """The counts the sources state, from data/figures.yml; the later round from outside reporting follows them."""
    figures = {figure["id"]: figure["value"] for figure in load_site_data(ROOT).figures["headline"]}
    return [figures[step.figure] for step in STEPS]


# Each (page, language, size) is one test, in its page's group: its load is the one the page's
# other tests at that size use (tests/browser/test_browser.py's at 1280×800).
CASES = [
    pytest.param(path, language, width, height, marks=by_page(f"/{language_of(language).prefix}{path}"))
    for path in PAGES
    for language in LANGUAGES
    for width, height in VIEWPORTS
]


def _case_id(value) -> str:
    return value.strip("/") or "home" if isinstance(value, str) and value not in LANGUAGES else str(value)


def _within_first_screen(page, selector: str) -> list[dict]:
    return page.eval_on_selector_all(
        selector,
        """(elements) => elements.map((element) => {
            const box = element.getBoundingClientRect();
            const style = getComputedStyle(element);
            return {text: element.textContent.trim(), top: box.top, bottom: box.bottom, width: box.width,
                    size: parseFloat(style.fontSize),
                    shown: style.visibility !== 'hidden' && style.display !== 'none' && box.height > 0,
                    inside: box.top >= 0 && box.bottom <= innerHeight};
        })""",
    )


def _sideways(page) -> int:
    return page.evaluate("document.documentElement.scrollWidth")


def _home(page) -> dict:
    return {
        "counts": _within_first_screen(page, ".cd-step__count"),
        "later round": page.locator(".cd-step--media").inner_text(),
        "badge": _within_first_screen(page, ".cd-step--media .cd-badge"),
    }


def _article(page) -> dict:
    """The top of the article, then its "Cite" control opened (and closed again, as found)."""
    found = {
        name: _within_first_screen(page, selector)
        for name, selector in (("abstract", "#abstract"), ("title", "h1"), ("line", ".cd-byline__line"))
    }
    citation = page.locator(".cd-byline__cite")
    found["closed citation shown"] = citation.locator(".cd-citation").is_visible()
    with scroll_kept(page):
        citation.locator("summary").click()
        found["open citation shown"] = citation.locator(".cd-citation").is_visible()
        found["cite text"] = citation.locator(".cd-cite__text").inner_text().strip()
        downloads = citation.locator("a[download]")
        found["downloads"] = [
            (downloads.nth(index).is_visible(), page.evaluate("(a) => a.href", downloads.nth(index).element_handle()))
            for index in range(downloads.count())
        ]
        citation.locator("summary").click()
        page.evaluate("() => document.activeElement.blur()")
    found["closed again"] = not citation.locator(".cd-citation").is_visible()
    return found


# The side scroll is measured first and again after the other checks (which open "Cite").
HOME = {"sideways": _sideways, "first screen": _home, "sideways after": _sideways}
ARTICLE = {"sideways": _sideways, "first screen": _article, "sideways after": _sideways}


@pytest.mark.parametrize("path, language, width, height", CASES, ids=_case_id)
def test_the_answer_is_on_the_first_screen(page_measurements, site_url, path, language, width, height):
    measured = page_measurements.measure(
        _url(site_url, language, path), HOME if not path else ARTICLE, width=width, height=height, search=False
    )
    assert measured["sideways"] <= width, "the page scrolls sideways"
    if not path:
        _check_home(measured["first screen"], height, _source_counts())
    else:
        _check_article(measured["first screen"], height)
    assert measured["sideways after"] <= width, "the page scrolls sideways"


def _check_home(found: dict, height: int, source_counts: list[str]) -> None:
    counts = found["counts"]
    assert [count["text"] for count in counts[: len(source_counts)]] == source_counts
    assert len(counts) == len(source_counts) + 1  # and the later round from outside reporting, set apart
    # Its caption names the media's sum of the last stated count and this round as theirs.
    assert str(int(source_counts[-1]) + int(counts[-1]["text"])) in found["later round"]
    for count in counts:
        assert count["shown"] and count["inside"], f"count {count['text']} is not on the first screen: {count}"
    # The later round says where it comes from, on the first screen too.
    badge = found["badge"]
    assert len(badge) == 1 and badge[0]["shown"] and badge[0]["top"] < height
    assert badge[0]["size"] >= MIN_TEXT, f"the badge's text is {badge[0]['size']} px"


def _check_article(found: dict, height: int) -> None:
    abstract = found["abstract"]
    assert len(abstract) == 1 and abstract[0]["shown"]
    assert 0 <= abstract[0]["top"] < height, f"the abstract starts at {abstract[0]['top']:.0f} px"
    title = found["title"]
    assert title and title[0]["inside"]
    line = found["line"]
    assert len(line) == 1 and line[0]["inside"] and line[0]["top"] < abstract[0]["top"]
    # The full citation and its downloads wait behind "Cite", and open without a script.
    assert not found["closed citation shown"]
    assert found["open citation shown"]
    assert found["cite text"]
    assert len(found["downloads"]) == 3
    for visible, href in found["downloads"]:
        assert visible and "/cite/" in href
    assert found["closed again"]
