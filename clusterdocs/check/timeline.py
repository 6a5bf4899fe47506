"""Policy milestones in ``timeline/``: load, validate and order them.

One YAML file per milestone, named ``<id>.yml``, directly in ``timeline/``. ``load_timeline``
loads each through the shared path (``datafile.read_yaml``), reports every problem in every file at once (files it would not read, schema violations,
impossible or out-of-range dates, ids that do not match their file, duplicate ids, the same
milestone under two ids, unknown article ids, quotes not found verbatim in the cited source,
a date basis its citations do not bear out) and returns the valid entries oldest first.

A milestone is an ``event`` (dated by ``date``) or a ``target`` (a goal for ``target_year``).
Its ``date_basis`` says where the date as displayed comes from: ``stated`` (a quote gives it at
that precision, see ``dates.stated_in``), ``inferred`` (reasoning in ``date_note``) or
``external`` (outside reporting, cited under ``sources``).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from ..read.datafile import DataFile, file_name_problems, read_yaml
from ..text.dates import date_problem, format_date, format_range, is_well_formed, sort_key, stated_in
from ..base.problems import Problem
from .sources import Source, check_quote, normalise, unknown_source
from ..read.yamlfile import YamlDocument

NOT_A_MAPPING = "a milestone file holds one mapping of fields (id, date, …)"


@dataclass
class Milestone:
    data: dict
    path: str
    document: YamlDocument | None = None

    @property
    def id(self) -> str:
        return self.data["id"]

    @property
    def kind(self) -> str:
        """``event`` (something that happened) or ``target`` (a goal for a target year)."""
        return self.data["kind"]

    @property
    def date_basis(self) -> str:
        """``stated``, ``inferred`` or ``external``: where the date as displayed comes from."""
        return self.data["date_basis"]

    @property
    def date(self) -> str:
        """The date the entry is filed under: an event's date; a target's start or target year."""
        return self.data.get("date") or self.data.get("target_start") or self.data["target_year"]

    @property
    def articles(self) -> list[str]:
        return [source["article"] for source in self.data["sources"] if "article" in source]

    @property
    def from_sources(self) -> bool:
        """Whether any of the five source articles supports the entry (else: outside reporting only)."""
        return bool(self.articles)

    def display_date(self, language: str, strings: dict[str, str]) -> str:
        """``August 2019``; a target reads ``Target for 2025`` / ``2025年目标`` (``strings``: the
        language's interface strings)."""
        if self.kind == "target":
            start, year = self.data.get("target_start"), self.data["target_year"]
            return strings["target_for_period" if start else "target_for"].format(start=start, year=year)
        return format_range(self.date, self.data.get("end_date"), language)

    def sort_key(self) -> tuple:
        return sort_key(self.date), self.id


def load_timeline(sources: dict[str, Source], root: Path) -> tuple[list[Milestone], list[Problem]]:
    """Every milestone in ``root``'s ``timeline/``, oldest first, and every problem in every file."""
    directory = root / "timeline"
    problems: list[Problem] = []
    loaded: list[DataFile] = []
    # Every other name in timeline/ is refused before loading (clusterdocs/read/contribution_paths.py).
    for file in sorted(directory.glob("*.yml")) if directory.is_dir() else []:
        milestone_file = read_yaml(file, root, "timeline", mapping=NOT_A_MAPPING)
        problems += milestone_file.problems
        if milestone_file.document is not None:
            loaded.append(milestone_file)

    seen_ids: dict[str, str] = {}
    seen_titles: dict[tuple[str, str], str] = {}
    seen_passages: dict[tuple, tuple[str, str]] = {}
    milestones: list[Milestone] = []
    for milestone_file in loaded:
        document, found = milestone_file.document, list(milestone_file.schema_problems)
        found += _semantic_problems(milestone_file.file, document, sources, check_basis=not _concerns_citations(found))
        entry_id = document.data.get("id")
        if isinstance(entry_id, str):
            if entry_id in seen_ids:
                found.append(
                    document.problem(("id",), f"duplicate id '{entry_id}', already used by {seen_ids[entry_id]}")
                )
            seen_ids.setdefault(entry_id, document.path)
        if not found:
            found += _same_milestone(document, seen_titles)
        if not found:
            found += _same_passage(document, seen_passages)
        problems += found
        if not found:
            milestones.append(Milestone(document.data, document.path, document))
    return sorted(milestones, key=Milestone.sort_key), problems


def _same_passage(document: YamlDocument, seen: dict[tuple, tuple[str, str]]) -> list[Problem]:
    """A milestone copied under a new id at another precision (2022-11 for 2022-11-24): the same
    category and kind, a quote of the same passage, and dates within each other's period."""
    data = document.data
    filed_under = data.get("date") or data.get("target_start") or data.get("target_year") or ""
    for index, source in enumerate(data.get("sources") or []):
        if not isinstance(source.get("quote"), str):
            continue
        key = (data.get("category"), data.get("kind"), source.get("article"), normalise(source["quote"]))
        if key in seen:
            other_path, other_date = seen[key]
            if filed_under.startswith(other_date) or other_date.startswith(filed_under):
                return [
                    document.problem(
                        ("sources", index, "quote"),
                        f"the same passage dates {other_path} ({other_date}) in the same category: "
                        "one milestone, one file (cite the passage from one of them)",
                    )
                ]
        else:
            seen[key] = (document.path, filed_under)
    return []


def _same_milestone(document: YamlDocument, seen: dict[tuple[str, str], str]) -> list[Problem]:
    """A milestone copied under a new id: the same date (a target: its target year) and the same title."""
    problems = []
    data = document.data
    filed_under = data.get("date") or data.get("target_start") or data.get("target_year")
    for language, title in sorted(data["title"].items()):
        key = (filed_under, normalise(title).casefold())
        if key in seen:
            problems.append(
                document.problem(("title", language), f"same date and title as {seen[key]}: one milestone, one file")
            )
        else:
            seen[key] = document.path
    return problems[:1]


def _concerns_citations(problems: list[Problem]) -> bool:
    """Whether schema problems already concern the citations, so a date basis cannot be weighed yet."""
    return any(problem.field.startswith(("sources", "date_basis")) for problem in problems)


def _semantic_problems(
    file: Path, document: YamlDocument, sources: dict[str, Source], check_basis: bool = True
) -> list[Problem]:
    """What the schema cannot see: real dates, id vs file name, cited articles and quotes, date basis."""
    data = document.data
    problems = file_name_problems(document, ("id",), file)
    dates = {}  # the event dates that pass the calendar checks
    for key in ("date", "end_date", "stated_date", "target_start", "target_year"):
        value = data.get(key)
        message = date_problem(value)
        if message is not None:
            problems.append(document.problem((key,), message))
        elif is_well_formed(value) and key in ("date", "end_date"):
            dates[key] = value
    if "date" in dates and "end_date" in dates and sort_key(dates["end_date"]) < sort_key(dates["date"]):
        problems.append(document.problem(("end_date",), "end_date is before date"))
    today = date.today().isoformat()
    for key, value in dates.items():
        # An event has happened: one dated after today is a plan, which the timeline files as a
        # target. (A year or month counts from its first day, so this year is never "after".)
        if data.get("kind") == "event" and value > today[: len(value)]:
            problems.append(
                document.problem(
                    (key,),
                    f"{key} '{value}' is in the future: an event must have happened; "
                    "a plan or goal is kind: target with its target_year",
                )
            )
    if "date" in data:
        filed_under = dates.get("date")
    else:  # a target the sources do not date is filed under its period or target year
        filed_under = next(
            (data[key] for key in ("target_start", "target_year") if is_well_formed(data.get(key))), None
        )
    if filed_under and isinstance(data.get("id"), str) and not data["id"].startswith(filed_under + "-"):
        problems.append(document.problem(("id",), f"id must start with its date: '{filed_under}-…'"))
    for index, source in enumerate(data.get("sources") or []):
        if not isinstance(source, dict) or not isinstance(source.get("article"), str):
            continue
        article = source["article"]
        if article not in sources:
            problems.append(unknown_source(document, ("sources", index, "article"), article, sources, "article id"))
            continue
        problems += check_quote(document, ("sources", index, "quote"), source.get("quote"), sources[article], article)
    problems += _kind_problems(document)
    if check_basis:
        problems += _basis_problems(document, sources, dates)
    return problems


def _kind_problems(document: YamlDocument) -> list[Problem]:
    """Targets are goals, not events: their fields, and the category that implies one."""
    data = document.data
    problems = []
    if data.get("kind") == "event":
        problems += [
            document.problem((key,), f"{key} is only for kind: target; an event is dated by 'date'")
            for key in ("target_year", "target_start")
            if key in data
        ]
    if data.get("kind") == "target" and "end_date" in data:
        problems.append(
            document.problem(("end_date",), "a target has no end_date; give its period as target_start and target_year")
        )
    if data.get("category") == "local-target" and data.get("kind") != "target":
        problems.append(
            document.problem(("kind",), "category local-target is a goal: set kind: target with its target_year")
        )
    start, year = data.get("target_start"), data.get("target_year")
    if isinstance(start, str) and isinstance(year, str) and start > year:
        problems.append(document.problem(("target_start",), "target_start is after target_year"))
    return problems


def _basis_problems(document: YamlDocument, sources: dict[str, Source], dates: dict[str, str]) -> list[Problem]:
    """The date basis must be borne out by the citations (rules in the module docstring).

    ``dates`` holds the event dates that passed the calendar checks; only those are weighed.
    """
    data = document.data
    basis = data.get("date_basis")
    citations = [source for source in data.get("sources") or [] if isinstance(source, dict)]
    if any(getattr(sources.get(source.get("article")), "unreadable", False) for source in citations):
        return []  # a cited file that cannot be read has its own problem line; its dateline is unknown
    quotes = [
        (source["quote"], sources[source["article"]].header.get("date") if source.get("article") in sources else None)
        for source in citations
        if isinstance(source.get("quote"), str)
    ]
    if "end_date" in dates and sort_key(dates["end_date"]) < sort_key(dates.get("date", "0")):
        dates = {"date": dates["date"]}
    shown = list(dates) + [
        key for key in ("target_start", "target_year") if data.get("kind") == "target" and is_well_formed(data.get(key))
    ]
    problems = []
    if not quotes and citations and basis in ("stated", "inferred"):
        problems.append(
            document.problem(
                ("date_basis",),
                f"date_basis is '{basis}' but only outside reporting is cited; "
                "an entry known only from outside reporting has date_basis 'external'",
            )
        )
    elif basis == "stated":
        for key in shown:
            if not any(stated_in(data[key], quote, dateline) for quote, dateline in quotes):
                problems.append(
                    document.problem(
                        ("date_basis",),
                        f"date_basis is 'stated' but no quote writes {key} "
                        f"'{data[key]}' at that precision ({_wording(data[key])}); "
                        "quote the words that do, or use 'inferred' or 'external'",
                    )
                )
    if basis == "external" and not any("external" in source for source in citations):
        problems.append(
            document.problem(("date_basis",), "date_basis is 'external' but sources has no 'external' citation")
        )
    stated_date = data.get("stated_date")
    if is_well_formed(stated_date):
        date = data.get("date")
        if basis == "stated":
            problems.append(
                document.problem(
                    ("stated_date",),
                    "stated_date is for a date whose most precise part is not "
                    "stated; with date_basis 'stated' leave it out",
                )
            )
        if not (isinstance(date, str) and date.startswith(stated_date) and len(stated_date) < len(date)):
            problems.append(
                document.problem(("stated_date",), f"stated_date '{stated_date}' must be a less precise part of date")
            )
        if not any(stated_in(stated_date, quote, dateline) for quote, dateline in quotes):
            problems.append(
                document.problem(("stated_date",), f"no quote writes '{stated_date}' ({_wording(stated_date)})")
            )
    return problems


def _wording(value: str) -> str:
    """How a quote writes ``value``, for messages: ``2019年8月``."""
    return format_date(value, "zh")
