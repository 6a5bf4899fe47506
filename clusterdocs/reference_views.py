"""Render the clusters directory, the figures page and the glossary page.

Python prepares plain values (labels in the page's language, links, chart geometry); the
macros in ``overrides/hooks/reference.html`` lay them out. Charts are inline SVG drawn at
build time (see ``bar_chart``), so they need no script, no web font and no other host.
"""

from __future__ import annotations

from .languages import counterpart, language_of, script_tag
from .markers import replace_markers, section
from .render import render_macro, to_simplified, ui_strings
from .sitedata import SiteData, current_site_data, in_language, optional_in
from .text_metrics import text_width
from .tile_map import divisions_of, tile_map, winners_by_division


def labels() -> dict:
    return current_site_data().reference_labels


def cluster_values(cluster: dict, language: str, data: SiteData, article_url, timeline_url) -> dict:
    mentions = []
    for mention in cluster["mentions"]:
        source = data.sources[mention["source"]]
        mentions.append(
            {
                "title": data.article_title(language, mention["source"]),
                "href": article_url(mention["source"]),
                "source_text": mention["source_text"],
                "lang": source.lang,
            }
        )
    by_id = {milestone.id: milestone for milestone in data.milestones}
    milestones = [
        {
            "href": f"{timeline_url}#{milestone_id}",
            "date": by_id[milestone_id].display_date(language),
            "title": in_language(by_id[milestone_id].data["title"], language),
        }
        for milestone_id in cluster["milestones"]
    ]
    other = counterpart(language)
    return {
        "id": cluster["id"],
        "name": in_language(cluster["name"], language),
        "name_other": cluster["name"][other.code],
        "name_other_lang": other.tag,
        "sector": cluster["sector"],
        "sector_label": in_language(labels()["sectors"][cluster["sector"]], language),
        "region": cluster["region"],
        "region_label": in_language(labels()["regions"][cluster["region"]], language),
        "status": cluster["status"],
        "status_label": in_language(labels()["statuses"][cluster["status"]], language),
        "status_note": in_language(cluster["status_note"], language),
        "places": language_of(language).join([in_language(place, language) for place in cluster["places"]]),
        "cross_province": cluster["cross_province"],
        "divisions": divisions_of(cluster),
        "targets": [
            dict(
                target,
                measures=in_language(target["measures"], language),
                lang=data.sources[target["source"]].lang,
                source_title=data.article_title(language, target["source"]),
            )
            for target in cluster["targets"]
        ],
        "mentions": mentions,
        "milestones": milestones,
        "see_also": [
            {"href": f"#{sector_list['id']}", "place": in_language(sector_list["place"], language)}
            for sector_list in data.datasets["clusters"].get("sector_lists", [])
            if sector_list["id"] in cluster.get("see_also", [])
        ],
    }


def render_clusters(markdown: str, data: SiteData, language: str, article_url, timeline_url, path: str) -> str:
    clusters = [cluster_values(cluster, language, data, article_url, timeline_url) for cluster in data.clusters]
    order = {key: index for index, key in enumerate(labels()["statuses"])}
    clusters.sort(key=lambda cluster: (order[cluster["status"]], cluster["region"], cluster["id"]))
    fields = {"sectors": "sector", "regions": "region", "statuses": "status"}
    facets = {
        kind: [
            {
                "key": key,
                "label": in_language(value, language),
                "count": sum(cluster[field] == key for cluster in clusters),
            }
            for key, value in labels()[kind].items()
        ]
        for kind, field in fields.items()
    }

    def table() -> str:
        divisions = [
            tile
            for tile in tile_map(data.clusters, data.figures, language, ui_strings()[language], lambda key: "")["table"]
            if tile["listed"]
        ]
        return render_macro(
            "reference.html", "clusters_table", language, clusters=clusters, facets=facets, divisions=divisions
        )

    def entries() -> str:
        return render_macro("reference.html", "cluster_entries", language, clusters=clusters)

    def division_map() -> str:
        source_id = winners_by_division(data.figures)[1]["source"]
        values = tile_map(
            data.clusters, data.figures, language, ui_strings()[language], lambda key: f"?division={key}#cluster-table"
        )
        return render_macro(
            "map.html",
            "tile_map",
            language,
            map=values,
            source_title=data.article_title(language, source_id),
            source_href=article_url(source_id),
        )

    def sector_lists() -> str:
        return render_macro(
            "reference.html",
            "sector_lists",
            language,
            lists=[sector_list_values(item, language, data, article_url, timeline_url) for item in data.sector_lists],
        )

    return replace_markers(
        markdown,
        "clusters",
        {"table": table, "entries": entries, "sector-lists": sector_lists, "map": division_map},
        path,
        required=("map", "table", "entries", "sector-lists"),
    )


def sector_list_values(item: dict, language: str, data: SiteData, article_url, timeline_url) -> dict:
    by_id = {milestone.id: milestone for milestone in data.milestones}
    return {
        "id": item["id"],
        "place": in_language(item["place"], language),
        "framing": in_language(item["framing"], language),
        "sectors": in_language(item["sectors"], language),
        "source_text": item["source_text"],
        "lang": data.sources[item["source"]].lang,
        "source_title": data.article_title(language, item["source"]),
        "href": article_url(item["source"]),
        "milestones": [
            {
                "href": f"{timeline_url}#{milestone_id}",
                "date": by_id[milestone_id].display_date(language),
                "title": in_language(by_id[milestone_id].data["title"], language),
            }
            for milestone_id in item["milestones"]
        ],
    }


def bar_chart(chart_id: str, title: str, items: list[tuple[str, int]], unit: str) -> dict:
    """Geometry of a horizontal bar chart, in SVG user units (the SVG scales to its container)."""
    bar_width, value_width, row, gap = 300, 60, 26, 8
    label_width = max(text_width(label) for label, _value in items) + 16
    largest = max(value for _label, value in items) or 1
    bars = [
        {
            "label": label,
            "value": value,
            "y": index * (row + gap),
            "width": max(2, round(value / largest * bar_width)),
            "height": row,
        }
        for index, (label, value) in enumerate(items)
    ]
    return {
        "id": chart_id,
        "title": title,
        "bars": bars,
        "unit": unit,
        "label_width": label_width,
        "width": label_width + bar_width + value_width,
        "height": len(items) * (row + gap) - gap,
        "description": "; ".join(f"{label}: {value} {unit}" for label, value in items),
    }


def render_figures(markdown: str, data: SiteData, language: str, article_url, path: str) -> str:
    figures = data.figures

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
        external = [
            dict(citation, note=optional_in(citation.get("note"), language)) for citation in figure.get("external", [])
        ]
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
                note=optional_in(item.get("note"), language),
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
                distribution=dict(
                    distribution, note=optional_in(distribution.get("note"), language), **provenance(distribution)
                ),
                rows=[
                    dict(item, label=in_language(item["label"], language), note=optional_in(item.get("note"), language))
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


def render_glossary(markdown: str, data: SiteData, language: str, article_url, path: str) -> str:
    def terms() -> str:
        rows = [
            dict(
                term,
                definition=in_language(term["definition"], language),
                zh_lang=script_tag("Simplified"),
                sources=[
                    {"href": article_url(source_id), "title": data.article_title(language, source_id)}
                    for source_id in term["sources"]
                ],
            )
            for term in sorted(
                data.glossary,
                key=lambda term: term["pinyin"] if language_of(language).is_chinese else term["en"].lower(),
            )
        ]
        return render_macro("reference.html", "glossary", language, terms=rows)

    return replace_markers(markdown, "glossary", {"terms": terms}, path, required=("terms",))
