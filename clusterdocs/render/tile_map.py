"""The tile map of the clusters page: values and layout classes, by provincial-level division.

The sources speak of China's 31 mainland provincial-level divisions; each gets one equal tile
at an approximate grid position (``LAYOUT``, clusterdocs/check/divisions.py), so no borders and no geometry dataset are needed.
The map has two views, and the reader switches between them without JavaScript (two radio
inputs; CSS in ``reader.css`` shows one view's shading, numbers, legend and note):

- ``winners`` (shown first): the preliminary-round winners per division as the figures
  distribution ``preliminary-winners-2019-2020-by-province`` states them (source
  central-local-2021; its title and year come from ``data/figures.yml``). A division the
  source does not name shows ``–``, not 0;
- ``listed``: how many clusters in this site's directory name the division in their places
  (a cross-province cluster counts in each of its divisions).

Each view's values are shaded in ``STEPS`` equal-width ranges of whole numbers from 1 to the
view's largest value (``shade_steps``); the legend gives each range in numbers. The macro
``tile_map`` in ``overrides/hooks/map.html`` only lays these values out.
"""

from __future__ import annotations

from .chart_files import Chart, Column
from ..check.divisions import LAYOUT, divisions_of, winners_by_division
from ..base.languages import language_of
from ..check.script_conversion import localise
from ..text.text_metrics import text_width

VIEWS = ("winners", "listed")
STEPS = 4  # shades above the empty one; reader.css styles .cd-map__<view initial>0 … 4


def listed_by_division(clusters: list[dict]) -> dict[str, int]:
    """How many clusters of the directory name each division (a cross-province one counts in each)."""
    listed = dict.fromkeys(LAYOUT, 0)
    for cluster in clusters:
        for key in set(divisions_of(cluster)):
            listed[key] += 1
    return listed


