"""Reader features in Chromium: overview and map by keyboard, wide and narrow layouts, print,
the map's directory filter, and axe on the pages these features touch (both schemes)."""

from __future__ import annotations

import struct

import pytest

from clusterdocs.base.languages import language_of
from support import by_page

pytestmark = pytest.mark.browser

# Axe and the no-foreign-request check run on every published page in tests/test_browser.py.


def png_size(png: bytes) -> tuple[int, int]:
    header = png[:24]
    assert header[:8] == b"\x89PNG\r\n\x1a\n"
    return struct.unpack(">II", header[16:24])


def prefix(language: str) -> str:
    return "" if language_of(language).default else "/" + language_of(language).prefix.rstrip("/")


# No table cell breaks a word: every word of each cell fits the cell's width.
BROKEN_WORDS = """() => {
    const out = [];
    for (const cell of document.querySelectorAll('.cd-clusters td, .cd-headline td')) {
      const style = getComputedStyle(cell);
      const probe = document.createElement('span');
      probe.style.cssText = 'position:absolute;visibility:hidden;white-space:nowrap;font:' + style.font;
      document.body.append(probe);
      // Chinese may break between any two characters; only Latin words must stay whole.
      for (const word of cell.textContent.split(/[\\s\\u2E80-\\u9FFF\\u3000-\\u303F\\uFF00-\\uFFEF]+/)) {
        probe.textContent = word;
        if (probe.getBoundingClientRect().width > cell.clientWidth + 1) out.push(word);
      }
      probe.remove();
    }
    return out; }"""
# Names and source titles (the links in the cells): the most lines any of them takes.
LINK_LINES = """() => Math.max(0, ...Array.from(
    document.querySelectorAll('.cd-clusters td a, .cd-headline td a'), link => link.getClientRects().length))"""
FIT = {
    "full-page screenshot": lambda page: png_size(page.screenshot(full_page=True)),
    "page width": lambda page: page.evaluate("[document.documentElement.scrollWidth, window.innerWidth]"),
}
FIT_AND_WORDS = {
    **FIT,
    "broken words": lambda page: page.evaluate(BROKEN_WORDS),
    "link lines": lambda page: page.evaluate(LINK_LINES),
}
SIZES = {1280: 800, 360: 740}
# Each (page, language, width) is one test, in its page's group: the load its other tests at that
# size share (``page_measurements``).
FIT_CASES = [
    pytest.param(width, language, path, marks=by_page(prefix(language) + path))
    for width in SIZES
    for language in ("en", "zh")
    for path in ("/clusters/", "/figures/", "/timeline/")
]


@pytest.mark.parametrize("width, language, path", FIT_CASES)
def test_reference_pages_fit_the_window_and_tables_do_not_break_words(
    page_measurements, site_url, width, language, path
):
    height = SIZES[width]
    measured = page_measurements.measure(
        site_url + prefix(language) + path,
        FIT_AND_WORDS if width == 1280 else FIT,
        width=width,
        height=height,
        search=False,
    )
    shot_width, shot_height = measured["full-page screenshot"]
    assert shot_width == width and shot_height > height
    # The page itself never scrolls sideways; wide content scrolls inside its own box.
    scroll_width, inner_width = measured["page width"]
    assert scroll_width <= inner_width
    if width == 1280:
        assert measured["broken words"] == []
        # Names and source titles (the links in the cells) take at most three lines.
        assert measured["link lines"] <= 3


