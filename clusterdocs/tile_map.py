"""Geometry of the tile map of clusters by provincial-level division (clusters page).

The sources speak of China's 31 mainland provincial-level divisions; each gets one equal
tile at an approximate grid position (``LAYOUT``), so no borders and no geometry dataset are
needed. A tile shows how many clusters in the directory name the division in their places,
and how many 2019–2020 preliminary-round winners the figures distribution
``preliminary-winners-2019-2020-by-province`` (source central-local-2021) gives for it.
The macro ``tile_map`` in ``overrides/hooks/map.html`` only lays these values out.
"""

from __future__ import annotations

from .script_conversion import localise
from .problems import Problem
from .text_metrics import text_width

WINNERS_DISTRIBUTION = "preliminary-winners-2019-2020-by-province"
TILE_WIDTH, TILE_HEIGHT, TILE_GAP = 92, 70, 4
NAME_SIZE = 15  # font size of a division's name, smaller for names that would not fit

# key: (row, column, English name, Chinese name). Rows run north to south, columns west to east.
LAYOUT = {
    "heilongjiang": (0, 7, "Heilongjiang", "黑龙江"),
    "inner-mongolia": (1, 4, "Inner Mongolia", "内蒙古"),
    "beijing": (1, 5, "Beijing", "北京"),
    "liaoning": (1, 6, "Liaoning", "辽宁"),
    "jilin": (1, 7, "Jilin", "吉林"),
    "xinjiang": (2, 0, "Xinjiang", "新疆"),
    "gansu": (2, 2, "Gansu", "甘肃"),
    "ningxia": (2, 3, "Ningxia", "宁夏"),
    "shanxi": (2, 4, "Shanxi", "山西"),
    "hebei": (2, 5, "Hebei", "河北"),
    "tianjin": (2, 6, "Tianjin", "天津"),
    "tibet": (3, 0, "Tibet", "西藏"),
    "qinghai": (3, 1, "Qinghai", "青海"),
    "shaanxi": (3, 3, "Shaanxi", "陕西"),
    "henan": (3, 4, "Henan", "河南"),
    "shandong": (3, 5, "Shandong", "山东"),
    "sichuan": (4, 1, "Sichuan", "四川"),
    "chongqing": (4, 2, "Chongqing", "重庆"),
    "hubei": (4, 3, "Hubei", "湖北"),
    "anhui": (4, 4, "Anhui", "安徽"),
    "jiangsu": (4, 5, "Jiangsu", "江苏"),
    "shanghai": (4, 6, "Shanghai", "上海"),
    "yunnan": (5, 1, "Yunnan", "云南"),
    "guizhou": (5, 2, "Guizhou", "贵州"),
    "hunan": (5, 3, "Hunan", "湖南"),
    "jiangxi": (5, 4, "Jiangxi", "江西"),
    "zhejiang": (5, 5, "Zhejiang", "浙江"),
    "guangxi": (6, 3, "Guangxi", "广西"),
    "guangdong": (6, 4, "Guangdong", "广东"),
    "fujian": (6, 5, "Fujian", "福建"),
    "hainan": (7, 3, "Hainan", "海南"),
}
_BY_ENGLISH_NAME = {english: key for key, (_row, _column, english, _chinese) in LAYOUT.items()}


def figure_problems(document) -> list[Problem]:
    """What the map needs from ``data/figures.yml``: the winners distribution, labelled with divisions."""
    distributions = document.data.get("distributions") or []
    index = next((i for i, item in enumerate(distributions) if item.get("id") == WINNERS_DISTRIBUTION), None)
    if index is None:
        return [
            document.problem(("distributions",), f"the cluster map needs the distribution '{WINNERS_DISTRIBUTION}'")
        ]
    return [
        document.problem(
            ("distributions", index, "items", position, "label", "en"),
            f"'{item['label']['en']}' is not one of the 31 mainland provincial-level divisions "
            f"the map shows; known: {', '.join(sorted(_BY_ENGLISH_NAME))}",
        )
        for position, item in enumerate(distributions[index]["items"])
        if item["label"]["en"] not in _BY_ENGLISH_NAME
    ]


