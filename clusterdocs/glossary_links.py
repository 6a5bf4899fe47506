"""Link the first use of each glossary term on a page to its glossary entry.

Works on the rendered HTML of a page's content: text inside links, headings, code, quotes,
charts, form controls and any element marked ``data-no-glossary`` (the citation block) is
left alone, and each term is linked once, at its first occurrence, never inside a document title in 《》. The link's ``title`` carries the short definition, which Material shows as a
tooltip. English terms match whole words, case-insensitively, with an optional plural ``s``.
"""

from __future__ import annotations

import html as html_module
import re
from dataclasses import dataclass

TAG = re.compile(r"(<[^>]*>)")
TAG_NAME = re.compile(r"</?\s*([a-zA-Z0-9]+)")
SKIP = {"a", "abbr", "code", "pre", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "script", "style",
        "svg", "button", "label", "select", "option", "summary", "dt", "time", "textarea", "kbd"}
VOID = {"br", "img", "input", "hr", "meta", "link", "wbr", "source", "col", "area", "base", "embed", "track"}


@dataclass(frozen=True)
class Term:
    id: str
    text: str
    href: str
    title: str

    def pattern(self, language: str) -> re.Pattern:
        escaped = re.escape(self.text)
        if language == "en":
            return re.compile(rf"(?<![\w-]){escaped}s?(?![\w-])", re.IGNORECASE)
        return re.compile(escaped)


def link_first_uses(content: str, terms: list[Term], language: str) -> str:
    remaining = sorted(terms, key=lambda term: -len(term.text))
    patterns = {term.id: term.pattern(language) for term in remaining}
    parts = TAG.split(content)
    skipping: list[str] = []
    for index, part in enumerate(parts):
        if part.startswith("<"):
            _track(part, skipping)
        elif part and not skipping and remaining:
            parts[index] = _link_text(part, remaining, patterns)
    return "".join(parts)


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


DOCUMENT_TITLE = re.compile(r"《[^》]*》")


def _first_match_outside_titles(pattern: re.Pattern, text: str) -> re.Match | None:
    titles = [title.span() for title in DOCUMENT_TITLE.finditer(text)]
    for match in pattern.finditer(text):
        if not any(start <= match.start() < end for start, end in titles):
            return match
    return None


def _link_text(text: str, remaining: list[Term], patterns: dict[str, re.Pattern]) -> str:
    output = []
    while remaining:
        found = [(match.start(), -len(match.group(0)), term, match)
                 for term in remaining if (match := _first_match_outside_titles(patterns[term.id], text))]
        if not found:
            break
        _start, _length, term, match = min(found, key=lambda item: (item[0], item[1]))
        output.append(text[:match.start()])
        output.append(f'<a class="cd-term" href="{html_module.escape(term.href)}" '
                      f'title="{html_module.escape(term.title)}">{match.group(0)}</a>')
        text = text[match.end():]
        remaining.remove(term)
    output.append(text)
    return "".join(output)
