"""Validate parsed YAML against the JSON Schemas in ``schemas/`` and explain failures.

jsonschema finds what is wrong; this module turns each error into a ``Problem`` that names
the line and field and, where the schema lists the valid values, says what they are. A
schema may give a friendlier sentence for a keyword in ``x-error``. Each unknown key is
reported on its own line, and the explainer accepts any parsed data without raising
(``load_yaml`` refuses keys that are not text, but the explainer does not rely on it).
"""

from __future__ import annotations

import json
import re
from functools import cache

from jsonschema import Draft202012Validator
from jsonschema.exceptions import ValidationError

from ..base.paths import SCHEMAS_DIR
from ..base.problems import Problem
from .yamlfile import YamlDocument


@cache
def validator(name: str) -> Draft202012Validator:
    """The validator for ``schemas/<name>.schema.json``, built once per process.

    The schemas themselves are checked against the draft's meta-schema by the tests
    (tests/test_data_checks.py), not on every load.
    """
    schema = json.loads((SCHEMAS_DIR / f"{name}.schema.json").read_text(encoding="utf-8"))
    return Draft202012Validator(_local_references_inlined(schema))


_LOCAL_DEFINITION = "#/$defs/"


def _local_references_inlined(schema: dict) -> dict:
    """``schema`` with each ``{"$ref": "#/$defs/x"}`` (beside annotations such as ``description``
    only) replaced by the definition itself: the same keywords, so the same errors with the same
    messages, without a reference lookup for every value validated (thousands per build).
    A definition that refers to itself, directly or not, keeps its ``$ref``."""
    definitions = schema.get("$defs", {})

    def inline(node, expanding: tuple[str, ...]):
        if isinstance(node, list):
            return [inline(item, expanding) for item in node]
        if not isinstance(node, dict):
            return node
        reference = node.get("$ref")
        if (
            isinstance(reference, str)
            and reference.startswith(_LOCAL_DEFINITION)
            and set(node) <= {"$ref", "description", "title"}
        ):
            name = reference.removeprefix(_LOCAL_DEFINITION)
            target = definitions.get(name)
            if isinstance(target, dict) and name not in expanding and "$ref" not in target:
                return {**inline(target, expanding + (name,)), **{k: v for k, v in node.items() if k != "$ref"}}
        return {key: inline(value, expanding) if key != "$defs" else value for key, value in node.items()}

    return inline(schema, ())


def validate(document: YamlDocument, schema_name: str, prefix: tuple = ()) -> list[Problem]:
    """Every schema violation in ``document`` (or in the part of it under ``prefix``)."""
    data = document.data
    for key in prefix:
        data = data[key]
    problems = []
    for error in validator(schema_name).iter_errors(data):
        for location, message in _explain(error):
            problems.append(document.problem(prefix + location, message))
    return problems


def _explain(error: ValidationError) -> list[tuple[tuple, str]]:
    location = tuple(error.absolute_path)
    schema = error.schema if isinstance(error.schema, dict) else {}
    custom = schema.get("x-error")
    if error.validator == "required":
        # jsonschema gives one error per missing field, named at the start of its message.
        missing = next((key for key in error.validator_value if error.message.startswith(repr(key))), None)
        return (
            [(location + (missing,), f"missing required field '{missing}'")] if missing else [(location, error.message)]
        )
    if error.validator == "additionalProperties" and isinstance(error.instance, dict):
        allowed = sorted(schema.get("properties", {}))
        patterns = list(schema.get("patternProperties", {}))
        unknown = [
            key
            for key in error.instance
            if key not in allowed and not (isinstance(key, str) and any(re.search(p, key) for p in patterns))
        ]
        return [(location + (key,), f"unknown key {str(key)!r}; allowed keys: {', '.join(allowed)}") for key in unknown]
    if custom:
        return [(location, custom)]
    if error.validator == "enum":
        return [
            (
                location,
                f"{_short(error.instance)} is not allowed; use one of: {', '.join(map(str, error.validator_value))}",
            )
        ]
    if error.validator == "type":
        return [
            (
                location,
                f"expected {error.validator_value}, got {type(error.instance).__name__} {_short(error.instance)}",
            )
        ]
    if error.validator in ("minItems", "minLength"):
        return [(location, "must not be empty")]
    if error.validator in ("oneOf", "anyOf") and error.context:
        deepest = max(error.context, key=lambda sub: len(sub.absolute_path))
        return _explain(deepest)
    return [(location, error.message)]


def _short(value: object, width: int = 60) -> str:
    text = repr(value)
    return text if len(text) <= width else text[: width - 1] + "…"
