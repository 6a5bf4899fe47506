"""Geometry of the timeline overview: the inline SVG at the top of the timeline page.

One lane per category, one mark per milestone, each mark a link to its entry on the page.
A mark spans the period its date names (a whole year for ``2019``, a month for ``2019-08``);
only a full date is drawn as a point, so the picture is never more precise than the source.
Years before the dense recent period are drawn on a compressed, visibly broken axis: one
equal slot per year that has an entry, so the 2017–2025 period stays readable.
The macro ``overview`` in ``overrides/hooks/overview.html`` only lays these values out.
"""

from __future__ import annotations

import calendar
from itertools import pairwise

from .text_metrics import text_width
from .timeline import Milestone

YEAR_WIDTH = 60  # user units per year on the detailed part of the axis
EARLY_SLOT = 50  # user units per year on the compressed part
BREAK_WIDTH = 24  # the gap drawn between the compressed and the detailed part
ROW = 18  # height of one row of marks inside a lane
LANE_PADDING = 8
AXIS_HEIGHT = 28
MARK_HEIGHT = 12
MIN_MARK_WIDTH = 10
LABEL_SIZE = 15  # font size of lane labels and years, in user units
DENSE_GAP = 4  # a gap of more than this many years starts the detailed axis after it


def date_basis(milestone: Milestone) -> str:
    """``stated``, ``inferred`` or ``external``; files written before the field existed say
    ``approximate: true`` for an inferred date."""
    return milestone.data.get("date_basis", "inferred" if milestone.data.get("approximate") else "stated")


def kind(milestone: Milestone) -> str:
    """``event`` or ``target``; files written before the field existed are targets by category."""
    return milestone.data.get("kind", "target" if milestone.data["category"] == "local-target" else "event")


def detailed_start(years: list[int]) -> int:
    """The first year of the detailed axis: the year after the last long gap between entries."""
    distinct = sorted(set(years))
    start = distinct[0]
    for earlier, later in pairwise(distinct):
        if later - earlier > DENSE_GAP:
            start = later
    return start


def period(value: str) -> tuple[float, float]:
    """Start and end of the period a date names, in fractional years."""
    parts = [int(part) for part in value.split("-")]
    year = parts[0]
    if len(parts) == 1:
        return year, year + 1
    month_start = year + (parts[1] - 1) / 12
    if len(parts) == 2:
        return month_start, month_start + 1 / 12
    days = calendar.monthrange(year, parts[1])[1]
    day = month_start + (parts[2] - 1) / 12 / days
    return day, day


class Axis:
    """Maps fractional years to x: equal slots for early years, a linear scale afterwards."""

    def __init__(self, years: list[int], left: int):
        self.start = detailed_start(years)
        self.early = sorted({year for year in years if year < self.start})
        self.end = max(years) + 1
        self.left = left
        self.detail_left = left + len(self.early) * EARLY_SLOT + (BREAK_WIDTH if self.early else 0)
        self.right = self.detail_left + (self.end - self.start) * YEAR_WIDTH

    def x(self, year: float) -> float:
        if year < self.start:
            slot = self.early.index(int(year))
            return self.left + slot * EARLY_SLOT + (year - int(year)) * EARLY_SLOT
        return self.detail_left + (year - self.start) * YEAR_WIDTH

    def span(self, start: float, end: float) -> tuple[float, float]:
        """x of a period's start and end; an early period is drawn inside its year's slot."""
        x0 = self.x(start)
        scale = EARLY_SLOT if start < self.start else YEAR_WIDTH
        return x0, x0 + (min(end, int(start) + 1 if start < self.start else self.end) - start) * scale

    def ticks(self) -> list[dict]:
        ticks = [
            {"year": year, "x": round(self.left + index * EARLY_SLOT + EARLY_SLOT / 2, 1), "compressed": True}
            for index, year in enumerate(self.early)
        ]
        ticks += [
            {"year": year, "x": round(self.x(year + 0.5), 1), "compressed": False, "line": round(self.x(year), 1)}
            for year in range(self.start, self.end)
        ]
        return ticks

    def gap(self) -> dict | None:
        """Where the axis breaks, if it does."""
        if not self.early:
            return None
        return {
            "x": self.detail_left - BREAK_WIDTH,
            "width": BREAK_WIDTH,
            "from_year": self.early[-1],
            "to_year": self.start,
        }


