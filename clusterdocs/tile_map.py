"""The tile map of the clusters page: values and layout classes, by provincial-level division.

The sources speak of China's 31 mainland provincial-level divisions; each gets one equal tile
at an approximate grid position (``LAYOUT``), so no borders and no geometry dataset are needed.
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

from .languages import language_of
from .problems import Problem
from .script_conversion import localise
from .text_metrics import text_width

WINNERS_DISTRIBUTION = "preliminary-winners-2019-2020-by-province"
VIEWS = ("winners", "listed")
STEPS = 4  # shades above the empty one; reader.css styles .cd-map__<view initial>0 … 4

# key: (row, column, English name, Chinese name, two-letter code). Rows run north to south,
# columns west to east. The code is the pinyin abbreviation of ISO 3166-2:CN, shown on English
# tiles when the map is too narrow for full names (Chinese names always fit).
LAYOUT = {
    "heilongjiang": (0, 7, "Heilongjiang", "黑龙江", "HL"),
    "inner-mongolia": (1, 4, "Inner Mongolia", "内蒙古", "NM"),
    "beijing": (1, 5, "Beijing", "北京", "BJ"),
    "liaoning": (1, 6, "Liaoning", "辽宁", "LN"),
    "jilin": (1, 7, "Jilin", "吉林", "JL"),
    "xinjiang": (2, 0, "Xinjiang", "新疆", "XJ"),
    "gansu": (2, 2, "Gansu", "甘肃", "GS"),
    "ningxia": (2, 3, "Ningxia", "宁夏", "NX"),
    "shanxi": (2, 4, "Shanxi", "山西", "SX"),
    "hebei": (2, 5, "Hebei", "河北", "HE"),
    "tianjin": (2, 6, "Tianjin", "天津", "TJ"),
    "tibet": (3, 0, "Tibet", "西藏", "XZ"),
    "qinghai": (3, 1, "Qinghai", "青海", "QH"),
    "shaanxi": (3, 3, "Shaanxi", "陕西", "SN"),
    "henan": (3, 4, "Henan", "河南", "HA"),
    "shandong": (3, 5, "Shandong", "山东", "SD"),
    "sichuan": (4, 1, "Sichuan", "四川", "SC"),
    "chongqing": (4, 2, "Chongqing", "重庆", "CQ"),
    "hubei": (4, 3, "Hubei", "湖北", "HB"),
    "anhui": (4, 4, "Anhui", "安徽", "AH"),
    "jiangsu": (4, 5, "Jiangsu", "江苏", "JS"),
    "shanghai": (4, 6, "Shanghai", "上海", "SH"),
    "yunnan": (5, 1, "Yunnan", "云南", "YN"),
    "guizhou": (5, 2, "Guizhou", "贵州", "GZ"),
    "hunan": (5, 3, "Hunan", "湖南", "HN"),
    "jiangxi": (5, 4, "Jiangxi", "江西", "JX"),
    "zhejiang": (5, 5, "Zhejiang", "浙江", "ZJ"),
    "guangxi": (6, 3, "Guangxi", "广西", "GX"),
    "guangdong": (6, 4, "Guangdong", "广东", "GD"),
    "fujian": (6, 5, "Fujian", "福建", "FJ"),
    "hainan": (7, 3, "Hainan", "海南", "HI"),
}
_BY_ENGLISH_NAME = {place[2]: key for key, place in LAYOUT.items()}


def figure_problems(document) -> list[Problem]:
    """What the map needs from ``data/figures.yml``: the winners distribution, labelled with
    divisions, with none left unlisted (the map's note says the named divisions account for every
    winner)."""
    distributions = document.data.get("distributions") or []
    index = next((i for i, item in enumerate(distributions) if item.get("id") == WINNERS_DISTRIBUTION), None)
    if index is None:
        return [
            document.problem(("distributions",), f"the cluster map needs the distribution '{WINNERS_DISTRIBUTION}'")
        ]
    distribution = distributions[index]
    problems = [
        document.problem(
            ("distributions", index, "items", position, "label", "en"),
            f"'{item['label']['en']}' is not one of the 31 mainland provincial-level divisions "
            f"the map shows; known: {', '.join(sorted(_BY_ENGLISH_NAME))}",
        )
        for position, item in enumerate(distribution["items"])
        if item["label"]["en"] not in _BY_ENGLISH_NAME
    ]
    if "unlisted" in distribution:  # the total itself is checked with every distribution's
        problems.append(
            document.problem(
                ("distributions", index, "unlisted"),
                "the cluster map's note says the named divisions account for every winner; "
                "a distribution with unlisted winners cannot be mapped",
            )
        )
    return problems


def divisions_of(cluster: dict) -> list[str]:
    """Keys of the divisions a cluster's places name (cities and districts are not divisions)."""
    return [_BY_ENGLISH_NAME[place["en"]] for place in cluster["places"] if place["en"] in _BY_ENGLISH_NAME]


def winners_by_division(figures: dict) -> tuple[dict[str, int], dict]:
    """The preliminary-round winners per division, and the distribution they come from."""
    distribution = next(item for item in figures["distributions"] if item["id"] == WINNERS_DISTRIBUTION)
    return {_BY_ENGLISH_NAME[item["label"]["en"]]: item["value"] for item in distribution["items"]}, distribution


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


# The standalone picture (clusterdocs/chart_files.py): both views side by side, fixed colours.
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
    """The tile map as a chart (clusterdocs/chart_files.py): the table under the map, one row
    per division (its code too on English pages), and both views as one picture."""
    from .chart_files import Chart, Column

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
