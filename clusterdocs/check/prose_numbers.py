"""Numbers in prose: every number the site states in its own words must come from what it cites.

Prose is what contributors write around the verified quotes and figures: article pages' title,
description, figure descriptions and notes, translations, names and notes, and the Markdown
body (abstract, key points, about this source); timeline titles and summaries; notes, labels
and titles in ``data/figures.yml``; notes and target descriptions in ``data/clusters.yml``;
glossary definitions.

Each number written with digits (ASCII or full-width) in a piece of prose must be one of:

(a) a number of the same entry's verified figures or quotes;
(b) a number of a source text the entry cites: ``sources/<id>.txt`` of each cited article (body
    and attribution header). Naming another entry by id (a milestone, a cluster, a source) or
    linking to an article page cites it too;
(c) a number of an outside citation the entry marks as such: a timeline entry's ``external``
    sources (date and note). Prose with no structured list of outside citations (article pages,
    ``data/*.yml``) marks it in the sentence itself ("external reporting", 外部报道), and such a
    sentence is not checked;
(d) part of a date the entry itself carries (a timeline entry's ``date`` and ``end_date``).

Numbers match as whole numbers (``clusterdocs.text.numbers``); the evidence also counts Chinese
numerals (``十四五`` supports "14th") and magnitude words ("RMB 5 billion" is ``50億元``). Numbers
the prose writes in Chinese numerals or in English words are not checked: only digits are.
Identifiers that contain digits (a milestone id such as ``2019-08-miit-first-preliminary-round``)
are not numbers. So changing a digit in published prose fails the check unless the new number
is also one the entry's sources state.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from decimal import Decimal
from functools import cache
from pathlib import Path

from ..base.text_memo import memoised
from ..text.numbers import Number, evidence, numbers_in, supported
from ..base.problems import Problem
from .sources import Source
from ..read.textfile import read_text
from ..text.term_patterns import prefix_tree_pattern
from ..read.yamlfile import YamlDocument, split_front_matter
from .markers import blanked

# Markup, not prose: comments (markers), heading anchors, link targets, code, list numbers.
_MARKDOWN_NOISE = re.compile(
    r"<!--.*?-->|\{ ?#[^}]*\}|\]\([^)]*\)|`[^`]*`|^[ \t]*\d+\.(?=[ \t])", re.DOTALL | re.MULTILINE
)
# A sentence that says it reports from outside the five sources (rule c, for prose without a
# structured list of outside citations: article pages and data/*.yml notes).
EXTERNAL_MARK = re.compile(
    r"\bexternal(?: reporting| source| grouping|, not from this article)|外部(?:报道|信息|来源|参考)"
    r"|来源文章以外",
    re.IGNORECASE,
)
_SENTENCE = re.compile(r"[^。！？\n]+?(?:[.!?](?=\s|$)|[。！？\n]|$)")


def _blank(match: re.Match) -> str:
    """Same length, no digits: positions (for line and column) stay where they were."""
    return blanked(match.group(0))


class _Unknown:
    """The evidence of a source that failed its own checks: anything may be in it, so nothing is reported."""

    def __contains__(self, value) -> bool:
        return True

    def __or__(self, other):
        return self

    __ror__ = __or__  # a plain set on the left defers here: set | _Unknown() is _Unknown()


class ProseChecker:
    """Checks prose against evidence; knows the ids (which are not numbers) and the sources."""

    def __init__(
        self,
        sources: dict[str, Source],
        cited_by_id: dict[str, tuple[list[str], list[str]]],
        broken_sources: set[str] = frozenset(),
    ):
        """``cited_by_id``: for each id prose may name, the source ids and texts it stands for."""
        self.sources = sources
        self.broken_sources = broken_sources
        self.cited_by_id = cited_by_id
        # Factored by prefix: the ids grow with the content, and so would a flat alternation's cost per character.
        alternatives = prefix_tree_pattern(cited_by_id) or "(?!)"
        self.ids = re.compile(
            rf"(?<![A-Za-z0-9-])(?:{alternatives})(?![A-Za-z0-9-])"
        )  # ids are ASCII; 的 may touch one
        self._source_evidence = cache(self._evidence_of_source)

    def _evidence_of_source(self, source_id: str) -> frozenset[Decimal]:
        """What ``sources/<id>.txt`` states: its body and its attribution header."""
        source = self.sources.get(source_id)
        if source_id in self.broken_sources:
            return _Unknown()
        if source is None:
            return frozenset()
        return frozenset(evidence(source.body, *_strings(source.header)))

    def evidence(self, source_ids: Iterable[str], *texts: str) -> set[Decimal]:
        values = evidence(*texts)
        for source_id in source_ids:
            found = self._source_evidence(source_id)
            if isinstance(found, _Unknown):
                return found
            values |= found
        return values

    def named_evidence(self, text: str) -> set[Decimal]:
        """Naming another entry by id (a milestone, a cluster, a source) cites it."""
        return self._evidence_of_ids(_prose_numbers(text, self.ids.pattern, False)[0])

    def _evidence_of_ids(self, named: frozenset[str]) -> set[Decimal]:
        return self.evidence(
            [source for id_ in named for source in self.cited_by_id[id_][0]],
            *[cited for id_ in named for cited in self.cited_by_id[id_][1]],
        )

    def unsupported(self, text: str, values: set[Decimal], marked_sentences: bool = True):
        """The numbers in ``text`` that ``values`` do not state, with their offsets.

        With ``marked_sentences``, a sentence that marks itself as outside reporting is not checked
        (for prose whose entry has no structured list of outside citations).
        """
        named, numbers = _prose_numbers(text, self.ids.pattern, marked_sentences)
        values = values | self._evidence_of_ids(named)
        return [number for number in numbers if not supported(number, values)]

    def check_fields(
        self,
        document: YamlDocument,
        fields: Iterable[tuple[tuple, object]],
        values: set[Decimal],
        cited: str,
        marked_sentences: bool = True,
    ) -> list[Problem]:
        """Each (location, text) of a YAML document; a bilingual {en, zh} value is checked per language."""
        problems = []
        for location, text in fields:
            if isinstance(text, dict):
                problems += self.check_fields(
                    document,
                    [(location + (language,), value) for language, value in text.items()],
                    values,
                    cited,
                    marked_sentences,
                )
            elif isinstance(text, str):
                problems += [
                    document.problem(location, _message(number.text, cited))
                    for number in self.unsupported(text, values, marked_sentences)
                ]
        return problems

    def check_markdown(self, path: str, text: str, values: set[Decimal], cited: str) -> list[Problem]:
        """The body of a page, after its front matter; lines count from the top of the file."""
        _header, body, _offset = split_front_matter(text)
        first_line = text[: len(text) - len(body)].count("\n") + 1
        values = values | self.named_evidence(body)  # a link to another article page cites it
        body = _MARKDOWN_NOISE.sub(_blank, body)
        problems = []
        for number in self.unsupported(body, values):
            line_start = body.rfind("\n", 0, number.start) + 1
            problems.append(
                Problem(
                    path,
                    first_line + body.count("\n", 0, number.start),
                    number.start - line_start + 1,
                    "(text)",
                    _message(number.text, cited),
                )
            )
        return problems


@memoised(max_characters=4 * 1024 * 1024)  # the same prose at every load
def _prose_numbers(text: str, ids: str, marked_sentences: bool) -> tuple[frozenset[str], tuple[Number, ...]]:
    """The ids named in ``text`` (``ids`` is the pattern of every id), and the numbers in it
    that are not part of an id (nor, with ``marked_sentences``, of a sentence marked as outside
    reporting). Keyed by the pattern's text: hashing a compiled pattern hashes its whole program."""
    pattern = re.compile(ids)
    named = frozenset(match.group(0) for match in pattern.finditer(text))
    text = pattern.sub(_blank, text)
    if marked_sentences:
        text = _SENTENCE.sub(
            lambda match: _blank(match) if EXTERNAL_MARK.search(match.group(0)) else match.group(0), text
        )
    return named, tuple(numbers_in(text))