def _rows(marks: list[dict]) -> int:
    """Put overlapping marks of one lane on separate rows; return how many rows the lane needs."""
    row_ends: list[float] = []
    for mark in sorted(marks, key=lambda mark: mark["x"]):
        for index, end in enumerate(row_ends):
            if mark["x"] >= end + 2:
                mark["row"], row_ends[index] = index, mark["x"] + mark["width"]
                break
        else:
            mark["row"] = len(row_ends)
            row_ends.append(mark["x"] + mark["width"])
    return max(1, len(row_ends))


def overview(milestones: list[Milestone], entries: list[dict], lanes: list[dict], strings: dict) -> dict:
    """Everything the overview macro draws.

    ``entries`` are the timeline's entry values (id, date, title, category, …) in the same order
    as ``milestones``; ``lanes`` the categories in display order (key, label). Empty lanes are left out.
    """
    used = [lane for lane in lanes if any(entry["category"] == lane["key"] for entry in entries)]
    label_width = max(text_width(lane["label"], LABEL_SIZE) for lane in used) + 16
    axis = Axis([int(milestone.date[:4]) for milestone in milestones], label_width)
    marks_by_lane: dict[str, list[dict]] = {lane["key"]: [] for lane in used}
    for milestone, entry in zip(milestones, entries):
        start, end = period(milestone.date)
        if milestone.data.get("end_date"):
            end = period(milestone.data["end_date"])[1]
        x0, x1 = axis.span(start, end)
        point = end == start
        width = max(MIN_MARK_WIDTH, x1 - x0)
        basis, mark_kind = date_basis(milestone), kind(milestone)
        marks_by_lane[entry["category"]].append(
            {
                "id": entry["id"],
                "x": round(x0 - (MIN_MARK_WIDTH / 2 if point else 0), 1),
                "width": round(width, 1),
                "point": point,
                "basis": basis,
                "kind": mark_kind,
                "label": strings["overview_mark"].format(
                    date=entry["date"],
                    title=entry["title"],
                    basis=strings[f"overview_basis_{basis}"],
                    kind=strings[f"overview_kind_{mark_kind}"],
                ),
            }
        )
    result_lanes, y = [], AXIS_HEIGHT
    for lane in used:
        marks = marks_by_lane[lane["key"]]
        rows = _rows(marks)
        height = rows * ROW + 2 * LANE_PADDING
        for mark in marks:
            mark["y"] = y + LANE_PADDING + mark["row"] * ROW + (ROW - MARK_HEIGHT) / 2
            mark["height"] = MARK_HEIGHT
            mark["cx"] = round(mark["x"] + mark["width"] / 2, 1)
            mark["cy"] = round(mark["y"] + MARK_HEIGHT / 2, 1)
        result_lanes.append(
            {
                "key": lane["key"],
                "label": lane["label"],
                "y": y,
                "height": height,
                "label_y": y + height / 2,
                "marks": sorted(marks, key=lambda mark: (mark["x"], mark["id"])),
            }
        )
        y += height
    years = [int(milestone.date[:4]) for milestone in milestones]
    gap = axis.gap()
    description = strings["overview_description"].format(
        count=len(entries), first=min(years), last=max(years), lanes=len(used)
    )
    # The axis note follows another sentence: after a space in English, none in Chinese.
    space = " " if strings["full_stop"].endswith(" ") else ""
    axis_note = space + strings["overview_break"].format(before=gap["from_year"], start=gap["to_year"]) if gap else ""
    description += axis_note
    return {
        "width": round(axis.right + 8),
        "height": y + 4,
        "axis_y": AXIS_HEIGHT - 10,
        "font_size": LABEL_SIZE,
        "label_width": label_width,
        "plot_left": axis.left,
        "plot_right": round(axis.right),
        "ticks": axis.ticks(),
        "gap": gap,
        "lanes": result_lanes,
        "description": description,
        # In entry order (oldest first), so keyboard focus moves through time like the list below.
        "marks": [
            mark for entry in entries for lane in result_lanes for mark in lane["marks"] if mark["id"] == entry["id"]
        ],
        "axis_note": axis_note,
        "bases": sorted({mark["basis"] for lane in result_lanes for mark in lane["marks"]}),
        "kinds": sorted({mark["kind"] for lane in result_lanes for mark in lane["marks"]}),
    }
