"""Policy milestones in ``timeline/``: load, validate and order them.

One YAML file per milestone, named ``<id>.yml``, directly in ``timeline/``. ``load_timeline``
reports every problem in every file at once (files it would not read, schema violations,
impossible or out-of-range dates, ids that do not match their file, duplicate ids, the same
milestone under two ids, unknown article ids, quotes not found verbatim in the cited source)
and returns the valid entries oldest first.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from . import schemas
from .dates import date_problem, format_range, is_well_formed, sort_key
from .paths import ROOT, TIMELINE_DIR
from .problems import Problem, relative_path
from .sources import Source, check_quote, normalise, unknown_source
from .textfile import read_text
from .yamlfile import YamlDocument, load_yaml


@dataclass
class Milestone:
    data: dict
    path: str
    document: YamlDocument | None = None

    @property
    def id(self) -> str:
        return self.data["id"]

    @property
    def date(self) -> str:
        return self.data["date"]

    @property
    def articles(self) -> list[str]:
        return [source["article"] for source in self.data["sources"] if "article" in source]

    def display_date(self, language: str) -> str:
        return format_range(self.date, self.data.get("end_date"), language)

    def sort_key(self) -> tuple:
        return sort_key(self.date), self.id


def load_timeline(sources: dict[str, Source], directory: Path = TIMELINE_DIR,
                  root: Path = ROOT) -> tuple[list[Milestone], list[Problem]]:
    problems: list[Problem] = []
    loaded: list[tuple[Path, YamlDocument]] = []
    for file in sorted(directory.iterdir()) if directory.is_dir() else []:
        path = relative_path(file, root)
        if file.is_dir():
            problems.append(Problem(path, 1, 1, "(file)",
                                    "timeline/ has no subfolders: move the milestone files directly into timeline/"))
            continue
        if file.suffix != ".yml":
            rename = f" (rename to {file.stem}.yml)" if file.suffix.lower() in (".yml", ".yaml") else ""
            problems.append(Problem(path, 1, 1, "(file)", f"not read: milestone files are named <id>.yml{rename}"))
            continue
        text, found = read_text(file, root)
        problems += found
        if text is None:
            continue
        document, found = load_yaml(text, path)
        problems += found
        if document is None:
            continue
        if not isinstance(document.data, dict):
            problems.append(document.problem((), "a milestone file holds one mapping of fields (id, date, …)"))
            continue
        loaded.append((file, document))

    seen_ids: dict[str, str] = {}
    seen_titles: dict[tuple[str, str], str] = {}
    milestones: list[Milestone] = []
    for file, document in loaded:
        found = schemas.validate(document, "timeline") + _semantic_problems(file, document, sources)
        entry_id = document.data.get("id")
        if isinstance(entry_id, str):
            if entry_id in seen_ids:
                found.append(document.problem(("id",), f"duplicate id '{entry_id}', already used by {seen_ids[entry_id]}"))
            seen_ids.setdefault(entry_id, document.path)
        if not found:
            found += _same_milestone(document, seen_titles)
        problems += found
        if not found:
            milestones.append(Milestone(document.data, document.path, document))
    return sorted(milestones, key=Milestone.sort_key), problems


def _same_milestone(document: YamlDocument, seen: dict[tuple[str, str], str]) -> list[Problem]:
    """A milestone copied under a new id: the same date and the same title in either language."""
    problems = []
    for language, title in sorted(document.data["title"].items()):
        key = (document.data["date"], normalise(title).casefold())
        if key in seen:
            problems.append(document.problem(("title", language),
                                             f"same date and title as {seen[key]}: one milestone, one file"))
        else:
            seen[key] = document.path
    return problems[:1]


def _semantic_problems(file: Path, document: YamlDocument, sources: dict[str, Source]) -> list[Problem]:
    """What the schema cannot see: real dates, id vs file name, cited articles and quotes."""
    data = document.data
    problems = []
    if isinstance(data.get("id"), str) and data["id"] != file.stem:
        problems.append(document.problem(("id",), f"id '{data['id']}' must match the file name '{file.stem}'"))
    dates = {}
    for key in ("date", "end_date"):
        value = data.get(key)
        message = date_problem(value)
        if message is not None:
            problems.append(document.problem((key,), message))
        elif is_well_formed(value):
            dates[key] = value
    if "date" in dates and "end_date" in dates and sort_key(dates["end_date"]) < sort_key(dates["date"]):
        problems.append(document.problem(("end_date",), "end_date is before date"))
    if "date" in dates and isinstance(data.get("id"), str) and not data["id"].startswith(dates["date"] + "-"):
        problems.append(document.problem(("id",), f"id must start with its date: '{dates['date']}-…'"))
    for index, source in enumerate(data.get("sources") or []):
        if not isinstance(source, dict) or not isinstance(source.get("article"), str):
            continue
        article = source["article"]
        if article not in sources:
            problems.append(unknown_source(document, ("sources", index, "article"), article, sources, "article id"))
            continue
        problems += check_quote(document, ("sources", index, "quote"), source.get("quote"), sources[article], article)
    return problems
