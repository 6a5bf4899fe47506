"""Geometry of the timeline overview: the inline SVG at the top of the timeline page.

One lane per category, one mark per milestone, each mark a link to its entry on the page.
A mark spans the period its date names (a whole year for ``2019``, a month for ``2019-08``);
only a full date is drawn as a point, so the picture is never more precise than the source.
Years before the dense recent period are drawn on a compressed, visibly broken axis: one
equal slot per year that has an entry, so the 2017–2025 period stays readable.

The picture is drawn at its real size in CSS pixels, never scaled down, so its labels keep their
size: lane labels in a column of their own, and the plot beside it, whose horizontal positions
are percentages of its width. The plot is laid out at its narrowest, the room a 360 px phone
leaves beside the labels (``PHONE_COLUMN``), so that a phone shows every year at once, the
early ones included; it widens with the column, and scrolls inside its own box only on a
screen narrower still. On the axis, a year label that would touch its neighbour at the
narrowest goes on a second, raised row there (``row``), or is left out there if it is one of
the every-other years a reader can count from the grid. Every mark has a hit area at least ``HIT`` pixels wide and tall
(WCAG 2.2, 2.5.8), and marks whose hit areas would overlap at the narrowest go on separate rows
of their lane, so they never overlap at any width (percentages only move them apart).
The macro ``overview`` in ``overrides/hooks/overview.html`` only lays these values out.
"""

from __future__ import annotations

import calendar
import math
from itertools import pairwise

from .chart_files import Chart, Column, wrap
from ..text.text_metrics import text_width
from ..check.timeline import Milestone

PHONE_COLUMN = 328  # the text column of a 360 px phone (Material's 16 px margins either side)
YEAR_WIDTH = 25  # pixels per year on the detailed part of the axis, at most, at the plot's narrowest
MIN_YEAR_WIDTH = 14  # ... and at least: below this the plot scrolls rather than squeeze
HIT = 24  # the smallest hit area of a mark, both ways: also the height of one row of marks
EARLY_SLOT = HIT  # pixels per year on the compressed part: marks of neighbouring early years share a row
BREAK_WIDTH = 5  # the gap drawn between the compressed and the detailed part
# Room for the first and the last year's label, each wider than its year at the narrowest.
LEFT_MARGIN = 3
RIGHT_MARGIN = 6
LANE_PADDING = 0  # lanes are told apart by their shading; a row already leaves room round a mark
AXIS_HEIGHT = 17
MARK_HEIGHT = 12
MIN_MARK_WIDTH = 10
BAR_INSET = 2
LABEL_SIZES = (12, 11)  # font sizes of lane labels, in pixels: the largest at which every label fits
LABEL_WRAP = 86  # ... in two lines no wider than this (wrapping at spaces)
LABEL_LEADING = 2  # pixels between lines of a lane label, and at least this much above and below it in its lane
YEAR_SIZE = 11  # font size of the years on the axis
YEAR_GAP = 3  # the least room between two year labels on one row of the axis
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

    def __init__(self, years: list[int], left: int, width: float | None = None):
        """``width``: the room for the whole axis, which sets the pixels per detailed year
        (between ``MIN_YEAR_WIDTH`` and ``YEAR_WIDTH``); ``YEAR_WIDTH`` without it."""
        self.start = detailed_start(years)
        self.early = sorted({year for year in years if year < self.start})
        self.end = max(years) + 1
        self.left = left
        self.detail_left = left + len(self.early) * EARLY_SLOT + (BREAK_WIDTH if self.early else 0)
        self.year_width = YEAR_WIDTH
        if width is not None:
            room = (width - (self.detail_left - left)) / (self.end - self.start)
            self.year_width = min(YEAR_WIDTH, max(MIN_YEAR_WIDTH, math.floor(room * 10) / 10))
        self.right = self.detail_left + (self.end - self.start) * self.year_width

    def x(self, year: float) -> float:
        if year < self.start:
            slot = self.early.index(int(year))
            return self.left + slot * EARLY_SLOT + (year - int(year)) * EARLY_SLOT
        return self.detail_left + (year - self.start) * self.year_width

    def span(self, start: float, end: float) -> tuple[float, float]:
        """x of a period's start and end; an early period is drawn inside its year's slot."""
        x0 = self.x(start)
        scale = EARLY_SLOT if start < self.start else self.year_width
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
    """Put marks of one lane whose hit areas overlap on separate rows (hit areas may touch);
    return how many rows the lane needs. A hit area is centred on its mark, or slides right as
    far as it may while it still holds the mark, to clear the one before it on its row."""
    row_ends: list[float] = []
    for mark in sorted(marks, key=lambda mark: (mark["hit_x"], mark["id"])):
        for index, end in enumerate(row_ends):
            fits = mark["hit_x"] >= end
            slides = not fits and end <= mark["x"] and end + mark["hit_width"] >= mark["x"] + mark["width"]
            if fits or slides:
                if slides:
                    mark["hit_x"] = round(end, 1)
                mark["row"], row_ends[index] = index, mark["hit_x"] + mark["hit_width"]
                break
        else:
            mark["row"] = len(row_ends)
            row_ends.append(mark["hit_x"] + mark["hit_width"])
    return max(1, len(row_ends))


