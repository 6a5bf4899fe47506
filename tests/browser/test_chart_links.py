"""Each chart's permalink and downloads in Chromium, in every language, at a phone and a laptop
size: following a chart's link (its anchor, as a reader's click on it does) scrolls the page so
the whole chart is on screen below the sticky header, and every download link under it answers
200. Each page is loaded once per language and size; its charts are followed in turn on that load.
"""

from __future__ import annotations

import pytest

from clusterdocs.render.pages import site_charts
from clusterdocs.base.languages import LANGUAGES
from clusterdocs.base.paths import ROOT
from clusterdocs.check.sitedata import load_site_data
from support import EmptySearchIndex

pytestmark = pytest.mark.browser

VIEWPORTS = {360: 740, 1280: 800}
CHARTS = site_charts(load_site_data(ROOT))
PAGES = sorted({chart.page for chart in CHARTS})
# What "the whole chart" is on each page: the drawing a reader sees (both layouts are in the page;
# the one shown), with its title and key where the drawing has them. A caption's prose (sources,
# outside citations, notes) may run on below a phone's screen.
WHOLE = {
    "figures.md": ["figure > svg"],
    "clusters.md": [".cd-map__views", ".cd-map__figure > .cd-map__title", ".cd-map__grid", ".cd-map__legend"],
    "timeline.md": [".cd-overview__body"],
}

FOLLOW = """([anchor, parts]) => {
  const target = document.getElementById(anchor);
  target.querySelector('a.cd-chart-tools__permalink').click();
  const header = document.querySelector('.md-header').getBoundingClientRect().bottom;
  const boxes = parts.flatMap(selector => [...target.querySelectorAll(selector)])
    .filter(element => element.getClientRects().length && getComputedStyle(element).visibility !== 'hidden')
    .map(element => element.getBoundingClientRect());
  return {
    hash: location.hash, header, height: innerHeight, found: boxes.length,
    top: Math.min(...boxes.map(box => box.top)), bottom: Math.max(...boxes.map(box => box.bottom)),
  };
}"""


@pytest.mark.parametrize("language", [language.code for language in LANGUAGES])
@pytest.mark.parametrize("width", sorted(VIEWPORTS))
def test_following_each_charts_link_shows_it_whole(browser, site_url, language, width):
    context = browser.new_context(viewport={"width": width, "height": VIEWPORTS[width]})
    page = context.new_page()
    EmptySearchIndex().install(page)  # nothing here searches: the theme's search has nothing to index
    problems = []
    try:
        for page_path in PAGES:
            prefix = next(item.prefix for item in LANGUAGES if item.code == language)
            page.goto(f"{site_url}/{prefix}{page_path.removesuffix('.md')}/")
            for chart in (chart for chart in CHARTS if chart.language == language and chart.page == page_path):
                page.evaluate(FOLLOW, [chart.id, WHOLE[page_path]])
                page.wait_for_timeout(50)  # then measure after the scroll has settled
                seen = page.evaluate(FOLLOW, [chart.id, WHOLE[page_path]])
                where = f"{language} {page_path}#{chart.id} at {width}px"
                if seen["hash"] != f"#{chart.id}" or not seen["found"]:
                    problems.append(f"{where}: the link did not lead to the chart ({seen})")
                elif seen["top"] < seen["header"] - 1 or seen["bottom"] > seen["height"] + 1:
                    problems.append(
                        f"{where}: shows {seen['top']:.0f}–{seen['bottom']:.0f} px of a screen whose "
                        f"content runs {seen['header']:.0f}–{seen['height']} px"
                    )
                if width == 360:  # the downloads, once per language
                    for href in page.eval_on_selector_all(
                        f"#{chart.id} .cd-chart-tools a[download]", "links => links.map(link => link.href)"
                    ):
                        status = page.request.get(href).status
                        if status != 200:
                            problems.append(f"{where}: {href} answered {status}")
    finally:
        context.close()
    assert problems == []
