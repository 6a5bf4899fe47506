"""Render the timeline page and the machine-readable exports of the timeline."""

from __future__ import annotations

import json
from itertools import groupby

from .dates import format_date
from .markers import replace_markers, section
from .render import render_macro, to_simplified, ui_strings
from .sitedata import current_site_data
from .sources import Source
from .tabular import write_csv
from .timeline import Milestone


def taxonomy() -> dict:
    return current_site_data().categories


def entry_values(milestone: Milestone, language: str, sources: dict[str, Source], article_link,
                 cluster_links: dict[str, tuple[str, str]]) -> dict:
    """Everything one entry shows, as plain values.

    ``article_link(id)`` gives the title and URL of an article's summary page; ``cluster_links``
    maps a cluster id to its name in the page's language and the link to its directory entry.
    """
    data = milestone.data
    cited = []
    for citation in data["sources"]:
        if "article" in citation:
            source = sources[citation["article"]]
            title, href = article_link(citation["article"])
            cited.append({
                "kind": "article",
                "title": title,
                "date": format_date(source.header["date"], language) if source.header["date"] else None,
                "href": href,
                "quote": citation["quote"],
                "quote_lang": source.lang,
                "simplified": to_simplified(citation["quote"]) if source.shows_simplified(language) else None,
            })
        else:
            external = citation["external"]
            cited.append(dict(external, kind="external", note=external["note"][language]) if "note" in external
                         else dict(external, kind="external"))
    return {
        "id": milestone.id,
        "date": milestone.display_date(language),
        "date_iso": milestone.date,
        "approximate": data.get("approximate", False),
        "category": data["category"],
        "category_label": taxonomy()["categories"][data["category"]][language]["label"],
        "level": data["level"],
        "level_label": taxonomy()["levels"][data["level"]][language],
        "title": data["title"][language],
        "summary": data["summary"][language],
        "places": [place[language] for place in data["places"]],
        "clusters": [{"name": cluster_links[cluster_id][0], "href": cluster_links[cluster_id][1]}
                     for cluster_id in data["clusters"]],
        "sources": cited,
    }


def render_timeline(markdown: str, milestones: list[Milestone], sources: dict[str, Source], language: str,
                    article_link, downloads: dict[str, str], path: str,
                    cluster_links: dict[str, tuple[str, str]] | None = None) -> str:
    strings = ui_strings()[language]
    entries = [entry_values(milestone, language, sources, article_link, cluster_links or {}) for milestone in milestones]
    categories = [{"key": key, "label": value[language]["label"], "legend": value[language]["legend"],
                   "count": sum(entry["category"] == key for entry in entries)}
                  for key, value in taxonomy()["categories"].items()]
    levels = [{"key": key, "label": value[language], "count": sum(entry["level"] == key for entry in entries)}
              for key, value in taxonomy()["levels"].items()]

    def legend() -> str:
        html = render_macro("timeline.html", "legend", language, categories=categories)
        return section(strings["timeline_legend"], "legend", html)

    def filters() -> str:
        return render_macro("timeline.html", "filters", language, categories=categories, levels=levels,
                            total=len(entries))

    def entries_section() -> str:
        parts = []
        for year, group in groupby(entries, key=lambda entry: entry["date_iso"][:4]):
            html = render_macro("timeline.html", "year", language, year=year, entries=list(group))
            parts.append(section(year if language == "en" else f"{year}年", f"year-{year}", html))
        return "".join(parts)

    def downloads_section() -> str:
        return render_macro("timeline.html", "downloads", language, downloads=downloads)

    renderers = {"legend": legend, "filters": filters, "entries": entries_section, "downloads": downloads_section}
    return replace_markers(markdown, "timeline", renderers, path, required=renderers)


def export_json(milestones: list[Milestone]) -> str:
    return json.dumps({"milestones": [milestone.data for milestone in milestones]}, ensure_ascii=False, indent=2)


CSV_COLUMNS = ("id", "date", "end_date", "approximate", "category", "level", "title_en", "title_zh",
               "summary_en", "summary_zh", "places_en", "places_zh", "clusters", "articles", "quotes", "external")


def export_csv(milestones: list[Milestone]) -> str:
    rows = []
    for milestone in milestones:
        data = milestone.data
        rows.append({
            "id": data["id"], "date": data["date"], "end_date": data.get("end_date", ""),
            "approximate": "yes" if data.get("approximate") else "",
            "category": data["category"], "level": data["level"],
            "title_en": data["title"]["en"], "title_zh": data["title"]["zh"],
            "summary_en": data["summary"]["en"], "summary_zh": data["summary"]["zh"],
            "places_en": "; ".join(place["en"] for place in data["places"]),
            "places_zh": "; ".join(place["zh"] for place in data["places"]),
            "clusters": "; ".join(data["clusters"]),
            "articles": "; ".join(milestone.articles),
            "quotes": " | ".join(source["quote"] for source in data["sources"] if "quote" in source),
            "external": " | ".join(source["external"]["outlet"] for source in data["sources"] if "external" in source),
        })
    return write_csv(rows, CSV_COLUMNS)
