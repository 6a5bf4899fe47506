"""Search queries sampled from the built pages, and a way to run them through a search box.

What a reader can find with the browser's find-in-page is the standard: strings of two to four
Han characters, and English words, taken from each published page's main text (the article
element, without scripts, SVG drawings or heading permalinks), with a fixed seed so the sample
is the same on every run. On a Traditional site half the strings are typed in Simplified
characters, as many readers type them. Used by the browser tests (tests/browser/test_search.py)
and by scripts/search_comparison.py, which runs the same queries through another engine.
"""

from __future__ import annotations

import random
import re
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path

from support import site_path

HAN_RUN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]{2,}")
ENGLISH_WORD = re.compile(r"(?<![\w'’-])[A-Za-z]{5,}(?![\w'’-])")
BLOCKS = {
    "p", "li", "dt", "dd", "td", "th", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "div", "section",
    "caption", "figcaption", "blockquote", "pre", "table", "ul", "ol", "dl", "summary", "details", "br",
}  # fmt: skip
# Not page text a reader searches for: code and drawings, and the filter controls (their labels
# are the names of the choices, such as "Newest first").
SKIPPED = {"script", "style", "svg", "template", "button", "select", "noscript", "fieldset"}
# Frequent English words a reader would not search for on their own.
COMMON_WORDS = {
    "about", "after", "again", "their", "there", "these", "those", "which", "where", "while",
    "would", "could", "should", "other", "being", "between", "under", "through", "within",
    "since", "across", "until", "before", "still", "every", "whose",
}  # fmt: skip


@dataclass(frozen=True)
class Sample:
    language: str  # language code: en, zh, zh-Hant
    query: str  # what the reader types
    path: str  # the page it is on, as a URL path ("/zh/articles/x/")


class _MainText(HTMLParser):
    """The text of ``<article class="md-content__inner">``, one line per block."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.depth = 0  # inside the article, nesting depth of elements
        self.skipping = 0
        self.lines: list[str] = [""]

    def handle_starttag(self, tag, attrs):
        classes = (dict(attrs).get("class") or "").split()
        if self.depth == 0:
            if tag == "article" and "md-content__inner" in classes:
                self.depth = 1
            return
        if tag not in {"br", "img", "input", "hr", "meta", "link", "wbr"}:
            self.depth += 1
        # A role="img" element is read by its label; its inner text (the map's tile names, a full
        # name and a code of which the page shows one) is not text a reader finds on the page.
        # Hidden elements (the script-only filter forms) are not on the page until a script shows them.
        attributes = dict(attrs)
        hidden = "hidden" in attributes or attributes.get("role") == "img"
        if self.skipping or tag in SKIPPED or "headerlink" in classes or hidden:
            self.skipping += tag not in {"br", "img", "input", "hr", "wbr"}
        if tag in BLOCKS:
            self.lines.append("")

    def handle_endtag(self, tag):
        if self.depth == 0:
            return
        self.depth -= 1
        if self.skipping:
            self.skipping -= 1
        if tag in BLOCKS:
            self.lines.append("")

    def handle_data(self, data):
        if self.depth and not self.skipping:
            self.lines[-1] += data


def main_text(html: str) -> list[str]:
    """The visible text of a page's main content, one string per block."""
    parser = _MainText()
    parser.feed(html)
    return [" ".join(line.split()) for line in parser.lines if line.strip()]


def page_paths(site_dir: Path, prefix: str, others: list[str]) -> list[tuple[str, Path]]:
    """(URL path, file) of every page of one language: under ``prefix``, not under ``others``."""
    root = site_dir / prefix if prefix else site_dir
    pages = []
    for file in sorted(root.rglob("index.html")):
        relative = file.relative_to(site_dir).as_posix()
        if any(relative.startswith(other.rstrip("/") + "/") for other in others if other != prefix):
            continue
        pages.append(("/" + relative.removesuffix("index.html"), file))
    return pages


def han_samples(text: list[str], rng: random.Random, count: int) -> list[str]:
    """``count`` distinct substrings of 2-4 Han characters of ``text``."""
    runs = [run for line in text for run in HAN_RUN.findall(line)]
    found: set[str] = set()
    for _ in range(count * 20):
        if len(found) == count or not runs:
            break
        run = rng.choice(runs)
        length = rng.randint(2, min(4, len(run)))
        start = rng.randrange(len(run) - length + 1)
        found.add(run[start : start + length])
    return sorted(found)


