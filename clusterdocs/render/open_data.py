"""The open dataset: every published download and the Frictionless Data Package that describes it.

``package_files(data)`` returns ``{path: text}`` for everything the site publishes as data:
the timeline, clusters, figures, glossary and sources as CSV (one row per record, written by
``clusterdocs.text.tabular.write_csv``) and JSON, and ``datapackage.json``. The timeline exports
are ``clusterdocs.render.timeline_view``'s; the other tables flatten each record generically
(``{en, zh}`` pairs become ``name_en``/``name_zh`` columns, lists become ``; ``-separated
text), so a field added to a data file appears in the download without a change here.

Each CSV's Table Schema is derived from the JSON Schema that already validates its source
file (types, enums, required fields), plus primary and foreign keys between the tables.
Written by hooks/post_build.py after each build, and read by the Data page's field lists.
The output depends only on the data, so two builds of one commit give identical files.
"""

from __future__ import annotations

import hashlib
import json

from ..read import schemas
from ..check.sitedata import SiteData
from ..text.tabular import write_csv
from .timeline_view import export_csv, export_json

# Bump when the data or its shape changes (semantic versioning: a removed or renamed column is major).
VERSION = "1.0.0"
NAME = "china-advanced-manufacturing-clusters"
LICENCE = {
    "name": "CC-BY-4.0",
    "title": "Creative Commons Attribution 4.0 International",
    "path": "https://creativecommons.org/licenses/by/4.0/",
}
LIST_SEPARATOR = "; "

# Table name -> JSON Schema it is derived from, the list in the data that holds its records,
# and the description shown in datapackage.json and on the Data page.
TABLES = {
    "timeline": (
        "timeline",
        None,
        {"en": "Policy milestones, one row per milestone", "zh": "政策时间线条目，每个条目一行"},
    ),
    "timeline-clusters": (
        "timeline",
        None,
        {"en": "Which clusters each milestone names, one row per pair", "zh": "各条目提到的集群，每对一行"},
    ),
    "clusters": ("clusters", "clusters", {"en": "Clusters named by the sources", "zh": "各来源提到的集群"}),
    "figures": (
        "figures",
        "distributions",
        {"en": "Distributions of clusters from the sources, one row per item", "zh": "来源中的集群分布数据，每项一行"},
    ),
    "headline-figures": (
        "figures",
        "headline",
        {"en": "Headline figures from the sources, as printed", "zh": "来源中的主要数字，按原文写法"},
    ),
    "glossary": (
        "glossary",
        "terms",
        {"en": "Policy terms with canonical English renderings", "zh": "政策术语及本站统一的英文译法"},
    ),
    "documents": (
        "documents",
        "documents",
        {"en": "Policy documents the sources name, one row per document", "zh": "来源文章提及的政策文件，每份一行"},
    ),
    "sources": (
        "source",
        None,
        {"en": "The source articles: titles, outlet, date and address", "zh": "来源文章：标题、媒体、日期和网址"},
    ),
}
JSON_FILES = {
    "timeline.json": "timeline",
    "clusters.json": "clusters",
    "figures.json": "figures",
    "glossary.json": "glossary",
    "documents.json": "documents",
}
PRIMARY_KEYS = {
    "timeline": ["id"],
    "timeline-clusters": ["milestone", "cluster"],
    "clusters": ["id"],
    "figures": ["distribution", "label_en"],
    "headline-figures": ["id"],
    "glossary": ["id"],
    "documents": ["id"],
    "sources": ["id"],
}
FOREIGN_KEYS = {
    "timeline-clusters": [("milestone", "timeline", "id"), ("cluster", "clusters", "id")],
    "figures": [("source", "sources", "id")],
    "headline-figures": [("source", "sources", "id")],
}


def json_schema(name: str) -> dict:
    """``schemas/<name>.schema.json``, as the data check's validator loaded it."""
    return schemas.validator(name).schema


def _resolve(schema: dict, root: dict) -> dict:
    while "$ref" in schema:
        schema = root["$defs"][schema["$ref"].rsplit("/", 1)[-1]]
    return schema


def _is_bilingual(value) -> bool:
    return isinstance(value, dict) and set(value) == {"en", "zh"}


def flatten(record: dict, skip: tuple[str, ...] = ()) -> dict[str, object]:
    """One CSV row from one record: scalars as they are, ``{en, zh}`` as two columns, lists joined."""
    row: dict[str, object] = {}
    for key, value in record.items():
        if key in skip:
            continue
        if _is_bilingual(value):
            row[f"{key}_en"], row[f"{key}_zh"] = value["en"], value["zh"]
        elif isinstance(value, list) and all(_is_bilingual(item) for item in value) and value:
            row[f"{key}_en"] = LIST_SEPARATOR.join(item["en"] for item in value)
            row[f"{key}_zh"] = LIST_SEPARATOR.join(item["zh"] for item in value)
        elif isinstance(value, list) and all(isinstance(item, str) for item in value):
            row[key] = LIST_SEPARATOR.join(value)
        elif isinstance(value, bool):
            row[key] = "true" if value else "false"
        elif isinstance(value, (str, int, float)):
            row[key] = value
        # Lists of nested records (targets, mentions) stay in the JSON download only.
    return row


