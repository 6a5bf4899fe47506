"""Render the glossary page: an index of initial letters, then every term in the page's
language order, each under its own heading (its anchor is the term's id, so links and search
results land on the term), with its definition and sources.

Order, one collation per language:

- English: by the English rendering, ignoring case, quotation marks and leading punctuation
  (``"national team"`` files under N); index letters A–Z, with ``0–9`` first for terms that begin
  with a digit.
- Chinese (zh, and the zh-Hant page generated from it): by pinyin, syllable by syllable, each
  syllable without its tone first and then by tone (赛马 sàimǎ before 世界级 shìjièjí; 公示
  gōngshì before 工信部 gōngxìnbù), as pinyin indexes order words. Each character's
  reading is the one the term's own ``pinyin`` field gives, chosen among pypinyin's readings
  of that character, so polyphonic characters follow the glossary (长三角 is cháng, not
  zhǎng); index letters are pinyin initials. The Chinese order depends only on the terms and
  pypinyin, so it is kept between builds (clusterdocs/base/build_cache.py): pypinyin's dictionaries
  are loaded only when a term changes.
"""

from __future__ import annotations

import hashlib
import json
import re
import string
import unicodedata
from importlib.metadata import version
from pathlib import Path

from ..base.build_cache import code_fingerprint, load_json, store_json
from ..base.languages import language_of, script_tag
from .links import PageLinks
from ..check.markers import replace_markers
from ..check.sitedata import SiteData
from .templates import render_macro

LETTERS = list(string.ascii_uppercase)
DIGITS = "0–9"  # the index entry for English terms that begin with a digit
_QUOTES = re.compile("[\"'“”‘’«»]")
_HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\U00020000-\U0002ffff]")


def english_key(text: str) -> tuple[str, str]:
    """``"horse race" competition`` -> ``horse race competition``: no quotes or leading
    punctuation, case folded; the text itself breaks ties."""
    bare = _QUOTES.sub("", text)
    bare = bare[next((i for i, c in enumerate(bare) if c.isalnum()), len(bare)) :]
    return bare.casefold(), text


def english_letter(text: str) -> str:
    first = english_key(text)[0][:1].upper()
    return first if first in LETTERS else DIGITS


def _marked(text: str) -> str:
    """Pinyin as letters only, lower case, tone marks kept (``Chéng-Yú dìqū`` -> ``chéngyúdìqū``)."""
    return "".join(c for c in unicodedata.normalize("NFC", text.lower()) if c.isalpha())


def readings(chinese: str, reading: str) -> list[str]:
    """The tone-marked syllable of each Han character of ``chinese``, as ``reading`` (the
    glossary's pinyin) writes it; pypinyin gives each character's candidates. A character the
    reading does not match takes pypinyin's own first choice."""
    from pypinyin import Style, pinyin  # loaded only when the order is not cached: see chinese_order

    characters = _HAN.findall(chinese)
    candidates = [pinyin(character, style=Style.TONE, heteronym=True)[0] for character in characters]
    target = _marked(reading)

    def match(index: int, position: int) -> list[str] | None:
        if index == len(characters):
            return [] if position == len(target) else None
        for candidate in sorted(set(candidates[index]), key=len, reverse=True):
            syllable = _marked(candidate)
            if target.startswith(syllable, position):
                rest = match(index + 1, position + len(syllable))
                if rest is not None:
                    return [syllable, *rest]
        return None

    return match(0, 0) or [_marked(options[0]) for options in candidates]


def pinyin_key(term: dict) -> tuple:
    """Syllable by syllable: the syllable without tone (ü after u), then its tone (1–4, neutral
    5); the characters only break ties between terms that read the same."""
    from pypinyin.contrib.tone_convert import to_normal, to_tone3

    syllables = readings(term["zh"], term["pinyin"])
    return (
        tuple(
            (to_normal(syllable, v_to_u=False), int(to_tone3(syllable, neutral_tone_with_five=True)[-1]))
            for syllable in syllables
        ),
        term["zh"],
        term["id"],
    )


def pinyin_letter(term: dict) -> str:
    """The initial of the term's first syllable, as its own pinyin writes it (lǜ -> L)."""
    return unicodedata.normalize("NFD", _marked(term["pinyin"]))[:1].upper()


def chinese_order(glossary: list[dict]) -> list[str]:
    """The terms' ids in pinyin order, computed once per set of terms and kept between builds."""
    terms = [[term["id"], term["zh"], term["pinyin"]] for term in glossary]
    digest = hashlib.sha256(code_fingerprint(Path(__file__), extra=f"pypinyin {version('pypinyin')}"))
    digest.update(json.dumps(terms, ensure_ascii=False).encode("utf-8"))
    key = digest.hexdigest()
    order = load_json("glossary-order", key)
    if not isinstance(order, list) or sorted(order) != sorted(term[0] for term in terms):
        order = [term["id"] for term in sorted(glossary, key=pinyin_key)]
        store_json("glossary-order", key, order)
    return order


def ordered_terms(glossary: list[dict], language: str) -> list[tuple[str, dict]]:
    """``(index letter, term)`` in the language's order."""
    if language_of(language).is_chinese:
        by_id = {term["id"]: term for term in glossary}
        return [(pinyin_letter(by_id[term_id]), by_id[term_id]) for term_id in chinese_order(glossary)]
    return [(english_letter(term["en"]), term) for term in sorted(glossary, key=lambda term: english_key(term["en"]))]


def render_page(markdown: str, data: SiteData, language: str, links: PageLinks, path: str) -> str:
    """Replace the ``<!-- glossary:terms -->`` marker of ``docs/<language>/glossary.md``."""

    def article_url(source_id: str) -> str:
        return links.to_page(f"articles/{source_id}.md")

    def terms() -> str:
        groups: list[dict] = []
        for letter, term in ordered_terms(data.glossary, language):
            if not groups or groups[-1]["letter"] != letter:
                groups.append({"letter": letter, "terms": []})
            groups[-1]["terms"].append(
                dict(
                    term,
                    zh=data.text_in(term["zh"], language),  # the headword in the page's script (zh-Hant)
                    definition=data.in_language(term["definition"], language),
                    zh_lang=script_tag("Simplified"),
                    sources=[
                        {"href": article_url(source_id), "title": data.article_title(language, source_id)}
                        for source_id in term["sources"]
                    ],
                )
            )
        first = {group["letter"]: group["terms"][0]["id"] for group in groups}
        index = [{"letter": letter, "href": f"#{first[letter]}" if letter in first else None} for letter in LETTERS]
        if DIGITS in first:
            index.insert(0, {"letter": DIGITS, "href": f"#{first[DIGITS]}"})
        return render_macro("reference.html", "glossary", language, data.ui[language], groups=groups, index=index)

    return replace_markers(markdown, "glossary", {"terms": terms}, path, required=("terms",))