def english_samples(text: list[str], rng: random.Random, count: int) -> list[str]:
    words = sorted({w for line in text for w in ENGLISH_WORD.findall(line) if w.lower() not in COMMON_WORDS})
    return sorted(rng.sample(words, min(count, len(words))))


def sample_queries(site_dir: Path, languages, per_page: int = 4, seed: int = 22, to_simplified=None) -> list[Sample]:
    """Queries from every page of every language in ``languages`` (``clusterdocs.base.languages.LANGUAGES``);
    ``to_simplified`` converts text to Simplified characters for half of a Traditional site's queries."""
    rng = random.Random(seed)
    prefixes = [language.prefix for language in languages if language.prefix]
    samples: list[Sample] = []
    for language in languages:
        for path, file in page_paths(site_dir, language.prefix, prefixes):
            text = main_text(file.read_text(encoding="utf-8"))
            if language.code == "en":
                queries = english_samples(text, rng, per_page)
            else:
                queries = han_samples(text, rng, per_page)
                if language.converted_from and to_simplified is not None:
                    queries = [to_simplified(q) if i % 2 else q for i, q in enumerate(queries)]
            samples += [Sample(language.code, query, path) for query in queries]
    return samples


# Types each query into Material's search box in turn (as a reader does: the input's value, then
# a keyup, which is what the search box listens for) and collects, for each, the result links the
# search box shows first (``pages``) and all of them (``all``, scrolling the list), once it has
# shown the answer to that query (every answer rewrites the result count line), with the time
# from the keyup to the answer.
TYPE_QUERIES_JS = """
async ([queries, limit]) => {
  const input = document.querySelector("input.md-search__input");
  const meta = document.querySelector(".md-search-result__meta");
  const list = document.querySelector(".md-search-result__list");
  input.focus();
  const answers = [];
  for (const query of queries) {
    const answered = new Promise(resolve => {
      const observer = new MutationObserver(() => { observer.disconnect(); resolve(true); });
      observer.observe(meta, {childList: true, characterData: true, subtree: true});
      setTimeout(() => { observer.disconnect(); resolve(false); }, 5000);
    });
    const start = performance.now();
    input.value = query;
    input.dispatchEvent(new KeyboardEvent("keyup", {bubbles: true, key: "End"}));
    const ok = await answered;
    const ms = performance.now() - start;
    const items = [...list.querySelectorAll(".md-search-result__item")].slice(0, limit);
    const first = items.map(item => item.querySelector("a").href);
    // The rest of a long list appears as the reader scrolls it.
    const scroller = list.closest(".md-search__scrollwrap");
    for (let shown = -1; list.children.length > shown && list.children.length >= limit;) {
      shown = list.children.length;
      scroller.scrollTop = scroller.scrollHeight;
      await new Promise(resolve => setTimeout(resolve, 50));
    }
    scroller.scrollTop = 0;
    answers.push({
      query, ok, ms,
      pages: first,
      all: [...list.querySelectorAll(".md-search-result__item > a")].map(a => a.href),
      links: items.flatMap(item => [...item.querySelectorAll("a")].map(a => a.href)),
      text: items.map(item => item.innerText).join("\\n"),
    });
  }
  return answers;
}
"""


def wait_until_search_ready(page, timeout_ms: int = 60000) -> None:
    """Open the search box and wait until its index is loaded: the search box then shows its
    'type to start searching' line instead of the 'initialising' one."""
    page.locator("input.md-search__input").focus()
    page.wait_for_function(
        "() => document.querySelector('.md-search-result__meta').textContent.trim() === "
        "JSON.parse(document.getElementById('__config').textContent).translations['search.result.placeholder']",
        timeout=timeout_ms,
    )


def found(sample: Sample, answer: dict, limit: int = 10) -> bool:
    """Whether ``sample``'s page is among the first ``limit`` results, or, when the query is on
    more pages than that, anywhere in the list (no order can put every one of them first)."""
    pages = [site_path(link) for link in answer["pages"]]
    everywhere = [site_path(link) for link in answer.get("all", [])]
    return sample.path in pages or (len(everywhere) > limit and sample.path in everywhere)


def type_queries(page, queries: list[str], limit: int = 10) -> list[dict]:
    """Run ``queries`` through the search box of the page open in ``page`` (see TYPE_QUERIES_JS)."""
    return page.evaluate(TYPE_QUERIES_JS, [queries, limit])