def _strings(node) -> list[str]:
    if isinstance(node, dict):
        return [text for value in node.values() for text in _strings(value)]
    if isinstance(node, list):
        return [text for value in node for text in _strings(value)]
    return [node] if isinstance(node, str) else []


def _message(number: str, cited: str) -> str:
    shown = number if len(number) <= 24 else number[:23] + "…"
    return f"number '{shown}' is not in what this entry cites ({cited}); cite it or mark it external"


def prose_problems(
    sources: dict[str, Source],
    articles,
    milestones,
    documents: dict[str, YamlDocument | None],
    root: Path,
    broken_sources: set[str] = frozenset(),
) -> list[Problem]:
    """Every unsupported number in the prose of the loaded entries.

    Entries that failed to load are skipped, and so is prose citing a source with problems of its own.
    """
    cited_by_id = {source_id: ([source_id], []) for source_id in sources}
    for milestone in milestones:
        cited_by_id[milestone.id] = (milestone.articles, [milestone.date, milestone.data.get("end_date") or ""])
    if documents["clusters"]:
        for cluster in documents["clusters"].data["clusters"]:
            cited_by_id[cluster["id"]] = ([mention["source"] for mention in cluster["mentions"]], [])
        for sector_list in documents["clusters"].data.get("sector_lists", []):
            cited_by_id[sector_list["id"]] = ([sector_list["source"]], [])
    if documents["figures"]:
        for kind in ("distributions", "headline"):
            for item in documents["figures"].data[kind]:
                cited_by_id.setdefault(item["id"], ([item["source"]], []))
    checker = ProseChecker(sources, cited_by_id, broken_sources)
    problems = _article_problems(checker, articles, root) + _timeline_problems(checker, milestones)
    for name, check in (
        ("figures", _figure_problems),
        ("clusters", _cluster_problems),
        ("glossary", _glossary_problems),
    ):
        if documents[name] is not None:
            problems += check(checker, documents[name])
    return problems


