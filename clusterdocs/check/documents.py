"""The register of policy documents (``data/documents.yml``): the checks that span files.

``data/documents.yml`` is loaded like every file in ``data/`` (clusterdocs/check/datasets.py: its
schema, then every passage's ``source_text`` verbatim in its source, ids unique). Run by
``load_site_data`` once the sources, the timeline, the clusters and the article pages are
loaded, ``document_problems`` adds what needs them:

- a title is written verbatim in its source, in 《》 when its ``form`` is ``bracketed`` (in “”
  when ``quoted``), in the script the source's header gives; its Simplified form is the written
  title converted (clusterdocs/text/chinese_script.py), so the two cannot drift apart;
- a ``stated`` date is written in one of the document's passages at its precision, and a
  number in the register's own words comes from the passages or the sources cited;
- ``public`` full text needs a passage or an outside citation that says so, ``not_found`` an
  outside citation;
- milestone, cluster and article ids exist;
- completeness: every 《…》 and 「…」 in the sources' bodies is a registered title (or a short
  form of one) or listed under ``not_documents`` with its reason, and every excuse names a
  title that is there. One scan per source, in time linear in its length.
"""

from __future__ import annotations

import re

from ..text.chinese_script import to_simplified
from ..text.dates import stated_in
from ..base.problems import Problem
from .prose_numbers import ProseChecker
from .sources import Source
from ..read.yamlfile import YamlDocument

# A title in 《》 or a phrase in 「」: no nesting, no line break; each character is read once.
MARKED_TITLE = re.compile(r"《([^《》\n]*)》|「([^「」\n]*)」")
MARKS = {"bracketed": ("《", "》"), "quoted": ("“", "”"), "descriptive": ("", "")}


def marked_titles(body: str) -> list[tuple[str, str]]:
    """Every (title, the marks it is written in) in ``body``, in order."""
    return [(match[1], "《》") if match[1] is not None else (match[2], "「」") for match in MARKED_TITLE.finditer(body)]


def document_problems(
    document: YamlDocument,
    sources: dict[str, Source],
    milestone_ids: set[str],
    cluster_ids: set[str] | None,
    article_ids: set[str],
    broken_sources: set[str] = frozenset(),
) -> list[Problem]:
    """Every problem of the register that needs the other files (``cluster_ids`` None: clusters failed to load)."""
    problems: list[Problem] = []
    checker = ProseChecker(sources, {}, broken_sources)
    for index, entry in enumerate(document.data["documents"]):
        at = ("documents", index)
        problems += _title_problems(document, at, entry, sources)
        problems += _date_problems(document, at, entry, sources)
        problems += _full_text_problems(document, at, entry)
        for field, known, where in (
            ("milestones", milestone_ids, "no timeline/{}.yml"),
            ("clusters", cluster_ids, "ids are listed in data/clusters.yml"),
            ("articles", article_ids, "no article page docs/en/articles/{}.md"),
        ):
            if known is None:
                continue
            for position, value in enumerate(entry[field]):
                if value not in known:
                    problems.append(
                        document.problem(
                            at + (field, position), f"unknown {field[:-1]} '{value}' ({where.format(value)})"
                        )
                    )
        cited = sorted({passage["source"] for passage in entry["passages"]} | {entry["title"]["source"]})
        values = checker.evidence(
            [source for source in cited if source in sources],
            *[passage["source_text"] for passage in entry["passages"]],
            entry.get("date", ""),
        )
        fields = [(at + (key,), entry.get(key)) for key in ("title_en", "issuer", "note", "date_note")]
        fields += [(at + ("names_en", position), name) for position, name in enumerate(entry.get("names_en", []))]
        problems += checker.check_fields(
            document, fields, values, ", ".join(f"sources/{source}.txt" for source in cited)
        )
    problems += completeness_problems(document, sources)
    return problems