def shade_steps(largest: int) -> list[tuple[int, int]]:
    """The whole numbers each shade above the empty one stands for: ``STEPS`` ranges of about
    equal width from 1 to ``largest`` (fewer when ``largest`` is small)."""
    bounds = [(largest * step) // STEPS for step in range(STEPS + 1)]
    return [(low + 1, high) for low, high in zip(bounds, bounds[1:]) if high > low]


def shade_of(value: int | None, steps: list[tuple[int, int]]) -> int:
    """0 for no value (or 0), else the 1-based position of the range holding ``value``."""
    if not value:
        return 0
    return next(index for index, (low, high) in enumerate(steps, start=1) if low <= value <= high)


def tile_map(clusters: list[dict], figures: dict, language: str, strings: dict, filter_url) -> dict:
    """Tiles, legends, notes and table rows; ``filter_url(key)`` links to the directory filtered
    to a division (only divisions the directory lists have a link: the filter shows no others)."""
    winners, distribution = winners_by_division(figures)
    values = {"winners": winners, "listed": listed_by_division(clusters)}
    steps = {view: shade_steps(max(values[view].values(), default=0)) for view in VIEWS}
    tiles = []
    for key, (row, column, english, chinese, code) in LAYOUT.items():
        name = localise({"en": english, "zh": chinese}, language)
        won, listed = winners.get(key), values["listed"][key]
        tiles.append(
            {
                "key": key,
                "name": name,
                "short": name if language_of(language).is_chinese else code,
                "row": row,
                "column": column,
                "winners": won,
                "listed": listed,
                "shown": {"winners": "–" if won is None else str(won), "listed": str(listed)},
                "shade": {view: shade_of(values[view].get(key), steps[view]) for view in VIEWS},
                "href": filter_url(key) if listed else None,
                "label": strings["map_tile_label"].format(
                    name=name, winners=strings["map_not_named"] if won is None else won, listed=listed
                ),
            }
        )
    tiles.sort(key=lambda tile: (tile["row"], tile["column"]))
    texts = {
        "winners": {
            "label": strings["map_winners"],
            "title": localise(distribution["title"], language),
            "note": strings["map_note_winners"].format(named=len(winners), total=distribution["total"]),
            "empty": strings["map_legend_none"],
        },
        "listed": {
            "label": strings["map_listed"],
            "title": strings["map_title_listed"],
            "note": strings["map_note_listed"],
            "empty": strings["map_legend_zero"],
        },
    }
    views = [
        dict(
            texts[view],
            key=view,
            legend=[{"shade": 0, "text": texts[view]["empty"]}]
            + [
                {"shade": shade, "text": str(low) if low == high else strings["map_range"].format(low=low, high=high)}
                for shade, (low, high) in enumerate(steps[view], start=1)
            ],
        )
        for view in VIEWS
    ]
    return {
        "tiles": tiles,
        "views": views,
        # Divisions with a value in either view, most clusters listed first (the directory's filter).
        "table": sorted(
            (tile for tile in tiles if tile["listed"] or tile["winners"]),
            key=lambda tile: (-tile["listed"], -(tile["winners"] or 0), tile["key"]),
        ),
        # Every division for the map's own table, most winners first.
        "rows": sorted(tiles, key=lambda tile: (-(tile["winners"] or 0), -tile["listed"], tile["key"])),
        "description": strings["map_description"].format(count=len(LAYOUT)),
        "codes_note": "" if language_of(language).is_chinese else strings["map_codes_note"],
    }


# The standalone picture (clusterdocs/render/chart_files.py): both views side by side, fixed colours.
TILE, TILE_GAP, PANEL_GAP = 44, 4, 28
SHADES = ("#ffffff", "#dfe2f3", "#b9c0e6", "#8a95d3", "#4051b5")
INKS = ("#1f2329", "#1f2329", "#1f2329", "#ffffff", "#ffffff")


def map_picture(values: dict) -> dict:
    """Geometry of both views as tiles in SVG units: per view its title, tiles and legend."""
    from .chart_files import wrap

    pitch = TILE + TILE_GAP
    columns = 1 + max(tile["column"] for tile in values["tiles"])
    rows = 1 + max(tile["row"] for tile in values["tiles"])
    panel_width = columns * pitch - TILE_GAP
    panels, height = [], 0
    for index, view in enumerate(values["views"]):
        title = [
            {"text": line, "y": 14 + number * 18} for number, line in enumerate(wrap(view["title"], panel_width, 13))
        ]
        top = len(title) * 18 + 8
        tiles = [
            {
                "x": tile["column"] * pitch,
                "y": top + tile["row"] * pitch,
                "short": tile["short"],
                "value": tile["shown"][view["key"]],
                "shade": tile["shade"][view["key"]],
            }
            for tile in values["tiles"]
        ]
        legend, x, y = [], 0, top + rows * pitch + 8
        for key in view["legend"]:
            key_width = 19 + text_width(key["text"], 11) + 14
            if x and x + key_width > panel_width:
                x, y = 0, y + 20
            legend.append({"x": x, "y": y, "shade": key["shade"], "text": key["text"]})
            x += key_width
        panels.append({"x": index * (panel_width + PANEL_GAP), "title": title, "tiles": tiles, "legend": legend})
        height = max(height, y + 16)
    width = len(panels) * panel_width + (len(panels) - 1) * PANEL_GAP
    return {
        "panels": panels,
        "tile": TILE,
        "gap": TILE_GAP,
        "width": width,
        "height": height,
        "shades": SHADES,
        "inks": INKS,
    }


def map_chart(data, language: str, filter_url=lambda key: None):
    """The tile map as a chart (clusterdocs/render/chart_files.py): the table under the map, one row
    per division (its code too on English pages), and both views as one picture."""
    strings = data.ui[language]
    values = tile_map(data.clusters, data.figures, language, strings, filter_url)
    distribution = winners_by_division(data.figures)[1]
    columns = [Column("name", strings["map_division"])]
    if not language_of(language).is_chinese:
        columns.append(Column("short", strings["map_code"]))
    columns += [Column("winners_shown", strings["map_winners"]), Column("listed", strings["map_listed"])]
    source = data.article_title(language, distribution["source"])
    return Chart(
        id="map",
        page="clusters.md",
        language=language,
        title=strings["map_table_caption"],
        # Each view's own source: the article for the winners, this site's directory for the rest.
        source=strings["map_winners"]
        + strings["colon"]
        + strings["chart_source_when"].format(source=source, when=distribution["year"])
        + strings["separator"]
        + strings["map_listed"]
        + strings["colon"]
        + strings["site_name"],
        columns=columns,
        rows=[dict(tile, winners_shown=tile["shown"]["winners"]) for tile in values["rows"]],
        picture=("tile_map", map_picture(values)),
        extra={"values": values, "description": values["description"]},
    )
