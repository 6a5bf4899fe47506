"""Answer first, in Chromium: at a laptop (1280×800) and a phone (360×740) size, in every
language, the home page shows its counts and each article page the top of its abstract within
the first screen; an article's "Cite" control opens the full citation and its downloads; and
no page scrolls sideways. One page load per page, language and size serves all its checks."""

from __future__ import annotations

import pytest

from clusterdocs.render.home_view import STEPS
from clusterdocs.base.languages import language_of
from clusterdocs.base.paths import ROOT
from clusterdocs.check.sitedata import load_site_data

pytestmark = pytest.mark.browser

VIEWPORTS = [(1280, 800), (360, 740)]
LANGUAGES = ["en", "zh", "zh-Hant"]
ARTICLES = sorted(path.stem for path in (ROOT / "docs" / "en" / "articles").glob("*.md") if path.stem != "index")
PAGES = ["", *(f"articles/{slug}/" for slug in ARTICLES)]


def _url(site_url: str, language: str, path: str) -> str:
    return f"{site_url}/{language_of(language).prefix}{path}"


def _source_counts() -> list[str]:
    """The counts the sources state, from data/figures.yml; the later round from outside reporting follows them."""
    figures = {figure["id"]: figure["value"] for figure in load_site_data(ROOT).figures["headline"]}
    return [figures[step.figure] for step in STEPS]


@pytest.fixture(scope="module")
def source_counts() -> list[str]:
    return _source_counts()


@pytest.mark.parametrize("width, height", VIEWPORTS, ids=[f"{w}x{h}" for w, h in VIEWPORTS])
@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("path", PAGES, ids=[path.strip("/") or "home" for path in PAGES])
def test_the_answer_is_on_the_first_screen(browser, site_url, source_counts, path, language, width, height):
    context = browser.new_context(viewport={"width": width, "height": height})
    page = context.new_page()
    try:
        page.goto(_url(site_url, language, path))
        assert page.evaluate("document.documentElement.scrollWidth") <= width, "the page scrolls sideways"
        if not path:
            _check_home(page, height, source_counts)
        else:
            _check_article(page, height)
        assert page.evaluate("document.documentElement.scrollWidth") <= width, "the page scrolls sideways"
    finally:
        context.close()


def _within_first_screen(page, selector: str, height: int) -> list[dict]:
    return page.eval_on_selector_all(
        selector,
        """(elements, height) => elements.map((element) => {
            const box = element.getBoundingClientRect();
            const style = getComputedStyle(element);
            return {text: element.textContent.trim(), top: box.top, bottom: box.bottom, width: box.width,
                    shown: style.visibility !== 'hidden' && style.display !== 'none' && box.height > 0,
                    inside: box.top >= 0 && box.bottom <= height};
        })""",
        height,
    )


def _check_home(page, height: int, source_counts: list[str]) -> None:
    counts = _within_first_screen(page, ".cd-step__count", height)
    assert [count["text"] for count in counts[: len(source_counts)]] == source_counts
    assert len(counts) == len(source_counts) + 1  # and the later round from outside reporting, set apart
    later_round = page.locator(".cd-step--media").inner_text()
    # Its caption names the media's sum of the last stated count and this round as theirs.
    assert str(int(source_counts[-1]) + int(counts[-1]["text"])) in later_round
    for count in counts:
        assert count["shown"] and count["inside"], f"count {count['text']} is not on the first screen: {count}"
    # The later round says where it comes from, on the first screen too.
    badge = _within_first_screen(page, ".cd-step--media .cd-badge", height)
    assert len(badge) == 1 and badge[0]["shown"] and badge[0]["top"] < height


def _check_article(page, height: int) -> None:
    abstract = _within_first_screen(page, "#abstract", height)
    assert len(abstract) == 1 and abstract[0]["shown"]
    assert 0 <= abstract[0]["top"] < height, f"the abstract starts at {abstract[0]['top']:.0f} px"
    title = _within_first_screen(page, "h1", height)
    assert title and title[0]["inside"]
    line = _within_first_screen(page, ".cd-byline__line", height)
    assert len(line) == 1 and line[0]["inside"] and line[0]["top"] < abstract[0]["top"]
    # The full citation and its downloads wait behind "Cite", and open without a script.
    citation = page.locator(".cd-byline__cite")
    assert not citation.locator(".cd-citation").is_visible()
    citation.locator("summary").click()
    assert citation.locator(".cd-citation").is_visible()
    assert citation.locator(".cd-cite__text").inner_text().strip()
    downloads = citation.locator("a[download]")
    assert downloads.count() == 3
    for index in range(3):
        link = downloads.nth(index)
        assert link.is_visible() and "/cite/" in page.evaluate("(a) => a.href", link.element_handle())
