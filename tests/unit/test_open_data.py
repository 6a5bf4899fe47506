"""The published Data Package: valid for frictionless, consistent with the data, deterministic.

The package is generated in-process (``clusterdocs.render.open_data.package_files``) and validated
offline with the ``frictionless`` library: every resource's types, required fields, enums,
primary and foreign keys, sizes and hashes. The JSON downloads are checked against the JSON
Schemas they name; tests/build/test_build.py checks the built site publishes the same files.
"""

from __future__ import annotations

import copy
import csv
import io
import json

import pytest
from frictionless import Package
from jsonschema import Draft202012Validator

from clusterdocs.render.data_page_view import _field as data_page_field
from clusterdocs.render.open_data import LIST_NOTE, LIST_SEPARATOR, VERSION, package_files
from clusterdocs.base.paths import SCHEMAS_DIR
from clusterdocs.check.sitedata import load_site_data


@pytest.fixture(scope="module")
def files() -> dict[str, str]:
    return package_files(load_site_data())


@pytest.fixture(scope="module")
def package_dir(files, tmp_path_factory):
    directory = tmp_path_factory.mktemp("package")
    for name, text in files.items():
        (directory / name).write_text(text, encoding="utf-8")
    (directory / "schemas").mkdir()
    for schema in SCHEMAS_DIR.glob("*.json"):
        (directory / "schemas" / schema.name).write_text(schema.read_text(encoding="utf-8"), encoding="utf-8")
    return directory


def descriptor(files) -> dict:
    return json.loads(files["datapackage.json"])


def test_the_package_and_every_resource_are_valid(package_dir):
    report = Package(str(package_dir / "datapackage.json")).validate()
    assert report.valid, report.flatten(["resourceName", "rowNumber", "fieldName", "type", "note"])
    assert len(report.tasks) == len(json.loads((package_dir / "datapackage.json").read_text())["resources"])


def test_the_package_is_licensed_versioned_and_covers_the_four_datasets(files):
    package = descriptor(files)
    assert package["version"] == VERSION and package["licenses"][0]["name"] == "CC-BY-4.0"
    names = {resource["name"] for resource in package["resources"]}
    assert {
        "timeline",
        "clusters",
        "figures",
        "glossary",
        "timeline-json",
        "clusters-json",
        "figures-json",
        "glossary-json",
    } <= names
    clusters_fields = {
        field["name"]: field
        for field in next(resource for resource in package["resources"] if resource["name"] == "clusters")["schema"][
            "fields"
        ]
    }
    assert clusters_fields["region"]["constraints"]["enum"] == ["east", "central", "west", "northeast"]
    assert clusters_fields["cross_province"]["type"] == "boolean"
    assert clusters_fields["id"]["constraints"]["required"] is True
    links = next(resource for resource in package["resources"] if resource["name"] == "timeline-clusters")
    assert {"fields": "cluster", "reference": {"resource": "clusters", "fields": "id"}} in links["schema"][
        "foreignKeys"
    ]


def test_a_dangling_cluster_reference_makes_the_package_invalid(files, tmp_path):
    broken = dict(files)
    broken["timeline-clusters.csv"] = (
        files["timeline-clusters.csv"] + "2019-08-miit-first-preliminary-round,no-such-cluster\n"
    )
    package = descriptor(files)
    for resource in package["resources"]:  # keep the size and hash honest so only the key fails
        if resource["name"] == "timeline-clusters":
            resource.pop("bytes"), resource.pop("hash")
    broken["datapackage.json"] = json.dumps(package)
    for name, text in broken.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    report = Package(str(tmp_path / "datapackage.json")).validate()
    assert not report.valid
    assert "foreign-key" in {error.type for task in report.tasks for error in task.errors}


@pytest.mark.parametrize("name", ["timeline", "clusters", "figures", "glossary"])
def test_json_downloads_match_their_json_schemas(files, name):
    validator = Draft202012Validator(json.loads((SCHEMAS_DIR / f"{name}.schema.json").read_text(encoding="utf-8")))
    data = json.loads(files[f"{name}.json"])
    if name == "timeline":
        errors = [error for milestone in data["milestones"] for error in validator.iter_errors(milestone)]
    else:
        errors = list(validator.iter_errors(data))
    assert errors == []


