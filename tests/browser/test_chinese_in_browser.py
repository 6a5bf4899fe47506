"""Every page type on the Chinese sites, as Chromium shows it once its scripts have run (the
theme's search box, tooltips and copy buttons, the page scripts' labels): no Latin-script text
outside an element marked with its language, and no stray space beside full-width punctuation.
The same rules as the build tier's (tests/reader_text.py), applied to the live page."""

from __future__ import annotations

import pytest

from clusterdocs.check.cjk_text import STRAY_SPACE
from reader_text import CHINESE, ChinesePage, latin_runs, words_of_the_sources

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


@pytest.mark.parametrize("language", CHINESE, ids=lambda language: language.code)
def test_chinese_pages_read_as_chinese_once_their_scripts_have_run(browser, site_url, language):
    words = words_of_the_sources()
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    page = context.new_page()
    found = []
    for path in PAGE_TYPES:
        page.goto(f"{site_url}/{language.prefix}{path}", wait_until="networkidle")
        terms = page.locator("a.cd-term >> visible=true")
        if terms.count():
            terms.first.hover()  # the theme's tooltip is added to the page
        parser = ChinesePage()
        parser.feed(page.content())
        for text in parser.texts:
            found += [f"{language.prefix}{path}: {run!r} in {text.strip()[:60]!r}" for run in latin_runs(text, words)]
        flat = "".join(parser.flat).replace(" - ", "\u2010")
        for match in STRAY_SPACE.finditer(flat):
            if "·" not in (flat[match.start() - 1 : match.start()], flat[match.end() : match.end() + 1]):
                found.append(
                    f"{language.prefix}{path}: space in {flat[max(0, match.start() - 10) : match.end() + 10]!r}"
                )
    context.close()
    assert found == [], "\n".join(found)
