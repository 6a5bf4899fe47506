"""The generated 繁體中文 site (/zh-Hant/): complete, Traditional where the site speaks, original
script where a source speaks, searchable, and in every per-language output."""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from clusterdocs.base.languages import GENERATED_CODES, language_of
from clusterdocs.check.script_conversion import convert
from clusterdocs.check.sitedata import load_site_data
from support import ROOT, SITE_URL

CODE = GENERATED_CODES[0]
PREFIX = language_of(CODE).prefix


class TextByLang(HTMLParser):
    """Text of the page's <main>, each piece with the nearest explicit ``lang`` around it."""

    VOID = {"br", "img", "input", "meta", "link", "hr", "wbr", "source", "col", "area", "base", "embed", "track"}

    def __init__(self):
        super().__init__()
        self.stack: list[tuple[str, str | None]] = []
        self.inside_main = 0
        self.pieces: list[tuple[str | None, str]] = []

    def handle_starttag(self, tag, attrs):
        if tag in self.VOID:
            return
        self.stack.append((tag, dict(attrs).get("lang")))
        self.inside_main += tag == "main"

    def handle_endtag(self, tag):
        while self.stack:
            open_tag, _ = self.stack.pop()
            if open_tag == "main":
                self.inside_main -= 1
            if open_tag == tag:
                break

    def handle_data(self, data):
        if self.inside_main and data.strip() and not any(tag in ("script", "style", "code") for tag, _ in self.stack):
            lang = next((lang for _, lang in reversed(self.stack) if lang), None)
            self.pieces.append((lang, data))


def pieces(path: Path) -> list[tuple[str | None, str]]:
    parser = TextByLang()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser.pieces


@pytest.fixture(scope="module")
def data():
    return load_site_data(ROOT)


def test_every_page_speaks_traditional_except_where_a_source_speaks(site_dir):
    """Text in the page's own language (no lang of its own) is already in Traditional form:
    converting it again changes nothing. Text with a lang of its own is a source's wording (its
    capture's script, which may be a converter's mixed forms) or English, and is left alone."""
    pages = sorted((site_dir / PREFIX).rglob("index.html"))
    assert len(pages) >= 13
    simplified_quotes = 0
    for page in pages:
        for lang, text in pieces(page):
            if lang is None:
                assert convert(text, "Traditional") == text, (page, text)
            elif lang == "zh-Hans":
                simplified_quotes += 1
    assert simplified_quotes > 0  # quotes from the Simplified sources (001, 004) stay Simplified


@pytest.mark.parametrize("slug, tag", [("central-local-2021", "zh-Hans"), ("chengyu-cross-province-2023", "zh-Hant")])
def test_quotes_keep_their_sources_script_and_lang(site_dir, data, slug, tag):
    html = (site_dir / PREFIX / "articles" / slug / "index.html").read_text(encoding="utf-8")
    quotes = re.findall(r'<figure class="cd-quote">\s*<blockquote>\s*<p lang="([^"]+)">([^<]*)</p>', html)
    written = data.article("zh", slug).data["quotes"]
    assert [text for _, text in quotes] == [quote["original"] for quote in written]
    assert {lang for lang, _ in quotes} == {tag}
    assert data.sources[slug].lang == tag
    assert "cd-quote__simplified" not in html  # no Simplified rendering on the Traditional site


def test_interface_strings_are_traditional(site_dir):
    html = (site_dir / PREFIX / "index.html").read_text(encoding="utf-8")
    assert '<html lang="zh-Hant"' in html
    assert "<title>首頁 - 中國先進製造業集群政策參考</title>" in html
    # Material's own strings come from its zh-Hant translation, not the Simplified one.
    placeholders = {}
    for code, page in ((CODE, html), ("zh", (site_dir / "zh" / "index.html").read_text(encoding="utf-8"))):
        config = re.search(r'<script id="__config" type="application/json">(.*?)</script>', page, re.S)[1]
        placeholders[code] = json.loads(config)["translations"]["search.result.placeholder"]
    assert placeholders == {CODE: "鍵入以開始檢索", "zh": "键入以开始搜索"}


def test_the_search_index_holds_only_traditional_pages_segmented_into_words(site_dir):
    index = json.loads((site_dir / PREFIX / "search" / "search_index.json").read_text(encoding="utf-8"))
    locations = {doc["location"].split("#")[0] for doc in index["docs"]}
    chinese = json.loads((site_dir / "zh" / "search" / "search_index.json").read_text(encoding="utf-8"))
    assert locations == {doc["location"].split("#")[0] for doc in chinese["docs"]}
    assert all(doc["location"] == "" or not doc["location"].startswith(("zh/", "zh-Hant/")) for doc in index["docs"])

    def pages_with_word(word: str) -> set[str]:
        return {
            doc["location"].split("#")[0]
            for doc in index["docs"]
            if f"\u200b{word}\u200b" in f"\u200b{doc['title']}\u200b{doc['text']}\u200b"
        }

    # jieba keeps these Traditional words whole (with jieba's stock dictionary they fall apart).
    assert "articles/chengyu-cross-province-2023/" in pages_with_word("成渝")
    assert "articles/chengyu-cross-province-2023/" in pages_with_word("專精特新")
    assert len(pages_with_word("產業集群")) >= 5
    english = json.loads((site_dir / "search" / "search_index.json").read_text(encoding="utf-8"))
    assert not any(doc["location"].startswith(PREFIX) for doc in english["docs"])


def test_feed_citations_and_sitemap_cover_the_traditional_site(site_dir):
    feed = (site_dir / PREFIX / "feed.xml").read_text(encoding="utf-8")
    assert 'xml:lang="zh-Hant"' in feed and "/zh-Hant/timeline/#" in feed
    written = sorted(path.relative_to(site_dir / "cite" / "zh") for path in (site_dir / "cite" / "zh").rglob("*.*"))
    generated = sorted(path.relative_to(site_dir / "cite" / CODE) for path in (site_dir / "cite" / CODE).rglob("*.*"))
    assert written and written == generated
    ris = (site_dir / "cite" / CODE / "articles" / "central-local-2021.ris").read_text(encoding="utf-8")
    assert "LA  - zh-Hant" in ris and "岳維松" in ris and "嶽" not in ris
    sitemap = (site_dir / "sitemap.xml").read_text(encoding="utf-8")
    assert f'hreflang="zh-Hant" href="{SITE_URL}zh-Hant/timeline/"' in sitemap


def test_generated_pages_are_not_in_git(site_dir):
    ignored = (ROOT / ".gitignore").read_text(encoding="utf-8")
    assert f"/docs/{CODE}/" in ignored.splitlines()
