"""Render the timeline page and the machine-readable exports of the timeline."""

from __future__ import annotations

import json
from itertools import groupby

from .citations import download_links, entry_citation, formatted
from ..text.dates import format_date
from .links import PageLinks
from ..check.markers import replace_markers, section
from .templates import render_macro
from . import verbatim
from ..check.sitedata import SiteData
from ..check.sources import Source
from ..text.tabular import write_csv
from ..check.timeline import Milestone
from .timeline_overview import overview_chart
from .chart_files import chart_tools
from .outside_mark import basis_detail

BASES = ("stated", "inferred", "external")  # the legend's order; the schema's date_basis enum


def grouped_citations(
    milestone: Milestone, language: str, data: SiteData, sources: dict[str, Source], article_link
) -> list[dict]:
    """Each cited article once, with its supporting quotes under it, then the external citations."""
    articles: dict[str, dict] = {}
    external = []
    for citation in milestone.data["sources"]:
        if "article" in citation:
            source_id = citation["article"]
            if source_id not in articles:
                source = sources[source_id]
                title, href = article_link(source_id)
                articles[source_id] = {
                    "kind": "article",
                    "title": title,
                    "href": href,
                    "quote_lang": source.lang,
                    "quotes": [],
                    "date": format_date(source.header["date"], language) if source.header["date"] else None,
                }
            articles[source_id]["quotes"].append(verbatim.passage(sources[source_id], citation["quote"], language))
        else:
            external.append(dict(external_citation(citation["external"], language, data), kind="external"))
    return list(articles.values()) + external


def external_citation(cited: dict, language: str, data: SiteData) -> dict:
    """An outside citation (a timeline entry's or a figure's) in the page's language: the outlet's
    rendering, with ``outlet_lang`` when that rendering is the outlet's own name (``original``,
    shown with its ``original_lang``), the date as the language writes it, and the note."""
    outlet = cited["outlet"]
    shown = data.in_language(outlet, language)
    values = dict(cited, outlet=shown, outlet_lang=outlet["original_lang"] if shown == outlet.get("original") else None)
    if "date" in cited:
        values["date_shown"] = format_date(cited["date"], language)
    if "note" in cited:
        values["note"] = data.in_language(cited["note"], language)
    return values


def entry_values(
    milestone: Milestone,
    language: str,
    site: SiteData,
    sources: dict[str, Source],
    article_link,
    cluster_links: dict[str, tuple[str, str]],
) -> dict:
    """Everything one entry shows, as plain values.

    ``article_link(id)`` gives the title and URL of an article's summary page; ``cluster_links``
    maps a cluster id to its name in the page's language and the link to its directory entry.
    """
    data, strings, taxonomy = milestone.data, site.ui[language], site.categories
    subject = strings["basis_subject_target" if milestone.kind == "target" else "basis_subject_event"]
    return {
        "id": milestone.id,
        "kind": milestone.kind,
        "date": milestone.display_date(language, strings),
        "date_iso": data.get("target_year") if milestone.kind == "target" else milestone.date,
        "date_basis": milestone.date_basis,
        "basis_label": subject + strings[f"basis_{milestone.date_basis}"],
        "basis_detail": basis_detail(milestone, strings),
        "date_note": site.in_language(data["date_note"], language) if "date_note" in data else None,
        "from_sources": milestone.from_sources,
        "category": data["category"],
        "category_label": site.in_language(taxonomy["categories"][data["category"]], language)["label"],
        "level": data["level"],
        "level_label": site.in_language(taxonomy["levels"][data["level"]], language),
        "title": site.in_language(data["title"], language),
        "summary": site.in_language(data["summary"], language),
        "source_note": site.in_language(data["source_note"], language) if "source_note" in data else None,
        "places": [site.in_language(place, language) for place in data["places"]],
        "clusters": [
            {"name": cluster_links[cluster_id][0], "href": cluster_links[cluster_id][1]}
            for cluster_id in data["clusters"]
        ],
        "sources": grouped_citations(milestone, language, site, sources, article_link),
    }


