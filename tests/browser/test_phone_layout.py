"""Phone-first tables and charts in Chromium: every page type, in every language, at a phone and a
laptop size, loaded once each, with every check made on that one load (which the page's other
tests at that size share: ``page_measurements``).

- every visible table cell that holds text is at least 56 px wide, and no Latin word inside a cell
  is broken across lines or wider than its cell;
- the page never scrolls sideways, and no table is wider than its column;
- every chart label renders at least 11 px tall, and each chart draws one visible bar per item of
  its distribution in data/figures.yml, its value written beside it; the figures page draws every
  distribution;
- on an article page, quotes read as upright body text beside a rule, in their source's language;
- no heading takes a line its words do not fill (a permalink's hidden ¶ once took one), and
  on a reference page the lead paragraph, and the start of what follows it (past a collapsed
  method note), are on the first screen.
"""

from __future__ import annotations

import pytest

from clusterdocs.base.languages import LANGUAGES, language_of
from clusterdocs.base.paths import ROOT
from clusterdocs.check.sitedata import load_site_data
from support import by_page

pytestmark = pytest.mark.browser

VIEWPORTS = {360: 740, 1280: 800}
MIN_CELL_WIDTH = 56
MIN_CHART_TEXT = 11


def _data():
    return load_site_data(ROOT)


def _richest_article() -> str:
    """The article page with the most figures: the longest tables of any article."""
    pages = _data().articles_in("en")
    return max(pages, key=lambda page: len(page.meta["article"].get("figures", []))).slug


PAGE_TYPES = {
    "home": "",
    "articles": "articles/",
    "article": f"articles/{_richest_article()}/",
    "data": "data/",
    "clusters": "clusters/",
    "documents": "documents/",
    "about": "about/",
    "figures": "figures/",
    "glossary": "glossary/",
}

# Opens every <details> of the content (the charts' data tables are in them), then measures every
# table cell that shows text, and every Latin word in it as laid out (a word split over two lines
# has rects on two lines; one wider than its cell overflows it). Chinese may break between any two
# characters, and a line may break after a hyphen or slash, so words are split there.
MEASURE = """() => {
  const closed = [...document.querySelectorAll('.md-content details')].filter((details) => !details.open);
  for (const details of closed) details.open = true;
  const shown = (element) => {
    const box = element.getBoundingClientRect();
    return box.width > 2 && box.height > 2 && element.checkVisibility({visibilityProperty: true});
  };
  const cells = [], broken = [], tooWide = [];
  for (const cell of document.querySelectorAll('.md-content table td, .md-content table th')) {
    if (!cell.textContent.trim() || !shown(cell)) continue;
    const box = cell.getBoundingClientRect();
    cells.push({width: Math.round(box.width), text: cell.textContent.trim().slice(0, 40)});
    const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const word = /[^\\s\\u2E80-\\u9FFF\\u3000-\\u303F\\uFF00-\\uFFEF\\-\\/\\u2010-\\u2015]*[A-Za-z0-9][^\\s\\u2E80-\\u9FFF\\u3000-\\u303F\\uFF00-\\uFFEF\\-\\/\\u2010-\\u2015]*[-\\/\\u2010-\\u2015]?/g;
      for (const match of node.data.matchAll(word)) {
        const range = document.createRange();
        range.setStart(node, match.index);
        range.setEnd(node, match.index + match[0].length);
        const rects = Array.from(range.getClientRects()).filter(rect => rect.width > 0);
        if (!rects.length) continue;
        const tops = new Set(rects.map(rect => Math.round(rect.top)));
        const width = range.getBoundingClientRect().width;
        if (tops.size > 1) broken.push(match[0]);
        else if (width > cell.clientWidth + 1) tooWide.push(match[0]);
      }
    }
  }
  // The site's own tables fit the column; Markdown tables in page text scroll inside their box.
  const wideTables = Array.from(document.querySelectorAll('.md-content .cd-table > table'))
    .filter(table => shown(table))
    .filter(table => table.getBoundingClientRect().width > document.querySelector('.md-content').getBoundingClientRect().width + 1)
    .map(table => table.className);
  const found = {
    cells, broken, tooWide, wideTables,
    scrollWidth: document.documentElement.scrollWidth,
    innerWidth: window.innerWidth,
  };
  for (const details of closed) details.open = false;  // as found: the load is shared
  return found;
}"""

# Each chart's visible bars, and the rendered size of its text: the font size in CSS px times
# the scale at which the SVG (or its HTML counterpart) is drawn.
CHARTS = """() => Array.from(document.querySelectorAll('.cd-chart')).map(chart => {
  const shown = (element) => {
    const box = element.getBoundingClientRect();
    return box.width > 0 && box.height > 0 && element.checkVisibility({visibilityProperty: true});
  };
  const visible = (selector) => Array.from(chart.querySelectorAll(selector)).filter(shown);
  const sizes = visible('.cd-chart__label, .cd-chart__value').map(text => {
    const size = parseFloat(getComputedStyle(text).fontSize);
    const svg = text.closest('svg');
    return svg ? size * svg.getScreenCTM().a : size;
  });
  return {
    id: chart.id,
    bars: visible('.cd-chart__bar').length,
    labels: visible('.cd-chart__label').length,
    values: visible('.cd-chart__value').map(text => Number(text.textContent)),
    smallest: sizes.length ? Math.min(...sizes) : 0,
  };
})"""


