"""Render the home page's opening: the policy in numbers, and the latest milestones.

Called through the table in clusterdocs/render/pages.py for ``docs/<language>/index.md``, whose
``<!-- home:numbers -->`` and ``<!-- home:latest -->`` markers it replaces. Every count, year and
basis comes from the data: a step of ``STEPS`` names a headline figure (``data/figures.yml``)
and the timeline entries that date it; the step after them is the later round that only outside
reporting gives (``MEDIA_SUM``): its own count, read from its timeline entry, with the media's sum
named in the caption as the media's, never shown as a count of the site's. A year is shown as the
figure states it or, when the figure gives none, as the month of its entry, with that entry's
date basis. The macros in ``overrides/hooks/home.html`` lay the values out.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from ..text.dates import format_date
from .links import PageLinks
from ..check.markers import replace_markers, section
from ..text.numbers import numbers_in, occurs_in
from ..base.problems import DataError, Problem
from ..check.sitedata import SiteData
from .templates import render_macro
from ..check.timeline import Milestone


@dataclass(frozen=True)
class Step:
    figure: str  # id of a headline figure in data/figures.yml
    milestones: tuple[str, ...]  # timeline entries that date it, oldest first
    caption: Callable[[dict], str]  # the few words under the count, from the page's interface strings


# The national competition's counts in the order they came.
STEPS = (
    Step(
        "preliminary-winners-44",
        ("2019-08-miit-first-preliminary-round", "2020-05-miit-second-preliminary-round"),
        lambda strings: strings["home_step_preliminary"],
    ),
    Step(
        "key-clusters-25",
        ("2021-03-22-miit-25-key-clusters-public-notice",),
        lambda strings: strings["home_step_key"],
    ),
    Step(
        "national-clusters-45",
        ("2022-11-24-miit-45-national-clusters",),
        lambda strings: strings["home_step_national"],
    ),
)
# The round that media add to the last step's count: a timeline entry known from outside reporting.
MEDIA_SUM = "2024-11-18-miit-2024-round-35-winners"
LATEST = 4  # how many of the newest events the home page lists
READING_GUIDE = ("articles/index.md", "cluster-counts")
FIGURES_EXPLAINED = ("figures.md", "numbers-explained")


def render_page(markdown: str, data: SiteData, language: str, links: PageLinks, path: str) -> str:
    """Replace the ``<!-- home:… -->`` markers of ``docs/<language>/index.md``."""
    strings = data.ui[language]
    milestones = {milestone.id: milestone for milestone in data.milestones}

    def numbers() -> str:
        steps = policy_steps(data, milestones, language, links, path)
        return render_macro(
            "home.html",
            "numbers",
            language,
            strings,
            steps=steps,
            guide=links.to_page(*READING_GUIDE),
            explained=links.to_page(*FIGURES_EXPLAINED),
        )

    def latest() -> str:
        items = [
            {
                "id": milestone.id,
                "date": milestone.display_date(language, strings),
                "date_iso": milestone.date,
                "title": data.in_language(milestone.data["title"], language),
                "outside": not milestone.from_sources,
                "href": links.to_page("timeline.md", milestone.id),
            }
            for milestone in latest_events(data.milestones)
        ]
        html = render_macro(
            "home.html", "latest", language, strings, items=items, timeline=links.to_page("timeline.md")
        )
        return section(strings["home_latest"], "latest", html)

    return replace_markers(markdown, "home", {"numbers": numbers, "latest": latest}, path)


def latest_events(milestones: list[Milestone], count: int = LATEST) -> list[Milestone]:
    """The newest events, newest first (targets are goals, not milestones reached)."""
    events = [milestone for milestone in milestones if milestone.kind == "event"]
    return sorted(events, key=Milestone.sort_key, reverse=True)[:count]


def policy_steps(
    data: SiteData, milestones: dict[str, Milestone], language: str, links: PageLinks, path: str
) -> list[dict]:
    """The values of each step, counts and years as the data gives them, the media's sum last."""
    figures = {figure["id"]: figure for figure in data.figures["headline"]}
    wanted = [(step.figure, "figure", figures) for step in STEPS]
    wanted += [(entry, "timeline entry", milestones) for step in STEPS for entry in step.milestones]
    wanted.append((MEDIA_SUM, "timeline entry", milestones))
    missing = [f"{kind} {key} is gone" for key, kind, found in wanted if key not in found]
    if missing:
        raise DataError([Problem(path, 1, 1, "<!-- home:numbers -->", "; ".join(missing))])
    strings = data.ui[language]
    steps = []
    for step in STEPS:
        figure, dated_by = figures[step.figure], [milestones[entry] for entry in step.milestones]
        when, basis = (figure["year"], figure["basis"]) if figure["year"] else _month_of(dated_by[0], language)
        steps.append(
            {
                "count": figure["value"],
                "caption": step.caption(strings),
                "when": when,
                "when_basis": basis,
                "count_basis": figure["basis"],
                "href": links.to_page("figures.md", figure["id"]),
                "entries": [_entry_link(entry, language, links) for entry in dated_by],
                "media": False,
            }
        )
    base = int(figures[STEPS[-1].figure]["value"])
    entry = milestones[MEDIA_SUM]
    added = media_addend(entry, base, path)
    when, basis = _month_of(entry, language)
    steps.append(
        {
            "count": str(added),
            "caption": strings["home_step_media"].format(base=base, total=base + added),
            "when": when,
            "when_basis": basis,
            "count_basis": "media",
            "href": links.to_page(*FIGURES_EXPLAINED[:1], "what-does-not-add-up"),
            "entries": [_entry_link(entry, language, links)],
            "media": True,
        }
    )
    return steps


def media_addend(entry: Milestone, base: int, path: str) -> int:
    """The winners of the round the media add to ``base``: the one count in the entry's English
    title besides its year. The entry must report the media's total too (in its summary), so the
    page shows a sum that outside reporting makes, never one of its own."""
    year = int(entry.date[:4])
    counts = [int(number.value) for number in numbers_in(entry.data["title"]["en"]) if number.value != year]
    if len(counts) != 1:
        problem = "its title must give one count besides its year"
    elif not occurs_in(str(base + counts[0]), entry.data["summary"]["en"]):
        problem = f"its summary must report the media's total {base} + {counts[0]} = {base + counts[0]}"
    else:
        return counts[0]
    raise DataError([Problem(path, 1, 1, "<!-- home:numbers -->", f"timeline entry {entry.id}: {problem}")])


def _month_of(entry: Milestone, language: str) -> tuple[str, str]:
    """An entry's month (never more precise than its date), and where its date comes from."""
    return format_date(entry.date[:7], language), entry.date_basis


def _entry_link(entry: Milestone, language: str, links: PageLinks) -> dict:
    return {"date": format_date(entry.date[:7], language), "href": links.to_page("timeline.md", entry.id)}
