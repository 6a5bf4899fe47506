"""Search in Chromium, through the site's own search box, as find-in-page finds text.

One page load per language: the search box is opened once and every query is typed into it in
turn (tests/search_samples.py). Sampled queries (seeded) come from every built page's main text;
named queries are the misses the site's search used to have, and terms that must land on their
entry. Expected pages are checked against the built HTML, so the table cannot go stale quietly.
"""

from __future__ import annotations

import re
from functools import cache
from urllib.parse import urlsplit

import opencc
import pytest
import yaml
from support import PageWatcher, site_path
from search_samples import found, main_text, sample_queries, type_queries, wait_until_search_ready

from clusterdocs.base.languages import LANGUAGES, language_of
from clusterdocs.base.paths import ROOT

pytestmark = pytest.mark.browser

TO_SIMPLIFIED = opencc.OpenCC("t2s").convert
TO_TRADITIONAL = opencc.OpenCC("s2tw").convert

# (language, query, the page it must find, its anchor or None); the misses first.
NAMED = [
    ("zh", "50人论坛", "articles/conference-2025/", None),
    ("zh", "五十人论坛", "articles/conference-2025/", None),
    ("zh", "45个国家", "articles/chengyu-cross-province-2023/", None),
    ("zh", "四十五个国家", "articles/chengyu-cross-province-2023/", None),
    ("zh", "国务院常务会议", "articles/chengyu-cross-province-2023/", None),
    ("zh-Hant", "国务院常务会议", "articles/chengyu-cross-province-2023/", None),  # typed in Simplified
    ("zh-Hant", "五十人論壇", "articles/conference-2025/", None),
    ("zh-Hant", "50人論壇", "articles/conference-2025/", None),
    ("zh", "柯桥", "clusters/", "keqiao-textiles-name"),
    # Words and names in both languages (jieba's words and the project dictionary's).
    ("zh", "链长制", "articles/park-cluster-paths-2023/", None),
    ("zh", "中关村", "articles/park-cluster-paths-2023/", None),
    ("en", "Zhongguancun", "articles/park-cluster-paths-2023/", None),
    ("zh", "成渝", "articles/chengyu-cross-province-2023/", None),
    ("en", "Chengdu", "articles/chengyu-cross-province-2023/", None),
    ("zh", "株洲", "articles/blueprint-14th-fyp/", None),
    ("en", "Zhuzhou", "articles/blueprint-14th-fyp/", None),
    ("zh", "工具箱", "articles/central-local-2021/", None),
    ("en", "toolbox", "articles/central-local-2021/", None),
    ("zh", "广州", "articles/conference-2025/", None),
    ("en", "Duan Zheng", "articles/conference-2025/", None),
    ("zh-Hant", "成渝", "articles/chengyu-cross-province-2023/", None),
    ("zh-Hant", "專精特新", "articles/chengyu-cross-province-2023/", None),
    ("zh-Hant", "廣州", "articles/conference-2025/", None),
]
GLOSSARY_TERMS = ("horse-race-competition", "state-council-executive-meeting", "little-giant-firms")


@cache
def glossary() -> dict[str, dict]:
    terms = yaml.safe_load((ROOT / "data" / "glossary.yml").read_text(encoding="utf-8"))["terms"]
    return {term["id"]: term for term in terms}


def named_queries() -> list[tuple[str, str, str, str | None]]:
    """NAMED, and each term of GLOSSARY_TERMS as a reader of each language types it (zh-Hant
    readers in Simplified), landing on the term's entry in the glossary."""
    queries = list(NAMED)
    for anchor in GLOSSARY_TERMS:
        term = glossary()[anchor]
        english = re.sub(r"[^\w\s-]", "", term["en"]).strip()
        queries += [("zh", term["zh"], "glossary/", anchor), ("zh-Hant", term["zh"], "glossary/", anchor)]
        queries += [("en", english, "glossary/", anchor)]
    return queries


