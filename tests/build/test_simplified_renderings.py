"""On the Simplified Chinese site, every verbatim passage from a Traditional-script capture is shown
as captured (``lang="zh-Hant"``) with its Simplified rendering right after it (``lang="zh-Hans"``,
``clusterdocs/render/verbatim.py``), on every page that quotes one; the 繁體中文 and English pages
show the captured text alone.

A passage is found from the data, not the markup: any element of a zh page marked with a
Traditional capture's ``lang`` whose text occurs in one of those captures' bodies.
"""

from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path

from clusterdocs.base.languages import script_tag
from clusterdocs.check.sources import load_sources, normalise
from clusterdocs.text.chinese_script import to_simplified
from support import ROOT

TRADITIONAL, SIMPLIFIED = script_tag("Traditional"), script_tag("Simplified")
QUOTING_PAGES = (
    "figures",
    "clusters",
    "documents",
    "timeline",
    "articles/blueprint-14th-fyp",
)  # each must have passages
VOID = {"br", "img", "input", "meta", "link", "hr", "wbr", "source", "col", "area", "base", "embed", "track"}


class LangElements(HTMLParser):
    """Every element with a ``lang`` attribute in document order: ``[lang, text, closed]``, where
    ``closed`` is how many such elements had begun when it ended (the ones after it start there)."""

    def __init__(self):
        super().__init__()
        self.stack: list[tuple[str, int | None]] = []
        self.elements: list[list] = []

    def handle_starttag(self, tag, attrs):
        lang = dict(attrs).get("lang")
        index = None
        if lang and tag != "a" and tag != "html":
            index = len(self.elements)
            self.elements.append([lang, "", None])
        if tag not in VOID:
            self.stack.append((tag, index))

    def handle_endtag(self, tag):
        while self.stack:
            name, index = self.stack.pop()
            if index is not None:
                self.elements[index][2] = len(self.elements)
            if name == tag:
                break

    def handle_data(self, data):
        for _, index in self.stack:
            if index is not None:
                self.elements[index][1] += data


def traditional_bodies() -> list[str]:
    sources, _problems = load_sources(ROOT)
    bodies = [normalise(source.body) for source in sources.values() if source.script == "Traditional" and source.body]
    assert bodies, "no Traditional-script capture to check"
    return bodies


def passages_and_renderings(html: str, bodies: list[str]) -> list[tuple[str, str | None]]:
    """Each passage of a Traditional capture on the page, with the text of the next element marked
    Simplified after it (None if the next element with a ``lang`` is not one)."""
    parser = LangElements()
    parser.feed(html)
    elements = parser.elements
    found = []
    for lang, text, closed in elements:
        text = normalise(text)
        if lang != TRADITIONAL or len(text) < 2 or not any(text in body for body in bodies):
            continue
        following = elements[closed] if closed is not None and closed < len(elements) else None
        found.append((text, normalise(following[1]) if following and following[0] == SIMPLIFIED else None))
    return found


def test_every_traditional_passage_on_a_zh_page_has_its_simplified_rendering(site_dir: Path):
    bodies = traditional_bodies()
    missing, checked = [], {}
    for page in sorted((site_dir / "zh").rglob("*.html")):
        path = page.relative_to(site_dir / "zh").as_posix()
        for text, rendering in passages_and_renderings(page.read_text(encoding="utf-8"), bodies):
            checked[path] = checked.get(path, 0) + 1
            if rendering != normalise(to_simplified(text)):
                missing.append(f"zh/{path}: '{text}' is followed by {rendering!r}")
    assert not missing, "\n".join(missing)
    for name in QUOTING_PAGES:
        assert checked.get(f"{name}/index.html"), f"no Traditional passage found on zh/{name}/"


def test_traditional_and_english_pages_show_the_captured_text_alone(site_dir: Path):
    bodies = traditional_bodies()
    for prefix in ("zh-Hant", "."):
        for name in QUOTING_PAGES:
            html = (site_dir / prefix / name / "index.html").read_text(encoding="utf-8")
            assert "cd-quote__simplified" not in html, f"{prefix}/{name}/ shows a Simplified rendering"
            found = passages_and_renderings(html, bodies)
            assert found, f"no Traditional passage found on {prefix}/{name}/"
            doubled = [text for text, rendering in found if rendering == normalise(to_simplified(text))]
            assert not doubled, f"{prefix}/{name}/ renders in Simplified: {doubled[:3]}"
