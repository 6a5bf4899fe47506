"""A page's "last updated" date: the newest of what the page shows, not only of its own file.

The git-revision-date-localized plugin dates a page by the last commit of its own Markdown file,
but most pages are largely rendered from data through their markers (clusterdocs/render/pages.py),
and any page may end with correction notes (data/corrections.yml). So hooks/page_dates.py, for
every page after the plugin has dated it, asks ``last_updated`` for the newest of:

- the plugin's date of the page's own file (for a generated zh-Hant page, the zh file it is made from);
- the last change (clusterdocs/publish/last_change.py, the feeds' one ``git log``) of each file
  whose content the page renders: ``page_inputs``, from ``INPUTS`` by page kind, and for an
  article page its source text and the timeline entries it lists;
- the day of each correction the page shows (``shown_corrections``: the notes at its end, or
  every entry on the Corrections page).

A date is no more precise than where it comes from: a commit gives a time (``Updated.at``), a
correction entry a day (``Updated.on``); on one day the commit's time is kept, since both say
that day. Days are counted in UTC, as the plugin's are (mkdocs.yml sets it no other time zone).
The interface strings (data/ui.yml) do not count: a reworded label is no new content. A file
with no change in git (never committed, or a tree outside git) adds nothing, so there the page
keeps the plugin's date, which is then the build date.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from ..base.languages import source_code
from ..check.corrections import LOG_PAGE, corrections_of
from ..check.sitedata import SiteData
from ..render.pages import PageAddress

# What a kind of page's markers render besides the page's own file: a data file by its name in
# data/, or every file of a kind: timeline entries, sources (their attribution headers) and the
# article pages of the page's language (their front matter). Kinds as in clusterdocs/check/markers.py.
# Like the interface strings, the title of another page in a link's words does not count: the
# file holding it changes for much else, and the page it is shown on did not.
TIMELINE, SOURCES, ARTICLES = "timeline entries", "sources", "article pages"
INPUTS: dict[str, tuple[str, ...]] = {
    "home": ("figures", TIMELINE),
    "article": (),  # its own source and the entries citing it: ``page_inputs``
    "articles": (ARTICLES, SOURCES),
    "timeline": (TIMELINE, "categories", "clusters", SOURCES),
    "clusters": ("clusters", "reference_labels", "figures", TIMELINE, SOURCES),
    "documents": ("documents", "clusters", TIMELINE, SOURCES),
    "figures": ("figures", TIMELINE, SOURCES),
    "glossary": ("glossary",),
    "data": ("clusters", "figures", "glossary", "documents", "categories", "reference_labels", TIMELINE, SOURCES),
    "corrections": ("corrections",),
}


@dataclass(frozen=True)
class Updated:
    """When a page was last updated: a day, and the time of day when the source gives one."""

    day: datetime.date
    seconds: int | None = None  # Unix time of a commit; None for a date given to the day

    @classmethod
    def at(cls, seconds: int) -> Updated:
        return cls(datetime.datetime.fromtimestamp(seconds, datetime.timezone.utc).date(), seconds)

    @classmethod
    def on(cls, day: str) -> Updated:
        """``2026-12-07``, a day as data/corrections.yml writes it."""
        return cls(datetime.date.fromisoformat(day))

    def order(self) -> tuple:
        """Later day first; on one day a commit's time outranks the bare day, and a later time an earlier one."""
        return (self.day, self.seconds is not None, self.seconds or 0)


def latest(candidates: Iterable[Updated]) -> Updated:
    return max(candidates, key=Updated.order)


def page_inputs(data: SiteData, page: PageAddress) -> list[str]:
    """The files (relative to the repository) whose content ``page`` renders, its own aside."""
    kind, written = page.kind, source_code(page.language)
    if kind == "article":
        found = data.article(page.language, page.path.removeprefix("articles/").removesuffix(".md"))
        if found is None:
            return []
        source = data.sources.get(found.source_id)
        return sorted(
            ([source.path] if source is not None else [])
            + [milestone.path for milestone in data.milestones_citing(found.source_id)]
        )
    files = []
    for name in INPUTS.get(kind, ()):
        if name == TIMELINE:
            files += [milestone.path for milestone in data.milestones]
        elif name == SOURCES:
            files += [source.path for source in data.sources.values()]
        elif name == ARTICLES:
            files += [article.path for article in data.articles if article.language == written]
        else:
            files.append(f"data/{name}.yml")
    return sorted(set(files))


def shown_corrections(data: SiteData, page: PageAddress) -> list[dict]:
    """The correction entries ``page`` shows: its notes, or on the Corrections page the whole log."""
    if page.path == LOG_PAGE:
        return list(data.corrections)
    return corrections_of(data.corrections, page.path, page.language)


def last_updated(own: Updated, data: SiteData, page: PageAddress, changed: Mapping[str, int]) -> Updated:
    """The newest of ``own`` (the page's file), the last change of each file in ``page_inputs``
    (``changed``: ``last_change.last_changes``) and the day of each correction the page shows."""
    return latest(
        [
            own,
            *(Updated.at(changed[path]) for path in page_inputs(data, page) if path in changed),
            *(Updated.on(entry["date"]) for entry in shown_corrections(data, page)),
        ]
    )