@pytest.fixture(scope="module")
def answers(browser, site_url, site_dir):
    """Every sampled and named query's answer, by language: one page and one search box each."""
    samples = sample_queries(site_dir, LANGUAGES, to_simplified=TO_SIMPLIFIED)
    named = named_queries()
    results = {}
    for language in LANGUAGES:
        mine = [s for s in samples if s.language == language.code]
        extra = [q for code, q, _, _ in named if code == language.code]
        pairs = (
            [(TO_TRADITIONAL("国务院常务会议"), "国务院常务会议")] if language.converted_from else []
        )  # the same words in both scripts
        context = browser.new_context(viewport={"width": 1280, "height": 900})
        page = context.new_page()
        watcher = PageWatcher(page)
        page.goto(f"{site_url}/{language.prefix}")
        wait_until_search_ready(page)
        queries = [s.query for s in mine] + extra + [q for pair in pairs for q in pair]
        typed = type_queries(page, queries)
        context.close()
        results[language.code] = {
            "samples": list(zip(mine, typed[: len(mine)], strict=True)),
            "named": dict(zip(extra, typed[len(mine) : len(mine) + len(extra)], strict=True)),
            "pairs": typed[len(mine) + len(extra) :],
            "watcher": watcher,
            "site_url": site_url,
        }
    return results


@pytest.mark.parametrize("code", [language.code for language in LANGUAGES])
def test_sampled_strings_find_their_page_as_find_in_page_does(answers, code):
    samples = answers[code]["samples"]
    assert len(samples) >= 20
    missed = [(s.query, s.path) for s, answer in samples if not found(s, answer)]
    assert len(missed) <= 0.05 * len(samples), f"{len(missed)} of {len(samples)} not found: {missed}"
    watcher = answers[code]["watcher"]
    assert watcher.console_errors == [] and watcher.page_errors == [] and watcher.foreign_requests == []


@pytest.mark.parametrize("code, query, path, anchor", named_queries(), ids=lambda v: v if isinstance(v, str) else "")
def test_named_queries_find_their_page_and_land_on_the_entry(answers, site_dir, code, query, path, anchor):
    language = language_of(code)
    page_path = f"/{language.prefix}{path}"
    html = (site_dir / language.prefix / path / "index.html").read_text(encoding="utf-8")
    if anchor:
        assert f'id="{anchor}"' in html, f"{page_path} has no #{anchor}"
    answer = answers[code]["named"][query]
    pages = [site_path(link) for link in answer["pages"]]
    assert page_path in pages, (query, pages)
    if anchor:
        # In the page's group of results, the first link under the page's own is the entry's.
        group = [urlsplit(link) for link in answer["links"] if site_path(link) == page_path]
        sections = [link.fragment for link in group if link.fragment]
        assert sections and sections[0] == anchor, (query, sections)
    # The page's text holds the query in one script or the other, or with digits for numerals.
    text = TO_SIMPLIFIED(" ".join(main_text(html)))
    digits = query.replace("五十", "50").replace("四十五", "45")
    assert code == "en" or TO_SIMPLIFIED(query) in text or TO_SIMPLIFIED(digits) in text


def test_a_query_finds_the_same_pages_in_either_script_on_the_traditional_site(answers):
    for code, language_answers in answers.items():
        if not language_of(code).converted_from:
            continue
        traditional, simplified = language_answers["pairs"]
        assert traditional["all"] and sorted(traditional["all"]) == sorted(simplified["all"])


def test_results_show_no_permalink_signs_and_only_the_readers_language(answers):
    """Every answer: results only in the reader's language (one index per language), no "¶"."""
    for code, language_answers in answers.items():
        site_url = language_answers["site_url"]
        every = [answer for _, answer in language_answers["samples"]] + list(language_answers["named"].values())
        for answer in every:
            assert "¶" not in answer["text"], answer["query"]
            for link in answer["all"]:
                first = urlsplit(link.removeprefix(site_url)).path.strip("/").split("/")[0]
                other = {language.prefix.strip("/") for language in LANGUAGES if language.prefix} - {code}
                assert first not in other and (code == "en" or first == code), (answer["query"], link)


def test_enter_in_the_search_box_opens_the_term_at_its_entry(page, site_url):
    """Keyboard use: Enter follows the best result, which for a glossary term is its entry."""
    term = glossary()["horse-race-competition"]
    page.goto(f"{site_url}/zh/")
    wait_until_search_ready(page)
    field = page.locator("input.md-search__input")
    field.fill(term["zh"])
    field.press("End")  # the search box answers on keyup
    page.wait_for_selector(".md-search-result__item")
    with page.expect_navigation():
        field.press("Enter")
    assert site_path(page.url) == "/zh/glossary/" and urlsplit(page.url).fragment == term["id"]
    assert page.watcher.console_errors == [] and page.watcher.foreign_requests == []
