"""The figures page's charts reach the built site whole: every element, attribute and text of
each chart's SVG (both layouts) is what the renderer wrote, so nothing is lost on the way (the
page's HTML passes through Markdown and the sanitiser after the renderer)."""

from __future__ import annotations

from html.parser import HTMLParser

import pytest
from support import PlainLinks

from clusterdocs.render.figures_view import render_page
from clusterdocs.base.languages import LANGUAGES
from clusterdocs.base.paths import DOCS_DIR
from clusterdocs.check.sitedata import load_site_data


class ChartMarks(HTMLParser):
    """Every element inside the charts' ``<svg>``, as (tag, attributes, text), in document order."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.marks: list[list] = []
        self._depth = 0

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if tag == "svg" and "cd-chart__svg" in (attributes.get("class") or ""):
            self._depth = 1
        elif self._depth:
            self._depth += 1
        else:
            return
        if "style" in attributes:  # the sanitiser writes "max-height:1px" for "max-height: 1px"
            attributes["style"] = attributes["style"].replace(" ", "")
        self.marks.append([tag, sorted(attributes.items()), ""])

    def handle_endtag(self, tag):
        if self._depth:
            self._depth -= 1

    def handle_data(self, data):
        if self._depth and data.strip():
            self.marks[-1][2] += data.strip()


def chart_marks(html: str) -> list[list]:
    parser = ChartMarks()
    parser.feed(html)
    return parser.marks


@pytest.mark.parametrize("language", LANGUAGES, ids=[language.code for language in LANGUAGES])
def test_built_charts_keep_every_mark_the_renderer_drew(site_dir, language):
    source = DOCS_DIR / (language.converted_from or language.code) / "figures.md"
    rendered = render_page(
        source.read_text(encoding="utf-8"), load_site_data(), language.code, PlainLinks(), "figures.md"
    )
    built = (site_dir / language.prefix / "figures" / "index.html").read_text(encoding="utf-8")
    expected = chart_marks(rendered)
    assert sum(tag == "rect" for tag, _attributes, _text in expected) >= 2 * len(
        load_site_data().figures["distributions"]
    )
    assert chart_marks(built) == expected