@pytest.mark.parametrize("language", ["en", "zh"])
def test_overview_marks_are_keyboard_links_with_names_and_visible_focus(page_without_search, site_url, language):
    page = page_without_search
    page.goto(f"{site_url}{prefix(language)}/timeline/")
    svg = page.locator("svg.cd-overview__svg")
    assert svg.get_attribute("role") == "group"
    assert page.locator("#overview-title").text_content() and page.locator("#overview-desc").text_content()
    marks = page.locator("a.cd-overview__mark")
    count = marks.count()
    assert count == page.locator("article.cd-entry").count() > 20
    marks.first.focus()
    focused = page.evaluate("""() => { const a = document.activeElement;
        const shape = a.querySelector('.cd-overview__shape');
        return {cls: a.getAttribute('class'), label: a.getAttribute('aria-label'), href: a.getAttribute('href'),
                outline: getComputedStyle(a).outlineStyle, stroke: getComputedStyle(shape).strokeWidth}; }""")
    assert "cd-overview__mark" in focused["cls"]
    # Marks run oldest first, like the entries: the first mark is the first entry, named by its date.
    first = page.locator("article.cd-entry").first
    assert focused["href"] == "#" + first.get_attribute("id")
    assert focused["label"].startswith(first.locator("time").first.text_content())
    page.keyboard.press("Tab")
    page.keyboard.press("Shift+Tab")  # keyboard focus, so :focus-visible applies
    focused = page.evaluate("""() => { const a = document.activeElement;
        return {outline: getComputedStyle(a).outlineStyle, stroke: getComputedStyle(a.querySelector('.cd-overview__shape')).strokeWidth}; }""")
    assert focused["outline"] != "none" and focused["stroke"] == "3px"
    target = marks.nth(count - 1).get_attribute("href")
    marks.nth(count - 1).focus()
    page.keyboard.press("Enter")
    assert page.evaluate("location.hash") == target
    entry = page.locator(f"[id='{target[1:]}']")
    box = entry.bounding_box()
    assert entry.is_visible() and 0 <= box["y"] < page.viewport_size["height"]


@pytest.mark.parametrize("width, scrolls", [(360, False), (300, True)])
def test_overview_fits_a_phone_and_scrolls_inside_its_box_on_a_narrower_screen(browser, site_url, width, scrolls):
    """The plot keeps its narrowest readable layout, unscaled: a 360 px phone shows it whole
    (clusterdocs/render/timeline_overview.py lays it out for that room); a narrower screen scrolls
    it sideways inside its box, never the page."""
    context = browser.new_context(viewport={"width": width, "height": 800})
    page = context.new_page()
    page.goto(f"{site_url}/timeline/")
    sizes = page.evaluate("""() => { const box = document.querySelector('.cd-overview__scroll');
        const plot = box.querySelector('svg');
        return [box.scrollWidth, box.clientWidth, document.documentElement.scrollWidth, innerWidth,
                plot.getBoundingClientRect().width, parseFloat(plot.style.minWidth), plot.getScreenCTM().a]; }""")
    assert (sizes[0] > sizes[1]) == scrolls and sizes[4] == sizes[5] and sizes[6] == 1
    assert sizes[2] <= sizes[3]  # the page does not scroll
    context.close()


@pytest.mark.parametrize("scheme, expected", [("light", "default"), ("dark", "slate")])
def test_pictures_follow_the_colour_scheme(browser, site_url, scheme, expected):
    context = browser.new_context(color_scheme=scheme)
    page = context.new_page()
    page.goto(f"{site_url}/timeline/")
    assert page.evaluate("document.body.getAttribute('data-md-color-scheme')") == expected
    mark_fill = page.evaluate(
        "getComputedStyle(document.querySelector('.cd-overview__mark--stated .cd-overview__shape')).fill"
    )
    label_fill = page.evaluate("getComputedStyle(document.querySelector('.cd-overview__lane-label')).fill")
    background = page.evaluate("getComputedStyle(document.body).backgroundColor")
    page.goto(f"{site_url}/clusters/")
    tile_fill = page.evaluate("getComputedStyle(document.querySelector('.cd-map__tile.cd-map__w0')).backgroundColor")
    context.close()
    assert mark_fill != label_fill and label_fill != background
    assert tile_fill == background  # an empty tile is the page's own background


def test_colour_toggle_switches_by_click_and_enter_and_is_remembered_across_languages(browser, site_url):
    """The toggle is the site's own script (partials/javascripts/palette.html), not Material's."""
    context = browser.new_context(color_scheme="light")
    page = context.new_page()
    scheme = "document.body.getAttribute('data-md-color-scheme')"
    meta = "document.querySelector('meta[name=color-scheme]').content"
    page.goto(f"{site_url}/timeline/")
    assert (page.evaluate(scheme), page.evaluate(meta)) == ("default", "light")
    page.locator("label[for=__palette_1]").click()
    assert (page.evaluate(scheme), page.evaluate(meta)) == ("slate", "dark")
    assert page.locator("label[for=__palette_0]").is_visible()
    assert not page.locator("label[for=__palette_1]").is_visible()
    page.goto(f"{site_url}/zh/clusters/")  # one stored choice for every language (extra.scope)
    assert page.evaluate(scheme) == "slate"
    page.locator("#__palette_1").focus()
    page.keyboard.press("Enter")
    assert page.evaluate(scheme) == "default"
    page.reload()
    assert page.evaluate(scheme) == "default"
    context.close()


