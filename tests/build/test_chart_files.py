"""Every chart and map can be taken away: for each chart of each language (computed from the data
by clusterdocs.render.pages.site_charts), the built site has its CSV, SVG, PNG and citation
files; the CSV holds exactly the table the page shows beside the chart; the SVG stands alone
(no reference to any file or host, fonts named, its title, source line and licence inside) and
passes the site audit; the PNG decodes to the SVG's size times the scale; the citations and the
"Cite this chart" line carry the chart's anchor on its page; the page links to each download."""

from __future__ import annotations

import csv
import io
import re
import struct
import zlib
from html.parser import HTMLParser
from pathlib import Path
from xml.etree import ElementTree

import pytest

from clusterdocs.render.chart_files import FILE_TYPES, FONTS, KIND, PNG_SCALE, file_path, plain
from clusterdocs.render.pages import site_charts
from clusterdocs.render.citations import download_path
from clusterdocs.base.languages import language_of
from clusterdocs.base.paths import ROOT
from clusterdocs.publish.site_audit import audit_site
from clusterdocs.check.sitedata import load_site_data

SVG = "{http://www.w3.org/2000/svg}"
CHARTS = site_charts(load_site_data(ROOT))
IDS = [f"{chart.language}:{chart.id}" for chart in CHARTS]


class ChartBlock(HTMLParser):
    """Inside the element with ``id``: its first table's header and body cells as text, the
    hrefs of its links, and the text of its citation line. A cell's Simplified rendering of a
    Traditional passage (a reading aid on zh pages, not data: clusterdocs/render/verbatim.py) is
    left out, as the CSV leaves it out."""

    def __init__(self, anchor: str):
        super().__init__(convert_charrefs=True)
        self.anchor, self.depth = anchor, 0
        self.headings: list[str] = []
        self.rows: list[list[str]] = []
        self.links: list[str] = []
        self.cite = ""
        self._cell: list[str] | None = None
        self._in_head = self._in_cite = False
        self._tables = 0
        self._aside_at: int | None = None  # the depth of the rendering being left out

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if not self.depth:
            if attributes.get("id") == self.anchor:
                self.depth = 1
            return
        if tag not in {"br", "input", "img", "hr", "wbr", "meta", "link", "source"}:
            self.depth += 1
        if tag == "a" and attributes.get("href"):
            self.links.append(attributes["href"])
        if tag == "table":
            self._tables += 1
        if tag == "span" and "cd-cite__text" in (attributes.get("class") or ""):
            self._in_cite = True
        if self._aside_at is None and "cd-quote__simplified" in (attributes.get("class") or "").split():
            self._aside_at = self.depth
        if self._tables != 1:
            return
        if tag == "thead":
            self._in_head = True
        elif tag == "tr" and not self._in_head:
            self.rows.append([])
        elif tag in {"th", "td"}:
            self._cell = []

    def handle_endtag(self, tag):
        if not self.depth:
            return
        if tag in {"th", "td"} and self._cell is not None and self._tables == 1:
            text = " ".join("".join(self._cell).split())
            (self.headings if self._in_head else self.rows[-1]).append(text)
            self._cell = None
        if tag == "thead":
            self._in_head = False
        if tag == "table":
            self._tables += 1  # only the first table counts
        if tag == "span":
            self._in_cite = False
        if self._aside_at == self.depth:
            self._aside_at = None
        self.depth -= 1

    def handle_data(self, data):
        if self.depth and self._cell is not None and self._aside_at is None:
            self._cell.append(data)
        if self.depth and self._in_cite:
            self.cite += data


def page_file(site: Path, chart) -> Path:
    return site / language_of(chart.language).prefix / chart.page.removesuffix(".md") / "index.html"


def block(site: Path, chart) -> ChartBlock:
    parser = ChartBlock(chart.id)
    parser.feed(page_file(site, chart).read_text(encoding="utf-8"))
    assert parser.depth == 0 and parser.headings, f"{chart.id}: no element with this id and a table on {chart.page}"
    return parser


def test_every_chart_of_every_language_is_listed():
    data = load_site_data(ROOT)
    per_language = len(data.figures["distributions"]) + 2  # the map and the overview
    for language in {chart.language for chart in CHARTS}:
        assert sum(chart.language == language for chart in CHARTS) == per_language


@pytest.mark.parametrize("chart", CHARTS, ids=IDS)
def test_downloads_exist_and_the_page_links_to_them(site_dir, chart):
    parser = block(site_dir, chart)
    page_folder = page_file(site_dir, chart).parent
    linked = {(page_folder / href).resolve() for href in parser.links if not href.startswith(("#", "?", "http"))}
    expected = [file_path(chart.language, chart.id, extension) for extension in FILE_TYPES]
    expected += [download_path(chart.language, KIND, chart.id, extension) for extension in ("bib", "ris", "json")]
    for path in expected:
        assert (site_dir / path).is_file(), path
        assert (site_dir / path).resolve() in linked, f"{chart.page} does not link to {path}"
    assert f"#{chart.id}" in parser.links, "no permalink to the chart's own anchor"