def render_page(markdown: str, data: SiteData, language: str, links: PageLinks, path: str) -> str:
    """Replace the ``<!-- timeline:… -->`` markers of ``docs/<language>/timeline.md``.

    The exports sit at the site root (clusterdocs/render/open_data.py), shared by both languages.
    """
    downloads = {
        "json": links.to_file("timeline.json"),
        "csv": links.to_file("timeline.csv"),
        "schema": links.to_file("schemas/timeline.schema.json"),
    }
    clusters_url = links.to_page("clusters.md")
    by_id = {milestone.id: milestone for milestone in data.milestones}
    strings = data.ui[language]
    cluster_links = {
        cluster["id"]: (data.in_language(cluster["name"], language), f"{clusters_url}#{cluster['id']}")
        for cluster in data.clusters
    }
    return render_timeline(
        markdown,
        data.milestones,
        data.sources,
        language,
        data,
        article_link=lambda source_id: (
            data.article_title(language, source_id),
            links.to_page(f"articles/{source_id}.md"),
        ),
        downloads=downloads,
        path=path,
        cluster_links=cluster_links,
        cite_links=lambda milestone_id: {
            "text": formatted(entry_citation(by_id[milestone_id], links.permanent, language, data), strings),
            "links": download_links(language, "timeline", milestone_id, links.to_file, strings),
        },
        chart_links=lambda chart: chart_tools(chart, links.permanent, links.to_file, strings),
    )


def charts_of_page(data: SiteData, language: str) -> list:
    """The timeline page's one chart, the overview (clusterdocs/render/chart_files.py writes its files)."""
    clusters = {cluster["id"]: (data.in_language(cluster["name"], language), "") for cluster in data.clusters}
    entries = [
        entry_values(milestone, language, data, data.sources, lambda source_id: ("", ""), clusters)
        for milestone in data.milestones
    ]
    categories = [
        {"key": key, "label": data.in_language(value, language)["label"]}
        for key, value in data.categories["categories"].items()
    ]
    return [overview_chart(data.milestones, entries, categories, language, data.ui[language])]


def render_timeline(
    markdown: str,
    milestones: list[Milestone],
    sources: dict[str, Source],
    language: str,
    data: SiteData,
    article_link,
    downloads: dict[str, str],
    path: str,
    cluster_links: dict[str, tuple[str, str]] | None = None,
    cite_links=None,
    chart_links=None,
) -> str:
    """``cite_links(id)``, if given, returns the citation of an entry and its download links
    (clusterdocs/render/citations.py); each entry then offers them. ``chart_links(chart)``, if given,
    returns the overview's permalink, downloads and citation (clusterdocs/render/chart_files.py)."""
    strings, taxonomy = data.ui[language], data.categories
    entries = [
        entry_values(milestone, language, data, sources, article_link, cluster_links or {}) for milestone in milestones
    ]
    for entry in entries:
        entry["cite"] = cite_links(entry["id"]) if cite_links else None
    events = [entry for entry in entries if entry["kind"] == "event"]
    targets = [entry for entry in entries if entry["kind"] == "target"]
    categories = [
        {
            "key": key,
            "label": data.in_language(value, language)["label"],
            "legend": data.in_language(value, language)["legend"],
            "count": sum(entry["category"] == key for entry in entries),
        }
        for key, value in taxonomy["categories"].items()
    ]
    levels = [
        {
            "key": key,
            "label": data.in_language(value, language),
            "count": sum(entry["level"] == key for entry in entries),
        }
        for key, value in taxonomy["levels"].items()
    ]
    counts = {
        "sourced_events": sum(entry["from_sources"] for entry in events),
        "outside": sum(not entry["from_sources"] for entry in entries),
        "targets": len(targets),
        "total": len(entries),
        "bases": {basis: sum(entry["date_basis"] == basis for entry in entries) for basis in BASES},
    }

    def legend() -> str:
        html = render_macro(
            "timeline.html", "legend", language, strings, categories=categories, bases=BASES, counts=counts
        )
        return section(strings["timeline_legend"], "legend", html)

    def filters() -> str:
        return render_macro(
            "timeline.html", "filters", language, strings, categories=categories, levels=levels, counts=counts
        )

    def entries_section() -> str:
        parts = []
        for year, group in groupby(events, key=lambda entry: entry["date_iso"][:4]):
            html = render_macro("timeline.html", "year", language, strings, year=year, entries=list(group))
            parts.append(section(format_date(str(year), language), f"year-{year}", html))
        return "".join(parts)

    def targets_section() -> str:
        html = render_macro("timeline.html", "targets", language, strings, entries=targets)
        return section(strings["targets_heading"], "targets", html)

    def downloads_section() -> str:
        return render_macro("timeline.html", "downloads", language, strings, downloads=downloads)

    def overview_section() -> str:
        chart = overview_chart(milestones, entries, categories, language, strings)
        return render_macro(
            "overview.html",
            "overview",
            language,
            strings,
            o=chart.extra["overview"],
            columns=chart.columns,
            rows=chart.rows,
            tools=chart_links(chart) if chart_links else None,
        )

    renderers = {
        "overview": overview_section,
        "legend": legend,
        "filters": filters,
        "entries": entries_section,
        "targets": targets_section,
        "downloads": downloads_section,
    }
    return replace_markers(markdown, "timeline", renderers, path, required=renderers)


