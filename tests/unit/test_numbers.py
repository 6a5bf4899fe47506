"""The number matcher behind the figure and prose checks: whole numbers, never substrings."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from clusterdocs.text.numbers import (
    chinese_numbers_in,
    evidence,
    numbers_in,
    occurs_in,
    supported,
)


@pytest.mark.parametrize(
    "value, text",
    [
        ("45", "我國已確定45個國家先進制造業集群"),
        ("45", "已確定４５個"),  # full-width digits
        ("1000", "共1,000家"),
        ("1,000", "共1 000家"),  # thousands separators
        ("2.2萬億元", "川渝電子信息產業規模達2.2萬億元"),
        ("70%", "占全部數量的70%"),
        ("20萬億元", "產值突破20萬億元"),
        ("第三輪", "《第三輪先進制造業集群決賽優勝者名單》"),
    ],
)
def test_a_value_occurs_as_a_whole_number(value, text):
    assert occurs_in(value, text)


@pytest.mark.parametrize(
    "value, text",
    [
        ("4", "生物醫藥44個"),
        ("20", "2020年"),
        ("20", "202"),
        ("4", "已確定45個"),
        ("2", "達2.2萬億元"),
        ("2萬億元", "達2.2萬億元"),
        ("1,000", "11,000"),
        ("5", "2.5"),
        ("45", "我國已確定46個"),
    ],
)
def test_a_value_inside_another_number_does_not_occur(value, text):
    assert not occurs_in(value, text)


def test_numbers_in_prose_carry_value_and_magnitude():
    found = [(number.text, number.value, number.scaled) for number in numbers_in("RMB 5 billion; 2,200 firms; 12/7/17")]
    assert found == [
        ("5", 5, Decimal(5 * 10**9)),
        ("2,200", 2200, None),
        ("12", 12, None),
        ("7", 7, None),
        ("17", 17, None),
    ]


def test_evidence_reads_chinese_numerals_magnitudes_and_decades():
    values = evidence("“十四五”時期 引導六大主機企業 總規模達50億元 千億級 上世纪八十年代 統一")
    assert {
        Decimal(14),
        Decimal(5),
        Decimal(6),
        Decimal(50),
        Decimal(5 * 10**9),
        Decimal(10**11),
        Decimal(1980),
    } <= values
    assert Decimal(1) not in values  # 統一 is a word, not the number one
    assert supported(numbers_in("an RMB 5 billion fund")[0], values)
    assert not supported(numbers_in("an RMB 7 billion fund")[0], values)
    assert not supported(numbers_in("an RMB 6 billion fund")[0], values)  # 六 is there, 6×10⁹ is not


def test_chinese_numerals():
    assert chinese_numbers_in("二〇二二年 十九大 一百零五 三十") == [
        Decimal(2022),
        Decimal(19),
        Decimal(105),
        Decimal(30),
    ]


digits = st.integers(min_value=0, max_value=10**9)


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=200), st.text(max_size=40))
def test_any_text_matches_or_not_without_an_exception(text, value):
    assert isinstance(occurs_in(value, text), bool)
    numbers_in(text)
    evidence(text)


@settings(max_examples=300, deadline=None)
@given(digits, digits, st.sampled_from(["個", "家", "年", " clusters", "%", ""]))
def test_a_number_occurs_in_text_exactly_when_it_is_one_of_its_numbers(shown, asked, unit):
    text = f"共有{shown}{unit},其中"
    assert occurs_in(f"{asked}{unit}", text) == (asked == shown)
    assert occurs_in(str(shown), text)


def test_prose_numbers_need_evidence_unless_the_sentence_says_it_is_outside_reporting():
    from clusterdocs.check.prose_numbers import ProseChecker

    checker = ProseChecker({}, {"2019-08-miit-first-preliminary-round": ([], ["2019-08"])})
    values = evidence("东部地区30个")
    assert [number.text for number in checker.unsupported("East 30, west 7.", values)] == ["7"]
    assert checker.unsupported("According to external reporting, west 7.", values) == []
    assert [
        n.text for n in checker.unsupported("According to external reporting, west 7.", values, marked_sentences=False)
    ] == ["7"]
    # an id is not a number, and naming the entry cites its date
    assert checker.unsupported("See 2019-08-miit-first-preliminary-round (August 2019).", values) == []
