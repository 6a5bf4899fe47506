"""The interface strings the site needs are exactly the keys schemas/ui.schema.json requires.

The schema's ``required`` list is what ``make check`` holds data/ui.yml to (a key missing from a
language is a problem line, not a KeyError in the build), so it must name every key the code and
templates look up, and nothing they do not. The scanner reads the Python in clusterdocs/ and
hooks/ (lookups in ``strings``/``t``, ``data.ui[language]``, ``ui[language]``) and the
Jinja templates in overrides/ (``t.key``, ``t["key"]``). A key built at run time (``"basis_" ~
basis``) or passed in a variable (``t[kind]``) must be declared in ``CHOSEN_AT_RUN_TIME`` with
every key it can take, so a new one fails here until someone says what it needs. In the same
way, the schema's ``x-placeholders`` must name exactly what each ``.format(…)`` call fills in."""

from __future__ import annotations

import ast
import json
from dataclasses import dataclass

import jinja2
import pytest
from jinja2 import nodes
from support import ROOT

from clusterdocs.render.chart_files import FILE_TYPES
from clusterdocs.render.citations import FORMATS
from clusterdocs.check.labels import interface_keys, interface_placeholders
from clusterdocs.base.languages import CODES

REQUIRED = interface_keys()
# Names a ui-strings mapping of one language goes by, in Python (``strings``) and in templates (``t``).
STRINGS_NAMES = {"strings", "t"}
NOT_REQUIRED = ": not required in schemas/ui.schema.json"
DECLARE = ": chosen at run time; declare its keys in CHOSEN_AT_RUN_TIME"


@dataclass(frozen=True)
class KeyUse:
    """One lookup of an interface string: a ``key``, a ``prefix`` completed at run time, or a ``variable``."""

    path: str
    line: int
    kind: str
    text: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.kind} {self.text!r}"


def _enum(schema: str, *path: str) -> list[str]:
    node = json.loads((ROOT / "schemas" / f"{schema}.schema.json").read_text(encoding="utf-8"))
    for part in path:
        node = node[part]
    return node["enum"]


DATE_BASES = _enum("timeline", "properties", "date_basis")


def _prefixed(prefix: str, values) -> set[str]:
    return {prefix + value for value in values}


SCRIPT_NOTES = {"converted_note", "converted_note_machine"}  # clusterdocs/check/sources.py: Source.script_note
# (file, prefix or variable) -> every key that lookup can give, and where the values come from.
CHOSEN_AT_RUN_TIME: dict[tuple[str, str], set[str]] = {
    # Source.script: the source schema's script enum.
    ("overrides/hooks/article.html", "script_"): _prefixed("script_", _enum("source", "properties", "script")),
    # Source.script_note_for: a script note, or its "_as_captured" form on a page without Simplified renderings.
    ("overrides/hooks/article.html", "script_note"): SCRIPT_NOTES | {note + "_as_captured" for note in SCRIPT_NOTES},
    # the entity kinds the macro loops over.
    ("overrides/hooks/article.html", "kind"): {"people", "organisations", "clusters", "places"},
    # a figure's basis other than "stated" (figures schema), beside "basis_subject_year".
    ("overrides/hooks/reference.html", "basis_"): _prefixed(
        "basis_", set(_enum("figures", "$defs", "basis")) - {"stated"}
    ),
    # an official list's timeline entry, marked when its date is not stated in the sources.
    ("overrides/hooks/reference.html", "overview_basis_"): _prefixed("overview_basis_", set(DATE_BASES) - {"stated"}),
    # the documents register: a date basis other than "stated", the table's orders, a title's form.
    ("overrides/hooks/documents.html", "basis_"): _prefixed("basis_", {"inferred", "external"}),
    ("overrides/hooks/documents.html", "documents_order_"): _prefixed(
        "documents_order_", ["oldest", "newest", "level", "kind"]
    ),
    ("overrides/hooks/documents.html", "documents_form_"): _prefixed(
        "documents_form_",
        _enum("documents", "properties", "documents", "items", "properties", "title", "properties", "form"),
    ),
    # the timeline legend: every date basis.
    ("overrides/hooks/timeline.html", "basis_"): _prefixed("basis_", DATE_BASES),
    ("overrides/hooks/timeline.html", "basis_legend_"): _prefixed("basis_legend_", DATE_BASES),
    ("clusterdocs/render/timeline_view.py", "basis_"): _prefixed("basis_", DATE_BASES),
    # a partly stated date: the stated part (year, year and month) and the rest (month, month and day, day).
    ("clusterdocs/render/outside_mark.py", "part_"): _prefixed(
        "part_", ["year", "year_month", "month", "month_day", "day"]
    ),
    # only dates that are not wholly stated are described in parts.
    ("clusterdocs/render/outside_mark.py", "basis_part_"): _prefixed("basis_part_", set(DATE_BASES) - {"stated"}),
    ("clusterdocs/render/timeline_overview.py", "overview_basis_"): _prefixed("overview_basis_", DATE_BASES),
    # the overview's table and picture legend name each date basis as the page's legend does.
    ("clusterdocs/render/timeline_overview.py", "overview_legend_"): _prefixed("overview_legend_", DATE_BASES),
    ("clusterdocs/render/timeline_overview.py", "overview_kind_"): _prefixed(
        "overview_kind_", _enum("timeline", "properties", "kind")
    ),
    # a field named <name>_<language code> in the published tables.
    ("clusterdocs/render/data_page_view.py", "data_note"): _prefixed("data_note_", CODES),
    # one label per download format.
    ("clusterdocs/render/citations.py", "label"): set(FORMATS.values()),
    ("clusterdocs/render/chart_files.py", "label"): set(FILE_TYPES.values()),
}


