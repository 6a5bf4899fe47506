"""Render the Documents page: the register's table (filters and orders that work without
JavaScript), one entry per document, and the titles that are not policy documents.

Python prepares plain values in the page's language; ``overrides/hooks/documents.html`` lays
them out. The table's filters are radio inputs and assets/reader.css hides the rows the checked
ones exclude; each facet value is known by its position (``l1``, ``k2``, ``y3``: level, kind,
year), so the stylesheet needs no rule per value, only one per position up to ``MAX_FACET``.
Each order is the same rows in another ``tbody``; the stylesheet shows the checked order's.
"""

from __future__ import annotations

from .citations import document_citation, document_line, document_title, download_links
from ..text.dates import format_date, sort_key
from .glossary_links import Term
from ..base.languages import language_of
from .links import PageLinks
from ..check.markers import replace_markers
from ..check.sitedata import SiteData
from .templates import render_macro
from . import verbatim

# The positions assets/reader.css has a rule for, in each filter group (tests/unit/test_documents.py).
MAX_FACET = 12
ORDERS = ("oldest", "newest", "level", "kind")


def _year(entry: dict) -> str:
    return entry["date"][:4] if entry.get("date") else ""


def document_rows(data: SiteData, language: str, links: PageLinks) -> list[dict]:
    """One row of values per document in the page's language, oldest first (undated last)."""
    labels, strings = data.datasets["documents"]["labels"], data.ui[language]
    timeline_url = links.to_page("timeline.md")
    clusters_url = links.to_page("clusters.md")
    by_milestone = {milestone.id: milestone for milestone in data.milestones}
    cluster_names = {cluster["id"]: data.in_language(cluster["name"], language) for cluster in data.clusters}
    chinese = language_of(language).is_chinese
    rows = []
    for entry in data.documents:
        title = entry["title"]
        source = data.sources[title["source"]]
        title_zh = data.text_in(entry["title_zh"], language) if chinese else entry["title_zh"]
        citation = document_citation(entry, document_title(data, entry, language), links.permanent, language, strings)
        basis = entry["date_basis"]
        full_text = entry["full_text"]
        rows.append(
            {
                "id": entry["id"],
                "title": title_zh if chinese else entry["title_en"],
                "title_lang": language_of(language).tag if chinese else "en",
                "marks": title["form"] == "bracketed",
                "title_zh": entry["title_zh"] if not chinese else title_zh,
                "written": title["written"],
                "written_lang": source.lang,
                "written_differs": title["written"] != title_zh,
                "written_simplified": verbatim.simplified(source, title["written"], language),
                "title_en": entry["title_en"],
                "form": title["form"],
                "issuer": data.in_language(entry["issuer"], language),
                "date": format_date(entry["date"], language) if entry.get("date") else "",
                "date_iso": entry.get("date", ""),
                "date_basis": basis,
                "date_event": data.in_language(labels["date_events"][entry["date_event"]], language)
                if entry.get("date_event")
                else "",
                "date_note": data.in_language(entry["date_note"], language) if entry.get("date_note") else "",
                "date_external": _external(entry.get("date_external"), data, language),
                "year": _year(entry),
                "kind": entry["kind"],
                "kind_label": data.in_language(labels["kinds"][entry["kind"]], language),
                "level": entry["level"],
                "level_label": data.in_language(labels["levels"][entry["level"]], language),
                "note": data.in_language(entry["note"], language) if entry.get("note") else "",
                "full_text": data.in_language(labels["full_text"][full_text["status"]], language),
                "full_text_status": full_text["status"],
                "full_text_evidence": _passage(full_text.get("evidence"), data, language, links),
                "full_text_external": _external(full_text.get("external"), data, language),
                "passages": [_passage(passage, data, language, links) for passage in entry["passages"]],
                "milestones": [
                    {
                        "href": f"{timeline_url}#{milestone_id}",
                        "date": by_milestone[milestone_id].display_date(language, strings),
                        "title": data.in_language(by_milestone[milestone_id].data["title"], language),
                    }
                    for milestone_id in entry["milestones"]
                    if milestone_id in by_milestone
                ],
                "clusters": [
                    {"href": f"{clusters_url}#{cluster_id}", "name": cluster_names[cluster_id]}
                    for cluster_id in entry["clusters"]
                ],
                "articles": [
                    {"href": links.to_page(f"articles/{slug}.md"), "title": data.article_title(language, slug)}
                    for slug in entry["articles"]
                ],
                "cite": {
                    "text": document_line(citation, strings),
                    "links": download_links(language, "documents", entry["id"], links.to_file, strings),
                },
                "sort_date": sort_key(entry["date"]) if entry.get("date") else (10_000, 0, 0),
            }
        )
    rows.sort(key=lambda row: (row["sort_date"], row["id"]))
    return rows


def _passage(passage: dict | None, data: SiteData, language: str, links: PageLinks) -> dict | None:
    if passage is None:
        return None
    return {
        **verbatim.passage(data.sources[passage["source"]], passage["source_text"], language),
        "source_title": data.article_title(language, passage["source"]),
        "href": links.to_page(f"articles/{passage['source']}.md"),
    }


