"""The data in ``data/``: clusters, figures and glossary; interface strings and labels; the corrections log.

Each file is loaded through the shared path (``datafile.read_yaml``: line numbers, then its
schema in ``schemas/``) and then checked the same way as article pages: every ``source_text``
must be verbatim in the cited source (a ``source`` given higher up, e.g. on a distribution,
applies to the items below it), every stated value must occur in its ``source_text``
(``sources.check_figure``), ids must be unique, and distribution items must add up to the
stated total.
"""

from __future__ import annotations

from pathlib import Path

from .conversion_review import accepted_problems
from .corrections import correction_problems
from ..read.datafile import read_yaml
from .date_ledger import ledger_problems
from .figures import figure_basis_problems
from .labels import label_problems, ui_problems
from .memberships import membership_problems
from ..base.problems import Problem, relative_path
from .script_conversion import exception_problems
from .sources import Source, check_figure, unknown_source
from ..read.yamlfile import YamlDocument

# Content cites sources; the interface files hold the site's own words, checked for both languages.
CONTENT = ("clusters", "figures", "glossary", "documents")
INTERFACE = ("ui", "categories", "reference_labels")
# How the generated languages are made from the written ones.
CONVERSION = ("conversion_exceptions",)
# What the site's own files are checked against: every date expression in the sources, accounted for.
LEDGERS = ("date_ledger",)
# What changed on the site, when and why (clusterdocs/check/corrections.py).
LOG = ("corrections",)
DATASETS = CONTENT + INTERFACE + CONVERSION + LEDGERS + LOG


def load_dataset(name: str, sources: dict[str, Source], root: Path) -> tuple[YamlDocument | None, list[Problem]]:
    """``root``'s ``data/<name>.yml``, loaded and checked; ``None`` if it is missing, unreadable or off its schema."""
    file = root / "data" / f"{name}.yml"
    if not file.exists():
        return None, [Problem(relative_path(file, root), 1, 1, "(file)", "missing data file")]
    loaded = read_yaml(file, root, name)
    if not loaded.valid:
        return None, loaded.problems + loaded.schema_problems
    document, problems = loaded.document, loaded.problems
    if name in CONTENT:
        problems += _snippet_problems(document, sources) + _duplicate_ids(document) + _total_problems(document)
    elif name in CONVERSION:
        problems += exception_problems(document) + accepted_problems(document)
    elif name in LEDGERS:
        problems += ledger_problems(document, sources, root)
    elif name in LOG:
        problems += correction_problems(document, root)
    else:
        problems += ui_problems(document) if name == "ui" else label_problems(name, document)
    if name == "figures":
        problems += figure_basis_problems(document, sources)
    if name == "clusters":
        problems += membership_problems(document)
    return document, problems


def _snippet_problems(document: YamlDocument, sources: dict[str, Source]) -> list[Problem]:
    problems: list[Problem] = []

    def walk(node, location: tuple, source_id: str | None) -> None:
        if isinstance(node, dict):
            if isinstance(node.get("source"), str):
                source_id = node["source"]
                if source_id not in sources:
                    problems.append(unknown_source(document, location + ("source",), source_id, sources))
            if isinstance(node.get("source_text"), str) and source_id in sources:
                problems.extend(check_figure(document, location, node, sources[source_id], source_id))
            for key, child in node.items():
                walk(child, location + (key,), source_id)
        elif isinstance(node, list):
            for index, child in enumerate(node):
                walk(child, location + (index,), source_id)

    walk(document.data, (), None)
    for term_index, term in enumerate(document.data.get("terms", [])):  # glossary: plain lists of source ids
        problems += [
            unknown_source(document, ("terms", term_index, "sources", index), source_id, sources)
            for index, source_id in enumerate(term["sources"])
            if source_id not in sources
        ]
    return problems


def _duplicate_ids(document: YamlDocument) -> list[Problem]:
    problems = []
    for list_name, items in document.data.items():
        seen: set[str] = set()
        for index, item in enumerate(items):
            if isinstance(item, dict) and "id" in item:
                if item["id"] in seen:
                    problems.append(document.problem((list_name, index, "id"), f"duplicate id '{item['id']}'"))
                seen.add(item["id"])
    return problems


def _total_problems(document: YamlDocument) -> list[Problem]:
    """A distribution's items add up to its stated total, or fall short of it by exactly the number
    its structured ``unlisted`` field gives a reason for; a free-text note excuses nothing."""
    problems = []
    for index, distribution in enumerate(document.data.get("distributions", [])):
        total = distribution.get("total")
        if total is None:
            continue
        counted = sum(item["value"] for item in distribution["items"])
        unlisted = (distribution.get("unlisted") or {}).get("count", 0)
        if counted + unlisted != total:
            accounted = f"items add up to {counted}" + (f", plus {unlisted} unlisted," if unlisted else "")
            problems.append(
                document.problem(
                    ("distributions", index, "total"),
                    f"{accounted} not {total}; where the source does not break some down, "
                    "give their number and the reason in 'unlisted'",
                )
            )
    return problems
