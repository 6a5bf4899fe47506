"""Rules for the interface strings and labels (``data/ui.yml``, ``categories.yml``, ``reference_labels.yml``).

They load and validate like every other data file (``clusterdocs.check.datasets``); this module adds
what a schema cannot say: no interface string beyond the ones the schema requires (so a key
given in one language only, or a typo, is reported rather than ignored), no ``{placeholder}``
the code does not fill in (``str.format`` would stop the build), and every value a
schema allows (a timeline category, a cluster's sector…) has exactly one label, in the schema's
order (the order the site lists them in).
"""

from __future__ import annotations

from string import Formatter

from ..base.languages import CODES
from ..base.problems import Problem
from ..read.schemas import validator
from ..read.yamlfile import YamlDocument

# (labels file, key in it) -> (schema, path to the enum the keys must equal)
LABELLED_ENUMS = {
    ("categories", "categories"): ("timeline", ("properties", "category", "enum")),
    ("categories", "levels"): ("timeline", ("properties", "level", "enum")),
    ("reference_labels", "sectors"): ("clusters", ("properties", "clusters", "items", "properties", "sector", "enum")),
    ("reference_labels", "regions"): ("clusters", ("properties", "clusters", "items", "properties", "region", "enum")),
    ("reference_labels", "statuses"): ("clusters", ("properties", "clusters", "items", "properties", "status", "enum")),
}


def interface_keys() -> list[str]:
    """The keys of data/ui.yml the site looks up: the ``required`` list of schemas/ui.schema.json."""
    return validator("ui").schema["$defs"]["strings"]["required"]


def interface_placeholders() -> dict[str, list[str]]:
    """Key -> the ``{placeholders}`` the code fills in, for each string it formats (``x-placeholders``)."""
    return validator("ui").schema["$defs"]["strings"]["x-placeholders"]


def ui_problems(ui: YamlDocument) -> list[Problem]:
    """A key the site does not look up is refused (the schema has already required the ones it does),
    and a string the code formats may hold only the placeholders it fills in."""
    known = set(interface_keys())
    placeholders = interface_placeholders()
    problems = []
    for language in CODES:
        for key, text in ui.data[language].items():
            if key not in known:
                message = (
                    f"unknown key '{key}'; nothing on the site uses it: remove it, or list it under "
                    f'"required" in schemas/ui.schema.json'
                )
            elif key in placeholders:
                message = _placeholder_problem(text, placeholders[key])
            else:
                continue
            if message:
                problems.append(ui.problem((language, key), message))
    return problems


def _placeholder_problem(text: str, allowed: list[str]) -> str | None:
    """What is wrong with the ``{…}`` fields of a string given to ``str.format``, if anything:
    each must be a bare name the code fills in (no ``!r``, ``:>9`` or ``.attribute``)."""
    try:
        fields = [(name, conversion, spec) for _, name, spec, conversion in Formatter().parse(text) if name is not None]
    except ValueError as error:
        return f"{error}: write {{{{ or }}}} for a brace shown as text"
    for name, conversion, spec in fields:
        if name not in allowed or conversion or spec:
            written = "{" + name + (f"!{conversion}" if conversion else "") + (f":{spec}" if spec else "") + "}"
            usable = ", ".join("{" + placeholder + "}" for placeholder in allowed)
            return f"'{written}' is not a placeholder of this string; it may use {usable}"
    return None


def label_problems(name: str, document: YamlDocument) -> list[Problem]:
    """Every value of the schema's enum has a label, no label is for a value it does not allow."""
    problems = []
    for (file, key), (schema, enum_path) in LABELLED_ENUMS.items():
        if file != name:
            continue
        enum = validator(schema).schema
        for part in enum_path:
            enum = enum[part]
        labelled = list(document.data[key])
        for value in labelled:
            if value not in enum:
                problems.append(
                    document.problem(
                        (key, value),
                        f"'{value}' is not a value of schemas/{schema}.schema.json; allowed: {', '.join(enum)}",
                    )
                )
        missing = [value for value in enum if value not in labelled]
        for value in missing:
            problems.append(
                document.problem((key,), f"no label for '{value}', which schemas/{schema}.schema.json allows")
            )
        if not missing and len(labelled) == len(enum) and labelled != enum:
            problems.append(document.problem((key,), f"list the labels in the schema's order: {', '.join(enum)}"))
    return problems
