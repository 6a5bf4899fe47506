"""Render the figures page: the headline figures and one bar chart (with its data table) per distribution.

Python prepares plain values, chart geometry included; the macros in
``overrides/hooks/reference.html`` lay them out. Charts are inline SVG drawn at build time
(see ``bar_chart``), so they need no script, no web font and no other host.
"""

from __future__ import annotations

from ..base.languages import language_of, script_tag
from ..text.chinese_script import to_simplified
from .links import PageLinks
from .mentions import link_mentions
from ..check.markers import replace_markers, section
from ..check.sitedata import SiteData
from .templates import render_macro
from . import verbatim
from .chart_files import Chart, Column, chart_tools
from ..text.text_metrics import text_width
from .timeline_view import external_citation


# The phone layout: labels above their bars, drawn at the width of a 360 px screen's text
# column and never scaled up, so its text keeps its size in CSS px (14 px at 360, 12 px at 320).
NARROW_WIDTH, NARROW_FONT = 328, 14


def bar_chart(chart_id: str, title: str, items: list[tuple[str, int]], unit: str) -> dict:
    """Geometry of a horizontal bar chart, in SVG user units, in two layouts.

    The wide layout (labels left of the bars) scales to its container. The narrow one (``narrow``:
    each label on its own line above its bar) is drawn ``NARROW_WIDTH`` units wide and shown at
    most that many CSS px wide, so a phone shows its text at full size; assets/extra.css shows one
    layout or the other by screen width.
    """
    bar_width, value_width, row, gap = 300, 60, 26, 8
    label_width = max(text_width(label) for label, _value in items) + 16
    largest = max(value for _label, value in items) or 1
    height = len(items) * (row + gap) - gap
    bars = []
    for index, (label, value) in enumerate(items):
        y, width = index * (row + gap), max(2, round(value / largest * bar_width))
        bars.append(
            {
                "label": label,
                "value": value,
                "y": y,
                "width": width,
                "height": row,
                "text_y": round(y + row * 0.68, 2),  # the baseline that centres a label on its bar
                "value_x": label_width + width + 6,
            }
        )
    return {
        "id": chart_id,
        "title": title,
        "bars": bars,
        "unit": unit,
        "label_width": label_width,
        "label_x": label_width - 8,
        "width": label_width + bar_width + value_width,
        "height": height,
        "max_height": round(height * 1.1, 1),
        "description": "; ".join(f"{label}: {value} {unit}" for label, value in items),
        "narrow": narrow_bars(items, largest),
    }


# Labels no wider than this go left of their bars on a phone too, so a long list stays short
# enough to be seen whole on one screen (a chart reached by its link shows whole).
NARROW_LEFT_LABEL = 120


def narrow_bars(items: list[tuple[str, int]], largest: int) -> dict:
    """The phone layout: per item, its label's lines, then a bar with the value written after it;
    or, when every label is short, each label left of its bar on the bar's line."""
    line, bar_height, value_width = round(NARROW_FONT * 1.3), 16, 12 + text_width(str(largest), NARROW_FONT)
    widest = max(text_width(label, NARROW_FONT) for label, _value in items)
    if widest <= NARROW_LEFT_LABEL:
        bar_x, row, gap = widest + 10, 22, 8
        bar_width = NARROW_WIDTH - bar_x - value_width
        bars = []
        for index, (label, value) in enumerate(items):
            y, width = index * (row + gap), max(2, round(value / largest * bar_width))
            baseline = round(y + row / 2 + NARROW_FONT * 0.35, 2)
            bars.append(
                {
                    "label_lines": [{"text": label, "y": baseline}],
                    "value": value,
                    "y": y + (row - bar_height) / 2,
                    "width": width,
                    "height": bar_height,
                    "value_x": bar_x + width + 6,
                    "value_y": baseline,
                }
            )
        return {
            "bars": bars,
            "width": NARROW_WIDTH,
            "height": len(items) * (row + gap) - gap,
            "bar_x": bar_x,
            "label_x": bar_x - 8,
            "anchor": "end",
        }
    bar_width = NARROW_WIDTH - value_width
    bars, y = [], 0
    for label, value in items:
        lines = wrap_label(label, NARROW_WIDTH, NARROW_FONT)
        label_lines = [{"text": text, "y": y + NARROW_FONT + index * line} for index, text in enumerate(lines)]
        bar_y = y + len(lines) * line + 4
        width = max(2, round(value / largest * bar_width))
        bars.append(
            {
                "label_lines": label_lines,
                "value": value,
                "y": bar_y,
                "width": width,
                "height": bar_height,
                "value_x": width + 6,
                "value_y": round(bar_y + bar_height / 2 + NARROW_FONT * 0.35, 2),
            }
        )
        y = bar_y + bar_height + 14
    return {"bars": bars, "width": NARROW_WIDTH, "height": y - 14, "bar_x": 0, "label_x": 0, "anchor": "start"}


def wrap_label(label: str, width: int, font_size: int) -> list[str]:
    """A label in lines no wider than ``width``: broken at spaces, or between any two characters of
    text without spaces (Chinese). Each line becomes its own ``<text>``, since SVG text does not wrap."""
    words = label.split(" ") if " " in label else list(label)
    joint = " " if " " in label else ""
    lines: list[str] = []
    for word in words:
        candidate = lines[-1] + joint + word if lines else word
        if lines and text_width(candidate, font_size) <= width:
            lines[-1] = candidate
        else:
            lines.append(word)
    return lines


