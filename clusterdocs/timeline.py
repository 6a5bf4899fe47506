"""Policy milestones in ``timeline/``: load, validate and order them.

One YAML file per milestone. ``load_timeline`` reports every problem in every file at once
(schema violations, impossible dates, ids that do not match their file, duplicate ids,
unknown article ids, quotes not found verbatim in the cited source) and returns the valid
entries oldest first.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from . import schemas
from .dates import format_range, is_real_date, is_well_formed, sort_key
from .paths import ROOT, TIMELINE_DIR
from .problems import Problem, relative_path
from .sources import Source, check_quote, text_problems, unknown_source
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
    for file in sorted(directory.glob("*")):
        path = relative_path(file, root)
        if file.suffix == ".yaml":
            problems.append(Problem(path, 1, 1, "(file)", "timeline files end in .yml"))
            continue
        if file.suffix != ".yml":
            continue
        text = file.read_text(encoding="utf-8")
        problems += text_problems(text, path)
        document, found = load_yaml(text, path)
        problems += found
        if document is None:
            continue
        if not isinstance(document.data, dict):
            problems.append(document.problem((), "a milestone file holds one mapping of fields (id, date, …)"))
            continue
        loaded.append((file, document))

    seen_ids: dict[str, str] = {}
    milestones: list[Milestone] = []
    for file, document in loaded:
        found = schemas.validate(document, "timeline") + _semantic_problems(file, document, sources)
        entry_id = document.data.get("id")
        if isinstance(entry_id, str):
            if entry_id in seen_ids:
                found.append(document.problem(("id",), f"duplicate id '{entry_id}', already used by {seen_ids[entry_id]}"))
            seen_ids.setdefault(entry_id, document.path)
        problems += found
        if not found:
            milestones.append(Milestone(document.data, document.path, document))
    return sorted(milestones, key=Milestone.sort_key), problems


def _semantic_problems(file: Path, document: YamlDocument, sources: dict[str, Source]) -> list[Problem]:
    """What the schema cannot see: real dates, id vs file name, cited articles and quotes."""
    data = document.data
    problems = []
    if isinstance(data.get("id"), str) and data["id"] != file.stem:
        problems.append(document.problem(("id",), f"id '{data['id']}' must match the file name '{file.stem}'"))
    dates = {}
    for key in ("date", "end_date"):
        value = data.get(key)
        if is_well_formed(value):
            if is_real_date(value):
                dates[key] = value
            else:
                problems.append(document.problem((key,), f"{value!r} is not a real calendar date"))
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