# --- the scanner --------------------------------------------------------------------------------


def _python_lookup(node: ast.AST) -> bool:
    """``strings[...]``, ``data.ui[language][...]``, ``ui[language][...]``."""
    if isinstance(node, ast.Name):
        return node.id in STRINGS_NAMES
    if isinstance(node, ast.Subscript):
        inner = node.value
        return (isinstance(inner, ast.Attribute) and inner.attr == "ui") or (
            isinstance(inner, ast.Name) and inner.id == "ui"
        )
    return False


def _python_key(node: ast.AST, path: str, line: int) -> list[KeyUse]:
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return [KeyUse(path, line, "key", node.value)]
    if isinstance(node, ast.IfExp):
        return _python_key(node.body, path, line) + _python_key(node.orelse, path, line)
    first = None
    if isinstance(node, ast.JoinedStr) and node.values:
        first = node.values[0]
    elif isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add):
        first = node.left
    if isinstance(first, ast.Constant) and isinstance(first.value, str):
        return [KeyUse(path, line, "prefix", first.value)]
    return [KeyUse(path, line, "variable", ast.unparse(node))]


def python_key_uses(source: str, path: str) -> list[KeyUse]:
    """Every interface-string lookup in a Python module."""
    uses = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Subscript) and _python_lookup(node.value):
            uses += _python_key(node.slice, path, node.lineno)
        elif (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Attribute)
            and node.func.attr == "get"
            and _python_lookup(node.func.value)
            and node.args
        ):
            uses += _python_key(node.args[0], path, node.lineno)
    return uses


def _template_key(node: nodes.Node, path: str) -> list[KeyUse]:
    if isinstance(node, nodes.Const) and isinstance(node.value, str):
        return [KeyUse(path, node.lineno, "key", node.value)]
    if isinstance(node, nodes.CondExpr):
        return _template_key(node.expr1, path) + (_template_key(node.expr2, path) if node.expr2 else [])
    if isinstance(node, nodes.Concat) and isinstance(node.nodes[0], nodes.Const):
        return [KeyUse(path, node.lineno, "prefix", str(node.nodes[0].value))]
    if isinstance(node, nodes.Name):
        return [KeyUse(path, node.lineno, "variable", node.name)]
    return [KeyUse(path, node.lineno, "variable", type(node).__name__)]


def template_key_uses(source: str, path: str) -> list[KeyUse]:
    """Every interface-string lookup (``t.key``, ``t["key"]``, ``t[...]``) in a Jinja template."""
    uses = []
    for node in jinja2.Environment().parse(source).find_all((nodes.Getattr, nodes.Getitem)):
        if not (isinstance(node.node, nodes.Name) and node.node.name in STRINGS_NAMES):
            continue
        if isinstance(node, nodes.Getattr):
            uses.append(KeyUse(path, node.lineno, "key", node.attr))
        else:
            uses += _template_key(node.arg, path)
    return uses


def python_format_calls(source: str, path: str) -> list[tuple[KeyUse, frozenset[str]]]:
    """Every ``<lookup>.format(name=…)`` in a Python module: the lookup, and the names it fills in
    (``*``/``**`` for positional or unpacked arguments, which this check cannot follow)."""
    calls = []
    for node in ast.walk(ast.parse(source)):
        method = node.func if isinstance(node, ast.Call) else None
        if (
            isinstance(method, ast.Attribute)
            and method.attr == "format"
            and isinstance(method.value, ast.Subscript)
            and _python_lookup(method.value.value)
        ):
            names = {keyword.arg or "**" for keyword in node.keywords} | ({"*"} if node.args else set())
            calls += [(use, frozenset(names)) for use in _python_key(method.value.slice, path, node.lineno)]
    return calls


