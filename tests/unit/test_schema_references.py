"""The validators built with local ``$defs`` inlined report exactly what the schemas as written report."""

from __future__ import annotations

import copy
import json

import pytest
from jsonschema import Draft202012Validator

from clusterdocs.base.paths import SCHEMAS_DIR
from clusterdocs.read.schemas import _explain, _local_references_inlined, validator
from clusterdocs.check.sitedata import load_site_data

from support import ROOT


def _documents(name: str) -> list:
    data = load_site_data(ROOT)
    if name == "timeline":
        return [milestone.document.data for milestone in data.milestones[:2]]
    if name == "article":
        return [page.document.data for page in data.articles[:1]]
    if name == "source":
        return [source.header for source in list(data.sources.values())[:1]]
    return [data.datasets[name]]


def _leaves(node, location=()):
    if isinstance(node, dict):
        for key, value in node.items():
            yield from _leaves(value, location + (key,))
    elif isinstance(node, list):
        for index, value in enumerate(node[:2]):
            yield from _leaves(value, location + (index,))
    else:
        yield location


def _broken(document, location, value):
    broken = copy.deepcopy(document)
    node = broken
    for key in location[:-1]:
        node = node[key]
    node[location[-1]] = value
    return broken


def _report(checker: Draft202012Validator, instance) -> list:
    return [explained for error in checker.iter_errors(instance) for explained in _explain(error)]


@pytest.mark.parametrize("name", sorted(path.name.removesuffix(".schema.json") for path in SCHEMAS_DIR.glob("*.json")))
def test_inlined_references_report_what_the_schema_reports(name):
    written = Draft202012Validator(json.loads((SCHEMAS_DIR / f"{name}.schema.json").read_text(encoding="utf-8")))
    inlined = validator(name)
    compared = 0
    for document in _documents(name):
        assert _report(inlined, document) == _report(written, document) == []
        leaves = list(_leaves(document))
        for location in leaves[:: max(1, len(leaves) // 12)]:  # about 12 places spread over the document
            for value in (12345, "", None, {"unknown": 1}, "<b>x</b> 2019-13"):
                broken = _broken(document, location, value)
                assert _report(inlined, broken) == _report(written, broken), (location, value)
                compared += 1
    assert compared


def test_a_self_referring_definition_keeps_its_reference():
    schema = {
        "$defs": {"tree": {"type": "object", "properties": {"child": {"$ref": "#/$defs/tree"}}}},
        "properties": {"root": {"$ref": "#/$defs/tree", "description": "kept"}},
    }
    inlined = _local_references_inlined(schema)
    assert inlined["properties"]["root"]["properties"]["child"] == {"$ref": "#/$defs/tree"}
    assert inlined["properties"]["root"]["description"] == "kept"
    assert not list(Draft202012Validator(inlined).iter_errors({"root": {"child": {"child": {}}}}))
    assert list(Draft202012Validator(inlined).iter_errors({"root": {"child": {"child": 1}}}))