def test_rows_match_the_data(files):
    data = load_site_data()
    clusters = list(csv.DictReader(io.StringIO(files["clusters.csv"])))
    assert [row["id"] for row in clusters] == [cluster["id"] for cluster in data.clusters]
    assert clusters[0]["name_zh"] == data.clusters[0]["name"]["zh"]
    figures = list(csv.DictReader(io.StringIO(files["figures.csv"])))
    assert len(figures) == sum(len(distribution["items"]) for distribution in data.figures["distributions"])
    links = list(csv.DictReader(io.StringIO(files["timeline-clusters.csv"])))
    assert len(links) == sum(len(milestone.data["clusters"]) for milestone in data.milestones)


def test_new_fields_flow_into_the_tables_and_formulas_are_neutralised():
    data = copy.deepcopy(load_site_data())
    data.datasets["figures"]["distributions"][0]["basis"] = "=HYPERLINK(1)"
    data.datasets["clusters"]["clusters"][0]["basis"] = {"en": "stated", "zh": "原文"}
    files = package_files(data)
    figures = list(csv.DictReader(io.StringIO(files["figures.csv"])))
    assert figures[0]["basis"] == "'=HYPERLINK(1)"
    clusters = list(csv.DictReader(io.StringIO(files["clusters.csv"])))
    assert (clusters[0]["basis_en"], clusters[0]["basis_zh"]) == ("stated", "原文")


def test_the_package_is_deterministic(files):
    assert package_files(load_site_data()) == files


# Tables whose JSON download holds the same records as the CSV rows: (JSON file, list key).
RECORDS = {
    "clusters": ("clusters.json", "clusters"),
    "glossary": ("glossary.json", "terms"),
    "documents": ("documents.json", "documents"),
    "timeline": ("timeline.json", "milestones"),
}


def _list_keys(records: list[dict]) -> set[str]:
    """The keys whose value is a list of text (or of {en, zh} text) in some record."""
    return {
        key
        for record in records
        for key, value in record.items()
        if isinstance(value, list)
        and value
        and all(isinstance(item, (str, dict)) for item in value)
        and all(isinstance(item, str) or set(item) <= {"en", "zh"} for item in value)
    }


@pytest.mark.parametrize("table", sorted(RECORDS))
def test_a_column_is_described_as_a_list_exactly_when_its_cells_are_lists(files, table):
    fields = next(r for r in descriptor(files)["resources"] if r["name"] == table)["schema"]["fields"]
    json_file, key = RECORDS[table]
    lists = _list_keys(json.loads(files[json_file])[key])
    described = {field["name"] for field in fields if LIST_NOTE in field.get("description", "")}
    derived = {field["name"] for field in fields if field["name"].removesuffix("_en").removesuffix("_zh") in lists}
    assert derived <= described, f"list columns not described as lists: {sorted(derived - described)}"
    rows = list(csv.DictReader(io.StringIO(files[f"{table}.csv"])))
    for name in described - derived:  # a column the CSV adds: its cells join ids, never hold a space otherwise
        assert all(" " not in part for row in rows for part in row[name].split(LIST_SEPARATOR)), name


def test_the_data_page_calls_a_column_a_list_only_where_the_package_does(files):
    data = load_site_data()
    for resource in descriptor(files)["resources"]:
        for field in resource.get("schema", {}).get("fields", []):
            is_list = LIST_NOTE in field.get("description", "")
            english = data_page_field(field, resource["name"], "en", data.ui["en"])["note"]
            chinese = data_page_field(field, resource["name"], "zh", data.ui["zh"])["note"]
            if field["name"] == "memberships_implied":
                continue  # explained in a sentence of its own in each language
            assert (data.ui["zh"]["data_note_list"] in chinese) == is_list, (resource["name"], field["name"], chinese)
            said = LIST_NOTE in english or data.ui["en"]["data_note_list"] in english
            assert said == is_list, (resource["name"], field["name"], english)
