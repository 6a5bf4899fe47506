"""Every page type on the Chinese sites, as Chromium shows it once its scripts have run (the
theme's search box, tooltips and copy buttons, the page scripts' labels): no Latin-script text
outside an element marked with its language, and no stray space beside full-width punctuation.
The same rules as the build tier's (tests/reader_text.py), applied to the live page.

Each page is one test, read from the load its other tests at a laptop's size share
(``page_measurements``, with the real search index, as tests/browser/test_browser.py loads it)."""

from __future__ import annotations

import functools

import pytest

from clusterdocs.check.cjk_text import STRAY_SPACE
from reader_text import CHINESE, ChinesePage, latin_runs, words_of_the_sources
from support import by_page, scroll_kept

pytestmark = pytest.mark.browser

PAGE_TYPES = (
    "",
    "timeline/",
    "articles/",
    "articles/central-local-2021/",
    "clusters/",
    "figures/",
    "glossary/",
    "data/",
    "about/",
)
CASES = [
    pytest.param(
        language, path, marks=by_page(f"/{language.prefix}{path}"), id=f"{language.code}-{path.strip('/') or 'home'}"
    )
    for language in CHINESE
    for path in PAGE_TYPES
]


def _shown_html(page) -> str:
    """The page's HTML with the theme's tooltip of its first visible term shown (hovered, then
    left again, as found)."""
    with scroll_kept(page):
        terms = page.locator("a.cd-term >> visible=true")
        if terms.count():
            terms.first.hover()  # the theme's tooltip is added to the page
        html = page.content()
        page.mouse.move(0, 0)
    return html


STEPS = {"html once the scripts have run": _shown_html}


@functools.cache
def _source_words() -> frozenset[str]:
    return frozenset(words_of_the_sources())


@pytest.mark.parametrize("language, path", CASES)
def test_chinese_pages_read_as_chinese_once_their_scripts_have_run(page_measurements, site_url, language, path):
    words = _source_words()
    html = page_measurements.measure(f"{site_url}/{language.prefix}{path}", STEPS)["html once the scripts have run"]
    found = []
    parser = ChinesePage()
    parser.feed(html)
    for text in parser.texts:
        found += [f"{language.prefix}{path}: {run!r} in {text.strip()[:60]!r}" for run in latin_runs(text, words)]
    flat = "".join(parser.flat).replace(" - ", "\u2010")
    for match in STRAY_SPACE.finditer(flat):
        if "·" not in (flat[match.start() - 1 : match.start()], flat[match.end() : match.end() + 1]):
            found.append(f"{language.prefix}{path}: space in {flat[max(0, match.start() - 10) : match.end() + 10]!r}")
    assert found == [], "\n".join(found)