def _article_problems(checker: ProseChecker, articles, root: Path) -> list[Problem]:
    problems = []
    for page in articles:
        article = page.data
        values = checker.evidence(
            [article["source"]],
            *[figure[key] for figure in article["figures"] for key in ("value", "source_text")],
            *[quote["original"] for quote in article["quotes"]],
        )
        cited = f"sources/{article['source']}.txt and this page's figures and quotes"
        fields = [(("title",), page.meta["title"]), (("description",), page.meta["description"])]
        for index, figure in enumerate(article["figures"]):
            fields += [(("article", "figures", index, key), figure.get(key)) for key in ("measures", "note")]
        for index, quote in enumerate(article["quotes"]):
            fields += [(("article", "quotes", index, key), quote.get(key)) for key in ("translation", "speaker")]
        for kind, entities in article["entities"].items():
            for index, entity in enumerate(entities):
                fields += [(("article", "entities", kind, index, key), entity.get(key)) for key in ("name", "note")]
        problems += checker.check_fields(page.document, fields, values, cited)
        text, _unreadable = read_text(root / page.path, root)  # the page loaded, so it reads
        problems += checker.check_markdown(page.path, text or "", values, cited)
    return problems


def _timeline_problems(checker: ProseChecker, milestones) -> list[Problem]:
    problems = []
    for milestone in milestones:
        data = milestone.data
        externals = [source["external"] for source in data["sources"] if "external" in source]
        dates = [data.get(key) or "" for key in ("date", "end_date", "stated_date", "target_start", "target_year")]
        values = checker.evidence(
            milestone.articles,
            *dates,
            *[source.get("quote", "") for source in data["sources"]],
            *[external.get("date", "") for external in externals],
            *[text for external in externals for text in (external.get("note") or {}).values()],
        )
        cited = ", ".join(
            [f"sources/{article}.txt" for article in dict.fromkeys(milestone.articles)]
            + [f"external: {external['outlet']['en']}" for external in externals]
            + ["its date"]
        )
        fields = [
            (("title",), data["title"]),
            (("summary",), data["summary"]),
            (("date_note",), data.get("date_note")),
            (("source_note",), data.get("source_note")),
        ]
        problems += checker.check_fields(
            milestone.document, fields, values, cited, marked_sentences=False
        )  # its externals are listed
    return problems


