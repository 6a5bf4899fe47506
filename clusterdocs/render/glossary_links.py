"""Link the first use of each glossary term, or of each registered document's title, on a page to its entry.

Works on the rendered HTML of a page's content: text inside links, headings, code, quotes,
charts, form controls and any element marked ``data-no-glossary`` (the citation block) is
left alone, and each term is linked once, at its first occurrence, never inside a document
title in 《》. Where terms overlap the longest wins (国家先进制造业集群 before 先进制造业集群),
and a term inside a longer term that is already linked is not linked there. The link's
``title`` carries the short definition, which Material shows as a tooltip. English terms match
whole words, case-insensitively, with an optional plural ``s``.

All terms of a language are searched with one regular expression, built once per glossary as a
prefix tree (clusterdocs/text/term_patterns.py). The documents register uses the same pass with its
titles as terms (clusterdocs/render/documents_view.py ``document_terms``), there matching inside 《》 too
(``inside_titles``); it runs before the glossary's, so a title is linked whole and a glossary term
inside it is not.
"""

from __future__ import annotations

import html as html_module
import re
from dataclasses import dataclass
from functools import lru_cache

from ..base.languages import language_of
from ..check.sitedata import SiteData
from ..text.term_patterns import prefix_tree_pattern

TAG = re.compile(r"(<[^>]*>)")
TAG_NAME = re.compile(r"</?\s*([a-zA-Z0-9]+)")
SKIP = {
    "a",
    "abbr",
    "code",
    "pre",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "blockquote",
    "script",
    "style",
    "svg",
    "button",
    "label",
    "select",
    "option",
    "summary",
    "dt",
    "time",
    "textarea",
    "kbd",
}
VOID = {"br", "img", "input", "hr", "meta", "link", "wbr", "source", "col", "area", "base", "embed", "track"}
DOCUMENT_TITLE = re.compile(r"《[^》]*》")


@dataclass(frozen=True)
class Term:
    id: str
    text: str
    href: str
    title: str
    css_class: str = "cd-term"


_terms: dict[tuple[int, str, str], tuple[list[dict], list[Term]]] = {}


def glossary_terms(data: SiteData, language: str, glossary_url: str) -> list[Term]:
    """The terms to link on a page in ``language``, each with its link and tooltip.

    Built once per glossary, language and glossary address (pages at the same depth share one
    list), so the search pattern built from the list is reused too.
    """
    glossary = data.glossary
    key = (id(glossary), language, glossary_url)
    cached = _terms.get(key)
    if cached is None or cached[0] is not glossary:
        label = data.ui[language]["glossary_link_title"]
        terms = []
        for term in glossary:
            definition = data.in_language(term["definition"], language)
            # A Chinese page's tooltip is Chinese throughout (a title attribute cannot mark English
            # as such); the English rendering stays on the glossary page, where it carries lang="en".
            title = (
                f"{label}{definition}"
                if language_of(language).is_chinese
                else f"{label} {term['zh']} ({term['pinyin']}). {definition}"
            )
            terms.append(Term(term["id"], data.in_language(term, language), f"{glossary_url}#{term['id']}", title))
        if len(_terms) > 64:
            _terms.clear()
        cached = _terms[key] = (glossary, terms)
    return cached[1]


def link_first_uses(content: str, terms: list[Term], language: str, *, inside_titles: bool = False) -> str:
    """``content`` with the first use of each term linked; ``inside_titles``: also inside 《》."""
    pattern, by_text = _index(terms, language)
    linked: set[str] = set()
    parts = TAG.split(content)
    skipping: list[str] = []
    for index, part in enumerate(parts):
        if part.startswith("<"):
            _track(part, skipping)
        elif part and not skipping and len(linked) < len(by_text):
            parts[index] = _link_text(part, pattern, by_text, linked, language, inside_titles)
    return "".join(parts)


_indexes: dict[int, tuple[list[Term], re.Pattern, dict[str, Term]]] = {}


def _index(terms: list[Term], language: str) -> tuple[re.Pattern, dict[str, Term]]:
    """The search pattern and a lookup from matched text to term, kept while ``terms`` is reused."""
    cached = _indexes.get(id(terms))
    if cached is None or cached[0] is not terms:
        by_text: dict[str, Term] = {}
        for term in terms:
            by_text.setdefault(_key(term.text, language), term)
        if len(_indexes) > 16:
            _indexes.clear()
        cached = _indexes[id(terms)] = (terms, _pattern(tuple(by_text), language), by_text)
    return cached[1], cached[2]


def _has_words(language: str) -> bool:
    """Latin-script terms are matched as whole words, ignoring case and a plural s; Chinese terms as written."""
    return language_of(language).script == "Latin"


def _key(text: str, language: str) -> str:
    return text.lower() if _has_words(language) else text


@lru_cache(maxsize=4)
def _pattern(texts: tuple[str, ...], language: str) -> re.Pattern:
    alternatives = prefix_tree_pattern(texts) or "(?!)"
    if _has_words(language):
        return re.compile(rf"(?<![\w-])({alternatives})s?(?![\w-])", re.IGNORECASE)
    return re.compile(f"({alternatives})")


def _track(tag: str, skipping: list[str]) -> None:
    match = TAG_NAME.match(tag)
    if not match or tag.startswith("<!"):
        return
    name = match.group(1).lower()
    if tag.startswith("</"):
        if skipping and skipping[-1] == name:
            skipping.pop()
    elif (name in SKIP or skipping or "data-no-glossary" in tag) and name not in VOID and not tag.endswith("/>"):
        skipping.append(name)


def _link_text(
    text: str, pattern: re.Pattern, by_text: dict[str, Term], linked: set[str], language: str, inside_titles: bool
) -> str:
    titles = [title.span() for title in DOCUMENT_TITLE.finditer(text)] if "《" in text and not inside_titles else []
    output, position = [], 0
    for match in pattern.finditer(text):
        term = by_text[_key(match.group(1), language)]
        if term.id in linked or any(start <= match.start() < end for start, end in titles):
            continue
        linked.add(term.id)
        output.append(text[position : match.start()])
        output.append(
            f'<a class="{term.css_class}" href="{html_module.escape(term.href)}" '
            f'title="{html_module.escape(term.title)}">{match.group(0)}</a>'
        )
        position = match.end()
    output.append(text[position:])
    return "".join(output)
