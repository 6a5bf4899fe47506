"""The date ledger's detector (clusterdocs/date_ledger.py) finds each kind of date expression the
timeline's method note says it recognises, whole, and leaves look-alikes alone."""

from __future__ import annotations

import pytest

from clusterdocs.check.date_ledger import date_expressions

FOUND = [
    ("2019年8月,工信部启动", "2019年8月"),
    ("记者22日获悉", "22日"),
    ("上世纪八十年代开始", "上世纪八十年代"),
    ("“十四五”时期", "“十四五”时期"),
    ("“十四五”規劃綱要提出", "“十四五”規劃綱要"),
    ("站在“十四五”的新起點上", "“十四五”的新起點"),
    ("党的十九大以来,我国", "党的十九大以来"),
    ("黨的十九大報告明確提出“實施區域協調發展戰略”以來,推動", "黨的十九大報告明確提出“實施區域協調發展戰略”以來"),
    ("專項行動實施以來,涌現出", "實施以來"),
    ("新中国成立后,中关村", "新中国成立后"),
    ("20年间,研究院", "20年间"),
    ("连续两年成功举办", "连续两年"),
    ("成为未来五年乃至中长期", "未来五年"),
    ("今年3月,习近平", "今年3月"),
]

NOT_FOUND = [
    "创新的源头也可以来自于区域内部",  # 以来 inside 可以来自, no event
    "党的十九大报告明确提出要培育",  # a named event without "since"
    "共设立了80多个研究院",
    "黨的十九大報告明確提出“實施區域協調發展戰略,推動",  # a quotation never closed
]


@pytest.mark.parametrize("text, expression", FOUND)
def test_each_kind_of_date_expression_is_found_whole(text, expression):
    assert [match.group(0) for match in date_expressions(text)] == [expression]


@pytest.mark.parametrize("text", NOT_FOUND)
def test_look_alikes_are_not_date_expressions(text):
    assert date_expressions(text) == []
