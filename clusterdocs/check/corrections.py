"""The corrections log (``data/corrections.yml``): what changed on which pages, when and why.

Loaded and schema-checked like every data file (``clusterdocs.check.datasets``); this module adds
what the schema cannot say, for ``make check``: each entry's id is unique, its date is a real
day, and every page it names exists in every written language (``docs/en/`` and ``docs/zh/``),
so the dated note it puts on that page (clusterdocs/render/corrections_view.py) has a page to go on.
"""

from __future__ import annotations

from pathlib import Path

from ..text.dates import is_real_date
from ..base.languages import CODES, source_code
from ..base.problems import Problem
from ..read.textfile import read_text
from ..read.yamlfile import YamlDocument, load_front_matter

# The Corrections page itself, inside each language's folder: the log is shown there in full.
LOG_PAGE = "corrections.md"


def correction_problems(document: YamlDocument, root: Path) -> list[Problem]:
    problems = []
    seen: set[str] = set()
    for index, entry in enumerate(document.data["corrections"]):
        if entry["id"] in seen:
            problems.append(document.problem(("corrections", index, "id"), f"duplicate id '{entry['id']}'"))
        seen.add(entry["id"])
        if not is_real_date(entry["date"]):
            problems.append(document.problem(("corrections", index, "date"), f"'{entry['date']}' is not a real day"))
        for page_index, page in enumerate(entry["pages"]):
            missing = [code for code in CODES if not (root / "docs" / code / page).is_file()]
            if missing:
                folders = " and ".join(f"docs/{code}/" for code in missing)
                problems.append(
                    document.problem(
                        ("corrections", index, "pages", page_index),
                        f"no page '{page}' in {folders}; name a page's file inside docs/<language>/",
                    )
                )
    return problems


def corrections_of(corrections: list[dict], page: str, language: str) -> list[dict]:
    """The entries that changed ``page`` (a file inside a language folder) in ``language``, newest first."""
    written = source_code(language)
    return newest_first(
        [entry for entry in corrections if page in entry["pages"] and written in entry.get("languages", CODES)]
    )


def newest_first(corrections: list[dict]) -> list[dict]:
    """Newest first; entries of one day keep the file's order (a reversed sort is stable too)."""
    return sorted(corrections, key=lambda entry: entry["date"], reverse=True)


def page_titles(corrections: list[dict], root: Path) -> dict[tuple[str, str], str]:
    """(written language, page) -> the title in the page's front matter, for each page the log
    names: the Corrections page lists the pages by title. A page without one is named by its file."""
    titles = {}
    for page in {page for entry in corrections for page in entry["pages"]}:
        for code in CODES:
            text, _unreadable = read_text(root / "docs" / code / page, root)
            document, _body, _problems = load_front_matter(text or "", f"docs/{code}/{page}")
            title = document.data.get("title") if document is not None else None
            titles[(code, page)] = title if isinstance(title, str) else page
    return titles
