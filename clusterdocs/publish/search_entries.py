"""What each language's search index holds besides Material's entries, written as the language's build ends.

- **Clean text**: the heading permalinks' "¶", which Material's search copies into titles and
  snippets, is taken out of every entry.
- **Entries that land**: an item of a definition list with an id (a glossary term,
  ``<dt id="…">`` and its ``<dd>``) becomes an entry of its own at ``page#id``, so a hit on a term
  opens the page at that term; the entry its text came from keeps only the text before the list.
- **One script**: ``fold_table`` maps each Traditional character whose Simplified form occurs in
  the index (OpenCC's ``t2s``, and the Taiwan forms ``s2tw`` writes) to that form. The search
  worker (``docs/en/assets/javascripts/workers/search.cjk.js``) folds the index and every query
  with it, so either script finds both.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from functools import cache
from html.parser import HTMLParser

from opencc import OpenCC

HAN_CHAR = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
PILCROW = re.compile(r"[\s\u200b]*¶")
# Every character of the Basic Multilingual Plane's CJK blocks: the characters a query can hold.
CJK_BLOCKS = ((0x3400, 0x4DBF), (0x4E00, 0x9FFF), (0xF900, 0xFAFF))


@dataclass(frozen=True)
class Item:
    """One term of a definition list: its anchor, its term (text) and its definition (HTML)."""

    anchor: str
    title: str
    text: str


class _DefinitionItems(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.items: list[Item] = []
        self.anchor: str | None = None  # of the term being read
        self.title: list[str] = []
        self.text: list[str] = []
        self.part: str | None = None  # "dt", "dd" or None
        self.depth = 0  # of elements inside the current dt or dd
        self.skip = 0  # inside a heading permalink

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if self.part is None:
            if tag == "dt":
                self._close()  # a term without an id is no entry of its own
                if attributes.get("id"):
                    self.anchor, self.part, self.depth = attributes["id"], "dt", 0
            elif tag == "dd" and self.anchor is not None:
                self.part, self.depth = "dd", 0
            return
        self.depth += 1
        if self.skip or "headerlink" in (attributes.get("class") or "").split():
            self.skip += 1
        if self.part == "dd" and tag == "p":
            self.text.append("<p>")

    def handle_endtag(self, tag):
        if self.part is None:
            if tag == "dl":
                self._close()
            return
        if self.depth == 0 and tag == self.part:
            self.part = None
            return
        self.depth -= 1
        if self.skip:
            self.skip -= 1
        if self.part == "dd" and tag == "p":
            self.text.append("</p>")

    def handle_data(self, data):
        if self.skip:
            return
        if self.part == "dt":
            self.title.append(data)
        elif self.part == "dd":
            self.text.append(html.escape(data, quote=False))

    def _close(self):
        if self.anchor is not None:
            text = " ".join("".join(self.text).split()).replace("<p> ", "<p>").replace(" </p>", "</p>")
            self.items.append(Item(self.anchor, " ".join("".join(self.title).split()), text))
        self.anchor, self.title, self.text, self.part = None, [], [], None


def definition_items(page_html: str) -> list[Item]:
    """The terms with an id of every definition list in ``page_html``, in order."""
    if "<dt id=" not in page_html:  # a term without an id has no anchor to land on: nothing to parse
        return []
    parser = _DefinitionItems()
    parser.feed(page_html)
    parser._close()
    return parser.items


def without_pilcrows(text: str) -> str:
    return PILCROW.sub("", text)


def _start_pattern(title: str) -> re.Pattern | None:
    """Where ``title`` starts in an entry's text, whose words Material may have separated by \\u200b."""
    start = "".join(title.split())[:8]
    if not start:
        return None
    return re.compile(r"[\u200b\s]*".join(re.escape(html.escape(char, quote=False)) for char in start))


def page_entries(entries: list[dict], items_by_page: dict[str, list[Item]]) -> list[dict]:
    """``entries`` (Material's, for one language) without "¶", with an entry for each item of
    ``items_by_page`` (by page location) after the entry its text was in."""
    result: list[dict] = []
    for entry in entries:
        entry = dict(entry, title=without_pilcrows(entry["title"]), text=without_pilcrows(entry["text"]))
        page = entry["location"].split("#")[0]
        items = items_by_page.get(page, [])
        cut, mine = None, []
        for item in items:
            pattern = _start_pattern(item.title)
            found = pattern.search(entry["text"]) if pattern else None
            if found:
                cut = found.start() if cut is None else min(cut, found.start())
                mine.append(item)
        if cut is not None:
            entry["text"] = entry["text"][:cut].rstrip(" \u200b\n")
        result.append(entry)
        for item in mine:
            result.append(
                {"location": f"{page}#{item.anchor}", "title": html.escape(item.title, quote=False), "text": item.text}
            )
    return result


@cache
def _opencc(profile: str) -> OpenCC:
    return OpenCC(profile)


def _each(profile: str, chars: list[str]) -> list[str]:
    """Each character converted on its own (one per line, so that no phrase rule spans two)."""
    converted = _opencc(profile).convert("\n".join(chars)).split("\n")
    return converted if len(converted) == len(chars) else [_opencc(profile).convert(c) for c in chars]


@cache
def _canonical() -> dict[str, str]:
    """Each character of the CJK blocks that folds, to what it folds to: its Simplified form
    (``t2s``), and for a Taiwan form ``s2tw`` writes that ``t2s`` leaves alone (着 -> 著), the
    Simplified character it was written for."""
    chars = [chr(code) for start, end in CJK_BLOCKS for code in range(start, end + 1)]
    table = {c: s for c, s in zip(chars, _each("t2s", chars), strict=True) if len(s) == 1 and s != c}
    for c, t in zip(chars, _each("s2tw", chars), strict=True):
        if len(t) == 1 and t != c and table.get(t, t) != table.get(c, c):
            table[t] = table.get(c, c)
    return table


def fold_table(texts) -> str:
    """Pairs of characters (one that folds, then what it folds to), as one string: every
    character that folds to a character of ``texts`` or to what one of them folds to."""
    canonical = _canonical()
    present = {canonical.get(char, char) for text in texts for char in HAN_CHAR.findall(text)}
    return "".join(c + s for c, s in sorted(canonical.items()) if s in present)