def _columns(rows: list[dict]) -> list[str]:
    columns: list[str] = []
    for row in rows:
        columns += [column for column in row if column not in columns]
    return columns


def tables(data: SiteData) -> dict[str, tuple[list[str], str]]:
    """Table name -> (columns, CSV text)."""
    result = {}
    timeline_csv = export_csv(data.milestones)
    result["timeline"] = (timeline_csv.split("\n", 1)[0].split(","), timeline_csv)
    pairs = [
        {"milestone": milestone.id, "cluster": cluster}
        for milestone in data.milestones
        for cluster in milestone.data["clusters"]
    ]
    rows_by_table = {
        "timeline-clusters": pairs,
        "clusters": [
            dict(
                flatten(cluster, skip=("milestones", "memberships")),
                memberships=LIST_SEPARATOR.join(membership["list"] for membership in cluster["memberships"]),
                memberships_implied=LIST_SEPARATOR.join(
                    membership["list"] for membership in cluster["memberships"] if membership["basis"] == "implied"
                ),
            )
            for cluster in data.clusters
        ],
        "figures": [
            dict(
                flatten(distribution, skip=("id", "items", "note")),
                distribution=distribution["id"],
                **flatten(item, skip=("note",)),
            )
            for distribution in data.figures["distributions"]
            for item in distribution["items"]
        ],
        "headline-figures": [flatten(figure) for figure in data.figures["headline"]],
        "glossary": [flatten(term) for term in data.glossary],
        "documents": [_document_row(document) for document in data.documents],
        "sources": [_source_row(source_id, source.header) for source_id, source in sorted(data.sources.items())],
    }
    for name, rows in rows_by_table.items():
        columns = _columns(rows)
        if name == "figures":
            columns.insert(0, columns.pop(columns.index("distribution")))
        result[name] = (columns, write_csv(rows, columns))
    return result


def _document_row(document: dict) -> dict:
    """The title as written and its source, then the flat fields; the passages stay in the JSON."""
    title = document["title"]
    row = {"id": document["id"], **{f"title_{key}": title[key] for key in ("written", "source", "form", "script")}}
    row.update(flatten(document, skip=("id", "title", "short_forms")))
    row["full_text"] = document["full_text"]["status"]
    return row


def _source_row(source_id: str, header: dict) -> dict:
    return {
        "id": source_id,
        "title_original": header["title_original"],
        "title_en": header["title_en"],
        "title_zh": header["title_zh"],
        "outlet_en": header["outlet"]["en"],
        "outlet_zh": header["outlet"]["zh"],
        "date": header["date"] or "",
        "script": header.get("script", ""),
        "url": header["url"] or "",
    }


def _record_schemas(table: str) -> tuple[list[dict], dict]:
    """The JSON Schemas a row of ``table`` is made from (innermost first) and their schema document."""
    schema_name, list_key, _ = TABLES[table]
    root = json_schema(schema_name)
    if list_key is None:
        return [root], root
    record = _resolve(root["properties"][list_key]["items"], root)
    if table == "figures":  # one row per item, with its distribution's fields
        return [_resolve(record["properties"]["items"]["items"], root), record], root
    return [record], root


# Columns a CSV adds to what its JSON Schema describes (the JSON carries the same facts nested).
DERIVED_COLUMNS = {
    "memberships_implied": (
        "the lists in memberships that the source implies rather than states (basis 'implied' in the "
        f"JSON), items separated by '{LIST_SEPARATOR}'"
    ),
}


def _column_schema(column: str, table: str) -> tuple[dict, dict, str, str]:
    """The JSON Schema of ``column`` of ``table``, the record schema that holds it, its key there
    and its language (``en``, ``zh`` or empty)."""
    records, root = _record_schemas(table)
    key, language = (column[:-3], column[-2:]) if column.endswith(("_en", "_zh")) else (column, "")
    owner = next((record for record in records if key in record.get("properties", {})), {})
    return _resolve(owner.get("properties", {}).get(key, {}), root), owner, key, language


LIST_NOTE = f"items separated by '{LIST_SEPARATOR}'"


def is_list_column(column: str, table: str) -> bool:
    """Whether a CSV cell of ``column`` holds a list, its items joined by ``LIST_SEPARATOR``."""
    return _holds_a_list(column, _column_schema(column, table)[0])