def template_format_calls(source: str, path: str) -> list[tuple[KeyUse, frozenset[str]]]:
    """Every ``t.key.format(name=…)`` in a Jinja template: the lookup, and the names it fills in."""
    calls = []
    for node in jinja2.Environment().parse(source).find_all(nodes.Call):
        method = node.node
        if not (isinstance(method, nodes.Getattr) and method.attr == "format"):
            continue
        names = {keyword.key for keyword in node.kwargs} | ({"*"} if node.args or node.dyn_args else set())
        names |= {"**"} if node.dyn_kwargs else set()
        lookup = method.node
        if not (isinstance(lookup, (nodes.Getattr, nodes.Getitem)) and isinstance(lookup.node, nodes.Name)):
            continue
        if lookup.node.name not in STRINGS_NAMES:
            continue
        uses = [KeyUse(path, lookup.lineno, "key", lookup.attr)] if isinstance(lookup, nodes.Getattr) else []
        uses += _template_key(lookup.arg, path) if isinstance(lookup, nodes.Getitem) else []
        calls += [(use, frozenset(names)) for use in uses]
    return calls


def repository_format_calls() -> list[tuple[KeyUse, frozenset[str]]]:
    calls = []
    for file in _scanned_files():
        scan = python_format_calls if file.suffix == ".py" else template_format_calls
        calls += scan(file.read_text(encoding="utf-8"), file.relative_to(ROOT).as_posix())
    return calls


def _scanned_files():
    python = [file for folder in ("clusterdocs", "hooks") for file in sorted((ROOT / folder).rglob("*.py"))]
    return python + sorted((ROOT / "overrides").rglob("*.html"))


def placeholder_mismatches(calls: list[tuple[KeyUse, frozenset[str]]], declared: dict[str, list[str]]) -> list[str]:
    """Where the names a formatted string is given differ from its declared placeholders."""
    problems = []
    for use, names in calls:
        if use.kind != "key":
            problems.append(f"{use}: formatted, but chosen at run time; look the key up by name")
        elif set(declared.get(use.text, ())) != names:
            problems.append(
                f"{use}: fills in {sorted(names)}, x-placeholders declares {sorted(declared.get(use.text, ()))}"
            )
    formatted = {use.text for use, _names in calls}
    problems += [f"{key}: declared in x-placeholders, never formatted" for key in sorted(set(declared) - formatted)]
    return problems


def repository_key_uses() -> list[KeyUse]:
    uses = []
    for file in _scanned_files():
        scan = python_key_uses if file.suffix == ".py" else template_key_uses
        uses += scan(file.read_text(encoding="utf-8"), file.relative_to(ROOT).as_posix())
    return uses


def unlisted(uses: list[KeyUse], required: list[str]) -> list[str]:
    """Lookups that could give a key the schema does not require, one line each."""
    problems = []
    for use in uses:
        if use.kind == "key":
            if use.text not in required:
                problems.append(f"{use}{NOT_REQUIRED}")
        elif (use.path, use.text) not in CHOSEN_AT_RUN_TIME:
            problems.append(f"{use}{DECLARE}")
        else:
            problems += [
                f"{use}: can give {key!r}{NOT_REQUIRED}"
                for key in sorted(CHOSEN_AT_RUN_TIME[(use.path, use.text)])
                if key not in required
            ]
    return problems


def used_keys(uses: list[KeyUse]) -> set[str]:
    """Every key the lookups can give (a run-time lookup: the keys declared for it)."""
    keys = set()
    for use in uses:
        keys |= {use.text} if use.kind == "key" else CHOSEN_AT_RUN_TIME.get((use.path, use.text), set())
    return keys


# --- the repository -----------------------------------------------------------------------------

USES = repository_key_uses()


def test_the_scanner_finds_the_lookups_of_code_and_templates():
    paths = {use.path for use in USES}
    assert {"hooks/pages.py", "clusterdocs/publish/feeds.py", "overrides/hooks/timeline.html"} <= paths
    assert len(used_keys(USES)) > 150


def test_every_key_the_site_looks_up_is_required():
    assert unlisted(USES, REQUIRED) == []


def test_every_required_key_is_looked_up_somewhere():
    assert sorted(set(REQUIRED) - used_keys(USES)) == []


def test_every_declared_run_time_lookup_still_exists():
    found = {(use.path, use.text) for use in USES if use.kind != "key"}
    assert sorted(set(CHOSEN_AT_RUN_TIME) - found) == []


