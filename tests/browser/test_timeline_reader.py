"""The timeline page as a reader meets it, in Chromium: one page load per language and window
size (a laptop, 1280×800, and a phone, 360×740), each checked for several things at once (the
load the page's other tests at that size share: ``page_measurements``).

The overview shows one visible, clickable mark per entry, each a hit area of at least 24×24
CSS px (WCAG 2.2, 2.5.8) and its basis told apart without colour; the legend shows every key
with its swatch; no label is drawn below 11 px; a phone opens the overview on the policy
years; a laptop shows the first entry on its first screen; the page never scrolls sideways.
"""

from __future__ import annotations

import pytest
import yaml

from clusterdocs.base.languages import language_of
from clusterdocs.base.paths import TIMELINE_DIR
from support import by_page

pytestmark = pytest.mark.browser

VIEWPORTS = {"laptop": (1280, 800), "phone": (360, 740)}
# Both colour schemes are covered across the loads: the marks must show in either.
SCHEMES = {
    ("en", "laptop"): "light",
    ("en", "phone"): "dark",
    ("zh", "laptop"): "dark",
    ("zh", "phone"): "light",
    ("zh-Hant", "laptop"): "light",
    ("zh-Hant", "phone"): "dark",
}


def milestones() -> list[dict]:
    return [yaml.safe_load(path.read_text(encoding="utf-8")) for path in sorted(TIMELINE_DIR.glob("*.yml"))]


def policy_years() -> range:
    """From the first entry that is national or provincial policy (not a local case or target)
    to the last year the timeline reaches."""
    data = milestones()
    dated = [int(str(item.get("date") or item.get("target_year"))[:4]) for item in data]
    policy = [int(str(item["date"])[:4]) for item in data if item["category"] not in ("local-case", "local-target")]
    return range(min(policy), max(dated) + 1)


MEASURE = """() => {
  const marks = [...document.querySelectorAll('a.cd-overview__mark')];
  const box = document.querySelector('.cd-overview__scroll').getBoundingClientRect();
  const plot = document.querySelector('svg.cd-overview__svg').getBoundingClientRect();
  const yearX = year => {
    const text = document.querySelector(`text.cd-overview__year[data-year="${year}"]`);
    return text ? plot.left + parseFloat(text.getAttribute('x')) / 100 * plot.width : null;
  };
  const visibleText = [...document.querySelectorAll('.cd-overview text, .cd-overview tspan')]
    .filter(text => getComputedStyle(text).display !== 'none' && text.getClientRects().length)
    .map(text => ({text: text.textContent, height: text.getBoundingClientRect().height,
                   size: parseFloat(getComputedStyle(text).fontSize) * text.closest('svg').getScreenCTM().a}));
  const legendText = [...document.querySelectorAll('.cd-overview__legend span')]
    .map(span => ({text: span.textContent, size: parseFloat(getComputedStyle(span).fontSize)}));
  const keys = [...document.querySelectorAll('.cd-overview__key')].map(key => {
    const swatch = key.querySelector('svg .cd-overview__shape');
    const rect = swatch ? swatch.getBoundingClientRect() : {width: 0, height: 0};
    const style = swatch ? getComputedStyle(swatch) : null;
    return {text: key.textContent.trim(), width: rect.width, height: rect.height,
            painted: !!style && (style.fill !== 'none' || style.stroke !== 'none') && style.display !== 'none'};
  });
  const styleOf = basis => {
    const shape = document.querySelector(`.cd-overview__mark--${basis} .cd-overview__shape`);
    if (!shape) return null;
    const style = getComputedStyle(shape);
    return {fill: style.fill, dash: style.strokeDasharray};
  };
  return {
    entries: document.querySelectorAll('article.cd-entry').length,
    ids: [...document.querySelectorAll('article.cd-entry')].map(entry => entry.id),
    marks: marks.map(a => {
      const rect = a.getBoundingClientRect();
      const shape = a.querySelector('.cd-overview__shape').getBoundingClientRect();
      return {href: a.getAttribute('href'), width: rect.width, height: rect.height,
              shape: [shape.width, shape.height], display: getComputedStyle(a).display,
              target: !!document.getElementById(a.getAttribute('href').slice(1))};
    }),
    box: [box.left, box.right], yearX: Object.fromEntries(%YEARS%.map(year => [year, yearX(year)])),
    visibleText, legendText, keys,
    bases: {stated: styleOf('stated'), inferred: styleOf('inferred'), external: styleOf('external')},
    firstEntry: document.querySelector('article.cd-entry').getBoundingClientRect().top + scrollY,
    pageWidth: [document.documentElement.scrollWidth, innerWidth],
  };
}"""