def _title_problems(document: YamlDocument, at: tuple, entry: dict, sources: dict[str, Source]) -> list[Problem]:
    title = entry["title"]
    source = sources.get(title["source"])
    if source is None or source.unreadable:
        return []  # an unknown source is reported where it is named; an unreadable one by its own check
    problems = []
    opening, closing = MARKS[title["form"]]
    if not source.contains(f"{opening}{title['written']}{closing}"):
        how = f" in {opening}{closing}" if opening else ""
        problems.append(
            document.problem(
                at + ("title", "written"), f"not found{how} in sources/{title['source']}.txt: {title['written']!r}"
            )
        )
    if title["script"] != source.script:
        problems.append(
            document.problem(
                at + ("title", "script"),
                f"sources/{title['source']}.txt is written in {source.script}, not {title['script']}",
            )
        )
    simplified = to_simplified(title["written"])
    if entry["title_zh"] != simplified:
        problems.append(
            document.problem(at + ("title_zh",), f"the written title in Simplified Chinese is {simplified!r}")
        )
    for position, short in enumerate(entry.get("short_forms", [])):
        found = sources.get(short["source"])
        if found is not None and not found.contains(f"《{short['written']}》"):
            problems.append(
                document.problem(
                    at + ("short_forms", position, "written"),
                    f"not found in 《》 in sources/{short['source']}.txt: {short['written']!r}",
                )
            )
    return problems


def _date_problems(document: YamlDocument, at: tuple, entry: dict, sources: dict[str, Source]) -> list[Problem]:
    if entry["date_basis"] != "stated":
        return []
    for passage in entry["passages"]:
        source = sources.get(passage["source"])
        if (
            source is None
            or source.unreadable
            or stated_in(entry["date"], passage["source_text"], source.header.get("date"))
        ):
            return []
    return [
        document.problem(
            at + ("date",),
            f"date_basis is stated, but no passage writes {entry['date']} at this precision; quote the passage that does, "
            "or give the precision it supports",
        )
    ]


def _full_text_problems(document: YamlDocument, at: tuple, entry: dict) -> list[Problem]:
    full_text = entry["full_text"]
    status = full_text["status"]
    if status == "public" and not ("evidence" in full_text or "external" in full_text):
        message = "'public' needs the passage that says so (evidence) or an outside citation (external)"
    elif status == "not_found" and "external" not in full_text:
        message = "'not_found' needs the outside citation that says so (external)"
    elif status == "not_stated" and ("evidence" in full_text or "external" in full_text):
        message = "a citation about the full text says something: give its status"
    else:
        return []
    return [document.problem(at + ("full_text", "status"), message)]


def completeness_problems(document: YamlDocument, sources: dict[str, Source]) -> list[Problem]:
    """One line per title in 《》 or 「」 in a source that is neither registered nor excused, and per
    excuse that names no title in its source."""
    known: set[tuple[str, str]] = set()
    for entry in document.data["documents"]:
        title = entry["title"]
        known.add((title["source"], title["written"]))
        known.update((short["source"], short["written"]) for short in entry.get("short_forms", []))
        # the same document written in 《》 by another source, as a passage quotes it
        for passage in entry["passages"]:
            known.add((passage["source"], title["written"]))
    excused = {(item["source"], item["written"]): index for index, item in enumerate(document.data["not_documents"])}
    problems = []
    seen: set[tuple[str, str]] = set()
    for source_id, source in sorted(sources.items()):
        if source.unreadable or source.body is None:
            continue
        for title, marks in marked_titles(source.body):
            key = (source_id, title)
            seen.add(key)
            if key not in known and key not in excused:
                problems.append(
                    document.problem(
                        ("not_documents",),
                        f"{marks[0]}{title}{marks[1]} in sources/{source_id}.txt is neither a registered document "
                        "nor listed under not_documents with its reason",
                    )
                )
    for key, index in excused.items():
        if key not in seen and key[0] in sources and not sources[key[0]].unreadable:
            problems.append(
                document.problem(
                    ("not_documents", index, "written"),
                    f"no title 《{key[1]}》 or 「{key[1]}」 in sources/{key[0]}.txt; remove it or correct it",
                )
            )
    return problems