def divisions_of(cluster: dict) -> list[str]:
    """Keys of the divisions a cluster's places name (cities and districts are not divisions)."""
    return [_BY_ENGLISH_NAME[place["en"]] for place in cluster["places"] if place["en"] in _BY_ENGLISH_NAME]


def winners_by_division(figures: dict) -> tuple[dict[str, int], dict]:
    """The preliminary-round winners per division, and the distribution they come from."""
    distribution = next(item for item in figures["distributions"] if item["id"] == WINNERS_DISTRIBUTION)
    return {_BY_ENGLISH_NAME[item["label"]["en"]]: item["value"] for item in distribution["items"]}, distribution


def name_lines(name: str) -> dict:
    """A division's name as one line, or two when a two-word name would not fit (Inner Mongolia);
    y offsets are from the top of the tile."""

    def fits(text: str, size: int) -> bool:
        return text_width(text, size) * 0.95 <= TILE_WIDTH - 8

    if fits(name, 12) or " " not in name:
        size = next(size for size in range(NAME_SIZE, 6, -1) if fits(name, size) or size == 7)
        return {"name_size": size, "name_lines": [{"text": name, "dy": 21}]}
    first, rest = name.split(" ", 1)
    return {"name_size": 13, "name_lines": [{"text": first, "dy": 15}, {"text": rest, "dy": 29}]}


def tile_map(clusters: list[dict], figures: dict, language: str, strings: dict, filter_url) -> dict:
    """Tiles, table rows and texts; ``filter_url(key)`` links to the directory filtered to a division."""
    listed = dict.fromkeys(LAYOUT, 0)
    for cluster in clusters:
        for key in set(divisions_of(cluster)):
            listed[key] += 1
    winners, distribution = winners_by_division(figures)
    most = max(listed.values()) or 1
    tiles = []
    for key, (row, column, english, chinese) in LAYOUT.items():
        name = localise({"en": english, "zh": chinese}, language)
        won = winners.get(key)
        shown_winners = str(won) if won is not None else strings["map_not_named"]
        tiles.append(
            {
                "key": key,
                "name": name,
                **name_lines(name),
                "listed": listed[key],
                "winners": won,
                "x": column * (TILE_WIDTH + TILE_GAP),
                "y": row * (TILE_HEIGHT + TILE_GAP),
                "width": TILE_WIDTH,
                "height": TILE_HEIGHT,
                # Shade steps 0–4 by clusters listed; CSS maps each step to a theme colour.
                "shade": 0 if not listed[key] else 1 + round(3 * (listed[key] - 1) / max(1, most - 1)),
                "href": filter_url(key) if listed[key] else None,
                "label": strings["map_tile_label"].format(name=name, listed=listed[key], winners=shown_winners),
                "listed_text": strings["map_tile_listed"].format(count=listed[key]),
                "winners_text": strings["map_tile_winners"].format(count=won if won is not None else "–"),
            }
        )
    columns = 1 + max(column for _row, column, _en, _zh in LAYOUT.values())
    rows = 1 + max(row for row, _column, _en, _zh in LAYOUT.values())
    table = sorted(
        (tile for tile in tiles if tile["listed"] or tile["winners"]),
        key=lambda tile: (-tile["listed"], -(tile["winners"] or 0), tile["key"]),
    )
    return {
        "tiles": sorted(tiles, key=lambda tile: (tile["y"], tile["x"])),
        "table": table,
        "width": columns * (TILE_WIDTH + TILE_GAP) - TILE_GAP,
        "height": rows * (TILE_HEIGHT + TILE_GAP) - TILE_GAP,
        "description": strings["map_description"].format(
            listed=sum(1 for count in listed.values() if count), winners=len(winners)
        ),
        "note": strings["map_note"].format(named=len(winners), total=distribution["total"]),
    }
