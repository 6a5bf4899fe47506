"""Render the clusters directory: the tile map, the filterable table, one entry per cluster, the official
lists (each with the clusters the sources put on it) and the sector lists.

Python prepares plain values (labels in the page's language, links); the macros in
``overrides/hooks/reference.html`` and ``overrides/hooks/map.html`` lay them out.
"""

from __future__ import annotations

from ..base.languages import counterpart, language_of
from .links import PageLinks
from ..check.markers import replace_markers
from . import outside_mark
from ..check.sitedata import SiteData
from .templates import render_macro
from .chart_files import chart_tools
from ..check.divisions import divisions_of, winners_by_division
from .tile_map import map_chart, tile_map
from . import verbatim


def cluster_values(cluster: dict, language: str, data: SiteData, article_url, timeline_url) -> dict:
    strings, labels = data.ui[language], data.reference_labels
    mentions = []
    for mention in cluster["mentions"]:
        source = data.sources[mention["source"]]
        mentions.append(
            {
                "title": data.article_title(language, mention["source"]),
                "href": article_url(mention["source"]),
                "source_text": mention["source_text"],
                "lang": source.lang,
                "simplified": verbatim.simplified(source, mention["source_text"], language),
            }
        )
    by_id = {milestone.id: milestone for milestone in data.milestones}
    milestones = [
        {
            "href": f"{timeline_url}#{milestone_id}",
            "date": by_id[milestone_id].display_date(language, strings),
            "title": data.in_language(by_id[milestone_id].data["title"], language),
            "outside": outside_mark.mark(by_id[milestone_id], language, data),  # the timeline's mark travels with it
        }
        for milestone_id in cluster["milestones"]
    ]
    other = counterpart(language)
    lists = {item["id"]: item for item in data.datasets["clusters"]["lists"]}
    memberships = [
        {
            "list": membership["list"],
            "href": f"#list-{membership['list']}",
            "name": data.in_language(lists[membership["list"]]["name"], language),
            "implied": membership["basis"] == "implied",
            "note": data.in_language(membership["note"], language) if "note" in membership else "",
            "passages": [passage_values(passage, language, data, article_url) for passage in membership["passages"]],
        }
        for membership in cluster["memberships"]
    ]
    return {
        "id": cluster["id"],
        "name": data.in_language(cluster["name"], language),
        "name_other": cluster["name"][other.code],
        "name_other_lang": other.tag,
        "sector": cluster["sector"],
        "sector_label": data.in_language(labels["sectors"][cluster["sector"]], language),
        "region": cluster["region"],
        "region_label": data.in_language(labels["regions"][cluster["region"]], language),
        "status": cluster["status"],
        "status_label": status_label(cluster, data, language),
        "status_note": data.in_language(cluster["status_note"], language),
        "places": language_of(language).join([data.in_language(place, language) for place in cluster["places"]]),
        "cross_province": cluster["cross_province"],
        "divisions": divisions_of(cluster),
        "targets": [
            dict(
                target,
                measures=data.in_language(target["measures"], language),
                # a target's value is a figure: shown in Simplified where figures are (figures_view.py)
                value=verbatim.simplified(data.sources[target["source"]], target["value"], language) or target["value"],
                lang=verbatim.shown_lang(data.sources[target["source"]], language),
                source_title=data.article_title(language, target["source"]),
            )
            for target in cluster["targets"]
        ],
        "mentions": mentions,
        "memberships": memberships,
        "lists": [membership["list"] for membership in memberships],
        "milestones": milestones,
        "see_also": [
            {"href": f"#{sector_list['id']}", "place": data.in_language(sector_list["place"], language)}
            for sector_list in data.datasets["clusters"].get("sector_lists", [])
            if sector_list["id"] in cluster.get("see_also", [])
        ],
    }