def label_lines(label: str, size: int) -> list[str]:
    """A lane label in lines no wider than ``LABEL_WRAP`` at ``size`` where it has spaces to break at."""
    lines: list[str] = []
    for word in label.split(" "):
        if lines and text_width(f"{lines[-1]} {word}", size) <= LABEL_WRAP:
            lines[-1] = f"{lines[-1]} {word}"
        else:
            lines.append(word)
    return lines


def axis_rows(labels: list[dict]) -> None:
    """Give each year label on the axis its ``row`` at the plot's narrowest: 0 (the axis line),
    1 (raised above it) or ``None`` (left out there), left to right. A label the reader needs
    (``needed``: an early year, the year after the break) takes the first row where it does not
    touch the label before it; an every-other year of the detailed axis only the axis line,
    else it is left out, as the grid lines count the years."""
    ends = [-math.inf, -math.inf]
    for label in labels:
        half = text_width(label["text"], YEAR_SIZE) / 2
        rows = (0, 1) if label["needed"] else (0,)
        label["row"] = next((row for row in rows if label["x"] - half >= ends[row] + YEAR_GAP), None)
        if label["row"] is not None:
            ends[label["row"]] = label["x"] + half


def percent(x: float, width: float, rounding=round) -> float:
    """``x`` as a percentage of ``width``, to a thousandth (``math.floor``/``math.ceil`` to round outwards)."""
    return rounding(x / width * 100_000) / 1000 if rounding is not round else round(x / width * 100, 3)