# Each mark scrolled into view and hit where it is drawn: the topmost element there is its link.
# Then the page and the overview's box are scrolled back to where they were (the load is shared).
CLICKABLE = """() => {
  const box = document.querySelector('.cd-overview__scroll');
  const where = [scrollX, scrollY, box.scrollLeft, box.scrollTop];
  const missed = [...document.querySelectorAll('a.cd-overview__mark')].filter(a => {
    a.scrollIntoView({block: 'center', inline: 'center'});
    const rect = a.querySelector('.cd-overview__shape').getBoundingClientRect();
    const hit = document.elementFromPoint(rect.left + rect.width / 2, rect.top + rect.height / 2);
    return !(hit && hit.closest('a') === a);
  }).map(a => a.getAttribute('href'));
  box.scrollTo({left: where[2], top: where[3], behavior: 'instant'});
  window.scrollTo({left: where[0], top: where[1], behavior: 'instant'});
  return missed;
}"""
STEPS = {
    "overview": lambda page: page.evaluate(MEASURE.replace("%YEARS%", str(list(policy_years())))),
    "marks that cannot be clicked": lambda page: page.evaluate(CLICKABLE),
}


@pytest.mark.parametrize(
    "language, size",
    [
        pytest.param(language, size, marks=by_page(f"/{language_of(language).prefix}timeline/"))
        for language in ["en", "zh", "zh-Hant"]
        for size in sorted(VIEWPORTS)
    ],
)
def test_the_timeline_reads_well_on_a_laptop_and_a_phone(page_measurements, site_url, language, size):
    width, height = VIEWPORTS[size]
    measured = page_measurements.measure(
        f"{site_url}/{language_of(language).prefix}timeline/",
        STEPS,
        width=width,
        height=height,
        scheme=SCHEMES[language, size],
        search=False,
    )
    found = measured["overview"]

    # One visible mark per entry, each linking to its entry, which exists.
    count = len(milestones())
    assert found["entries"] == count and len(found["marks"]) == count
    assert sorted(mark["href"] for mark in found["marks"]) == sorted("#" + entry for entry in found["ids"])
    assert all(mark["target"] for mark in found["marks"])
    assert [mark["href"] for mark in found["marks"] if min(mark["shape"]) <= 0 or mark["display"] == "none"] == []

    # The legend: every key has a painted swatch; the basis shows without colour (a pattern, a dashed outline).
    assert len(found["keys"]) == 5
    assert [
        key["text"] for key in found["keys"] if not (key["width"] > 0 and key["height"] > 0 and key["painted"])
    ] == []
    bases = found["bases"]
    assert "url(" in bases["inferred"]["fill"] and "url(" not in bases["stated"]["fill"]
    assert bases["external"]["dash"] != "none" and bases["stated"]["dash"] == "none"

    # No label below 11 px, as drawn.
    assert found["visibleText"] and [t for t in found["visibleText"] if t["size"] < 11 or t["height"] < 11] == []
    assert [t for t in found["legendText"] if t["size"] < 11] == []

    # The page never scrolls sideways (the plot may, inside its own box).
    assert found["pageWidth"][0] <= found["pageWidth"][1]

    if size == "phone":
        # Every mark is a hit area of at least 24×24 CSS px.
        small = [mark["href"] for mark in found["marks"] if mark["width"] < 24 or mark["height"] < 24]
        assert small == []
        # The overview opens on the policy years: the middle of each is inside the visible box.
        left, right = found["box"]
        outside = [year for year, x in found["yearX"].items() if x is None or not left <= x <= right]
        assert outside == []
    else:
        assert found["firstEntry"] < height  # the first entry starts on the first screen

    # Every mark can be clicked where it is drawn (measured last: it scrolls the page, and back).
    assert measured["marks that cannot be clicked"] == []