def _figure_problems(checker: ProseChecker, document: YamlDocument) -> list[Problem]:
    problems = []
    for kind in ("distributions", "headline"):
        for index, entry in enumerate(document.data[kind]):
            items = entry.get("items", [])
            externals = entry.get("external", [])
            values = checker.evidence(
                [entry["source"]],
                str(entry.get("value", "")),
                entry.get("source_text", ""),
                *[str(item["value"]) for item in items],
                *[item["source_text"] for item in items],
                str(entry.get("total", "")),
                entry["year"],
                entry.get("year_text", ""),
                *[external.get("date", "") for external in externals],
                *[text for external in externals for text in (external.get("note") or {}).values()],
            )
            fields = [((kind, index, key), entry.get(key)) for key in ("title", "label", "note", "unit", "as_of")]
            for position, item in enumerate(items):
                fields += [((kind, index, "items", position, key), item.get(key)) for key in ("label", "note")]
            problems += checker.check_fields(document, fields, values, f"sources/{entry['source']}.txt and its figures")
    return problems


def _cluster_problems(checker: ProseChecker, document: YamlDocument) -> list[Problem]:
    problems = []
    sector_lists = {sector_list["id"]: sector_list for sector_list in document.data.get("sector_lists", [])}
    for index, cluster in enumerate(document.data["clusters"]):
        if any(list_id not in sector_lists for list_id in cluster.get("see_also", [])):
            continue  # the unknown sector list is reported by crossrefs; its evidence is missing, not the note's
        see_also = [sector_lists[list_id] for list_id in cluster.get("see_also", [])]
        cited = sorted(
            {mention["source"] for mention in cluster["mentions"]}
            | {target["source"] for target in cluster["targets"]}
            | {sector_list["source"] for sector_list in see_also}
        )
        values = checker.evidence(
            cited,
            *[mention["source_text"] for mention in cluster["mentions"]],
            *[sector_list["source_text"] for sector_list in see_also],
            *[str(target.get(key, "")) for target in cluster["targets"] for key in ("value", "source_text", "year")],
        )
        fields = [(("clusters", index, "status_note"), cluster["status_note"])]
        for position, membership in enumerate(cluster.get("memberships", [])):
            passages = membership["passages"]
            cited_here = sorted({passage["source"] for passage in passages})
            problems += checker.check_fields(
                document,
                [(("clusters", index, "memberships", position, "note"), membership.get("note"))],
                checker.evidence(cited_here, *[passage["source_text"] for passage in passages]),
                ", ".join(f"sources/{source}.txt" for source in cited_here),
            )
        for position, target in enumerate(cluster["targets"]):
            fields += [(("clusters", index, "targets", position, key), target.get(key)) for key in ("measures", "note")]
        problems += checker.check_fields(
            document, fields, values, ", ".join(f"sources/{source}.txt" for source in cited)
        )
    for index, official_list in enumerate(document.data.get("lists", [])):
        if official_list["milestone"] not in checker.cited_by_id:
            continue  # an unknown or broken milestone is reported on its own; its evidence is missing, not the note's
        size = official_list.get("size")
        articles, dates = checker.cited_by_id[official_list["milestone"]]
        values = checker.evidence(
            ([size["source"]] if size else []) + list(articles),
            *([str(size["value"]), size["source_text"]] if size else []),
            *dates,
        )
        fields = [(("lists", index, key), official_list[key]) for key in ("name", "note")]
        problems += checker.check_fields(document, fields, values, "its size's passage and its milestone")
    for index, sector_list in enumerate(document.data.get("sector_lists", [])):
        values = checker.evidence([sector_list["source"]], sector_list["source_text"])
        fields = [(("sector_lists", index, key), sector_list[key]) for key in ("place", "framing", "sectors")]
        problems += checker.check_fields(document, fields, values, f"sources/{sector_list['source']}.txt")
    return problems


def _glossary_problems(checker: ProseChecker, document: YamlDocument) -> list[Problem]:
    problems = []
    for index, term in enumerate(document.data["terms"]):
        values = checker.evidence(term["sources"])
        problems += checker.check_fields(
            document,
            [(("terms", index, "definition"), term["definition"])],
            values,
            ", ".join(f"sources/{source}.txt" for source in term["sources"]),
        )
    return problems
