"""What keeps the first paint early on every built page (issue 11): no script and no print
stylesheet holds it up, and each of them is a file the site has.

Lighthouse (make bench) measures the effect; these tests only pin the markup behind it.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path
from support import SITE_PATH


class _Loads(HTMLParser):
    """The external scripts and the stylesheets a page loads, with their attributes."""

    def __init__(self):
        super().__init__()
        self.scripts: list[dict] = []
        self.stylesheets: list[dict] = []

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if tag == "script" and attributes.get("src"):
            self.scripts.append(attributes)
        elif tag == "link" and "stylesheet" in (attributes.get("rel") or "").split():
            self.stylesheets.append(attributes)


def loads(page: Path) -> _Loads:
    parser = _Loads()
    parser.feed(page.read_text(encoding="utf-8"))
    return parser


def test_no_page_waits_for_a_script_or_the_print_stylesheet(site_dir):
    pages = sorted(site_dir.rglob("*.html"))
    assert len(pages) > 20
    problems = []
    for page in pages:
        found = loads(page)
        where = page.relative_to(site_dir)
        for script in found.scripts:
            if "defer" not in script and "async" not in script:
                problems.append(f"{where}: script {script['src']} blocks the first paint")
            # The 404 page's URLs are absolute, under the public address's path (/clusterdocs/).
            absolute = script["src"].startswith("/")
            path = script["src"].removeprefix(SITE_PATH) if absolute else script["src"]
            if not ((site_dir if absolute else page.parent) / path.lstrip("/")).resolve().is_file():
                problems.append(f"{where}: script {script['src']} is not in the site")
        for sheet in found.stylesheets:
            if sheet["href"].endswith("print.css") and sheet.get("media") != "print":
                problems.append(f"{where}: {sheet['href']} is not for print only")
        if not any(sheet["href"].endswith("print.css") for sheet in found.stylesheets):
            problems.append(f"{where}: no print stylesheet")
    assert problems == []


def test_timeline_citations_are_not_code_blocks_for_material_to_measure(site_dir):
    """Material measures every ``pre > code`` on load; the timeline has one citation box per entry."""
    for timeline in (site_dir / "timeline" / "index.html", site_dir / "zh" / "timeline" / "index.html"):
        text = timeline.read_text(encoding="utf-8")
        assert text.count('class="cd-cite-box"') > 20
        assert text.count("data-clipboard-text=") == text.count('class="cd-cite-box"')
        boxes = re.findall(r'<details class="cd-cite-box".*?</details>', text, flags=re.DOTALL)
        assert len(boxes) == text.count('class="cd-cite-box"')
        assert [box for box in boxes if "<code" in box] == []


def test_no_page_hands_the_colour_toggle_or_the_root_classes_to_materials_bundle(site_dir):
    """Material's palette component and its no-js/js switch each restyled the whole page on load;
    the site's own toggle (partials/palette.html, partials/javascripts/palette.html) and the
    classes set in the head leave the bundle nothing to change."""
    problems = []
    for page in sorted(site_dir.rglob("*.html")):
        text = page.read_text(encoding="utf-8")
        where = page.relative_to(site_dir)
        head, _, body = text.partition("<body")
        if 'data-md-component="palette"' in text:
            problems.append(f"{where}: Material's palette component is mounted")
        if '<form class="md-header__option" data-cd-palette>' not in body:
            problems.append(f"{where}: no colour toggle")
        if 'className="js js-focus-visible"' not in head:
            problems.append(f"{where}: root classes not set in the head")
    assert problems == []


def test_timeline_controls_are_named_without_a_title_for_material_to_make_a_tooltip_of(site_dir):
    """With content.tooltips Material sets up a tooltip for every [title] in the page at load."""
    for timeline in (site_dir / "timeline" / "index.html", site_dir / "zh" / "timeline" / "index.html"):
        text = timeline.read_text(encoding="utf-8")
        entry_links = re.findall(r'<h3 class="cd-entry__title"[^>]*>.*?(<a class="headerlink"[^>]*>)', text)
        copy_buttons = re.findall(r'<button type="button" class="md-code__button"[^>]*>', text)
        controls = entry_links + copy_buttons
        # One citation per entry, and one for the overview chart above them.
        assert len(entry_links) > 20 and len(copy_buttons) == len(entry_links) + 1
        assert [control for control in controls if "aria-label=" not in control] == []
        assert [control for control in controls if " title=" in control] == []


def test_heading_permalinks_are_named_in_the_page_language_without_a_title(site_dir):
    """Python-Markdown's permalinks carry no title (no tooltip to set up at load); each is named
    by aria-label in its page's language instead."""
    # A section's link, and the rendered entries' own ("Link to this entry", data/ui.yml).
    labels = {
        "": {"Link to this section", "Link to this entry"},
        "zh/": {"本节链接", "本条目链接"},
        "zh-Hant/": {"本節連結", "本條目連結"},
    }
    for prefix, expected in labels.items():
        text = (site_dir / prefix / "clusters" / "index.html").read_text(encoding="utf-8")
        permalinks = re.findall(r'<h[1-6][^>]*>.*?(<a class="headerlink"[^>]*>)', text)
        assert len(permalinks) > 3, prefix
        assert [link for link in permalinks if "aria-label=" not in link] == [], prefix
        assert {re.search(r'aria-label="([^"]*)"', link)[1] for link in permalinks} == expected, prefix
        assert [link for link in permalinks if " title=" in link] == [], prefix