def _external(citation: dict | None, data: SiteData, language: str) -> dict | None:
    if citation is None:
        return None
    return {
        "outlet": data.in_language(citation["outlet"], language),
        "date": citation.get("date", ""),
        "date_shown": format_date(citation["date"], language) if citation.get("date") else "",
        "url": citation.get("url", ""),
        "note": data.in_language(citation["note"], language),
    }


def facets(rows: list[dict], data: SiteData, language: str, undated: str) -> dict[str, list[dict]]:
    """The values of each filter group present in the register, in the order of their labels (years
    oldest first, undated last), each with its position (``l1``…), label and count."""
    labels = data.datasets["documents"]["labels"]
    years = sorted({row["year"] for row in rows}, key=lambda year: year or "9999")
    groups = {
        "level": [(key, data.in_language(label, language)) for key, label in labels["levels"].items()],
        "kind": [(key, data.in_language(label, language)) for key, label in labels["kinds"].items()],
        "year": [(year, year or undated) for year in years],
    }
    result = {}
    for group, values in groups.items():
        present = [(key, label, sum(row[group] == key for row in rows)) for key, label in values]
        present = [(key, label, count) for key, label, count in present if count]
        if len(present) > MAX_FACET:
            raise ValueError(f"{len(present)} values of {group}: assets/reader.css filters at most {MAX_FACET}")
        result[group] = [
            {"key": key, "label": label, "count": count, "position": f"{group[0]}{index}"}
            for index, (key, label, count) in enumerate(present, start=1)
        ]
    return result


def orders(rows: list[dict], groups: dict[str, list[dict]]) -> dict[str, list[dict]]:
    """The rows in each order: oldest first, newest first (undated last in both), by level, by kind."""
    rank = {group: {facet["key"]: index for index, facet in enumerate(values)} for group, values in groups.items()}
    dated = [row for row in rows if row["year"]]
    undated = [row for row in rows if not row["year"]]
    return {
        "oldest": rows,
        "newest": list(reversed(dated)) + undated,
        "level": sorted(rows, key=lambda row: rank["level"][row["level"]]),
        "kind": sorted(rows, key=lambda row: rank["kind"][row["kind"]]),
    }


_terms: dict[tuple[int, str, str], tuple[list[dict], list[Term]]] = {}


def document_terms(data: SiteData, language: str, documents_url: str) -> list[Term]:
    """The titles to link on a page in ``language`` (clusterdocs/render/glossary_links.py), each to its
    entry on the Documents page: on an English page the English rendering, the other English
    names the site uses and the Simplified title; on a Chinese page the title in its script.
    Built once per register, language and address, like the glossary's terms."""
    key = (id(data.documents), language, documents_url)
    cached = _terms.get(key)
    if cached is None or cached[0] is not data.documents:
        label = data.ui[language]["document_link_title"]
        chinese = language_of(language).is_chinese
        terms = []
        for entry in data.documents:
            title_zh = data.text_in(entry["title_zh"], language) if chinese else entry["title_zh"]
            names = [title_zh] if chinese else [entry["title_en"], *entry.get("names_en", []), title_zh]
            tooltip = f"{label}{title_zh}" if chinese else f"{label} {entry['title_en']}"
            href = f"{documents_url}#{entry['id']}"
            terms += [Term(entry["id"], " ".join(name.split()), href, tooltip, "cd-document-link") for name in names]
        if len(_terms) > 16:
            _terms.clear()
        cached = _terms[key] = (data.documents, terms)
    return cached[1]


def render_page(markdown: str, data: SiteData, language: str, links: PageLinks, path: str) -> str:
    """Replace the ``<!-- documents:… -->`` markers of ``docs/<language>/documents.md``."""
    rows = document_rows(data, language, links)
    strings = data.ui[language]
    groups = facets(rows, data, language, strings["documents_undated"])
    positions = {
        row["id"]: " ".join(
            f"cd-doc--{facet['position']}"
            for group, values in groups.items()
            for facet in values
            if facet["key"] == row[group]
        )
        for row in rows
    }

    def table() -> str:
        return render_macro(
            "documents.html",
            "documents_table",
            language,
            strings,
            orders=orders(rows, groups),
            groups=groups,
            positions=positions,
            total=len(rows),
        )

    def entries() -> str:
        return render_macro("documents.html", "document_entries", language, strings, rows=rows)

    def not_documents() -> str:
        items = [
            {
                "written": item["written"],
                "lang": data.sources[item["source"]].lang,
                "simplified": verbatim.simplified(data.sources[item["source"]], item["written"], language),
                "reason": data.in_language(item["reason"], language),
                "source_title": data.article_title(language, item["source"]),
                "href": links.to_page(f"articles/{item['source']}.md"),
            }
            for item in data.datasets["documents"]["not_documents"]
        ]
        return render_macro("documents.html", "not_documents", language, strings, items=items)

    return replace_markers(
        markdown,
        "documents",
        {"table": table, "entries": entries, "not-documents": not_documents},
        path,
    )