def overview(milestones: list[Milestone], entries: list[dict], lanes: list[dict], strings: dict) -> dict:
    """Everything the overview macro draws.

    ``entries`` are the timeline's entry values (id, date, title, category, …) in the same order
    as ``milestones``; ``lanes`` the categories in display order (key, label). Empty lanes are left out.
    Pixel values (``x``, ``width``, ``hit_x``…) are at the plot's narrowest width, ``plot_width``;
    the macro draws horizontal positions as the matching percentages (``*_pct``).
    """
    used = [lane for lane in lanes if any(entry["category"] == lane["key"] for entry in entries)]
    for label_size in LABEL_SIZES:
        wrapped = {lane["key"]: label_lines(lane["label"], label_size) for lane in used}
        lines_used = [line for lines in wrapped.values() for line in lines]
        if all(len(lines) <= 2 for lines in wrapped.values()) and max(map(len, wrapped.values())) <= 2:
            if max(text_width(line, label_size) for line in lines_used) <= LABEL_WRAP:
                break
    label_line = label_size + LABEL_LEADING
    label_width = max(text_width(line, label_size) for line in lines_used) + 8  # 6 before, 2 after
    axis = Axis(
        [int(milestone.date[:4]) for milestone in milestones],
        LEFT_MARGIN,
        PHONE_COLUMN - label_width - LEFT_MARGIN - RIGHT_MARGIN,
    )
    plot_width = math.ceil(axis.right + RIGHT_MARGIN)
    marks_by_lane: dict[str, list[dict]] = {lane["key"]: [] for lane in used}
    for milestone, entry in zip(milestones, entries):
        start, end = period(milestone.date)
        if milestone.data.get("end_date"):
            end = period(milestone.data["end_date"])[1]
        x0, x1 = axis.span(start, end)
        basis, mark_kind = date_basis(milestone), kind(milestone)
        point = end == start
        shape = "target" if mark_kind == "target" else "point" if point else "bar"
        centre = (x0 + x1) / 2
        # A bar stops short of its period's ends, so that bars of adjacent periods stay apart.
        width = max(MIN_MARK_WIDTH, x1 - x0 - 2 * BAR_INSET) if shape == "bar" else MARK_HEIGHT
        x = centre - width / 2
        hit_x = min(x, centre - HIT / 2)
        hit_width = max(x + width, centre + HIT / 2) - hit_x
        marks_by_lane[entry["category"]].append(
            {
                "id": entry["id"],
                "shape": shape,
                "x": round(x, 1),
                "width": round(width, 1),
                "cx": round(centre, 1),
                "hit_x": round(hit_x, 1),
                "hit_width": round(hit_width, 1),
                "x_pct": percent(x, plot_width),
                "width_pct": percent(width, plot_width),
                "cx_pct": percent(centre, plot_width),
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
    for index, lane in enumerate(used):
        marks = marks_by_lane[lane["key"]]
        rows = _rows(marks)
        lines = wrapped[lane["key"]]
        height = max(rows * HIT, len(lines) * label_line + LABEL_LEADING) + 2 * LANE_PADDING
        top = y + (height - rows * HIT) / 2
        for mark in marks:
            # Rounded outwards, so that a hit area is never a fraction of a pixel short.
            left, right = mark["hit_x"], mark["hit_x"] + mark["hit_width"]
            mark["hit_x_pct"] = percent(left, plot_width, math.floor)
            mark["hit_width_pct"] = round(percent(right, plot_width, math.ceil) - mark["hit_x_pct"], 3)
            mark["hit_y"] = top + mark["row"] * HIT
            mark["hit_height"] = HIT
            mark["y"] = mark["hit_y"] + (HIT - MARK_HEIGHT) / 2
            mark["height"] = MARK_HEIGHT
            mark["cy"] = mark["hit_y"] + HIT / 2
        first_line = y + height / 2 - (len(lines) - 1) * label_line / 2
        result_lanes.append(
            {
                "key": lane["key"],
                "label": lane["label"],
                "lines": [{"text": line, "y": first_line + number * label_line} for number, line in enumerate(lines)],
                "alt": index % 2 == 1,
                "y": y,
                "height": height,
                "marks": sorted(marks, key=lambda mark: (mark["x"], mark["id"])),
            }
        )
        y += height
    years = [int(milestone.date[:4]) for milestone in milestones]
    gap = axis.gap()
    description = strings["overview_description"].format(
        count=len(entries), first=min(years), last=max(years), lanes=len(used)
    )
    if gap:
        # The axis note follows another sentence: after a space in English, none in Chinese.
        space = " " if strings["full_stop"].endswith(" ") else ""
        description += space + strings["overview_break"].format(before=gap["from_year"], start=gap["to_year"])
        gap = dict(gap, x_pct=percent(gap["x"], plot_width), width_pct=percent(gap["width"], plot_width))
    ticks = [
        dict(
            tick,
            text=str(tick["year"]),
            x_pct=percent(tick["x"], plot_width),
            line_pct=percent(tick["line"], plot_width) if "line" in tick else None,
            # Every other year of the detailed axis may go unlabelled when the plot is at its narrowest;
            # an early year, and the first year after the break, never.
            needed=tick["compressed"]
            or (bool(axis.early) and tick["year"] == axis.start)
            or (tick["year"] - axis.start) % 2 == 1
            or tick["year"] == axis.end - 1,
        )
        for tick in axis.ticks()
    ]
    axis_break = None
    if gap:
        axis_break = {"text": "//", "x": gap["x"] + gap["width"] / 2, "x_pct": gap["x_pct"] + gap["width_pct"] / 2}
        axis_break["needed"] = False  # the dashed gap in the plot shows the break as well
    labels = sorted(ticks + ([axis_break] if axis_break else []), key=lambda label: label["x"])
    axis_rows(labels)
    for tick in ticks:
        tick["minor"] = tick["row"] is None
    return {
        "plot_width": plot_width,
        "width": plot_width,
        "height": y + 2,
        "axis_y": AXIS_HEIGHT - 7,
        "label_size": label_size,
        "year_size": YEAR_SIZE,
        "label_width": label_width,
        "plot_left": axis.left,
        "plot_right": round(axis.right),
        "ticks": ticks,
        "gap": gap,
        "axis_break": axis_break,
        "raised": any(label["row"] == 1 for label in labels),
        "lanes": result_lanes,
        "description": description,
        "axis_note": strings["overview_break"].format(before=gap["from_year"], start=gap["to_year"]) if gap else "",
        # In entry order (oldest first), so keyboard focus moves through time like the list below.
        "marks": [
            mark for entry in entries for lane in result_lanes for mark in lane["marks"] if mark["id"] == entry["id"]
        ],
        "bases": sorted({mark["basis"] for lane in result_lanes for mark in lane["marks"]}),
        "kinds": sorted({mark["kind"] for lane in result_lanes for mark in lane["marks"]}),
    }


PICTURE_PLOT = 640  # the plot's width in the standalone picture


def overview_chart(
    milestones: list[Milestone], entries: list[dict], lanes: list[dict], language: str, strings: dict[str, str]
):
    """The overview as a chart (clusterdocs/render/chart_files.py): the drawing, and the table under it,
    one row per entry in the list's order (date, title, category, date basis, kind), which the
    page shows and the CSV download holds; ``strings``: the language's interface strings."""
    o = overview(milestones, entries, lanes, strings)
    columns = [
        Column("date", strings["date"]),
        Column("title", strings["title"]),
        Column("category", strings["filter_category"]),
        Column("basis", strings["overview_basis_column"]),
        Column("kind", strings["overview_kind_column"]),
    ]
    rows = [
        {
            "id": entry["id"],
            "date": entry["date"],
            "title": entry["title"],
            "category": entry["category_label"],
            "basis": strings[f"overview_legend_{date_basis(milestone)}"],
            "kind": strings[f"overview_kind_{kind(milestone)}"],
        }
        for milestone, entry in zip(milestones, entries)
    ]
    width = o["label_width"] + PICTURE_PLOT
    keys = [("bar", basis, strings[f"overview_legend_{basis}"]) for basis in ("stated", "inferred", "external")]
    keys += [
        ("point", "stated", strings["overview_legend_point"]),
        ("target", "stated", strings["overview_legend_target"]),
    ]
    legend, x, y = [], 0, o["height"] + 12
    for shape, basis, text in keys:
        key_width = 26 + text_width(text, 11) + 16
        if x and x + key_width > width:
            x, y = 0, y + 22
        legend.append({"x": x, "y": y, "shape": shape, "basis": basis, "text": text})
        x += key_width
    note = wrap(strings["overview_note"], width, 11)
    return Chart(
        id="overview",
        page="timeline.md",
        language=language,
        title=strings["overview_title"],
        source=strings["overview_source"],
        columns=columns,
        rows=rows,
        picture=(
            "overview",
            {
                "width": width,
                "height": y + 24 + len(note) * 16,
                "label_width": o["label_width"],
                "plot_width": PICTURE_PLOT,
                "o": o,
                "legend": legend,
                "note": [{"text": line, "y": y + 36 + index * 16} for index, line in enumerate(note)],
            },
        ),
        extra={"overview": o, "description": o["description"]},
    )