def test_without_a_stored_choice_the_scheme_follows_the_system(browser, site_url):
    context = browser.new_context(color_scheme="light")
    page = context.new_page()
    page.goto(f"{site_url}/")
    assert page.evaluate("document.body.getAttribute('data-md-color-scheme')") == "default"
    page.emulate_media(color_scheme="dark")
    # Polled from here: Playwright's in-page polling compiles its predicate, which the page's
    # Content-Security-Policy (no 'unsafe-eval') rightly refuses.
    for _ in range(50):
        if page.evaluate("document.body.getAttribute('data-md-color-scheme')") == "slate":
            break
        page.wait_for_timeout(100)
    assert page.evaluate("document.body.getAttribute('data-md-color-scheme')") == "slate"
    context.close()


@pytest.mark.parametrize("language", ["en", "zh", "zh-Hant"])
def test_map_tiles_link_to_the_directory_filtered_to_their_division(page_without_search, site_url, language):
    page = page_without_search
    page.goto(f"{site_url}{prefix(language)}/clusters/")
    tiles = page.locator("a.cd-map__link")
    assert page.locator(".cd-map__tile").count() == 31
    assert 0 < tiles.count() < 31
    hunan = page.locator("a.cd-map__link[href^='?division=hunan']")
    label = hunan.get_attribute("aria-label")
    assert {"en": "Hunan", "zh": "湖南", "zh-Hant": "湖南"}[language] in label
    hunan.focus()
    page.keyboard.press("Enter")
    page.wait_for_url("**?division=hunan#cluster-table")
    rows = page.locator("#cluster-table tbody tr")
    shown = [row for row in rows.all() if row.is_visible()]
    assert 0 < len(shown) < rows.count()
    assert all("hunan" in row.get_attribute("data-divisions").split() for row in shown)
    assert page.locator("#cluster-filters select[name=divisions]").input_value() == "hunan"
    assert page.locator("#cluster-count").text_content() == str(len(shown))


@pytest.mark.parametrize("path", ["/articles/central-local-2021/", "/zh/timeline/"])
def test_printing_drops_navigation_and_shows_link_targets(page_without_search, site_url, tmp_path, path):
    page = page_without_search
    page.goto(site_url + path)
    page.emulate_media(media="print")
    hidden = page.evaluate("""() => ['.md-header', '.md-sidebar--primary', '.md-footer', '.md-content__button']
        .map(selector => document.querySelector(selector))
        .filter(element => element && getComputedStyle(element).display !== 'none').length""")
    assert hidden == 0
    after = page.evaluate("""() => { const link = document.querySelector('.md-content a[href]:not([href^="#"]):not(.headerlink):not(.md-content__button)');
        return [link.getAttribute('href'), getComputedStyle(link, '::after').content]; }""")
    assert after[0] in after[1]
    pdf = tmp_path / "print.pdf"
    page.pdf(path=str(pdf))
    assert pdf.read_bytes().startswith(b"%PDF") and pdf.stat().st_size > 10_000


@pytest.mark.parametrize("language", ["en", "zh", "zh-Hant"])
def test_cite_downloads_are_served(page_without_search, site_url, language):
    page = page_without_search
    page.goto(f"{site_url}{prefix(language)}/timeline/")
    entry = page.locator("article.cd-entry").first
    entry.locator("details.cd-cite-box summary").click()
    assert entry.locator("details.cd-cite-box pre").text_content().endswith("#" + entry.get_attribute("id"))
    for link in entry.locator("a[download]").all():
        response = page.request.get(page.evaluate("(a) => a.href", link.element_handle()))
        assert response.ok and entry.get_attribute("id") in response.text()
