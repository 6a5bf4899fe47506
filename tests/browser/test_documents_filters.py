"""The Documents page's filters and orders in Chromium with JavaScript switched off, at a phone's
and a laptop's width: one page load each, every check on that load. The rows shown and the count
follow each choice (expected counts computed from data/documents.yml; the count is a CSS counter,
read as assistive technology gets it), an order puts the newest
dated document first, nothing of the register is wider than the window, and each title in the table leads to its
entry."""

from __future__ import annotations

import pytest

from clusterdocs.base.paths import ROOT
from clusterdocs.check.sitedata import load_site_data

pytestmark = pytest.mark.browser

VIEWPORTS = {360: 740, 1280: 800}
SHOWN_ROWS = """() => [...document.querySelectorAll('#document-table tbody tr')]
  .filter((row) => row.getClientRects().length > 0)
  .map((row) => row.querySelector('a').getAttribute('href').slice(1))"""
WIDER_THAN_WINDOW = """() => [...document.querySelectorAll('#document-register *')]
  .filter((element) => !element.closest('thead') && element.getBoundingClientRect().right > window.innerWidth)
  .map((element) => element.tagName + ' ' + element.textContent.slice(0, 30))"""


def _count(cdp) -> str:
    """The count as Chromium gives it to assistive technology: the CSS counter's current text."""
    nodes = cdp.send("Accessibility.getFullAXTree")["nodes"]
    texts = [
        node.get("name", {}).get("value") or "" for node in nodes if node.get("role", {}).get("value") == "StaticText"
    ]
    (position,) = [index for index, text in enumerate(texts) if text.startswith("Showing")]
    return texts[position + 1]


def _choose(page, group: str, value: str) -> None:
    selector = f'input[name="cd-docs-{group}"]' + (f'[value="{value}"]' if value else ":not([value])")
    page.locator(selector).check()  # through its label, as a reader taps it


@pytest.mark.parametrize("width", sorted(VIEWPORTS))
def test_the_filters_and_orders_work_without_javascript(browser, site_url, width):
    documents = load_site_data(ROOT).documents
    context = browser.new_context(viewport={"width": width, "height": VIEWPORTS[width]}, java_script_enabled=False)
    page = context.new_page()
    page.goto(f"{site_url}/documents/")
    cdp = context.new_cdp_session(page)
    try:
        oldest = page.evaluate(SHOWN_ROWS)
        assert sorted(oldest) == sorted(entry["id"] for entry in documents)
        assert _count(cdp) == str(len(documents))

        level = "cross-province"
        _choose(page, "level", level)
        expected = [entry["id"] for entry in documents if entry["level"] == level]
        assert sorted(page.evaluate(SHOWN_ROWS)) == sorted(expected)
        assert _count(cdp) == str(len(expected))

        _choose(page, "level", "")
        year = max(
            (entry["date"][:4] for entry in documents if entry.get("date")),
            key=lambda year: sum(entry.get("date", "").startswith(year) for entry in documents),
        )
        _choose(page, "year", year)
        kinds = {entry["kind"] for entry in documents if (entry.get("date") or "").startswith(year)}
        kind = sorted(kinds)[0]
        _choose(page, "kind", kind)
        expected = [
            entry["id"] for entry in documents if (entry.get("date") or "").startswith(year) and entry["kind"] == kind
        ]
        assert sorted(page.evaluate(SHOWN_ROWS)) == sorted(expected)

        _choose(page, "year", "")
        _choose(page, "kind", "")
        _choose(page, "order", "newest")
        newest = page.evaluate(SHOWN_ROWS)
        dated = sorted((entry for entry in documents if entry.get("date")), key=lambda entry: entry["date"])
        assert newest[0] == dated[-1]["id"]
        assert sorted(newest) == sorted(oldest)
        # Nothing of the register reaches past the window (the clipped column headings aside).
        assert page.evaluate(WIDER_THAN_WINDOW) == []

        first = newest[0]
        page.locator(
            f'#document-table tbody:not([hidden]) a[href="#{first}"], #document-table tbody a[href="#{first}"]'
        ).filter(visible=True).first.click()
        assert page.evaluate("() => location.hash") == f"#{first}"
        assert page.locator(f"#{first}").is_visible()
    finally:
        context.close()
