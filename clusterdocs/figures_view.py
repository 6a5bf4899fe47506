"""Render the figures page: the headline figures and one bar chart (with its data table) per distribution.

Python prepares plain values, chart geometry included; the macros in
``overrides/hooks/reference.html`` lay them out. Charts are inline SVG drawn at build time
(see ``bar_chart``), so they need no script, no web font and no other host.
"""

from __future__ import annotations

from .sitedata import in_language, optional_in
from .languages import language_of, script_tag
from .chinese_script import to_simplified
from .links import PageLinks
from .mentions import link_mentions
from .markers import replace_markers, section
from .sitedata import SiteData
from .templates import render_macro
from .text_metrics import text_width
from .timeline_view import external_citation


def bar_chart(chart_id: str, title: str, items: list[tuple[str, int]], unit: str) -> dict:
    """Geometry of a horizontal bar chart, in SVG user units (the SVG scales to its container)."""
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
                "text_y": y + row * 0.68,  # the baseline that centres a label on its bar
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
        "max_height": height * 1.1,
        "description": "; ".join(f"{label}: {value} {unit}" for label, value in items),
    }


def render_page(markdown: str, data: SiteData, language: str, links: PageLinks, path: str) -> str:
    """Replace the ``<!-- figures:… -->`` markers of ``docs/<language>/figures.md``."""

    def article_url(source_id: str) -> str:
        return links.to_page(f"articles/{source_id}.md")

    figures = data.figures
    timeline_url = links.to_page("timeline.md")
    entries = {m.id: (in_language(m.data["title"], language), f"{timeline_url}#{m.id}") for m in data.milestones}

    def note(value: dict | None):
        """A note in the page's language, with the timeline entries it names by id as links."""
        return link_mentions(optional_in(value, language), entries)

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
        external = [external_citation(citation, language) for citation in figure.get("external", [])]
        return {
            "when": in_language(figure["as_of"], language) if "as_of" in figure else figure["year"],
            "basis": figure["basis"],
            "external": external,
        }

    def headline() -> str:
        rows = [
            dict(
                item,
                label=in_language(item["label"], language),
                note=note(item.get("note")),
                shown_value=item["value_en"] if english_value(item) else shown(item["value"], item["source"]),
                value_lang="en" if english_value(item) else shown_lang(item["source"]),
                source_lang=data.sources[item["source"]].lang,
                source_title=data.article_title(language, item["source"]),
                href=article_url(item["source"]),
                **provenance(item),
            )
            for item in figures["headline"]
        ]
        return render_macro("reference.html", "headline", language, rows=rows)

    def charts() -> str:
        parts = []
        for distribution in figures["distributions"]:
            source = data.sources[distribution["source"]]
            items = [(in_language(item["label"], language), item["value"]) for item in distribution["items"]]
            chart = bar_chart(
                f"chart-{distribution['id']}",
                in_language(distribution["title"], language),
                items,
                in_language(distribution["unit"], language),
            )
            html = render_macro(
                "reference.html",
                "chart",
                language,
                chart=chart,
                distribution=dict(distribution, note=note(distribution.get("note")), **provenance(distribution)),
                rows=[
                    dict(item, label=in_language(item["label"], language), note=note(item.get("note")))
                    for item in distribution["items"]
                ],
                source_title=data.article_title(language, distribution["source"]),
                href=article_url(distribution["source"]),
                source_lang=source.lang,
            )
            parts.append(section(in_language(distribution["title"], language), distribution["id"], html))
        return "".join(parts)

    return replace_markers(
        markdown, "figures", {"headline": headline, "charts": charts}, path, required=("headline", "charts")
    )