# Each quote on an article page: how it is set, and the language its original text is marked in.
QUOTES = """() => Array.from(document.querySelectorAll('.md-content .cd-quote blockquote')).map(quote => {
  const style = getComputedStyle(quote);
  return {
    italic: Array.from(quote.querySelectorAll('p')).some(p => getComputedStyle(p).fontStyle !== 'normal'),
    centred: Array.from(quote.querySelectorAll('p')).some(p => getComputedStyle(p).textAlign === 'center'),
    colour: style.color === getComputedStyle(document.querySelector('.md-content .md-typeset')).color,
    rule: parseFloat(style.borderLeftWidth),
    lang: quote.querySelector('p').lang,
  };
})"""


# Each shown heading with a line below its words (its permalink left out); the
# lead (the element after the title) and the top of the first block after it that is not a method note.
FIRST_SCREEN = """() => {
  const emptyLine = (heading) => {
    const words = document.createRange();
    words.selectNodeContents(heading);
    const permalink = heading.querySelector('.headerlink');
    if (permalink) words.setEndBefore(permalink);
    const below = heading.getBoundingClientRect().bottom - words.getBoundingClientRect().bottom;
    return below > 0.75 * parseFloat(getComputedStyle(heading).lineHeight);
  };
  const headings = [...document.querySelectorAll('.md-content :is(h1, h2, h3, h4, h5, h6)')]
    .filter((heading) => heading.getClientRects().length > 0 && heading.checkVisibility())
    .filter(emptyLine).map((heading) => heading.textContent.trim().slice(0, 40));
  const title = document.querySelector('.md-content h1');
  if (!title) return {headings, lead: null};
  const lead = title.nextElementSibling;
  let next = lead && lead.nextElementSibling;
  while (next && (next.matches('details.cd-method') || next.getBoundingClientRect().height === 0)) next = next.nextElementSibling;
  return {
    headings,
    lead: lead ? lead.tagName : null,
    leadBottom: lead ? lead.getBoundingClientRect().bottom : null,
    nextTop: next ? next.getBoundingClientRect().top : null,
    innerHeight,
  };
}"""
# The pages that open with a lead paragraph and then their data (the home and article pages have
# first-screen checks of their own: tests/browser/test_first_screen.py).
REFERENCE_PAGES = {"articles", "clusters", "data", "documents", "figures", "glossary"}


def _url(site_url: str, language: str, path: str) -> str:
    return f"{site_url}/{language_of(language).prefix}{path}"


# The checks of one load; the charts' and quotes' only where the page has them.
STEPS = {
    "tables": lambda page: page.evaluate(MEASURE),
    "charts": lambda page: page.evaluate(CHARTS),
    "quotes": lambda page: page.evaluate(QUOTES),
    "first screen": lambda page: page.evaluate(FIRST_SCREEN),
}
# Each (page type, language, width) is one test, in its page's group (``page_measurements``).
CASES = [
    pytest.param(page_type, language.code, width, marks=by_page(f"/{language.prefix}{PAGE_TYPES[page_type]}"))
    for page_type in sorted(PAGE_TYPES)
    for language in LANGUAGES
    for width in sorted(VIEWPORTS)
]


@pytest.mark.parametrize("page_type, language, width", CASES)
def test_tables_and_charts_read_at_phone_and_laptop_widths(page_measurements, site_url, page_type, language, width):
    steps = {name: STEPS[name] for name in ("tables", "charts", "first screen")}
    steps.update({"quotes": STEPS["quotes"]} if page_type == "article" else {})
    measured = page_measurements.measure(
        _url(site_url, language, PAGE_TYPES[page_type]), steps, width=width, height=VIEWPORTS[width], search=False
    )
    found, charts, quotes = measured["tables"], measured["charts"], measured.get("quotes", [])

    assert found["scrollWidth"] <= found["innerWidth"], "the page scrolls sideways"
    assert found["wideTables"] == [], "tables wider than the content column"
    narrow = [cell for cell in found["cells"] if cell["width"] < MIN_CELL_WIDTH]
    assert narrow == [], f"{len(narrow)} text cells under {MIN_CELL_WIDTH} px"
    assert found["broken"] == [], "Latin words broken across lines inside table cells"
    assert found["tooWide"] == [], "Latin words wider than their table cell"

    if page_type == "article":
        # Quotes read as body text (upright, not centred, in the text colour) beside a rule,
        # their original wording marked in the source's language.
        source_lang = _data().sources[_richest_article()].lang
        assert quotes and all(
            quote == {"italic": False, "centred": False, "colour": True, "rule": quote["rule"], "lang": source_lang}
            and quote["rule"] >= 2
            for quote in quotes
        ), quotes

    distributions = {f"chart-{item['id']}": item["items"] for item in _data().figures["distributions"]}
    if page_type == "figures":
        assert {chart["id"] for chart in charts} == set(distributions)
    for chart in charts:
        # One bar per item, each with its value written beside it and at least one line of
        # label, and no chart text drawn smaller than the floor.
        assert chart["bars"] == len(distributions[chart["id"]]), chart
        assert chart["values"] == [item["value"] for item in distributions[chart["id"]]], chart
        assert chart["labels"] >= chart["bars"], chart
        assert chart["smallest"] >= MIN_CHART_TEXT, chart

    screen = measured["first screen"]
    assert screen["headings"] == [], "headings taking lines their words do not fill"
    if page_type in REFERENCE_PAGES:
        assert screen["lead"] == "P", "the title is followed by a lead paragraph"
        assert screen["leadBottom"] <= screen["innerHeight"], f"the lead ends at {screen['leadBottom']:.0f} px"
        assert screen["nextTop"] < screen["innerHeight"], f"what follows the lead starts at {screen['nextTop']:.0f} px"
