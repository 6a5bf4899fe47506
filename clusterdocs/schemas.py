"""Validate parsed YAML against the JSON Schemas in ``schemas/`` and explain failures.

jsonschema finds what is wrong; this module turns each error into a ``Problem`` that names
the line and field and, where the schema lists the valid values, says what they are. A
schema may give a friendlier sentence for a keyword in ``x-error``.
"""

from __future__ import annotations

import json
from functools import cache
from jsonschema import Draft202012Validator
from jsonschema.exceptions import ValidationError

from .paths import SCHEMAS_DIR
from .problems import Problem
from .yamlfile import YamlDocument


@cache
def validator(name: str) -> Draft202012Validator:
    """The validator for ``schemas/<name>.schema.json``."""
    schema = json.loads((SCHEMAS_DIR / f"{name}.schema.json").read_text(encoding="utf-8"))
    Draft202012Validator.check_schema(schema)
    return Draft202012Validator(schema)


def validate(document: YamlDocument, schema_name: str, prefix: tuple = ()) -> list[Problem]:
    """Every schema violation in ``document`` (or in the part of it under ``prefix``)."""
    data = document.data
    for key in prefix:
        data = data[key]
    problems = []
    for error in validator(schema_name).iter_errors(data):
        location, message = _explain(error)
        problems.append(document.problem(prefix + location, message))
    return problems


def _explain(error: ValidationError) -> tuple[tuple, str]:
    location = tuple(error.absolute_path)
    custom = error.schema.get("x-error") if isinstance(error.schema, dict) else None
    if error.validator == "required":
        missing = error.message.split("'")[1]
        return location + (missing,), f"missing required field '{missing}'"
    if error.validator == "additionalProperties":
        allowed = sorted(error.schema.get("properties", {}))
        unknown = sorted(set(error.instance) - set(allowed))
        return location + (unknown[0],), f"unknown key '{unknown[0]}'; allowed keys: {', '.join(allowed)}"
    if custom:
        return location, custom
    if error.validator == "enum":
        return location, f"{error.instance!r} is not allowed; use one of: {', '.join(map(str, error.validator_value))}"
    if error.validator == "type":
        return location, f"expected {error.validator_value}, got {type(error.instance).__name__} {error.instance!r}"
    if error.validator in ("minItems", "minLength"):
        return location, "must not be empty"
    if error.validator in ("oneOf", "anyOf") and error.context:
        deepest = max(error.context, key=lambda sub: len(sub.absolute_path))
        return _explain(deepest)
    return location, error.message
