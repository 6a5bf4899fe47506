"""Charts as things to take away: each chart's anchor, data file, standalone picture and citation.

Every chart and map of the site (the figures page's bar charts, the clusters page's tile map,
the timeline overview) is a ``Chart``: its anchor on its page, its title, the table beside it
(``columns`` and ``rows``, made by the renderer's own table function, so the page's table and
the CSV come from one list), its source line and a standalone SVG drawn by
``overrides/hooks/chart_svg.html``. Two callers use it:

- the renderers, through ``chart_tools``: the row under each chart with its permalink, its
  downloads and a "Cite this chart" box (``overrides/hooks/chart_tools.html``);
- hooks/post_build.py, through ``chart_files``, once per build beside the other exports:
  ``charts/<language>/<id>.csv`` (the table, by ``tabular.write_csv``, like every CSV the site
  publishes), ``.svg`` (title, source line and licence inside, fonts named, no reference to any
  file or host), ``.png`` (that SVG rendered by resvg at ``PNG_SCALE`` times its size, with the
  machine's CJK fonts) and the citation files under ``cite/<language>/charts/``
  (``citations.chart_citation``, written like the pages' and entries').

``site_charts`` (clusterdocs/render/pages.py) lists every chart of the site, page by page, from the
data and the language only, so the files depend on the data alone.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from importlib import metadata

from markupsafe import Markup

from ..base.build_cache import installed_fonts, load_bytes, store_bytes
from .citations import chart_citation, download_links, download_path, downloads
from ..base.languages import language_of
from ..text.tabular import write_csv
from .templates import environment
from ..text.text_metrics import text_width

KIND = "charts"  # the folder of the files, and the citations' kind under cite/<language>/
PNG_CACHE = "chart-pictures"  # the build cache's folder of drawn PNGs
PNG_SCALE = 2  # the PNG is drawn at twice the SVG's size, sharp on high-density screens
FONT_SIZE = 13
TITLE_SIZE = 16
MARGIN = 16
# The fonts the picture names, in order, by script: the Noto CJK fonts the test tools install
# (fonts-noto-cjk) first, then what Windows and macOS ship; each ends with a generic family.
FONTS = {
    "Latin": "'Noto Sans', 'Noto Sans CJK SC', 'DejaVu Sans', Arial, sans-serif",
    "Simplified": "'Noto Sans CJK SC', 'Noto Sans SC', 'Source Han Sans SC', 'PingFang SC', 'Microsoft YaHei', sans-serif",
    "Traditional": "'Noto Sans CJK TC', 'Noto Sans TC', 'Source Han Sans TC', 'PingFang TC', 'Microsoft JhengHei', sans-serif",
}
FILE_TYPES = {"csv": "chart_download_csv", "svg": "chart_download_svg", "png": "chart_download_png"}


@dataclass(frozen=True)
class Column:
    key: str
    heading: str


@dataclass
class Chart:
    id: str  # the anchor on its page, and the name of its files
    page: str  # the page inside the language folder: "figures.md"
    language: str
    title: str
    source: str  # the source line, plain text
    columns: list[Column]
    rows: list[dict]  # cell values by column key; Markup (a note with links) becomes its text
    picture: tuple[str, dict] = ("", {})  # macro of chart_svg.html and its values
    extra: dict = field(default_factory=dict)


def plain(value: object) -> str:
    """A cell as text: Markup loses its tags, None is empty."""
    if value is None:
        return ""
    return Markup(value).striptags() if isinstance(value, Markup) else str(value)


def csv_text(chart: Chart) -> str:
    """The table beside the chart: its headings, then a row per table row."""
    headings = [column.heading for column in chart.columns]
    rows = [{column.heading: plain(row.get(column.key)) for column in chart.columns} for row in chart.rows]
    return write_csv(rows, headings)


# A line may break before or after any CJK character or full-width mark, and at spaces; a run of
# other characters (a word, a number, a URL) stays whole unless it is wider than a line.
_TOKENS = re.compile(
    r"[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\u3000-\u303f]|[^\s\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\u3000-\u303f]+|\s+"
)
_NO_LINE_START = set("，。、；：？！）》」』”’,.;:?!)")


def wrap(text: str, width: float, size: int) -> list[str]:
    """``text`` in lines no wider than ``width`` at ``size`` (SVG text does not wrap): broken at
    spaces and between Chinese characters, never before closing punctuation; a run wider than a
    line (a long URL) is broken between characters."""
    tokens: list[str] = []
    for token in _TOKENS.findall(text):
        if not token.isspace() and text_width(token, size) > width:
            tokens += list(token)
        else:
            tokens.append(token)
    lines: list[str] = [""]
    for token in tokens:
        candidate = lines[-1] + token
        if (
            text_width(candidate.rstrip(), size) <= width
            or not lines[-1].strip()
            or token.isspace()
            or token in _NO_LINE_START
        ):
            lines[-1] = candidate
        else:
            lines.append(token)
    return [line.strip() for line in lines if line.strip()]


def svg_text(chart: Chart, url: str, strings: dict[str, str]) -> str:
    """The standalone picture: title on top, the drawing, then the source line and the licence
    (``strings``: the interface strings of the chart's language)."""
    macro, values = chart.picture
    body_width, body_height = values["width"], values["height"]
    width = max(body_width, 480) + 2 * MARGIN
    inner = width - 2 * MARGIN
    title = wrap(chart.title, inner, TITLE_SIZE)
    footer = wrap(strings["chart_file_source"].format(source=chart.source), inner, FONT_SIZE - 1)
    footer += wrap(
        strings["chart_file_licence"].format(site=strings["site_name"], url=url),
        inner,
        FONT_SIZE - 1,
    )
    title_height = len(title) * round(TITLE_SIZE * 1.35)
    body_top = MARGIN + title_height + 10
    footer_top = body_top + body_height + 16
    height = footer_top + len(footer) * round((FONT_SIZE - 1) * 1.4) + MARGIN
    module = environment().get_template("chart_svg.html").module
    language = language_of(chart.language)
    return (
        str(
            module.frame(
                t=strings,
                language=language,
                width=round(width),
                height=round(height),
                font=FONTS[language.script],
                title=[
                    {"text": line, "y": MARGIN + TITLE_SIZE + index * round(TITLE_SIZE * 1.35)}
                    for index, line in enumerate(title)
                ],
                footer=[
                    {"text": line, "y": footer_top + FONT_SIZE + index * round((FONT_SIZE - 1) * 1.4)}
                    for index, line in enumerate(footer)
                ],
                body=Markup(getattr(module, macro)(t=strings, language=language, **values)),
                body_x=MARGIN,
                body_y=body_top,
                description=chart.extra.get("description", ""),
            )
        ).strip()
        + "\n"
    )


def png_bytes(svg: str, fonts: str) -> bytes:
    """The SVG as a PNG, drawn by resvg with the fonts installed on the machine (``fonts``, from
    ``installed_fonts()``); kept in the build cache under a hash of the SVG, resvg's version, the
    scale and the fonts, since drawing them all is a fifth of a build."""
    import resvg_py  # imported here: only the build's last step draws pictures

    key = hashlib.sha256(
        "\0".join([svg, metadata.version("resvg-py"), str(PNG_SCALE), fonts]).encode("utf-8")
    ).hexdigest()
    cached = load_bytes(PNG_CACHE, f"{key}.png")
    if cached is not None:
        return cached
    png = bytes(resvg_py.svg_to_bytes(svg_string=svg, zoom=PNG_SCALE))
    store_bytes(PNG_CACHE, f"{key}.png", png)
    return png


def file_path(language: str, chart_id: str, extension: str) -> str:
    """Where a chart's download sits in the built site: ``charts/zh/chart-x.csv``."""
    return f"{KIND}/{language}/{chart_id}.{extension}"


def chart_tools(chart: Chart, page_url: str, relative_url, strings: dict[str, str]) -> dict:
    """What the row under a chart shows: its anchor, its downloads and its citation.

    ``page_url`` is the page's permanent address; ``relative_url(path)`` makes a site path
    relative to the page (the page's link helper's ``to_file``); ``strings`` are the interface
    strings of the chart's language."""
    citation = chart_citation(chart.id, chart.title, chart.source, f"{page_url}#{chart.id}", chart.language, strings)
    return {
        "anchor": chart.id,
        "title": chart.title,
        "files": [
            {"label": strings[label], "href": relative_url(file_path(chart.language, chart.id, extension))}
            for extension, label in FILE_TYPES.items()
        ],
        "cite": {
            "text": strings["cite_chart_line"].format(
                site=citation.site_name, title=chart.title, source=chart.source, url=citation.url
            ),
            "links": download_links(chart.language, KIND, chart.id, relative_url, strings),
        },
    }


def chart_files(
    charts: list[Chart], page_urls: dict[tuple[str, str], str], ui: dict[str, dict[str, str]]
) -> dict[str, str | bytes]:
    """Path in the site -> content of every chart's downloads, for the charts of pages built.

    ``page_urls`` maps (language, path inside the language folder) of each page built to its
    absolute URL, as for the pages' citations; ``ui`` holds the interface strings by language
    (``SiteData.ui``)."""
    files: dict[str, str | bytes] = {}
    fonts = installed_fonts()
    for chart in charts:
        page_url = page_urls.get((chart.language, chart.page))
        if page_url is None:
            continue
        url = f"{page_url}#{chart.id}"
        svg = svg_text(chart, url, ui[chart.language])
        files[file_path(chart.language, chart.id, "csv")] = csv_text(chart)
        files[file_path(chart.language, chart.id, "svg")] = svg
        files[file_path(chart.language, chart.id, "png")] = png_bytes(svg, fonts)
        citation = chart_citation(chart.id, chart.title, chart.source, url, chart.language, ui[chart.language])
        for extension, content in downloads(citation).items():
            files[download_path(chart.language, KIND, chart.id, extension)] = content
    return files
