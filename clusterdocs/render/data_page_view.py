"""Render the Data page: the downloads, their fields and licence, from the published Data Package.

The lists come from ``clusterdocs.render.open_data.package_files``, the same description that is
published as ``datapackage.json``, so the page cannot drift from the files.
"""

from __future__ import annotations

import json

from ..base.languages import language_of
from .links import PageLinks
from ..check.markers import replace_markers
from .open_data import LICENCE, LIST_NOTE, TABLES, VERSION, is_list_column, package_files
from .templates import render_macro
from ..check.sitedata import SiteData


def _field(field: dict, table: str, language: str, strings: dict) -> dict:
    """One row of a field list. The package's descriptions are English: the English page shows
    them (after the column's language, for a column in one language); the Chinese page shows its
    own notes for what a description says in general (the column's language, a list)."""
    constraints = field.get("constraints", {})
    name = field["name"]
    in_language = strings[f"data_note{name[-3:]}"] if name.endswith(("_en", "_zh")) else ""
    if name == "memberships_implied":  # a column the CSV adds, explained in each language
        note = strings["data_note_memberships_implied"]
    elif language_of(language).is_chinese:
        parts = [in_language, strings["data_note_list"] if is_list_column(name, table) else ""]
        note = "；".join(part for part in parts if part)
    else:
        # The package's generic note for a list, in the page's words.
        description = field.get("description", "").replace(f"list, {LIST_NOTE}", strings["data_note_list"])
        note = f"{in_language} — {description}" if in_language and description != in_language else description
    return {
        "name": name,
        "type": field["type"],
        "required": constraints.get("required", False),
        "values": constraints.get("enum", []),
        "note": note,
    }


def render_page(markdown: str, data: SiteData, language: str, links: PageLinks, path: str) -> str:
    """Replace the ``<!-- data:… -->`` markers of ``docs/<language>/data.md``."""
    root_url = links.root
    strings = data.ui[language]
    package = json.loads(package_files(data)["datapackage.json"])
    tables = [
        {
            "name": resource["name"],
            "href": root_url + resource["path"],
            "bytes": resource["bytes"],
            "title": data.in_language(TABLES[resource["name"]][2], language),
            "fields": [_field(field, resource["name"], language, strings) for field in resource["schema"]["fields"]],
            "foreign_keys": resource["schema"].get("foreignKeys", []),
        }
        for resource in package["resources"]
        if resource["type"] == "table"
    ]
    json_files = [
        {
            "href": root_url + resource["path"],
            "path": resource["path"],
            "bytes": resource["bytes"],
            "schema_href": root_url + resource["jsonSchema"],
            "schema": resource["jsonSchema"],
        }
        for resource in package["resources"]
        if resource["type"] == "json"
    ]
    renderers = {
        "package": lambda: render_macro(
            "data.html",
            "package",
            language,
            strings,
            href=root_url + "datapackage.json",
            version=VERSION,
            licence=LICENCE,
            name=package["name"],
        ),
        "tables": lambda: render_macro("data.html", "tables", language, strings, tables=tables),
        "json": lambda: render_macro("data.html", "json_files", language, strings, files=json_files),
    }
    return replace_markers(markdown, "data", renderers, path, required=renderers)