def render_page(markdown: str, data: SiteData, language: str, links: PageLinks, path: str) -> str:
    """Replace the ``<!-- clusters:… -->`` markers of ``docs/<language>/clusters.md``."""
    strings, labels = data.ui[language], data.reference_labels

    def article_url(source_id: str) -> str:
        return links.to_page(f"articles/{source_id}.md")

    timeline_url = links.to_page("timeline.md")
    clusters = [cluster_values(cluster, language, data, article_url, timeline_url) for cluster in data.clusters]
    order = {key: index for index, key in enumerate(labels["statuses"])}
    clusters.sort(key=lambda cluster: (order[cluster["status"]], cluster["region"], cluster["id"]))
    fields = {"sectors": "sector", "regions": "region", "statuses": "status"}
    official_lists = [
        list_values(item, language, data, article_url, timeline_url, clusters)
        for item in data.datasets["clusters"]["lists"]
    ]
    facets = {
        kind: [
            {
                "key": key,
                "label": data.in_language(value, language),
                "count": sum(cluster[field] == key for cluster in clusters),
            }
            for key, value in labels[kind].items()
        ]
        for kind, field in fields.items()
    }
    facets["lists"] = [
        {"key": item["id"], "label": item["name"], "count": len(item["members"])} for item in official_lists
    ]

    def table() -> str:
        divisions = [
            tile
            for tile in tile_map(data.clusters, data.figures, language, strings, lambda key: "")["table"]
            if tile["listed"]
        ]
        return render_macro(
            "reference.html", "clusters_table", language, strings, clusters=clusters, facets=facets, divisions=divisions
        )

    def entries() -> str:
        return render_macro("reference.html", "cluster_entries", language, strings, clusters=clusters)

    def division_map() -> str:
        chart = map_chart(data, language, lambda key: f"?division={key}#cluster-table")
        source_id = winners_by_division(data.figures)[1]["source"]
        return render_macro(
            "map.html",
            "tile_map",
            language,
            strings,
            map=chart.extra["values"],
            columns=chart.columns,
            rows=chart.rows,
            source_title=data.article_title(language, source_id),
            source_href=article_url(source_id),
            tools=chart_tools(chart, links.permanent, links.to_file, strings),
        )

    def lists_section() -> str:
        return render_macro("reference.html", "official_lists", language, strings, lists=official_lists)

    def sector_lists() -> str:
        return render_macro(
            "reference.html",
            "sector_lists",
            language,
            strings,
            lists=[sector_list_values(item, language, data, article_url, timeline_url) for item in data.sector_lists],
        )

    return replace_markers(
        markdown,
        "clusters",
        {"table": table, "entries": entries, "lists": lists_section, "sector-lists": sector_lists, "map": division_map},
        path,
        required=("map", "table", "entries", "lists", "sector-lists"),
    )


def passage_values(passage: dict, language: str, data: SiteData, article_url) -> dict:
    """A verbatim passage with the title of its source's page and a link to it."""
    return {
        "source_text": passage["source_text"],
        "lang": data.sources[passage["source"]].lang,
        "simplified": verbatim.simplified(data.sources[passage["source"]], passage["source_text"], language),
        "title": data.article_title(language, passage["source"]),
        "href": article_url(passage["source"]),
    }


def list_values(item: dict, language: str, data: SiteData, article_url, timeline_url, clusters: list[dict]) -> dict:
    """An official list: what the sources say of it, its milestone, and the clusters of ``clusters``
    (the page's values, in the page's order) that are on it."""
    milestone = next(milestone for milestone in data.milestones if milestone.id == item["milestone"])
    strings = data.ui[language]
    return {
        "id": item["id"],
        "name": data.in_language(item["name"], language),
        "note": data.in_language(item["note"], language),
        "external": item["basis"] == "outside-reporting",
        "size": dict(passage_values(item["size"], language, data, article_url), value=item["size"]["value"])
        if "size" in item
        else None,
        "milestone": {
            "href": f"{timeline_url}#{milestone.id}",
            "date": milestone.display_date(language, strings),
            "title": data.in_language(milestone.data["title"], language),
            "basis": milestone.date_basis,
            "outside": outside_mark.mark(milestone, language, data),
        },
        "members": [
            {"name": cluster["name"], "href": f"#{cluster['id']}"}
            for cluster in clusters
            if item["id"] in cluster["lists"]
        ],
    }


def sector_list_values(item: dict, language: str, data: SiteData, article_url, timeline_url) -> dict:
    by_id = {milestone.id: milestone for milestone in data.milestones}
    strings = data.ui[language]
    return {
        "id": item["id"],
        "place": data.in_language(item["place"], language),
        "framing": data.in_language(item["framing"], language),
        "sectors": data.in_language(item["sectors"], language),
        "source_text": item["source_text"],
        "lang": data.sources[item["source"]].lang,
        "simplified": verbatim.simplified(data.sources[item["source"]], item["source_text"], language),
        "source_title": data.article_title(language, item["source"]),
        "href": article_url(item["source"]),
        "milestones": [
            {
                "href": f"{timeline_url}#{milestone_id}",
                "date": by_id[milestone_id].display_date(language, strings),
                "title": data.in_language(by_id[milestone_id].data["title"], language),
                "outside": outside_mark.mark(by_id[milestone_id], language, data),
            }
            for milestone_id in item["milestones"]
        ],
    }


def status_label(cluster: dict, data: SiteData, language: str) -> str:
    """The cluster's status, marked "implied, not stated" when the only membership that gives it
    (the list whose status it is) is one the source implies without saying."""
    strings = data.ui[language]
    label = data.in_language(data.reference_labels["statuses"][cluster["status"]], language)
    giving = {
        item["id"] for item in data.datasets["clusters"].get("lists", []) if item.get("status") == cluster["status"]
    }
    bases = {membership["basis"] for membership in cluster["memberships"] if membership["list"] in giving}
    if bases == {"implied"}:
        return label + strings["paren_open"] + strings["membership_implied"] + strings["paren_close"]
    return label
