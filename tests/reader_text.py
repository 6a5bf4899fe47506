"""What a reader meets on a Chinese page, and the rules it must follow: shared by the build tier
(tests/build/test_chinese_pages.py, the built HTML) and the browser tier
(tests/browser/test_chinese_in_browser.py, the page as Chromium shows it after its scripts ran).
The rules and their allow-lists are explained in tests/build/test_chinese_pages.py.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

from clusterdocs.base.languages import LANGUAGES
from clusterdocs.check.sitedata import load_site_data
from support import ROOT

CHINESE = [language for language in LANGUAGES if language.code != "en"]

# Formats, standards, units and tools that Chinese technical writing leaves in Latin letters.
# fmt: off
TECHNICAL_NAMES = frozenset(
    {
        # data and citation formats (the download links and the data page)
        "JSON", "JSON Schema", "CSV", "YAML", "BibTeX", "RIS", "CSL-JSON", "Markdown", "HTML", "CSS", "SVG", "PNG",
        # encodings, line endings, checksums, units of size, time standard
        "UTF-8", "ASCII", "BOM", "LF", "CR", "CRLF", "NUL", "SHA-256", "KiB", "MiB", "UTC",
        # a website's registration number under China's rules, written so in Chinese (ICP备案号)
        "ICP",
        # licence code, software and services named as such
        "CC BY", "OpenCC", "MkDocs", "Git", "git", "GitHub", "Python", "R", "Frictionless", "Windows", "Mac",
        "VS Code", "PyCharm", "Nu HTML Checker",
    }
)
# fmt: on
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
SVG_EMPTY = {"path", "rect", "circle", "line", "polyline", "polygon", "use", "stop", "ellipse"}
SKIPPED = {"script", "style", "template", "code", "pre", "kbd", "samp"}
BLOCKS = {
    "p", "li", "td", "th", "div", "section", "article", "header", "footer", "nav", "main", "aside", "h1", "h2",
    "h3", "h4", "h5", "h6", "dt", "dd", "dl", "ul", "ol", "table", "tr", "figure", "figcaption", "blockquote",
    "details", "summary", "form", "label", "option", "select", "title", "desc", "svg", "g", "text", "body",
}  # fmt: skip
ATTRIBUTES = ("title", "aria-label", "alt", "placeholder")
_LETTER = "A-Za-z\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u024f"
# A run of Latin words: letters, with digits inside a word (UTF-8, SHA-256), spaces between words.
LATIN = re.compile(rf"[{_LETTER}][{_LETTER}0-9]*(?:[.\-][{_LETTER}0-9]+|[ '’][{_LETTER}][{_LETTER}0-9]*)*")
# Addresses and file names, which may stay in Latin letters: URLs, host names, paths of files.
ADDRESS = re.compile(
    r"https?://\S+"
    r"|(?<![A-Za-z0-9.-])[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.(?:com|cn|net|org)(?![A-Za-z0-9-])"
    r"|(?<![A-Za-z0-9./-])[A-Za-z0-9./-]+\.(?:csv|json|yml|txt|md)(?![A-Za-z0-9])"
)
# ASCII letters inside these stand for nothing a reader reads as words.
OTHER_LANGUAGE = "\ufffc"


def is_exempt_lang(lang: str | None) -> bool:
    return lang is not None and (not lang.lower().startswith("zh") or "-latn" in lang.lower())


class ChinesePage(HTMLParser):
    """The reader-facing text of one page: its Chinese runs, attributes, and a flattened copy
    with block boundaries (for spaces next to punctuation across inline elements)."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack: list[tuple[str, bool]] = []  # (tag, exempt: inside other-language or code)
        self.in_head = False
        self.texts: list[str] = []  # Chinese-context text nodes and attribute values
        self.flat: list[str] = []

    @property
    def exempt(self) -> bool:
        return bool(self.stack) and self.stack[-1][1]

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if tag == "head":
            self.in_head = True
        if tag == "body":
            self.in_head = False
        permalink = "headerlink" in (attributes.get("class") or "").split()  # its ¶ is a symbol, named by aria-label
        if permalink and attributes.get("aria-label") and not self.in_head and not self.exempt:
            self.texts.append(attributes["aria-label"])
        exempt = self.exempt or tag in SKIPPED or is_exempt_lang(attributes.get("lang")) or permalink
        if not self.in_head and not exempt:
            self.texts += [attributes[name] for name in ATTRIBUTES if attributes.get(name)]
        if tag in BLOCKS or tag == "br":
            self.flat.append("\n")
        if exempt and not self.exempt and not permalink:
            self.flat.append(OTHER_LANGUAGE)
        if tag not in VOID and tag not in SVG_EMPTY:
            self.stack.append((tag, exempt))

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        if tag not in VOID and tag not in SVG_EMPTY:
            self.handle_endtag(tag)

    def handle_endtag(self, tag):
        if tag == "head":
            self.in_head = False
        if tag in BLOCKS:
            self.flat.append("\n")
        while self.stack:
            open_tag, _ = self.stack.pop()
            if open_tag == tag:
                break

    def handle_data(self, data):
        inside_title = bool(self.stack) and self.stack[-1][0] == "title"
        if (self.in_head and not inside_title) or self.exempt:
            return
        self.texts.append(data)
        self.flat.append(re.sub(r"[ \t\r\n]+", " ", data))  # as a browser shows it: any run of whitespace is a space


def words_of_the_sources() -> set[str]:
    """Latin words and names as the five cleaned sources write them in their bodies, and the
    outside outlets' own names the timeline gives with their language."""
    data = load_site_data(ROOT)
    words = {
        source["external"]["outlet"]["original"]
        for milestone in data.milestones
        for source in milestone.data["sources"]
        if "original" in source.get("external", {}).get("outlet", {})
    }
    for path in (ROOT / "sources").glob("*.txt"):
        body = path.read_text(encoding="utf-8").split("\n---\n", 1)[-1]
        words |= {match.group(0) for match in LATIN.finditer(body)}
    return words


def latin_runs(text: str, source_words: set[str]) -> list[str]:
    """Runs of Latin letters in ``text`` that no allow-list explains."""
    text = ADDRESS.sub(" ", text)
    return [
        run
        for run in (match.group(0) for match in LATIN.finditer(text))
        if run not in TECHNICAL_NAMES and run not in source_words
    ]


class VisibleText(ChinesePage):
    """Every language's visible text: nothing is exempt for its language, only code."""

    def handle_starttag(self, tag, attrs):
        super().handle_starttag(tag, [(name, value) for name, value in attrs if name != "lang"])
