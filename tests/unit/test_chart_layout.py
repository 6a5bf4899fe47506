"""The charts' phone layout (clusterdocs/render/figures_view.py): labels above their bars, every line and
every value inside the drawing's width, rows that do not overlap."""

from __future__ import annotations

from clusterdocs.render.figures_view import NARROW_FONT, NARROW_WIDTH, bar_chart, wrap_label
from clusterdocs.text.text_metrics import text_width

LONG = "An unusually long sector label that cannot fit on one line of a phone-sized chart"


def test_labels_wrap_at_spaces_or_between_chinese_characters_within_the_width():
    lines = wrap_label(LONG, NARROW_WIDTH, NARROW_FONT)
    assert len(lines) >= 2 and " ".join(lines) == LONG
    chinese = "新一代信息技术" * 5
    lines = wrap_label(chinese, NARROW_WIDTH, NARROW_FONT)
    assert len(lines) >= 2 and "".join(lines) == chinese
    for line in wrap_label(LONG, NARROW_WIDTH, NARROW_FONT) + lines:
        assert text_width(line, NARROW_FONT) <= NARROW_WIDTH
    assert wrap_label("East", NARROW_WIDTH, NARROW_FONT) == ["East"]


def test_phone_layout_keeps_values_inside_and_rows_apart():
    items = [(LONG, 17), ("Biomedicine", 4), ("东部地区", 30), ("West", 0)]
    narrow = bar_chart("c", "Title", items, "clusters")["narrow"]
    assert narrow["width"] == NARROW_WIDTH and len(narrow["bars"]) == len(items)
    bottom = 0
    for (_label, value), bar in zip(items, narrow["bars"], strict=True):
        assert bar["value"] == value
        tops = [line["y"] - NARROW_FONT for line in bar["label_lines"]]
        assert min(tops) >= bottom and max(line["y"] for line in bar["label_lines"]) < bar["y"]
        assert bar["value_x"] + text_width(str(value), NARROW_FONT) <= NARROW_WIDTH
        bottom = bar["y"] + bar["height"]
    assert narrow["height"] == bottom
    assert len(narrow["bars"][0]["label_lines"]) >= 2
    # The longest bar is the largest value; a zero still shows a sliver.
    assert max(bar["width"] for bar in narrow["bars"]) == narrow["bars"][2]["width"]
    assert narrow["bars"][3]["width"] == 2
