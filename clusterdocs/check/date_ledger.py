"""The date ledger (``data/date_ledger.yml``): every date expression in the cleaned sources, accounted for.

The timeline claims to list every dated milestone the five sources report. The ledger is what
that claim rests on: each date expression in a source's body (a year such as 2019年, a month,
a day, a decade such as 上世纪八十年代, a plan period or outline such as “十四五”时期 or “十四五”规划纲要,
a time since or after a named event such as 党的十九大以来 or 新中国成立后, a duration such as
20年间 or 连续两年, or a relative one such as 今年 or 目前) is listed with the verbatim passage around it and either the timeline entry
that uses it (``milestone``) or the reason it is not a milestone (``reason``: a statistic's
reference year, a target, background). Run with the other checks of ``data/`` (``datasets``)
and, for the timeline ids, once the timeline is loaded (``sitedata``):

- every expression ``DATE_EXPRESSION`` finds in a source and no ledger entry covers is a line,
  at its place in the source file, so a source that gains a date must be read again;
- an entry whose passage is not verbatim in its source, or whose expression is not a date
  expression of its passage, is a line, as is an entry naming a timeline id that does not exist.

``DATE_EXPRESSION`` is a flat alternation of fixed or bounded runs (no nested quantifiers), so
it takes time in proportion to the text.
"""

from __future__ import annotations

import re
from pathlib import Path

from ..base.problems import Problem
from .sources import Source, check_quote, unknown_source
from ..read.textfile import read_text
from ..read.yamlfile import YamlDocument, split_front_matter

_DIGITS = "0-9"
_HAN_DIGITS = "〇零一二三四五六七八九"
DATE_EXPRESSION = re.compile(
    # A year, a span of years or a year in Chinese digits, with its month and day if given: 2019年8月, 2024-2025年, 二〇三五年.
    rf"(?<![{_DIGITS}])(?:[{_DIGITS}]{{4}}(?:[-–—至到][{_DIGITS}]{{4}})?|[{_HAN_DIGITS}]{{4}})年"
    rf"(?:[{_DIGITS}]{{1,2}}月(?:[{_DIGITS}]{{1,2}}日)?)?"
    # A month (and day) without its year, and a day alone: 9月11日, 记者22日.
    rf"|(?<![{_DIGITS}])[{_DIGITS}]{{1,2}}月(?:[{_DIGITS}]{{1,2}}日)?"
    rf"|(?<![{_DIGITS}月])[{_DIGITS}]{{1,2}}日"
    # A decade: 上世纪八十年代, 上世纪7、80年代.
    rf"|(?:上世[纪紀])?[{_DIGITS}{_HAN_DIGITS}十、]{{1,6}}年代"
    # A five-year plan's period, its outline or its start: “十四五”时期, “十四五”期间, “十四五”规划纲要, “十四五”的新起点.
    r"|“?十[一二三四五六七八九]五”?(?:时期|時期|期间|期間|规划纲要|規劃綱要|的新起点|的新起點)"
    # Since or after a named event: 党的十九大以来, 黨的十九大報告明確提出“…”以來, 專項行動實施以來, 新中国成立后.
    r"|(?:党|黨)的[一二三四五六七八九十]{1,3}大(?:以来|以來|以后|以後)"
    r"|(?:党|黨)的[一二三四五六七八九十]{1,3}大(?:报告|報告)(?:明确提出|明確提出)“[^“”\n]{1,30}”(?:以来|以來)"
    r"|(?:实施|實施|启动|啟動)(?:以来|以來)"
    r"|新中[国國]成立(?:以来|以來|以后|以後|后|後)"
    # A duration: 20年间, 连续两年, 未来五年.
    rf"|(?<![{_DIGITS}])[{_DIGITS}]{{1,3}}年[间間]|[一二两兩三四五六七八九十]{{1,3}}年[间間]"
    rf"|(?:连续|連續|未来|未來)[{_DIGITS}一二两兩三四五六七八九十]{{1,3}}年"
    # Relative ones, which date what they stand beside by the article's own date.
    r"|(?:今年|去年|明年)(?:[0-9]{1,2}月)?(?:以来|以來)?"
    r"|近年[来來]|近[两兩几幾]年|近些年|早年|目前|至今|[当當]前"
)

