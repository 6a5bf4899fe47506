"""No string on a 繁體中文 page mixes scripts: everything the site itself says on a zh-Hant page, the
page's title, navigation, header and footer, glossary headwords and the attributes a reader meets
(``title``, ``alt``, ``aria-label``, ``placeholder``, the description) included, is already in
Traditional form, and the check knows what was reviewed to get it there."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

from clusterdocs.check.conversion_review import character, phrase_differences
from clusterdocs.base.languages import GENERATED_CODES, language_of
from clusterdocs.check.script_conversion import convert
from clusterdocs.check.sources import normalise
from clusterdocs.check.sitedata import load_site_data
from support import ROOT

CODE = GENERATED_CODES[0]
PREFIX = language_of(CODE).prefix
READ_ATTRIBUTES = ("title", "alt", "aria-label", "placeholder")
TITLE = re.compile(r"《([^《》]*)》")
VOID = {"br", "img", "input", "meta", "link", "hr", "wbr", "source", "col", "area", "base", "embed", "track"}


class OwnText(HTMLParser):
    """Every piece of text and read attribute of a page that is in the page's own language: not
    inside an element with another ``lang`` (a quote in its source's script, English), a script,
    a style or code."""

    def __init__(self):
        super().__init__()
        self.stack: list[tuple[str, str | None]] = []
        self.pieces: list[str] = []

    def _own(self, lang: str | None = None) -> bool:
        langs = [each for _, each in self.stack if each] + ([lang] if lang else [])
        # A quote is the source's wording in its capture's script (which may be a converter's mix).
        elsewhere = any(tag in ("script", "style", "code", "svg", "blockquote", "q") for tag, _ in self.stack)
        return not elsewhere and (not langs or langs[-1] == CODE)

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        lang = attributes.get("lang")
        if tag == "link":
            return  # an alternate (another language's feed) is named in its own language
        if self._own(lang):
            self.pieces += [attributes[name] for name in READ_ATTRIBUTES if attributes.get(name)]
            if tag == "meta" and attributes.get("name") == "description" and attributes.get("content"):
                self.pieces.append(attributes["content"])
        if tag not in VOID:
            self.stack.append((tag, lang))

    def handle_endtag(self, tag):
        while self.stack:
            open_tag, _ = self.stack.pop()
            if open_tag == tag:
                break

    def handle_data(self, data):
        if data.strip() and (self._own() or (self.stack and self.stack[-1][0] == "title")):
            self.pieces.append(data)


def simplified_only(text: str, exceptions: tuple[tuple[str, str], ...]) -> list[str]:
    """The characters of ``text`` that are Simplified: OpenCC changes them both alone (its
    character dictionary) and in context (the site's conversion, reviewed phrases and exceptions
    included). Either alone is not enough: 里 in 里程碑 and 了 in 說明了 are Traditional too."""
    # An exception's Traditional form (岳維松) stays as it is when converted again.
    again = convert(text, "Traditional", exceptions + tuple((new, new) for _old, new in exceptions))
    if len(again) != len(text):
        return [text]
    return sorted({old for old, new in zip(text, again) if old != new and character(old) != old})


def theme_strings() -> set[str]:
    """The theme's own zh-Hant interface strings (Material's translation file), which the site
    does not write or convert."""
    import material

    partial = Path(material.__file__).parent / "templates" / "partials" / "languages" / f"{CODE}.html"
    return set(re.findall(r'"[\w.-]+": "([^"]*)"', partial.read_text(encoding="utf-8")))


def test_no_string_on_a_traditional_page_mixes_scripts(site_dir):
    pages = sorted((site_dir / PREFIX).rglob("*.html"))
    assert len(pages) >= 13
    mixed = {}
    own_pieces = 0
    theme = theme_strings()
    exceptions = load_site_data(ROOT).conversion_exceptions
    # Text a source writes is quoted in its capture's script, whatever it is (a converter's mix too).
    quoted = "\n".join(normalise(file.read_text(encoding="utf-8")) for file in (ROOT / "sources").glob("*.txt"))
    for page in pages:
        parser = OwnText()
        parser.feed(page.read_text(encoding="utf-8"))
        own_pieces += len(parser.pieces)
        for piece in parser.pieces:
            if piece.strip() in theme or normalise(piece) in quoted:
                continue
            # A source's title, quoted as it writes it (in a citation line), is the source's wording.
            piece = TITLE.sub(lambda match: "" if match.group(1) in quoted else match.group(0), piece)
            if characters := simplified_only(piece, exceptions):
                mixed.setdefault(page.relative_to(site_dir).as_posix(), []).append((piece.strip()[:60], characters))
    assert own_pieces > 1000
    assert not mixed, mixed


def test_the_check_sees_a_phrase_that_would_mix_scripts():
    """名单于 is the known case: the phrase 单于 would make it 名單于; the reviewed exception makes it
    名單於, and without the exception the check's own detector finds the phrase."""
    data = load_site_data(ROOT)
    assert convert("名单于2022年", "Traditional", data.conversion_exceptions) == "名單於2022年"
    [(start, end, whole, alone)] = phrase_differences("名单于2022年")
    assert ("名单于2022年"[start:end], whole, alone) == ("单于", "單于", "單於")


def test_glossary_headwords_are_converted(site_dir):
    data = load_site_data(ROOT)
    html = (site_dir / PREFIX / "glossary" / "index.html").read_text(encoding="utf-8")
    changed = [term["zh"] for term in data.glossary if data.text_in(term["zh"], CODE) != term["zh"]]
    assert changed
    for headword in changed:
        assert data.text_in(headword, CODE) in html