def distribution_chart(data: SiteData, distribution: dict, language: str, timeline_url: str = "timeline/") -> Chart:
    """One distribution of ``data/figures.yml`` as a chart: its bars, and the table beside them
    (label, value, the words of the source and, where an item has one, its note), which the
    page shows and the CSV download holds (clusterdocs/render/chart_files.py)."""
    strings = data.ui[language]
    entries = {m.id: (data.in_language(m.data["title"], language), f"{timeline_url}#{m.id}") for m in data.milestones}
    title = data.in_language(distribution["title"], language)
    unit = data.in_language(distribution["unit"], language)
    items = [(data.in_language(item["label"], language), item["value"]) for item in distribution["items"]]
    chart_id = f"chart-{distribution['id']}"
    geometry = bar_chart(chart_id, title, items, unit)
    extra = {"value_heading": strings["chart_value_column"].format(unit=unit), "description": geometry["description"]}
    if "total" in distribution:
        extra["total_line"] = strings["chart_total"].format(total=distribution["total"], unit=unit)
    extra["unlisted_line"] = ""
    if "unlisted" in distribution:
        unlisted = distribution["unlisted"]
        extra["unlisted_line"] = strings["chart_unlisted"].format(
            count=unlisted["count"], unit=unit, reason=data.in_language(unlisted["reason"], language)
        )
    rows = [
        dict(
            item,
            label=data.in_language(item["label"], language),
            note=link_mentions(data.optional_in(item.get("note"), language), entries),
        )
        for item in distribution["items"]
    ]
    columns = [
        Column("label", title),
        Column("value", extra["value_heading"]),
        Column("source_text", strings["as_stated"]),
    ]
    if any(row["note"] for row in rows):
        columns.append(Column("note", strings["chart_note_column"]))
    when = data.in_language(distribution["as_of"], language) if "as_of" in distribution else distribution.get("year")
    source = data.article_title(language, distribution["source"])
    return Chart(
        id=chart_id,
        page="figures.md",
        language=language,
        title=title,
        source=strings["chart_source_when"].format(source=source, when=when) if when else source,
        columns=columns,
        rows=rows,
        picture=("bar_chart", geometry),
        extra=extra,
    )


def charts_of_page(data: SiteData, language: str) -> list[Chart]:
    """Every chart of the figures page, in page order (clusterdocs/render/chart_files.py writes their files)."""
    return [distribution_chart(data, distribution, language) for distribution in data.figures["distributions"]]


def render_page(markdown: str, data: SiteData, language: str, links: PageLinks, path: str) -> str:
    """Replace the ``<!-- figures:… -->`` markers of ``docs/<language>/figures.md``."""

    def article_url(source_id: str) -> str:
        return links.to_page(f"articles/{source_id}.md")

    figures, strings = data.figures, data.ui[language]
    timeline_url = links.to_page("timeline.md")
    entries = {m.id: (data.in_language(m.data["title"], language), f"{timeline_url}#{m.id}") for m in data.milestones}

    def note(value: dict | None):
        """A note in the page's language, with the timeline entries it names by id as links."""
        return link_mentions(data.optional_in(value, language), entries)

    def shown(value: str, source_id: str) -> str:
        """Figures from Traditional-script sources appear in Simplified on the zh site."""
        return to_simplified(value) if data.sources[source_id].shows_simplified(language) else value

    def shown_lang(source_id: str) -> str:
        source = data.sources[source_id]
        return script_tag("Simplified") if source.shows_simplified(language) else source.lang

    def english_value(item: dict) -> bool:
        """A headline figure may give an English rendering of its value for the English page."""
        return not language_of(language).is_chinese and "value_en" in item

    def provenance(figure: dict) -> dict:
        """The year as shown (or what the count runs to), its basis, and any outside citation."""
        external = [external_citation(citation, language, data) for citation in figure.get("external", [])]
        return {
            "when": data.in_language(figure["as_of"], language) if "as_of" in figure else figure["year"],
            "basis": figure["basis"],
            "external": external,
        }

    def headline() -> str:
        rows = [
            dict(
                item,
                label=data.in_language(item["label"], language),
                note=note(item.get("note")),
                shown_value=item["value_en"] if english_value(item) else shown(item["value"], item["source"]),
                value_lang="en" if english_value(item) else shown_lang(item["source"]),
                source_lang=data.sources[item["source"]].lang,
                simplified=verbatim.simplified(data.sources[item["source"]], item["source_text"], language),
                source_title=data.article_title(language, item["source"]),
                href=article_url(item["source"]),
                **provenance(item),
            )
            for item in figures["headline"]
        ]
        return render_macro("reference.html", "headline", language, strings, rows=rows)

    def charts() -> str:
        parts = []
        for distribution in figures["distributions"]:
            source = data.sources[distribution["source"]]
            chart = distribution_chart(data, distribution, language, timeline_url)
            html = render_macro(
                "reference.html",
                "chart",
                language,
                strings,
                chart=dict(chart.picture[1], id=chart.id, title=chart.title, **chart.extra),
                columns=chart.columns,
                distribution=dict(distribution, note=note(distribution.get("note")), **provenance(distribution)),
                rows=[
                    dict(row, simplified=verbatim.simplified(source, row["source_text"], language))
                    for row in chart.rows
                ],
                source_title=data.article_title(language, distribution["source"]),
                href=article_url(distribution["source"]),
                source_lang=source.lang,
                tools=chart_tools(chart, links.permanent, links.to_file, strings),
            )
            parts.append(section(chart.title, distribution["id"], html))
        return "".join(parts)

    return replace_markers(
        markdown, "figures", {"headline": headline, "charts": charts}, path, required=("headline", "charts")
    )
