"""The date basis of each figure in ``data/figures.yml``, checked like a timeline date.

Called by ``datasets.load_dataset`` once the file matches its schema. A ``stated`` year must be
written in the figure's ``source_text`` or ``year_text`` (``2022年``; each year of a range such
as ``2019–2020``), and ``year_text`` must be verbatim in the same source; an ``inferred`` year
needs a ``note`` giving the reasoning; an ``external`` one needs an ``external`` citation.
"""

from __future__ import annotations

import re

from ..text.dates import stated_in
from ..base.problems import Problem
from .sources import Source, check_quote
from ..read.yamlfile import YamlDocument


def figure_basis_problems(document: YamlDocument, sources: dict[str, Source]) -> list[Problem]:
    problems = []
    for list_name in ("distributions", "headline"):
        for index, figure in enumerate(document.data[list_name]):
            problems += _one_figure(document, (list_name, index), figure, sources)
    return problems


def _one_figure(document: YamlDocument, location: tuple, figure: dict, sources: dict[str, Source]) -> list[Problem]:
    source = sources.get(figure["source"])
    problems = []
    if "year_text" in figure:
        problems += check_quote(document, location + ("year_text",), figure["year_text"], source, figure["source"])
    basis = figure["basis"]
    if basis == "stated" and figure["year"]:
        texts = [figure.get("year_text", "")] + [figure.get("source_text", "")]
        for year in re.findall(r"[0-9]{4}", figure["year"]):
            if not any(stated_in(year, text) for text in texts):
                problems.append(
                    document.problem(
                        location + ("basis",),
                        f"basis is 'stated' but neither source_text nor "
                        f"year_text writes the year {year} ({year}年); quote the words that do "
                        "in year_text, or use 'inferred' or 'external'",
                    )
                )
    if basis == "inferred" and "note" not in figure:
        problems.append(
            document.problem(location + ("basis",), "basis is 'inferred': give the reasoning in a bilingual note")
        )
    if basis == "external" and "external" not in figure:
        problems.append(
            document.problem(location + ("basis",), "basis is 'external' but the figure has no 'external' citation")
        )
    return problems