def _holds_a_list(column: str, column_schema: dict) -> bool:
    return column in DERIVED_COLUMNS or column_schema.get("type") == "array"


def _field(column: str, table: str) -> dict:
    column_schema, owner, key, language = _column_schema(column, table)
    field: dict = {"name": column, "type": "string"}
    if column_schema.get("type") == "integer":
        field["type"] = "integer"
    elif column_schema.get("type") == "boolean":
        field.update(type="boolean", trueValues=["true", "yes"], falseValues=["false"])
    if "enum" in column_schema:
        field["constraints"] = {"enum": list(column_schema["enum"])}
    if column in DERIVED_COLUMNS:
        field["description"] = DERIVED_COLUMNS[column]
    elif column_schema.get("description"):
        field["description"] = column_schema["description"]
        if _holds_a_list(column, column_schema) and LIST_NOTE not in field["description"]:
            field["description"] = f"{field['description'].rstrip('.')}; in the CSV, {LIST_NOTE}"
    elif column_schema.get("type") == "array":
        field["description"] = f"list, {LIST_NOTE}"
    elif language:
        field["description"] = "English" if language == "en" else "Simplified Chinese"
    # Required in the CSV only where the JSON Schema also rules out an empty or null value.
    can_be_empty = (
        "null" in json.dumps(column_schema)
        or column_schema.get("type") == "array"
        or (column_schema.get("type") == "string" and not {"minLength", "pattern", "enum"} & set(column_schema))
    )
    if column in PRIMARY_KEYS[table] or (key in owner.get("required", []) and not can_be_empty):
        field.setdefault("constraints", {})["required"] = True
    return field


def table_schema(table: str, columns: list[str]) -> dict:
    schema = {
        "fields": [_field(column, table) for column in columns],
        "missingValues": [""],
        "primaryKey": PRIMARY_KEYS[table],
    }
    if table in FOREIGN_KEYS:
        schema["foreignKeys"] = [
            {"fields": own, "reference": {"resource": resource, "fields": other}}
            for own, resource, other in FOREIGN_KEYS[table]
        ]
    return schema


def _describe(path: str, text: str) -> dict:
    payload = text.encode("utf-8")
    return {
        "path": path,
        "bytes": len(payload),
        "hash": "sha256:" + hashlib.sha256(payload).hexdigest(),
        "encoding": "utf-8",
    }


def json_exports(data: SiteData) -> dict[str, str]:
    def dumped(value) -> str:
        return json.dumps(value, ensure_ascii=False, indent=2) + "\n"

    return {
        "timeline.json": export_json(data.milestones),
        "clusters.json": dumped(data.datasets["clusters"]),
        "figures.json": dumped(data.datasets["figures"]),
        "glossary.json": dumped(data.datasets["glossary"]),
        "documents.json": dumped(data.datasets["documents"]),
    }


_written_for: list = [None, None]  # the SiteData the files were last made from, and the files


def package_files(data: SiteData) -> dict[str, str]:
    """Every data download and ``datapackage.json``, as ``{path relative to the site root: text}``.

    Made once per loaded data: both Data pages and the build's exports use the same files.
    """
    if _written_for[0] is not data:
        _written_for[:] = [data, _package_files(data)]
    return dict(_written_for[1])


def _package_files(data: SiteData) -> dict[str, str]:
    files: dict[str, str] = {}
    resources = []
    for table, (columns, text) in tables(data).items():
        path = f"{table}.csv"
        files[path] = text
        resources.append(
            {
                "name": table,
                "title": TABLES[table][2]["en"],
                "type": "table",
                "scheme": "file",
                "format": "csv",
                "mediatype": "text/csv",
                **_describe(path, text),
                "schema": table_schema(table, columns),
            }
        )
    for path, text in json_exports(data).items():
        files[path] = text
        schema_name = JSON_FILES[path]
        resources.append(
            {
                "name": path.removesuffix(".json") + "-json",
                "title": f"{path}: the validated data as JSON",
                "type": "json",
                "scheme": "file",
                "format": "json",
                "mediatype": "application/json",
                **_describe(path, text),
                "jsonSchema": f"schemas/{schema_name}.schema.json",
            }
        )
    package = {
        "name": NAME,
        "title": "Advanced manufacturing clusters in China: timeline, clusters, figures and glossary",
        "description": (
            "Policy milestones, clusters, figures and policy terms on China's advanced manufacturing "
            "cluster policy (先进制造业集群), each checked against five published source articles. "
            "Quotations are short excerpts; the source texts remain the copyright of their outlets."
        ),
        "version": VERSION,
        "licenses": [LICENCE],
        "keywords": ["China", "industrial policy", "advanced manufacturing clusters", "先进制造业集群"],
        "resources": resources,
    }
    files["datapackage.json"] = json.dumps(package, ensure_ascii=False, indent=2) + "\n"
    return files