LEDGER = "data/date_ledger.yml"


def date_expressions(text: str) -> list[re.Match]:
    """Every date expression in ``text``, in order."""
    return list(DATE_EXPRESSION.finditer(text))


def _normalised(body: str) -> tuple[str, list[int]]:
    """``body`` with whitespace runs as one space (``sources.normalise``), and for each character
    of the result its index in ``body``."""
    folded: list[str] = []
    origin: list[int] = []
    for index, character in enumerate(body):
        if character.isspace():
            if folded and folded[-1] != " ":
                folded.append(" ")
                origin.append(index)
            continue
        folded.append(character)
        origin.append(index)
    return "".join(folded), origin


def _spans(passage: str, folded: str, origin: list[int]) -> list[tuple[int, int]]:
    """Where ``passage`` (whitespace aside) occurs in the body ``folded`` came from."""
    wanted = " ".join(passage.split())
    spans, start = [], folded.find(wanted) if wanted else -1
    while start != -1:
        spans.append((origin[start], origin[start + len(wanted) - 1] + 1))
        start = folded.find(wanted, start + 1)
    return spans


def ledger_problems(document: YamlDocument, sources: dict[str, Source], root: Path) -> list[Problem]:
    """The ledger against the sources: entries that do not match, and expressions no entry covers."""
    problems: list[Problem] = []
    covered: dict[str, set[tuple[int, str]]] = {source_id: set() for source_id in sources}
    bodies = {
        source_id: (source.body, *_normalised(source.body))
        for source_id, source in sources.items()
        if not source.unreadable and source.body is not None
    }
    for index, entry in enumerate(document.data["entries"]):
        source_id, expression, passage = entry["source"], entry["expression"], entry["passage"]
        if source_id not in sources:
            problems.append(unknown_source(document, ("entries", index, "source"), source_id, sources))
            continue
        if source_id not in bodies:
            continue  # an unreadable source has its own line
        found = check_quote(document, ("entries", index, "passage"), passage, sources[source_id], source_id)
        if found:
            problems += found
            continue
        body, folded, origin = bodies[source_id]
        in_passage = [match.group(0) for match in date_expressions(" ".join(passage.split()))]
        if expression not in in_passage:
            listed = ", ".join(in_passage) or "none"
            problems.append(
                document.problem(
                    ("entries", index, "expression"),
                    f"'{expression}' is not a date expression of its passage (found: {listed})",
                )
            )
            continue
        for start, end in _spans(passage, folded, origin):
            for match in DATE_EXPRESSION.finditer(body, start, end):
                if match.group(0) == expression:
                    covered[source_id].add((match.start(), expression))
    for source_id, (body, _folded, _origin) in bodies.items():
        first_line = _first_body_line(sources[source_id], root)
        for match in date_expressions(body):
            if (match.start(), match.group(0)) in covered[source_id]:
                continue
            before = body[: match.start()]
            line = first_line + before.count("\n")
            column = match.start() - (before.rfind("\n") + 1) + 1
            problems.append(
                Problem(
                    sources[source_id].path,
                    line,
                    column,
                    "(text)",
                    f"date expression '{match.group(0)}' is not accounted for in {LEDGER}: give the "
                    "timeline entry that uses it, or the reason it is not a milestone",
                )
            )
    return problems


def _first_body_line(source: Source, root: Path) -> int:
    """The line of the source file on which its body starts."""
    text, _problems = read_text(root / source.path, root)
    if text is None:
        return 1
    _header, body, _offset = split_front_matter(text)
    return text[: len(text) - len(body)].count("\n") + 1


def milestone_problems(document: YamlDocument, milestone_ids: set[str], broken: set[str]) -> list[Problem]:
    """Each entry's ``milestone`` must be a timeline entry (one with problems of its own aside)."""
    return [
        document.problem(("entries", index, "milestone"), f"unknown timeline entry '{entry['milestone']}'")
        for index, entry in enumerate(document.data["entries"])
        if "milestone" in entry and entry["milestone"] not in milestone_ids | broken
    ]