@pytest.mark.parametrize("chart", CHARTS, ids=IDS)
def test_csv_is_the_table_beside_the_chart(site_dir, chart):
    parser = block(site_dir, chart)
    rows = list(csv.reader(io.StringIO((site_dir / file_path(chart.language, chart.id, "csv")).read_text("utf-8"))))
    # The data, through the chart's own table function.
    assert rows[0] == [column.heading for column in chart.columns]
    assert rows[1:] == [[plain(row.get(column.key)) for column in chart.columns] for row in chart.rows]
    # The page's table shows the same headings and cells.
    assert parser.headings == rows[0]
    assert parser.rows == [[" ".join(cell.split()) for cell in row] for row in rows[1:]]


@pytest.mark.parametrize("chart", CHARTS, ids=IDS)
def test_svg_stands_alone_with_title_source_and_licence(site_dir, chart):
    path = site_dir / file_path(chart.language, chart.id, "svg")
    root = ElementTree.fromstring(path.read_bytes())
    assert root.tag == f"{SVG}svg" and float(root.get("width")) > 0 and float(root.get("height")) > 0
    for element in root.iter():
        assert element.tag.removeprefix(SVG) not in {"image", "use", "script", "foreignObject", "a"}, element.tag
        assert not any(name.endswith("href") for name in element.attrib), element.attrib
    style = "".join(element.text or "" for element in root.iter(f"{SVG}style"))
    assert "url(" not in style and "@import" not in style
    assert FONTS[language_of(chart.language).script] in style
    texts = "".join("".join(element.itertext()) for element in root.iter(f"{SVG}text"))
    squeezed = re.sub(r"\s+", "", texts)
    strings = load_site_data(ROOT).ui[chart.language]
    assert re.sub(r"\s+", "", chart.title) in squeezed
    assert re.sub(r"\s+", "", chart.source) in squeezed
    assert "CCBY4.0" in squeezed and "#" + chart.id in squeezed
    assert re.sub(r"\s+", "", strings["site_name"]) in squeezed
    for row in chart.rows[:3]:  # the drawing itself: the first rows' names (or codes) in it
        names = [re.sub(r"\s+", "", plain(row.get(column.key))) for column in chart.columns]
        names = [name[:4] for name in names if name and not name.isdigit() and name != "–"]
        assert any(name in squeezed for name in names), names


def test_the_chart_files_pass_the_site_audit(site_dir):
    problems = [
        problem for problem in audit_site(site_dir, "") if f"/{KIND}/" in str(problem) or str(problem).startswith(KIND)
    ]
    assert problems == []


def png_size_and_pixels(data: bytes) -> tuple[int, int, int]:
    """Width, height and the decompressed length of a PNG's image data (which must inflate)."""
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    position, chunks, size = 8, b"", None
    while position < len(data):
        (length,) = struct.unpack(">I", data[position : position + 4])
        kind = data[position + 4 : position + 8]
        body = data[position + 8 : position + 8 + length]
        if kind == b"IHDR":
            size = struct.unpack(">II", body[:8]) + (body[8], body[9])
        elif kind == b"IDAT":
            chunks += body
        position += 12 + length
    width, height, depth, colour = size
    return width, height, len(zlib.decompress(chunks)), depth, colour


@pytest.mark.parametrize("chart", CHARTS, ids=IDS)
def test_png_decodes_at_the_svg_size_times_the_scale(site_dir, chart):
    root = ElementTree.fromstring((site_dir / file_path(chart.language, chart.id, "svg")).read_bytes())
    width, height, inflated, depth, colour = png_size_and_pixels(
        (site_dir / file_path(chart.language, chart.id, "png")).read_bytes()
    )
    assert (width, height) == (
        round(float(root.get("width")) * PNG_SCALE),
        round(float(root.get("height")) * PNG_SCALE),
    )
    channels = {6: 4, 2: 3, 0: 1, 4: 2}[colour]
    assert inflated == height * (1 + width * channels * depth // 8)


@pytest.mark.parametrize("chart", CHARTS, ids=IDS)
def test_citations_carry_the_charts_anchor(site_dir, chart):
    parser = block(site_dir, chart)
    url = re.search(r"[a-z]+://[^\s<>]*?#" + re.escape(chart.id) + r"\b", parser.cite)
    assert url, f"the cite line has no address with #{chart.id}: {parser.cite!r}"
    prefix = language_of(chart.language).prefix
    assert url[0].endswith(f"/{prefix}{chart.page.removesuffix('.md')}/#{chart.id}")
    for extension in ("bib", "ris", "json"):
        text = (site_dir / download_path(chart.language, KIND, chart.id, extension)).read_text("utf-8")
        assert url[0] in text and chart.title in text, extension
