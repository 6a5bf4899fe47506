"""China's 31 mainland provincial-level divisions as the clusters page's tile map places them, and
what the map needs from ``data/figures.yml``.

``LAYOUT`` gives each division its tile (clusterdocs/render/tile_map.py draws the map); ``figure_problems``
is the check ``load_site_data`` runs on the figures file: the preliminary-round winners
distribution must be there, labelled with divisions, with no winners left unlisted.
"""

from __future__ import annotations

from ..base.problems import Problem

WINNERS_DISTRIBUTION = "preliminary-winners-2019-2020-by-province"

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