def test_each_formatted_string_declares_exactly_the_placeholders_the_code_fills_in():
    """data/ui.yml may use only these (clusterdocs/check/labels.py), so a typo cannot stop the build."""
    calls = repository_format_calls()
    assert len(calls) > 15
    assert placeholder_mismatches(calls, interface_placeholders()) == []


def test_required_keys_are_listed_once():
    assert len(REQUIRED) == len(set(REQUIRED))


# --- the scanner can fail -----------------------------------------------------------------------


@pytest.mark.parametrize(
    "template, expected",
    [
        ("<p>{{ t.citation }} {{ t.not_a_key }}</p>", ["x.html:1: key 'not_a_key'" + NOT_REQUIRED]),
        ('{{ t["not_a_key"] if x else t.citation }}', ["x.html:1: key 'not_a_key'" + NOT_REQUIRED]),
        (
            '{% macro m(t) %}\n{{ t["new_" ~ kind] }}{% endmacro %}',
            ["x.html:2: prefix 'new_'" + DECLARE],
        ),
        ("{{ t[name] }}", ["x.html:1: variable 'name'" + DECLARE]),
        ("{{ lang.t('search.placeholder') }} {{ page.title }}", []),
    ],
)
def test_an_unlisted_key_in_a_template_is_caught(template, expected):
    assert unlisted(template_key_uses(template, "x.html"), REQUIRED) == expected


@pytest.mark.parametrize(
    "code, expected",
    [
        ('strings = data.ui["en"]\nstrings["not_a_key"]', ["x.py:2: key 'not_a_key'" + NOT_REQUIRED]),
        ('ui[language]["not_a_key"]', ["x.py:1: key 'not_a_key'" + NOT_REQUIRED]),
        ('data.ui[language]["not_a_key"]', ["x.py:1: key 'not_a_key'" + NOT_REQUIRED]),
        ('strings["a_key" if x else "not_a_key"]', ["x.py:1: key 'not_a_key'" + NOT_REQUIRED]),
        ('strings.get("not_a_key", "")', ["x.py:1: key 'not_a_key'" + NOT_REQUIRED]),
        ('strings[f"not_a_{x}"]', ["x.py:1: prefix 'not_a_'" + DECLARE]),
        ('strings["not_a_" + x]', ["x.py:1: prefix 'not_a_'" + DECLARE]),
        ("strings[key]", ["x.py:1: variable 'key'" + DECLARE]),
        ('strings["a_key"]\nother["not_a_key"]', []),
    ],
)
def test_an_unlisted_key_in_code_is_caught(code, expected):
    assert unlisted(python_key_uses(code, "x.py"), ["a_key"]) == expected


def test_a_declared_run_time_lookup_must_give_required_keys_only():
    uses = template_key_uses('{{ t["script_" ~ c.script] }}', "overrides/hooks/article.html")
    assert unlisted(uses, ["script_Simplified"]) == [
        "overrides/hooks/article.html:1: prefix 'script_': can give 'script_Traditional'" + NOT_REQUIRED
    ]


@pytest.mark.parametrize(
    "path, source, expected",
    [
        ("x.py", 'strings["a"].format(n=1)', []),
        (
            "x.py",
            'strings["a"].format(n=1, extra=2)',
            ["x.py:1: key 'a': fills in ['extra', 'n'], x-placeholders declares ['n']"],
        ),
        ("x.py", 'strings["b"].format(n=1)', ["x.py:1: key 'b': fills in ['n'], x-placeholders declares []"]),
        ("x.py", 'strings["a"].format(**values)', ["x.py:1: key 'a': fills in ['**'], x-placeholders declares ['n']"]),
        (
            "x.py",
            'strings[f"a{x}"].format(n=1)',
            ["x.py:1: prefix 'a': formatted, but chosen at run time; look the key up by name"],
        ),
        ("x.html", "{{ t.a.format(n=1) }}", []),
        ("x.html", '{{ t["a"].format(m=1) }}', ["x.html:1: key 'a': fills in ['m'], x-placeholders declares ['n']"]),
    ],
)
def test_a_placeholder_the_code_does_not_fill_in_is_caught(path, source, expected):
    scan = python_format_calls if path.endswith(".py") else template_format_calls
    found = placeholder_mismatches(scan(source, path), {"a": ["n"]})
    assert [line for line in found if not line.endswith("never formatted")] == expected


def test_a_declared_placeholder_list_of_a_string_never_formatted_is_caught():
    assert placeholder_mismatches([], {"a": ["n"]}) == ["a: declared in x-placeholders, never formatted"]


def test_a_required_key_nobody_uses_is_caught():
    uses = template_key_uses("{{ t.citation }}", "x.html")
    assert sorted({"citation", "unused"} - used_keys(uses)) == ["unused"]