def export_json(milestones: list[Milestone]) -> str:
    return json.dumps({"milestones": [milestone.data for milestone in milestones]}, ensure_ascii=False, indent=2)


CSV_COLUMNS = (
    "id",
    "kind",
    "date",
    "end_date",
    "target_start",
    "target_year",
    "date_basis",
    "stated_date",
    "date_note_en",
    "date_note_zh",
    "from_sources",
    "category",
    "level",
    "title_en",
    "title_zh",
    "summary_en",
    "summary_zh",
    "source_note_en",
    "source_note_zh",
    "places_en",
    "places_zh",
    "clusters",
    "articles",
    "quotes",
    "external",
)


def export_csv(milestones: list[Milestone]) -> str:
    rows = []
    for milestone in milestones:
        data = milestone.data
        note = data.get("date_note", {})
        rows.append(
            {
                "id": data["id"],
                "kind": milestone.kind,
                "date": data.get("date", ""),
                "end_date": data.get("end_date", ""),
                "target_start": data.get("target_start", ""),
                "target_year": data.get("target_year", ""),
                "date_basis": milestone.date_basis,
                "stated_date": data.get("stated_date", ""),
                "date_note_en": note.get("en", ""),
                "date_note_zh": note.get("zh", ""),
                "from_sources": "yes" if milestone.from_sources else "no",
                "category": data["category"],
                "level": data["level"],
                "title_en": data["title"]["en"],
                "title_zh": data["title"]["zh"],
                "summary_en": data["summary"]["en"],
                "summary_zh": data["summary"]["zh"],
                "source_note_en": data.get("source_note", {}).get("en", ""),
                "source_note_zh": data.get("source_note", {}).get("zh", ""),
                "places_en": "; ".join(place["en"] for place in data["places"]),
                "places_zh": "; ".join(place["zh"] for place in data["places"]),
                "clusters": "; ".join(data["clusters"]),
                "articles": "; ".join(milestone.articles),
                "quotes": " | ".join(source["quote"] for source in data["sources"] if "quote" in source),
                "external": " | ".join(
                    source["external"]["outlet"]["en"] for source in data["sources"] if "external" in source
                ),
            }
        )
    return write_csv(rows, CSV_COLUMNS)
