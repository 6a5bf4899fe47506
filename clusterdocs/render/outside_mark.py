"""The outside-reporting mark of a timeline entry, for every place the entry appears besides the timeline.

The timeline marks an entry known only from outside reporting (no source article reports it:
"Outside the five sources") and an entry whose date comes from outside reporting ("Date from
outside reporting", or which part of it, when the sources state the rest). The same marks, from
the same interface strings, travel with the entry into the milestone lists of article and
cluster pages (``mark``), the notes of its citation files (``after``) and its feed entries
(``before``); the exports carry them as the ``from_sources`` and ``date_basis`` columns
(clusterdocs/render/open_data.py). An entry the sources support, with a date they state, has no
mark; a date the editors infer is said in the sentence form only (``sentence``: feeds and
citation notes, which have no date label of their own), not as the outside-reporting badge in
lists. ``basis_detail`` words a date whose parts have different bases,
for the mark and for the timeline's entry.
"""

from __future__ import annotations

from ..base.languages import language_of
from ..check.sitedata import SiteData
from ..check.timeline import Milestone

# The Atom category of a marked feed entry.
FEED_CATEGORY = "outside-reporting"


def mark(milestone: Milestone, language: str, data: SiteData) -> str | None:
    """The short mark shown beside the entry in a list, or None."""
    strings = data.ui[language]
    if not milestone.from_sources:
        return strings["outside_badge"]
    if milestone.date_basis != "external":
        return None
    subject = strings["basis_subject_target" if milestone.kind == "target" else "basis_subject_event"]
    return basis_detail(milestone, strings) or subject + strings["basis_external"]


def sentence(milestone: Milestone, language: str, data: SiteData, explained: bool = False) -> str | None:
    """The mark as a sentence, or None; ``explained``: an entry known only from outside
    reporting says so in full, as the timeline's note under it does (for a citation's note)."""
    if explained and not milestone.from_sources:
        return data.ui[language]["outside_note"]
    shown = mark(milestone, language, data)
    if shown is None and milestone.date_basis == "inferred":
        strings = data.ui[language]
        subject = strings["basis_subject_target" if milestone.kind == "target" else "basis_subject_event"]
        shown = basis_detail(milestone, strings) or subject + strings["basis_inferred"]
    if shown is None:
        return None
    shown = shown[0].upper() + shown[1:]  # basis_detail starts with a lower-case part name
    return shown + data.ui[language]["full_stop"].rstrip()


def before(text: str, milestone: Milestone, language: str, data: SiteData) -> str:
    """``text`` (sentences) with the mark's sentence before it, if the entry has one (a feed
    entry's summary: the mark comes first, and short, since the summary explains)."""
    marked = sentence(milestone, language, data)
    if marked is None or not text:
        return marked or text
    return ("" if language_of(language).is_chinese else " ").join([marked, text])


def after(phrase: str, milestone: Milestone, language: str, data: SiteData) -> str:
    """``phrase`` (no closing stop) with the mark's sentence after it, if the entry has one (a
    citation's note: the mark in full, since the note is all the citation says)."""
    marked = sentence(milestone, language, data, explained=True)
    return phrase if marked is None else phrase + data.ui[language]["full_stop"] + marked


def basis_detail(milestone: Milestone, strings: dict[str, str]) -> str | None:
    """For a date whose parts have different bases: which part the sources state and which they do not.

    ``2022-11-24`` with ``stated_date: "2022-11"`` and basis ``external`` reads "day from outside
    reporting; year and month stated in the sources".
    """
    stated = milestone.data.get("stated_date")
    if not stated:
        return None
    stated_parts, all_parts = len(stated.split("-")), len(milestone.date.split("-"))
    names = ("year", "month", "day")
    stated_part = strings["part_" + "_".join(names[:stated_parts])]
    other_part = strings["part_" + "_".join(names[stated_parts:all_parts])]
    return strings["basis_mixed"].format(
        part=other_part, basis=strings[f"basis_part_{milestone.date_basis}"], stated=stated_part
    )
